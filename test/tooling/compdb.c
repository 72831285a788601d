/* -p BUILD_DIR: INPUT's flags come from BUILD_DIR/compile_commands.json -
 * here a -D and a relative -I (relative to the entry's directory) that the
 * file needs to parse.
 *
 * RUN: rm -rf %t && mkdir -p %t/build %t/src/inc
 * RUN: cp %S/Inputs/compdb/gen.c %t/src/ && cp %S/Inputs/compdb/inc/cfg.h %t/src/inc/
 *
 * Without the flags the file does not parse.
 * RUN: not %yieldc %t/src/gen.c -o %t/none.c 2> %t/none.err
 * RUN: FileCheck --check-prefix=NONE %s < %t/none.err
 * NONE: gen.c:5:10: {{(fatal )?}}error: 'cfg.h' file not found
 *
 * RUN: sed -e 's|@DIR@|%t|g' -e 's|@COUNT@|2|' %S/Inputs/compdb/compile_commands.json.in \
 * RUN:   > %t/build/compile_commands.json
 * RUN: %yieldc -p %t/build %t/src/gen.c -o %t/two.c
 * RUN: grep -v "^#line" %t/two.c | FileCheck --check-prefix=TWO %s
 * TWO: cfg_int v;
 * TWO: case 1: goto yc_resume_1;
 * TWO-NEXT: case 2: goto yc_resume_2;
 *
 * The dependency-file options are the compiler's, not the translator's.
 * RUN: not ls %t/build/gen.d
 *
 * A relative input path names the same entry.
 * RUN: cd %t/src && %yieldc -p ../build gen.c -o %t/two-rel.c
 *
 * RUN: sed -e 's|@DIR@|%t|g' -e 's|@COUNT@|1|' %S/Inputs/compdb/compile_commands.json.in \
 * RUN:   > %t/build/compile_commands.json
 * RUN: %yieldc -p %t/build %t/src/gen.c -o %t/one.c
 * RUN: FileCheck --check-prefix=ONE %s < %t/one.c
 * ONE: case 1: goto yc_resume_1;
 * ONE-NOT: yc_resume_2
 * RUN: not cmp -s %t/one.c %t/two.c
 *
 * A file with no entry is an error.
 * RUN: not %yieldc -p %t/build %S/Inputs/compdb/inc/cfg.h -o %t/x.c 2> %t/noentry.err
 * RUN: FileCheck --check-prefix=NOENTRY %s < %t/noentry.err
 * NOENTRY: error: '{{.*}}compile_commands.json' has no entry for '{{.*}}cfg.h'
 */

/* What `yieldc cc` runs.
 *
 * RUN: rm -rf %t && mkdir -p %t/bin
 *
 * The compiler is the first word; without one the launcher says so.
 * RUN: not %yieldc cc -c %s 2> %t/missing.err
 * RUN: FileCheck --check-prefix=MISSING %s < %t/missing.err
 * MISSING: yieldc cc: error: the compiler is missing: '-c' is not a compiler
 * MISSING-NEXT: usage: yieldc cc COMPILER ARGS... {{.*}}yieldc cc gcc -c gen.c -o gen.o
 *
 * A file that cannot hold a coroutine is compiled as it is: the command is
 * the user's, plus yieldc's include directory last, and libclang never
 * sees it (it could not parse the nested function).
 * RUN: %yieldc cc echo -O2 -c %S/Inputs/launcher-plain/nested.c -o %t/n.o | FileCheck --check-prefix=PLAIN %s
 * PLAIN: {{^}}-O2 -c {{.*}}/Inputs/launcher-plain/nested.c -o {{.*}}/n.o -I{{[^ ]*}}{{$}}
 * RUN: %yieldc cc gcc -O2 -c %S/Inputs/launcher-plain/nested.c -o %t/n.o
 * RUN: not ls %t/n.o.yc.c
 * Where the text names a suspension form, it is translated (and here the
 * translation fails, showing that libclang did parse the file); so is
 * every file with YIELDC_TRANSLATE_ALL=1.
 * RUN: not %yieldc cc gcc -O2 -c %S/Inputs/launcher-plain/named.c -o %t/a.o 2> %t/named.err
 * RUN: FileCheck --check-prefix=NAMED %s < %t/named.err
 * NAMED: named.c:6:{{[0-9]+}}: error: function definition is not allowed here
 * RUN: env YIELDC_TRANSLATE_ALL=1 %yieldc cc gcc -O2 -c %S/Inputs/launcher-plain/nested.c -o %t/n.o 2> %t/all.err; test $? = 1
 * RUN: FileCheck --check-prefix=ALL %s < %t/all.err
 * ALL: nested.c:7:{{[0-9]+}}: error: function definition is not allowed here
 *
 * Behind a wrapper (ccache, distcc, ...) yieldc's options go after the
 * compiler's name, not between the wrapper and the compiler.
 * RUN: printf '#!/bin/sh\necho "$@"\n' > %t/bin/ccache && chmod +x %t/bin/ccache
 * RUN: %yieldc cc %t/bin/ccache gcc -O2 -c %s -o %t/w.o | FileCheck --check-prefix=WRAP %s
 * WRAP: {{^}}gcc -iquote {{.*}}tooling -O2 -c {{.*}}/w.o.yc.c -o {{.*}}/w.o -I{{[^ ]*}}{{$}}
 *
 * The translation stays beside the object and is not written again while
 * its text is the same (same inode), so make, ccache and gdb see one file.
 * RUN: %yieldc cc %compiler -c %s -o %t/k.o
 * RUN: stat -c %%i %t/k.o.yc.c > %t/inode1
 * RUN: %yieldc cc %compiler -c %s -o %t/k.o
 * RUN: stat -c %%i %t/k.o.yc.c > %t/inode2
 * RUN: cmp %t/inode1 %t/inode2
 * A changed translation replaces it.
 * RUN: %yieldc cc %compiler -DMORE -c %s -o %t/k.o
 * RUN: stat -c %%i %t/k.o.yc.c > %t/inode3
 * RUN: not cmp %t/inode1 %t/inode3
 * Its #line directives name the source and the file itself, nothing else.
 * RUN: grep -h '^#line' %t/k.o.yc.c | sed 's/^#line [0-9]* //' | sort -u | FileCheck --check-prefix=LINES %s
 * LINES-DAG: "{{.*}}tooling/launcher-commands.c"
 * LINES-DAG: "{{.*}}/k.o.yc.c"
 * RUN: test "$(grep -h '^#line' %t/k.o.yc.c | sed 's/^#line [0-9]* //' | sort -u | wc -l)" = 2
 *
 * Without -o, the object is named after the source, as the compiler
 * names it, for each of several inputs too.
 * RUN: mkdir -p %t/noo && cd %t/noo && %yieldc cc %compiler -c %s %S/Inputs/plain-dup.c
 * RUN: ls %t/noo | FileCheck --check-prefix=NOO %s
 * NOO: launcher-commands.o
 * NOO-NEXT: launcher-commands.o.yc.c
 * NOO-NEXT: plain-dup.o
 * NOO-NOT: {{.}}
 *
 * Preprocessed output names the source, not a temporary, and is the same
 * whatever the output's name (ccache hashes it); so are -M's rules.
 * RUN: %yieldc cc %compiler -E %s -o %t/one.i
 * RUN: %yieldc cc %compiler -E %s -o %t/two.i
 * RUN: cmp %t/one.i %t/two.i
 * RUN: cd %t && %yieldc cc %compiler -E %s > %t/three.i
 * RUN: cmp %t/one.i %t/three.i
 * RUN: FileCheck --check-prefix=CPP %s < %t/one.i
 * CPP: # 1 "{{.*}}tooling/launcher-commands.c"
 * CPP-NOT: .yc.
 * RUN: cd %t && %yieldc cc %compiler -M %s | FileCheck --check-prefix=RULES %s
 * RULES: launcher-commands.o: {{.*}}tooling/launcher-commands.c
 * RULES-NOT: .yc.
 * Nothing is left of the temporaries.
 * RUN: ls -a %t > %t.ls && grep -q '^k.o.yc.c$' %t.ls
 * RUN: not grep -e '\.tmp$' -e '^\.yc\.' %t.ls
 */
#include <yieldc.h>

yc_generator(int) evens(int n) {
  for (int i = 0; i < n; i += 2)
    yield(i);
#ifdef MORE
  yield(n);
#endif
}

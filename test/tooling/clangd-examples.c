/* IDE set-up: clangd, given a compilation database with -I include,
 * checks every example in the authoring view without an error.
 *
 * RUN: rm -rf %t && mkdir -p %t
 * RUN: cd %srcroot/examples && for f in *.c; do \
 * RUN:   printf '{"directory": "%srcroot/examples", "file": "%%s", "arguments": ["cc", "-std=gnu11", "-I%include", "-c", "%%s"]},\n' "$f" "$f"; \
 * RUN: done > %t/entries
 * RUN: (echo '['; sed '$ s/,$//' %t/entries; echo ']') > %t/compile_commands.json
 * RUN: ls %srcroot/examples/*.c | xargs -P 2 -I{} sh -c \
 * RUN:   'clangd --check={} --compile-commands-dir=%t > %t/$(basename {}).log 2>&1; echo "$? {}"' \
 * RUN:   > %t/status
 * RUN: test $(ls %t/*.c.log | wc -l) -ge 10
 * RUN: not grep -v '^0 ' %t/status
 * RUN: not grep '^E\[' %t/*.c.log
 * RUN: for f in %t/*.c.log; do grep -q 'All checks completed, 0 errors' $f || { echo "$f"; exit 1; }; done
 * RUN: cat %t/count_up.c.log | FileCheck %s
 * CHECK: Compile command from CDB is: {{.*}}-I{{.*}}include
 * CHECK: All checks completed, 0 errors
 */

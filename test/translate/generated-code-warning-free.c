// What yieldc writes compiles with no warning under -Wall -Wextra -Werror
// with gcc and with clang, at -O0 and at -O2, for every example and for
// the SPEC's forms.
// RUN: rm -rf %t && mkdir -p %t
// RUN: sh -c 'for f in %srcroot/examples/*.c %S/Inputs/spec-examples.c; do %yieldc "$f" -o %t/$(basename "$f") || exit 1; done'
// RUN: sh -c 'for cc in gcc clang; do for o in -O0 -O2; do for f in %t/*.c; do $cc -std=gnu11 -Wall -Wextra -Werror $o -I%include -c "$f" -o "$f.o" || exit 1; done; done; done'

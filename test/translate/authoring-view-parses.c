// The authoring view is valid C: clang parses every example and every form
// of SPEC.md through yieldc.h with -Wall -Wextra and no diagnostics, in
// C11 and GNU C modes (the examples, which use POSIX, in GNU C).
// RUN: %clang-syntax -std=c11 %S/Inputs/spec-examples.c
// RUN: %clang-syntax -std=gnu17 %S/Inputs/spec-examples.c
// RUN: sh -c 'for f in %srcroot/examples/*.c; do %clang-syntax -std=gnu11 "$f" || exit 1; done'

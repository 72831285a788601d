// What a generator expression cannot be: a clause that is not yc_in,
// yc_in_range or yc_where, a first clause that is not a source, an inner
// source that is a variable (it would be freed after its first pass, then
// used again), a capture of a variable whose type is declared in the
// function (the expression becomes a function at file scope), one
// written in the body of a macro, and a clause standing on its own.
// RUN: rm -f %t.c
// RUN: not %yieldc %s -o %t.c 2>&1 | FileCheck %s
// RUN: not test -e %t.c
#include <yieldc.h>

yc_generator(int) numbers(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}

#define SQUARES(g) yc_genexpr(int, sq * sq, yc_in(int, sq, g))

int plain(yc_gen *src) {
  yc_gen *a = yc_genexpr(int, 1, yc_where(1), yc_in(int, x, numbers(3)));
  // CHECK: genexpr-misuse.c:[[@LINE-1]]:34: error: a generator expression's first clause must be a source
  // CHECK-NEXT: {{^}}  yc_gen *a = yc_genexpr(int, 1, yc_where(1), yc_in(int, x, numbers(3)));
  // CHECK-NEXT: {{^}}                                 ^
  // CHECK-NEXT: note: begin with yc_in(...) or yc_in_range(...), as Python's 'for'
  yc_gen *b = yc_genexpr(int, x + y, yc_in(int, x, numbers(3)), yc_in(int, y, src));
  // CHECK: genexpr-misuse.c:[[@LINE-1]]:79: error: inner source of a generator expression is a variable
  // CHECK-NEXT: {{^}}  yc_gen *b
  // CHECK-NEXT: {{^}}                                                                              ^
  // CHECK-NEXT: note: an inner source is evaluated for each item of the sources before it and its generator freed after: write a call that makes a new generator, or make this source the first
  struct local { int v; } l = {1};
  yc_gen *c = yc_genexpr(int, l.v + x, yc_in(int, x, numbers(3)));
  // CHECK: genexpr-misuse.c:[[@LINE-1]]:31: error: generator expression captures 'l', whose type is declared inside the function
  // CHECK-NEXT: {{^}}  yc_gen *c
  // CHECK-NEXT: {{^}}                              ^
  // CHECK-NEXT: note: the expression is a generator function of its own at file scope, and captures by value: declare the type at file scope, or capture a pointer
  yc_gen *d = SQUARES(numbers(3));
  // CHECK: genexpr-misuse.c:[[@LINE-1]]:15: error: generator expression comes from the body of a macro
  // CHECK-NEXT: {{^}}  yc_gen *d
  // CHECK-NEXT: {{^}}              ^
  // CHECK-NEXT: note: write yc_genexpr(...) directly in the function's text; a macro cannot hide the generator function it becomes
  yc_where(1);
  // CHECK: genexpr-misuse.c:[[@LINE-1]]:3: error: a clause of a generator expression outside yc_genexpr
  // CHECK-NEXT: {{^}}  yc_where(1);
  // CHECK-NEXT: {{^}}  ^
  // CHECK-NEXT: note: write the clause inside yc_genexpr(T, value, clauses...), as the first source or after it
  yc_free(a);
  yc_free(b);
  yc_free(c);
  yc_free(d);
  return 0;
}

yc_generator(int) in_generator(int x) {
  yc_where(x > 1);
  // CHECK: genexpr-misuse.c:[[@LINE-1]]:3: error: a clause of a generator expression outside yc_genexpr
  yield(x);
}

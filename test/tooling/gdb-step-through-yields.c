/* The plain gdb experience of a translated program (no helper script):
 * `next` across three yields lands in the consumer and back, `step` goes
 * into the generator a yield_from delegates to, `finish` returns from it,
 * a local that lives across yields prints, and `bt` names the user's
 * functions.  No stop shows a line of the translation (the launcher does
 * not keep it), of yieldc's headers or of the runtime: the resume
 * function's scaffolding is mapped to the generator's first line and
 * closing brace, and yc_next / yc_foreach are on the consumer's line.
 *
 * REQUIRES: gdb
 * RUN: rm -rf %t && mkdir -p %t
 * RUN: %yieldc %s -o %t/steps.yc.c
 * RUN: %compiler -g -O0 %sanflags -I%include %t/steps.yc.c -o %t/steps %link
 * RUN: grep -n 'break: loop' %s | tail -1 | cut -d: -f1 > %t/loop
 * RUN: grep -n 'break: delegate' %s | tail -1 | cut -d: -f1 > %t/delegate
 * RUN: grep -n 'break: drained' %s | tail -1 | cut -d: -f1 > %t/drained
 * RUN: gdb -nx -batch -ex "break gdb-step-through-yields.c:$(cat %t/loop)" -ex run \
 * RUN:   -ex next -ex next -ex next -ex next -ex next -ex next \
 * RUN:   -ex next -ex next -ex next -ex next -ex next -ex next \
 * RUN:   -ex next -ex 'print total' -ex next -ex delete -ex "break gdb-step-through-yields.c:$(cat %t/delegate)" \
 * RUN:   -ex continue -ex next -ex step -ex bt -ex finish -ex 'print total' -ex bt \
 * RUN:   %t/steps > %t/foreach.log 2>&1
 * A line gdb reports twice in a row (clang with ASan steps a macro's line
 * in two parts) is one stop for these checks.
 * RUN: uniq %t/foreach.log > %t/foreach.uniq
 * RUN: FileCheck --check-prefix=FOREACH %s --implicit-check-not=.yc.c \
 * RUN:   --implicit-check-not=include/yieldc --implicit-check-not=runtime/ \
 * RUN:   --implicit-check-not='No such file' --input-file=%t/foreach.uniq
 * FOREACH: Breakpoint 1{{(\.[0-9]+)?}}, outer__resume {{.*}} at {{.*}}gdb-step-through-yields.c:{{[0-9]+}}
 * FOREACH-NEXT: {{^[0-9]+}} {{.*}}total += i; // break: loop
 * FOREACH-NEXT: {{^[0-9]+}} {{.*}}yield(total);
 * FOREACH-NEXT: main () at {{.*}}gdb-step-through-yields.c:{{[0-9]+}}
 * FOREACH-NEXT: {{^[0-9]+}} {{.*}}yc_foreach (int v, outer(3)) {
 * FOREACH-NEXT: {{^[0-9]+}} {{.*}}sum += v;
 * FOREACH-NEXT: {{^[0-9]+}} {{.*}}printf("%d\n", v);
 * FOREACH-NEXT: {{^[0-9]+}} {{.*}}yc_foreach (int v, outer(3)) {
 * FOREACH-EMPTY:
 * FOREACH-NEXT: Breakpoint 1{{(\.[0-9]+)?}}, outer__resume {{.*}} at {{.*}}gdb-step-through-yields.c:{{[0-9]+}}
 * FOREACH-NEXT: {{^[0-9]+}} {{.*}}total += i; // break: loop
 * FOREACH-NEXT: {{^[0-9]+}} {{.*}}yield(total);
 * FOREACH-NEXT: main () at {{.*}}gdb-step-through-yields.c:{{[0-9]+}}
 * FOREACH: Breakpoint 1{{(\.[0-9]+)?}}, outer__resume {{.*}} at {{.*}}gdb-step-through-yields.c:{{[0-9]+}}
 * FOREACH-NEXT: {{^[0-9]+}} {{.*}}total += i; // break: loop
 * FOREACH-NEXT: {{^[0-9]+}} {{.*}}yield(total);
 * The local total lives across the yields: 0, then 0 + 1, then 1 + 2.
 * FOREACH-NEXT: $1 = 3
 * FOREACH-NEXT: main () at {{.*}}gdb-step-through-yields.c:{{[0-9]+}}
 * FOREACH: Breakpoint 2{{(\.[0-9]+)?}}, outer__resume {{.*}} at {{.*}}gdb-step-through-yields.c:{{[0-9]+}}
 * FOREACH-NEXT: {{^[0-9]+}} {{.*}}int base = total; // break: delegate
 * FOREACH-NEXT: {{^[0-9]+}} {{.*}}yield_from(inner(base));
 * FOREACH-NEXT: inner (base=3) at {{.*}}gdb-step-through-yields.c:{{[0-9]+}}
 * FOREACH-NEXT: {{^[0-9]+}} {{.*}}yc_generator(int) inner(int base) {
 * FOREACH-NEXT: #0  inner (base=3) at {{.*}}gdb-step-through-yields.c:{{[0-9]+}}
 * FOREACH-NEXT: #1  {{.*}}outer__resume {{.*}} at {{.*}}gdb-step-through-yields.c:{{[0-9]+}}
 * FOREACH-NEXT: #2  {{.*}}main () at {{.*}}gdb-step-through-yields.c:{{[0-9]+}}
 * FOREACH-NEXT: {{(0x[0-9a-f]+ in )?}}outer__resume {{.*}} at {{.*}}gdb-step-through-yields.c:{{[0-9]+}}
 * FOREACH-NEXT: {{^[0-9]+}} {{.*}}yield_from(inner(base));
 * FOREACH-NEXT: Value returned is $2 = (yc_gen *) 0x{{[0-9a-f]+}}
 * FOREACH-NEXT: $3 = 3
 * FOREACH-NEXT: #0  {{(0x[0-9a-f]+ in )?}}outer__resume {{.*}} at {{.*}}gdb-step-through-yields.c:{{[0-9]+}}
 * FOREACH-NEXT: #1  {{.*}}main () at {{.*}}gdb-step-through-yields.c:{{[0-9]+}}
 *
 * A consumer calling yc_next: `next` off a yield comes back to the
 * consumer's line, not to coro.h (the generator is resumed through its
 * exported resume function, at the generator's first line).
 * RUN: gdb -nx -batch -ex "break gdb-step-through-yields.c:$(cat %t/drained)" -ex run \
 * RUN:   -ex next -ex next -ex next -ex next -ex next -ex next -ex next -ex next %t/steps > %t/next.log 2>&1
 * RUN: uniq %t/next.log > %t/next.uniq
 * RUN: FileCheck --check-prefix=NEXT %s --implicit-check-not=.yc.c \
 * RUN:   --implicit-check-not=include/yieldc --implicit-check-not=runtime/ \
 * RUN:   --implicit-check-not='No such file' --input-file=%t/next.uniq
 * NEXT: Breakpoint 1{{(\.[0-9]+)?}}, squares__resume {{.*}} at {{.*}}gdb-step-through-yields.c:{{[0-9]+}}
 * NEXT-NEXT: {{^[0-9]+}} {{.*}}yield(k * k); // break: drained
 * (gcc first shows the exported wrapper: squares__xresume at squares' line)
 * NEXT: drain (g={{.*}}) at {{.*}}gdb-step-through-yields.c:{{[0-9]+}}
 * NEXT-NEXT: {{^[0-9]+}} {{.*}}last = v;
 * NEXT-NEXT: {{^[0-9]+}} {{.*}}while (yc_next(g, &v))
 * NEXT-EMPTY:
 * NEXT-NEXT: Breakpoint 1{{(\.[0-9]+)?}}, squares__resume {{.*}} at {{.*}}gdb-step-through-yields.c:{{[0-9]+}}
 */
#include <stdio.h>
#include <yieldc.h>

yc_generator(int) inner(int base) {
  int k = base * 10;
  yield(k + 1);
  yield(k + 2);
}

yc_generator(int) outer(int n) {
  int total = 0;
  for (int i = 0; i < n; i++) {
    total += i; // break: loop
    yield(total);
  }
  int base = total; // break: delegate
  yield_from(inner(base));
  yield(-1);
}

yc_generator(int) squares(int n) {
  for (int k = 1; k <= n; k++)
    yield(k * k); // break: drained
}

static int drain(yc_gen *g) {
  int v, last = 0;
  while (yc_next(g, &v))
    last = v;
  yc_free(g);
  return last;
}

int main(void) {
  int sum = 0;
  yc_foreach (int v, outer(3)) {
    sum += v;
    printf("%d\n", v);
  }
  printf("sum %d, last square %d\n", sum, drain(squares(3)));
  return 0;
}

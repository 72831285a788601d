/* Every form SPEC.md shows, in the authoring view (parsed, not run). */
#include <stdio.h>
#include <yieldc.h>

struct point { int x, y; };
struct wrap { int values[4]; };

yc_generator(int) count_up(int limit);
yc_generator(int) count_up(int limit) {
  for (int i = 0; i < limit; i++) yield(i);
}
yc_generator(void) task(const char *name) {
  for (int i = 0; i < 3; i++) { printf("%s %d\n", name, i); yield(); }
}
yc_generator(int, int) accumulator(void) {
  int total = 0;
  for (;;) { int v = yield(total, int); total += v; }
}
yc_generator(int, void, const char *) child(void) { yield(1); yield(2); yc_return("done"); }
yc_generator(int) parent(void) {
  const char *r = yield_from(child(), const char *);
  printf("%s\n", r);
  yield_from(count_up(2));
  return;
}
yc_generator(struct point) points(void) {
  struct point p = {1, 2};
  yc_try { yield(p); } yc_catch (err) { printf("%d\n", err); yc_raise(err); }
}
yc_generator(int (*)(int)) funcs(void) { yield(NULL); }
yc_generator(struct wrap) wrapped(void) { struct wrap w = {{1, 2, 3, 4}}; yield(w); }
yc_async(int) work(int ms) {
  await(yc_sleep(ms));
  int r = await(yc_sleep(1), int);
  yc_return(r + ms);
}
yc_async_generator(int) stream(void) {
  for (int i = 0; i < 3; i++) { await(yc_sleep(0)); yield(i); }
}
yc_async(void) consume(void) {
  int x;
  yc_agen *s = stream();
  while (await_next(s, &x)) printf("%d\n", x);
  yc_free(s);
}
int main(void) {
  yc_foreach (int n, count_up(3)) printf("%d\n", n);
  yc_gen *g = accumulator();
  int out, in = 5;
  yc_next(g, &out);
  yc_send(g, &in, &out);
  yc_send(g, &in, NULL);
  yc_throw(g, 1, &out);
  yc_close(g);
  const char *r;
  yc_result(g, &r);
  (void)yc_done(g);
  (void)yc_error(g);
  yc_free(g);
  int total;
  return yc_run(work(3), &total);
}

/* A plugin: a shared object that defines generators and an async function
 * and runs them (frame pool, event loop: the runtime's thread-local state)
 * when its host calls plugin_run. */
#include <stdio.h>

#include <yieldc.h>

yc_generator(int) squares(int n) {
  for (int i = 1; i <= n; i++)
    yield(i * i);
}

yc_async(int) later(int v) {
  await(yc_sleep(1));
  yc_return(v + 1);
}

int plugin_run(int n) {
  int sum = 0;
  yc_foreach (int s, squares(n))
    sum += s;
  int r = 0;
  if (yc_run(later(sum), &r) != 0)
    return -1;
  printf("plugin: squares(%d) sum %d, after a sleep %d\n", n, sum, r);
  return r;
}

// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
/* The event loop polls its backend at most once a turn, not at all while
 * only ready tasks remain, and never with a timeout while a task is ready
 * (SPEC section 6; issue 6: one epoll_wait per turn at most, none while
 * tasks are ready).  Counted with yc_loop_stats_get. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <yieldc.h>

yc_async(int) spin(int n) {
  for (int i = 0; i < n; i++) await(yc_sleep(0));
  yc_return(n);
}

yc_async(int) writer(int fd, int n) {
  for (int i = 0; i < n; i++) {
    char c = (char)('a' + i % 26);
    await(yc_write_all(fd, &c, 1));
    await(yc_sleep(0));
  }
  close(fd);
  yc_return(n);
}

yc_async(int) reader(int fd) {
  char c;
  int got = 0;
  while (await(yc_read(fd, &c, 1), ssize_t) == 1) got++;
  yc_return(got);
}

yc_async(int) pipe_pair(int n) {
  int fds[2];
  if (pipe(fds) != 0) yc_raise(-1);
  fcntl(fds[0], F_SETFL, O_NONBLOCK);
  fcntl(fds[1], F_SETFL, O_NONBLOCK);
  yc_task *w = yc_spawn(writer(fds[1], n));
  yc_task *r = yc_spawn(reader(fds[0]));
  int sent = await(w, int);
  int got = await(r, int);
  close(fds[0]);
  yc_return(sent == got ? got : -1);
}

yc_async(int) nap(void) {
  await(yc_sleep(20));
  yc_return(0);
}

int main(void) {
  yc_loop_stats a, b;
  int r;

  yc_loop_stats_get(&a);
  yc_run(spin(1000), &r);
  yc_loop_stats_get(&b);
  printf("ready tasks only: turned: %s, polls: %lu\n", b.turns > a.turns ? "yes" : "no",
         b.polls - a.polls);

  yc_loop_stats_get(&a);
  yc_run(pipe_pair(200), &r);
  yc_loop_stats_get(&b);
  printf("pipe: %d bytes, polls <= turns: %s\n", r,
         b.polls - a.polls <= b.turns - a.turns ? "yes" : "no");

  yc_loop_stats_get(&a);
  yc_run(nap(), &r);
  yc_loop_stats_get(&b);
  printf("sleeping: polled: %s\n", b.polls - a.polls >= 1 ? "yes" : "no");
  printf("blocking polls while ready: %lu\n", b.blocking_polls_while_ready);
  return 0;
}
// CHECK: ready tasks only: turned: yes, polls: 0
// CHECK-NEXT: pipe: 200 bytes, polls <= turns: yes
// CHECK-NEXT: sleeping: polled: yes
// CHECK-NEXT: blocking polls while ready: 0
// CHECK-NOT: {{.}}

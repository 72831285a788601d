// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
/* I/O errors surface as results, not as failures of the loop: a peer that
 * resets its connection gives -ECONNRESET to the reader, writing to a
 * closed pipe gives -EPIPE, a closed descriptor -EBADF; and the loop goes
 * on running other tasks afterwards. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <yieldc.h>

static struct sockaddr_in addr;

yc_async(int) resetting_peer(void) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  int rc = await(yc_connect(fd, (struct sockaddr *)&addr, sizeof addr), int);
  /* SO_LINGER with a zero timeout: close sends a reset */
  struct linger lg = {1, 0};
  setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
  await(yc_sleep(10));
  close(fd);
  yc_return(rc);
}

yc_async(int) server(int lfd) {
  yc_task *peer = yc_spawn(resetting_peer());
  int fd = await(yc_accept(lfd, NULL, NULL), int);
  char buf[8];
  ssize_t n = await(yc_read(fd, buf, sizeof buf), ssize_t);
  printf("read from a reset peer: %s\n", n == -ECONNRESET ? "-ECONNRESET" : "other");
  close(fd);
  await(peer);

  int p[2];
  if (pipe(p) != 0) yc_raise(-1);
  fcntl(p[1], F_SETFL, O_NONBLOCK);
  close(p[0]);
  ssize_t w = await(yc_write(p[1], "x", 1), ssize_t);
  printf("write to a closed pipe: %s\n", w == -EPIPE ? "-EPIPE" : "other");
  close(p[1]);
  ssize_t b = await(yc_read(p[1], buf, 1), ssize_t);
  printf("read from a closed descriptor: %s\n", b == -EBADF ? "-EBADF" : "other");

  await(yc_sleep(1));
  printf("the loop still runs tasks\n");
  yc_return(0);
}

int main(void) {
  signal(SIGPIPE, SIG_IGN);
  int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (bind(lfd, (struct sockaddr *)&addr, sizeof addr) ||
      getsockname(lfd, (struct sockaddr *)&addr, &len) || listen(lfd, 8))
    return 1;
  int rc = yc_run(server(lfd), NULL);
  printf("yc_run: %d\n", rc);
  close(lfd);
  return 0;
}
// CHECK: read from a reset peer: -ECONNRESET
// CHECK-NEXT: write to a closed pipe: -EPIPE
// CHECK-NEXT: read from a closed descriptor: -EBADF
// CHECK-NEXT: the loop still runs tasks
// CHECK-NEXT: yc_run: 0
// CHECK-NOT: {{.}}

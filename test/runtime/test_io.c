/* test_io.c - awaitable I/O: read/write over a socketpair (waiting for
 * data, end of file, -EPIPE without SIGPIPE, -EBADF), write_all of more
 * than a pipe holds against a concurrent reader, one reader per descriptor
 * (-EBUSY), a cancelled read leaving no interest behind, accept/connect on
 * 127.0.0.1 (and a refused connect); under both backends. */
#include "test_loop_util.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#define BIG (1u << 20)

static int sv[2], pfd[2];
static unsigned char *big_out, *big_in;
static ssize_t rd_result;

static void nonblock(int fd) {
  CHECK(fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) == 0);
}

typedef struct io_task_frame {
  yc_coro hdr;
  void *aux; /* async frames carry yc__aux after the header */
  int n, fd, i;
  size_t got;
  ssize_t v;
  char buf[64];
  struct sockaddr_in addr;
  socklen_t alen;
  yc_task *t[2];
  yc_coro *sub;
  int ret;
} io_task_frame;
ASYNC_TYPE(io_task, io_task_frame, int, ret);
static yc_task *io_task(int n);

/* Await expr; a thrown error goes to f->v, else its ssize_t / int value. */
#define AWAIT_V(N, expr, T)                                                    \
  AWAIT(N, expr);                                                              \
  if (THROWN()) {                                                              \
    if (c->flags & YC__F_CLOSE) {                                              \
      FREE_SUB();                                                              \
      UNWIND();                                                                \
    }                                                                          \
    f->v = CATCH();                                                            \
  } else {                                                                     \
    f->v = yc__result_ptr(f->sub) ? (ssize_t)RESULT(T) : 0;                    \
  }                                                                            \
  FREE_SUB();

static int io_task_resume(yc_coro *c, void *out, const void *in) {
  io_task_frame *f = (io_task_frame *)c;
  (void)out, (void)in;
  switch (c->state) {
  case 0: break;
  case 1: goto resume_1;
  case 2: goto resume_2;
  case 3: goto resume_3;
  case 4: goto resume_4;
  case 5: goto resume_5;
  case 6: goto resume_6;
  case 7: goto resume_7;
  case 8: goto resume_8;
  case 9: goto resume_9;
  case 10: goto resume_10;
  case 11: goto resume_11;
  case 12: goto resume_12;
  case 13: goto resume_13;
  case 14: goto resume_14;
  case 15: goto resume_15;
  case 16: goto resume_16;
  case 17: goto resume_17;
  case 18: goto resume_18;
  case 19: goto resume_19;
  case 20: goto resume_20;
  case 21: goto resume_21;
  case 22: goto resume_22;
  default: return YC__RETURN;
  }
  switch (f->n) {
  case 0: /* main: socketpair */
    CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
    nonblock(sv[0]);
    nonblock(sv[1]);
    f->t[0] = yc_spawn(io_task(1)); /* reads, waiting for data */
    AWAIT_V(1, yc_sleep(2), char);
    CHECK(rd_result == 0); /* still waiting */
    AWAIT_V(2, yc_write(sv[1], "hello", 5), ssize_t);
    CHECK(f->v == 5);
    AWAIT_V(3, f->t[0], int);
    CHECK(f->v == 0 && rd_result == 5);
    /* one reader per descriptor */
    f->t[0] = yc_spawn(io_task(1));
    AWAIT_V(4, yc_sleep(1), char);
    AWAIT_V(5, yc_read(sv[0], f->buf, sizeof f->buf), ssize_t);
    CHECK(f->v == -EBUSY);
    /* a cancelled reader unregisters: the next read works */
    yc_cancel(f->t[0]);
    AWAIT_V(6, f->t[0], int);
    CHECK(f->v == YC_ECANCELLED);
    AWAIT_V(7, yc_write(sv[1], "abc", 3), ssize_t);
    AWAIT_V(8, yc_read(sv[0], f->buf, sizeof f->buf), ssize_t);
    CHECK(f->v == 3 && memcmp(f->buf, "abc", 3) == 0);
    /* end of file, then a write to a closed peer */
    close(sv[1]);
    AWAIT_V(9, yc_read(sv[0], f->buf, sizeof f->buf), ssize_t);
    CHECK(f->v == 0);
    AWAIT_V(10, yc_write(sv[0], "x", 1), ssize_t);
    CHECK(f->v == -EPIPE);
    close(sv[0]);
    AWAIT_V(11, yc_read(sv[0], f->buf, 1), ssize_t);
    CHECK(f->v == -EBADF);
    break;

  case 1: /* read once from sv[0] */
    rd_result = 0;
    AWAIT_V(12, yc_read(sv[0], f->buf, sizeof f->buf), ssize_t);
    rd_result = f->v;
    if (f->v == YC_ECANCELLED)
      RAISE(YC_ECANCELLED);
    CHECK(f->v == 5 && memcmp(f->buf, "hello", 5) == 0);
    break;

  case 2: /* main: write_all of 1 MiB through a pipe, read concurrently */
    CHECK(pipe(pfd) == 0);
    nonblock(pfd[0]);
    nonblock(pfd[1]);
    f->t[0] = yc_spawn(io_task(3));
    AWAIT_V(13, yc_write_all(pfd[1], big_out, BIG), ssize_t);
    CHECK(f->v == (ssize_t)BIG);
    close(pfd[1]);
    AWAIT_V(14, f->t[0], int);
    CHECK(f->v == 0);
    CHECK(memcmp(big_in, big_out, BIG) == 0);
    close(pfd[0]);
    break;

  case 3: /* read the pipe to its end, in odd-sized pieces */
    for (f->got = 0;;) {
      AWAIT_V(15, yc_read(pfd[0], big_in + f->got,
                          f->got + 3001 > BIG ? BIG - f->got : 3001),
              ssize_t);
      CHECK(f->v >= 0);
      if (f->v == 0)
        break;
      f->got += (size_t)f->v;
    }
    CHECK(f->got == BIG);
    break;

  case 4: /* main: accept / connect on 127.0.0.1 */
    f->fd = socket(AF_INET, SOCK_STREAM, 0);
    CHECK(f->fd >= 0);
    nonblock(f->fd);
    f->addr = (struct sockaddr_in){.sin_family = AF_INET};
    f->addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    CHECK(bind(f->fd, (struct sockaddr *)&f->addr, sizeof f->addr) == 0);
    f->alen = sizeof f->addr;
    CHECK(getsockname(f->fd, (struct sockaddr *)&f->addr, &f->alen) == 0);
    CHECK(listen(f->fd, 8) == 0);
    sv[0] = f->fd; /* the listener */
    pfd[0] = ntohs(f->addr.sin_port);
    f->t[0] = yc_spawn(io_task(5)); /* the client */
    f->alen = sizeof f->addr;
    AWAIT_V(16, yc_accept(f->fd, (struct sockaddr *)&f->addr, &f->alen), int);
    CHECK(f->v >= 0);
    CHECK(fcntl((int)f->v, F_GETFL) & O_NONBLOCK);
    CHECK(f->addr.sin_addr.s_addr == htonl(INADDR_LOOPBACK));
    f->i = (int)f->v;
    AWAIT_V(17, yc_read(f->i, f->buf, 4), ssize_t);
    CHECK(f->v == 4 && memcmp(f->buf, "ping", 4) == 0);
    AWAIT_V(18, yc_write_all(f->i, "pong", 4), ssize_t);
    CHECK(f->v == 4);
    AWAIT_V(19, f->t[0], int);
    CHECK(f->v == 0);
    close(f->i);
    close(f->fd);
    break;

  case 5: /* client: connect, ping, expect pong; then a refused connect */
    f->fd = socket(AF_INET, SOCK_STREAM, 0);
    nonblock(f->fd);
    f->addr = (struct sockaddr_in){.sin_family = AF_INET,
                                   .sin_port = htons((uint16_t)pfd[0])};
    f->addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    AWAIT_V(20, yc_connect(f->fd, (struct sockaddr *)&f->addr, sizeof f->addr),
            int);
    CHECK(f->v == 0);
    AWAIT_V(21, yc_write_all(f->fd, "ping", 4), ssize_t);
    CHECK(f->v == 4);
    AWAIT_V(22, yc_read(f->fd, f->buf, sizeof f->buf), ssize_t);
    CHECK(f->v == 4 && memcmp(f->buf, "pong", 4) == 0);
    close(f->fd);
    break;
  }
  RETURN_VAL(ret, 0);
}

static yc_task *io_task(int n) {
  io_task_frame *f = yc__frame_new(&io_task_type);
  f->n = n;
  return (yc_task *)f;
}

/* A refused connect: a port that was bound and closed again. */
typedef struct refused_frame {
  yc_coro hdr;
  void *aux; /* async frames carry yc__aux after the header */
  int fd;
  struct sockaddr_in addr;
  yc_coro *sub;
  int ret;
} refused_frame;
ASYNC_TYPE(refused, refused_frame, int, ret);

static int refused_resume(yc_coro *c, void *out, const void *in) {
  refused_frame *f = (refused_frame *)c;
  (void)out, (void)in;
  switch (c->state) {
  case 0: break;
  case 1: goto resume_1;
  default: return YC__RETURN;
  }
  {
    int tmp = socket(AF_INET, SOCK_STREAM, 0);
    socklen_t len = sizeof f->addr;
    f->addr = (struct sockaddr_in){.sin_family = AF_INET};
    f->addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    CHECK(bind(tmp, (struct sockaddr *)&f->addr, sizeof f->addr) == 0);
    CHECK(getsockname(tmp, (struct sockaddr *)&f->addr, &len) == 0);
    close(tmp);
  }
  f->fd = socket(AF_INET, SOCK_STREAM, 0);
  nonblock(f->fd);
  AWAIT(1, yc_connect(f->fd, (struct sockaddr *)&f->addr, sizeof f->addr));
  close(f->fd);
  if (THROWN()) {
    FREE_SUB();
    UNWIND();
  }
  f->ret = RESULT(int);
  FREE_SUB();
  RETURN_VAL(ret, f->ret);
}

static void all(void) {
  int r = -1;
  CHECK(yc_run(io_task(0), &r) == 0 && r == 0);
  memset(big_in, 0, BIG);
  CHECK(yc_run(io_task(2), &r) == 0 && r == 0);
  CHECK(yc_run(io_task(4), &r) == 0 && r == 0);
  CHECK(yc_run((yc_task *)yc__frame_new(&refused_type), &r) == 0);
  CHECK(r == -ECONNREFUSED);
}

int main(void) {
  big_out = malloc(BIG);
  big_in = malloc(BIG);
  for (size_t i = 0; i < BIG; i++)
    big_out[i] = (unsigned char)(i * 7 + i / 251);
  both_backends(all);
  free(big_out);
  free(big_in);
  fprintf(stderr, "test_io: ok\n");
  return 0;
}

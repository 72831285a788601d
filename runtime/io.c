/* io.c - the loop's leaf frames for sleeping and descriptor I/O.
 *
 * Each operation is tried when it is first resumed (awaited), and again each
 * time the loop reports the descriptor ready; EINTR retries at once, EAGAIN
 * parks the task.  A throw (cancellation) or close withdraws the interest
 * before the leaf fails, so nothing of a dead leaf stays registered. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "loop_internal.h"
#include "yieldc/loop.h"

/* ---- yc_sleep ---------------------------------------------------------- */

typedef struct sleep_frame {
  yc_coro hdr;
  void *aux; /* yc__aux: async frames carry it after the header */
  long ms;
  yc__sleep_timer st;
} sleep_frame;

enum { SLEEP_TIMER = 1, SLEEP_YIELD = 2 };

static int sleep_resume(yc_coro *c, void *out, const void *in) {
  sleep_frame *f = (sleep_frame *)c;
  yc__loop *l = yc__loop_current();
  (void)out, (void)in;
  if (c->flags & (YC__F_THROW | YC__F_CLOSE)) {
    if (c->state == SLEEP_TIMER && !f->st.fired && l)
      yc__timer_stop(l, &f->st);
    return yc__leaf_fail(c, c->error);
  }
  switch (c->state) {
  case 0:
    if (!l || !l->current)
      return yc__leaf_fail(c, YC_EINVAL);
    if (f->ms <= 0) {
      /* Back of the queue: the others and I/O get a turn first. */
      yc__task_wake(l->current);
      c->state = SLEEP_YIELD;
      return YC__PENDING;
    }
    if (yc__timer_start(l, &f->st, (uint64_t)f->ms))
      return yc__leaf_fail(c, YC_ENOMEM);
    c->state = SLEEP_TIMER;
    return YC__PENDING;
  case SLEEP_TIMER:
    if (!f->st.fired)
      return YC__PENDING;
    break;
  default:
    break;
  }
  c->state = -1;
  return YC__RETURN;
}

static const yc__coro_type sleep_type = {"yc_sleep", sleep_resume, sizeof(sleep_frame), 0, 0, 0,
                                         0,          YC__LEAF, 0};

yc_task *yc_sleep(long ms) {
  sleep_frame *f = yc__frame_new(&sleep_type);
  if (f)
    f->ms = ms;
  return (yc_task *)f;
}

/* ---- Descriptor I/O ---------------------------------------------------- */

enum io_op { OP_READ, OP_WRITE, OP_WRITE_ALL, OP_ACCEPT, OP_CONNECT };

typedef struct io_frame {
  yc_coro hdr;
  void *aux; /* yc__aux: async frames carry it after the header */
  int op;    /* enum io_op */
  int fd;
  void *buf;
  size_t n, done;
  struct sockaddr *addr; /* accept's out parameters */
  socklen_t *addrlen;
  struct sockaddr_storage peer; /* connect's address, copied */
  socklen_t peerlen;
  bool connecting; /* connect(2) returned EINPROGRESS */
  bool not_socket; /* write: send(2) said ENOTSOCK, use write(2) */
  yc__io_wait w;
  ssize_t ssz_result; /* R of read / write / write_all */
  int int_result;     /* R of accept / connect */
} io_frame;

static int io_dir(const io_frame *f) { return f->op == OP_READ || f->op == OP_ACCEPT ? 0 : 1; }

static ssize_t write_some(io_frame *f, const void *p, size_t n) {
  if (!f->not_socket) {
    /* MSG_NOSIGNAL: a closed peer is -EPIPE, not a process-killing signal */
    ssize_t r = send(f->fd, p, n, MSG_NOSIGNAL);
    if (r >= 0 || errno != ENOTSOCK)
      return r;
    f->not_socket = true;
  }
  return write(f->fd, p, n);
}

#if !defined(__linux__)
static int make_nonblocking(int fd) {
  int fl = fcntl(fd, F_GETFL);
  if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0)
    return -errno;
  int fdf = fcntl(fd, F_GETFD);
  if (fdf >= 0)
    (void)fcntl(fd, F_SETFD, fdf | FD_CLOEXEC);
  return 0;
}
#endif

static int do_accept(io_frame *f) {
#if defined(__linux__)
  return accept4(f->fd, f->addr, f->addrlen, SOCK_NONBLOCK | SOCK_CLOEXEC);
#else
  int fd = accept(f->fd, f->addr, f->addrlen);
  if (fd >= 0) {
    int err = make_nonblocking(fd);
    if (err) {
      close(fd);
      errno = -err;
      return -1;
    }
  }
  return fd;
#endif
}

/* One attempt: 1 when the operation has its result, 0 to wait. */
static int io_try(io_frame *f) {
  for (;;) {
    ssize_t r;
    switch (f->op) {
    case OP_READ:
      r = read(f->fd, f->buf, f->n);
      break;
    case OP_WRITE:
      r = write_some(f, f->buf, f->n);
      break;
    case OP_WRITE_ALL:
      if (f->done == f->n) {
        f->ssz_result = (ssize_t)f->n;
        return 1;
      }
      r = write_some(f, (char *)f->buf + f->done, f->n - f->done);
      if (r >= 0) {
        f->done += (size_t)r;
        continue;
      }
      break;
    case OP_ACCEPT:
      r = do_accept(f);
      if (r < 0 && errno == ECONNABORTED)
        continue; /* that client gave up; wait for the next */
      break;
    default: /* OP_CONNECT */
      if (f->connecting) {
        int err = 0;
        socklen_t len = sizeof err;
        if (getsockopt(f->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
          err = errno;
        f->int_result = -err;
        return 1;
      }
      r = connect(f->fd, (struct sockaddr *)&f->peer, f->peerlen);
      if (r < 0 && (errno == EINPROGRESS || errno == EINTR)) {
        /* The connection goes on in the background: wait for writable. */
        f->connecting = true;
        return 0;
      }
      break;
    }
    if (r < 0 && errno == EINTR)
      continue;
    if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
      return 0;
    ssize_t res = r < 0 ? -(ssize_t)errno : r;
    if (f->op == OP_ACCEPT || f->op == OP_CONNECT)
      f->int_result = (int)res;
    else
      f->ssz_result = res;
    return 1;
  }
}

static void io_set_error(io_frame *f, int err) {
  if (f->op == OP_ACCEPT || f->op == OP_CONNECT)
    f->int_result = err;
  else
    f->ssz_result = err;
}

static int io_resume(yc_coro *c, void *out, const void *in) {
  io_frame *f = (io_frame *)c;
  yc__loop *l = yc__loop_current();
  (void)out, (void)in;
  if (c->flags & (YC__F_THROW | YC__F_CLOSE)) {
    if (l)
      yc__io_wait_stop(l, &f->w, io_dir(f));
    return yc__leaf_fail(c, c->error);
  }
  if (!l || !l->current)
    return yc__leaf_fail(c, YC_EINVAL);
  if (f->w.task)
    return YC__PENDING; /* driven before its descriptor was ready */
  if (c->state == 1 && f->w.err) {
    io_set_error(f, f->w.err);
    return yc__leaf_return(c);
  }
  if (io_try(f))
    return yc__leaf_return(c);
  int err = yc__io_wait_start(l, &f->w, f->fd, io_dir(f));
  if (err) {
    io_set_error(f, err == YC_ENOMEM ? -ENOMEM : err);
    return yc__leaf_return(c);
  }
  c->state = 1;
  return YC__PENDING;
}

static const yc__coro_type read_type = {
    "yc_read", io_resume, sizeof(io_frame), 0, 0, sizeof(ssize_t), offsetof(io_frame, ssz_result),
    YC__LEAF, 0};
static const yc__coro_type write_type = {
    "yc_write", io_resume, sizeof(io_frame), 0, 0, sizeof(ssize_t), offsetof(io_frame, ssz_result),
    YC__LEAF, 0};
static const yc__coro_type write_all_type = {"yc_write_all",
                                             io_resume,
                                             sizeof(io_frame),
                                             0,
                                             0,
                                             sizeof(ssize_t),
                                             offsetof(io_frame, ssz_result),
                                             YC__LEAF, 0};
static const yc__coro_type accept_type = {
    "yc_accept", io_resume, sizeof(io_frame), 0, 0, sizeof(int), offsetof(io_frame, int_result),
    YC__LEAF, 0};
static const yc__coro_type connect_type = {
    "yc_connect", io_resume, sizeof(io_frame), 0, 0, sizeof(int), offsetof(io_frame, int_result),
    YC__LEAF, 0};

static io_frame *io_new(const yc__coro_type *t, int op, int fd, void *buf, size_t n) {
  io_frame *f = yc__frame_new(t);
  if (f) {
    f->op = op;
    f->fd = fd;
    f->buf = buf;
    f->n = n;
  }
  return f;
}

yc_task *yc_read(int fd, void *buf, size_t n) {
  return (yc_task *)io_new(&read_type, OP_READ, fd, buf, n);
}

yc_task *yc_write(int fd, const void *buf, size_t n) {
  return (yc_task *)io_new(&write_type, OP_WRITE, fd, (void *)buf, n);
}

yc_task *yc_write_all(int fd, const void *buf, size_t n) {
  return (yc_task *)io_new(&write_all_type, OP_WRITE_ALL, fd, (void *)buf, n);
}

yc_task *yc_accept(int fd, struct sockaddr *addr, socklen_t *len) {
  io_frame *f = io_new(&accept_type, OP_ACCEPT, fd, NULL, 0);
  if (f) {
    f->addr = addr;
    f->addrlen = addr ? len : NULL;
  }
  return (yc_task *)f;
}

yc_task *yc_connect(int fd, const struct sockaddr *addr, socklen_t len) {
  io_frame *f = io_new(&connect_type, OP_CONNECT, fd, NULL, 0);
  if (f) {
    if (!addr || len > sizeof f->peer) {
      f->peerlen = 0; /* connect(2) then reports the error */
    } else {
      memcpy(&f->peer, addr, len);
      f->peerlen = len;
    }
  }
  return (yc_task *)f;
}

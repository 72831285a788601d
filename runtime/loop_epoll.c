/* loop_epoll.c - the epoll backend (Linux): level-triggered, one
 * epoll_wait per call, a fixed event buffer so a loop turn allocates
 * nothing. */
#include "loop_backend.h"

#ifdef YC__HAVE_EPOLL

#include <errno.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "loop_internal.h"
#include "yieldc/coro.h"

#define EVENTS_PER_WAIT 64

struct yc__backend {
  int epfd;
  struct epoll_event events[EVENTS_PER_WAIT];
};

static int ep_open(yc__backend **out) {
  yc__backend *b = yc__rt_realloc(NULL, sizeof *b);
  if (!b)
    return YC_ENOMEM;
  b->epfd = epoll_create1(EPOLL_CLOEXEC);
  if (b->epfd < 0) {
    int err = -errno;
    yc__rt_realloc(b, 0);
    return err;
  }
  *out = b;
  return 0;
}

static void ep_close(yc__backend *b) {
  close(b->epfd);
  yc__rt_realloc(b, 0);
}

static int ep_update(yc__backend *b, int fd, unsigned old_mask, unsigned new_mask) {
  struct epoll_event ev = {0};
  ev.data.fd = fd;
  if (new_mask & YC__EV_READ)
    ev.events |= EPOLLIN;
  if (new_mask & YC__EV_WRITE)
    ev.events |= EPOLLOUT;
  if (!new_mask) {
    /* A descriptor closed since it was registered has left the set by
     * itself: nothing to undo. */
    if (epoll_ctl(b->epfd, EPOLL_CTL_DEL, fd, &ev) < 0 && errno != ENOENT && errno != EBADF)
      return -errno;
    return 0;
  }
  /* old_mask may be stale (the descriptor was closed and its number reused),
   * so fall back between ADD and MOD on the errors that reveal it. */
  int op = old_mask ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
  if (epoll_ctl(b->epfd, op, fd, &ev) == 0)
    return 0;
  if (op == EPOLL_CTL_MOD && errno == ENOENT)
    op = EPOLL_CTL_ADD;
  else if (op == EPOLL_CTL_ADD && errno == EEXIST)
    op = EPOLL_CTL_MOD;
  else
    return -errno;
  return epoll_ctl(b->epfd, op, fd, &ev) == 0 ? 0 : -errno;
}

static int ep_wait(yc__backend *b, int timeout_ms, yc__backend_cb cb, void *arg) {
  int n = epoll_wait(b->epfd, b->events, EVENTS_PER_WAIT, timeout_ms);
  if (n < 0)
    return errno == EINTR ? 0 : -errno;
  for (int i = 0; i < n; i++) {
    uint32_t e = b->events[i].events;
    unsigned ev = 0;
    if (e & EPOLLIN)
      ev |= YC__EV_READ;
    if (e & EPOLLOUT)
      ev |= YC__EV_WRITE;
    if (e & (EPOLLERR | EPOLLHUP))
      ev |= YC__EV_ERROR;
    cb(arg, b->events[i].data.fd, ev);
  }
  return n;
}

const yc__backend_ops yc__backend_epoll = {"epoll", ep_open, ep_close, ep_update, ep_wait};

#else
typedef int yc__loop_epoll_unused; /* ISO C wants a non-empty unit */
#endif

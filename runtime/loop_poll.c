/* loop_poll.c - the portable poll(2) backend: a dense pollfd array plus an
 * index by descriptor, so updates are O(1) and a wait allocates nothing. */
#include "loop_backend.h"

#include <errno.h>
#include <poll.h>

#include "loop_internal.h"
#include "yieldc/coro.h"

struct yc__backend {
  struct pollfd *pfds; /* the descriptors with interest, dense */
  size_t len, cap;
  size_t *slot; /* slot[fd]: index into pfds + 1; 0 = absent */
  size_t nslot;
};

static int pl_open(yc__backend **out) {
  yc__backend *b = yc__rt_realloc(NULL, sizeof *b);
  if (!b)
    return YC_ENOMEM;
  *b = (yc__backend){0};
  *out = b;
  return 0;
}

static void pl_close(yc__backend *b) {
  yc__rt_realloc(b->pfds, 0);
  yc__rt_realloc(b->slot, 0);
  yc__rt_realloc(b, 0);
}

static short to_poll(unsigned mask) {
  short e = 0;
  if (mask & YC__EV_READ)
    e |= POLLIN;
  if (mask & YC__EV_WRITE)
    e |= POLLOUT;
  return e;
}

static int pl_update(yc__backend *b, int fd, unsigned old_mask, unsigned new_mask) {
  (void)old_mask;
  if (fd < 0)
    return -EBADF;
  size_t ufd = (size_t)fd;
  size_t at = ufd < b->nslot ? b->slot[ufd] : 0;
  if (!new_mask) {
    if (!at)
      return 0;
    /* Fill the hole with the last entry. */
    size_t i = at - 1;
    b->pfds[i] = b->pfds[--b->len];
    if (i < b->len)
      b->slot[b->pfds[i].fd] = i + 1;
    b->slot[ufd] = 0;
    return 0;
  }
  if (at) {
    b->pfds[at - 1].events = to_poll(new_mask);
    return 0;
  }
  if (ufd >= b->nslot) {
    size_t n = b->nslot ? b->nslot : 64;
    while (n <= ufd)
      n *= 2;
    size_t *s = yc__rt_realloc(b->slot, n * sizeof *s);
    if (!s)
      return YC_ENOMEM;
    for (size_t i = b->nslot; i < n; i++)
      s[i] = 0;
    b->slot = s;
    b->nslot = n;
  }
  if (b->len == b->cap) {
    size_t n = b->cap ? 2 * b->cap : 16;
    struct pollfd *p = yc__rt_realloc(b->pfds, n * sizeof *p);
    if (!p)
      return YC_ENOMEM;
    b->pfds = p;
    b->cap = n;
  }
  b->pfds[b->len] = (struct pollfd){.fd = fd, .events = to_poll(new_mask)};
  b->slot[ufd] = ++b->len;
  return 0;
}

static int pl_wait(yc__backend *b, int timeout_ms, yc__backend_cb cb, void *arg) {
  int n = poll(b->pfds, (nfds_t)b->len, timeout_ms);
  if (n < 0)
    return errno == EINTR ? 0 : -errno;
  int reported = 0;
  for (size_t i = 0; i < b->len && reported < n; i++) {
    short r = b->pfds[i].revents;
    if (!r)
      continue;
    unsigned ev = 0;
    if (r & POLLIN)
      ev |= YC__EV_READ;
    if (r & POLLOUT)
      ev |= YC__EV_WRITE;
    if (r & (POLLERR | POLLHUP | POLLNVAL))
      ev |= YC__EV_ERROR;
    reported++;
    cb(arg, b->pfds[i].fd, ev);
  }
  return reported;
}

const yc__backend_ops yc__backend_poll = {"poll", pl_open, pl_close, pl_update, pl_wait};

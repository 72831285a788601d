/* loop_backend.h - the one small interface between the event loop core and
 * a polling mechanism (internal).  The core keeps which task waits on which
 * descriptor; a backend only knows descriptors and event masks.
 *
 * Backends: epoll (Linux) and poll (everywhere).  The loop picks epoll when
 * it is compiled in, unless the build defines YIELDC_FORCE_POLL or the
 * environment variable YIELDC_BACKEND is "poll" when the loop starts. */
#ifndef YIELDC_LOOP_BACKEND_H
#define YIELDC_LOOP_BACKEND_H

/* Event bits, in interest masks and in reports. */
enum {
  YC__EV_READ = 1u << 0,
  YC__EV_WRITE = 1u << 1,
  YC__EV_ERROR = 1u << 2 /* error or hang-up: wakes readers and writers */
};

typedef struct yc__backend yc__backend;

/* Called by wait() once per descriptor with events; must not call the
 * backend. */
typedef void (*yc__backend_cb)(void *arg, int fd, unsigned events);

typedef struct yc__backend_ops {
  const char *name;
  /* A new backend in *out; 0 or a negative errno / YC_ENOMEM. */
  int (*open)(yc__backend **out);
  /* Release the backend and every registration. */
  void (*close)(yc__backend *b);
  /* Change fd's interest from old_mask to new_mask (READ|WRITE bits, 0 =
   * none); 0 or a negative errno. */
  int (*update)(yc__backend *b, int fd, unsigned old_mask, unsigned new_mask);
  /* Wait up to timeout_ms (-1 = forever, 0 = just look) and report events
   * through cb; the number of descriptors reported or a negative errno. */
  int (*wait)(yc__backend *b, int timeout_ms, yc__backend_cb cb, void *arg);
} yc__backend_ops;

#if defined(__linux__) && !defined(YIELDC_FORCE_POLL)
#define YC__HAVE_EPOLL 1
extern const yc__backend_ops yc__backend_epoll;
#endif
extern const yc__backend_ops yc__backend_poll;

#endif

/* util.h - growable strings and arrays, allocation that cannot fail
 * silently, and whole-file I/O with atomic replacement. */
#ifndef YC_UTIL_H
#define YC_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable, always NUL-terminated string. */
typedef struct {
  char *s;
  size_t len, cap;
} buf;

void buf_put(buf *b, const char *s, size_t n);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(buf *b, const char *fmt, va_list ap);
char *buf_take(buf *b); /* the string; b is empty afterwards */
void buf_free(buf *b);

/* Growable array of T: VEC(T) v = {0}; VEC_PUSH(v, x); v.n; v.v[i]. */
#define VEC(T)                                                                                     \
  struct {                                                                                         \
    T *v;                                                                                          \
    size_t n, cap;                                                                                 \
  }
#define VEC_PUSH(vec, x)                                                                           \
  do {                                                                                             \
    if ((vec).n == (vec).cap) {                                                                    \
      (vec).cap = (vec).cap ? 2 * (vec).cap : 8;                                                   \
      (vec).v = xrealloc((vec).v, (vec).cap * sizeof *(vec).v);                                    \
    }                                                                                              \
    (vec).v[(vec).n++] = (x);                                                                      \
  } while (0)

/* Reads a whole file; NULL with errno set on failure. */
char *read_file(const char *path, size_t *len);
/* Writes data to path through a temporary file in the same directory and
 * rename(2), so an existing file is replaced whole or not at all. */
bool write_file_atomic(const char *path, const char *data, size_t len);

bool is_ident_char(int c);

#endif

/* jsonrpc.c - Content-Length framing over pipes (jsonrpc.h). */
#include "jsonrpc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

bool rpc_fill(rpc_reader *r) {
  char chunk[65536];
  for (;;) {
    ssize_t k = read(r->fd, chunk, sizeof chunk);
    if (k > 0) {
      buf_put(&r->in, chunk, (size_t)k);
      return true;
    }
    if (k < 0 && errno == EINTR)
      continue;
    if (k < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
      return true;
    r->eof = true;
    return false;
  }
}

char *rpc_next(rpc_reader *r, size_t *n) {
  for (;;) {
    if (!r->in.s || r->pos >= r->in.len)
      return NULL;
    const char *start = r->in.s + r->pos;
    const char *end = strstr(start, "\r\n\r\n");
    if (!end)
      return NULL;
    /* header fields, case-insensitive names (Content-Type is ignored) */
    long long len = -1;
    for (const char *line = start; line < end;) {
      const char *eol = strstr(line, "\r\n");
      if (!strncasecmp(line, "Content-Length:", 15))
        len = strtoll(line + 15, NULL, 10);
      line = eol + 2;
    }
    size_t body = (size_t)(end + 4 - r->in.s);
    if (len < 0) {
      r->pos = body;
      continue;
    }
    if (r->in.len - body < (size_t)len)
      return NULL;
    char *msg = xstrndup(r->in.s + body, (size_t)len);
    *n = (size_t)len;
    r->pos = body + (size_t)len;
    /* drop what was read once it is most of the buffer */
    if (r->pos == r->in.len) {
      r->in.len = 0;
      r->in.s[0] = 0;
      r->pos = 0;
    } else if (r->pos > 1 << 20) {
      memmove(r->in.s, r->in.s + r->pos, r->in.len - r->pos + 1);
      r->in.len -= r->pos;
      r->pos = 0;
    }
    return msg;
  }
}

void rpc_queue(rpc_writer *w, const char *body, size_t n) {
  buf_printf(&w->out, "Content-Length: %zu\r\n\r\n", n);
  buf_put(&w->out, body, n);
}

bool rpc_pending(const rpc_writer *w) { return !w->broken && w->out.len > w->pos; }

bool rpc_flush(rpc_writer *w) {
  while (rpc_pending(w)) {
    ssize_t k = write(w->fd, w->out.s + w->pos, w->out.len - w->pos);
    if (k > 0) {
      w->pos += (size_t)k;
      continue;
    }
    if (k < 0 && errno == EINTR)
      continue;
    if (k < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
      return true;
    w->broken = true;
    return false;
  }
  w->out.len = w->pos = 0;
  if (w->out.s)
    w->out.s[0] = 0;
  return false;
}

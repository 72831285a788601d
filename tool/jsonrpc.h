/* jsonrpc.h - the Language Server Protocol's base layer: messages framed
 * by a "Content-Length: N" header, read from a byte stream as it arrives
 * and queued for a writer that must not block (lsp.c relays between an
 * editor and clangd, and either may be busy writing to the other). */
#ifndef YC_JSONRPC_H
#define YC_JSONRPC_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

typedef struct {
  int fd;
  buf in;     /* bytes read, not yet a whole message */
  size_t pos; /* start of the unread part of in */
  bool eof;
} rpc_reader;

/* Reads what fd has (once; call when poll says so).  false at end of
 * file or on a read error. */
bool rpc_fill(rpc_reader *r);
/* The next whole message's body (malloc'd, *n bytes), or NULL if none is
 * complete yet.  A header without Content-Length is skipped. */
char *rpc_next(rpc_reader *r, size_t *n);

typedef struct {
  int fd;
  buf out;
  size_t pos; /* start of the unwritten part of out */
  bool broken;
} rpc_writer;

/* Queues one message (the header is added). */
void rpc_queue(rpc_writer *w, const char *body, size_t n);
/* Writes what it can without blocking; true while bytes are left. */
bool rpc_flush(rpc_writer *w);
bool rpc_pending(const rpc_writer *w);

#endif

/* diag.c - prints diagnostics the way clang does, so editors and build
 * logs treat yieldc's errors like the compiler's. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

static unsigned errors;

unsigned diag_error_count(void) { return errors; }

/* Line starts of the last file asked about, so each lookup is a binary
 * search rather than a scan from the top (the lowering asks for every
 * #line it writes). */
static const char *table_text;
static unsigned table_len;
static unsigned *starts;
static unsigned nstarts;

static void build_table(const src_file *f) {
  free(starts);
  nstarts = 1;
  for (unsigned i = 0; i < f->len; i++)
    nstarts += f->text[i] == '\n';
  starts = xmalloc(nstarts * sizeof *starts);
  unsigned k = 0;
  starts[k++] = 0;
  for (unsigned i = 0; i < f->len; i++)
    if (f->text[i] == '\n')
      starts[k++] = i + 1;
  table_text = f->text;
  table_len = f->len;
}

void diag_line_col(const src_file *f, unsigned off, unsigned *line, unsigned *col) {
  if (table_text != f->text || table_len != f->len)
    build_table(f);
  if (off > f->len)
    off = f->len;
  unsigned lo = 0, hi = nstarts;
  while (hi - lo > 1) {
    unsigned mid = (lo + hi) / 2;
    if (starts[mid] <= off)
      lo = mid;
    else
      hi = mid;
  }
  *line = lo + 1;
  *col = off - starts[lo] + 1;
}

void diag_release(void) {
  free(starts);
  starts = NULL;
  table_text = NULL;
  nstarts = 0;
}

static void print_caret(const char *line_text, unsigned col) {
  if (!line_text)
    return;
  size_t n = strcspn(line_text, "\n");
  fprintf(stderr, "%.*s\n", (int)n, line_text);
  for (unsigned i = 1; i < col && i <= n; i++)
    fputc(line_text[i - 1] == '\t' ? '\t' : ' ', stderr);
  fputs("^\n", stderr);
}

void diag_at(const char *path, unsigned line, unsigned col, const char *severity,
             const char *message, const char *line_text) {
  if (!strcmp(severity, "error") || !strcmp(severity, "fatal error"))
    errors++;
  fprintf(stderr, "%s:%u:%u: %s: %s\n", path, line, col, severity, message);
  print_caret(line_text, col);
}

void diag_error(const src_file *f, unsigned off, const char *note, const char *fmt, ...) {
  buf msg = {0};
  va_list ap;
  va_start(ap, fmt);
  buf_vprintf(&msg, fmt, ap);
  va_end(ap);
  unsigned line, col;
  diag_line_col(f, off, &line, &col);
  unsigned start = off > f->len ? f->len : off;
  while (start > 0 && f->text[start - 1] != '\n')
    start--;
  diag_at(f->path, line, col, "error", msg.s, f->text + start);
  if (note)
    fprintf(stderr, "%s:%u:%u: note: %s\n", f->path, line, col, note);
  buf_free(&msg);
}

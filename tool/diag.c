/* diag.c - prints diagnostics the way clang does, so editors and build
 * logs treat yieldc's errors like the compiler's, in clang's colours when
 * stderr is a terminal or -fdiagnostics-color asks for them. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

static unsigned errors;
static diag_sink sink;
static void *sink_ctx;
static bool relaying;

void diag_set_sink(diag_sink fn, void *ctx) {
  sink = fn;
  sink_ctx = ctx;
}

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

/* ---- colour ------------------------------------------------------------ */

/* clang's choices: bold location and message, red errors, magenta
 * warnings, green caret and fix-its; notes cyan (as gcc), readable on dark
 * and light terminals alike. */
#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_ERROR "\033[0;1;31m"
#define C_WARNING "\033[0;1;35m"
#define C_NOTE "\033[0;1;36m"
#define C_CARET "\033[0;1;32m"

static diag_color_mode color_mode = DIAG_COLOR_AUTO;
static int color_on = -1; /* decided at the first message */

void diag_set_color(diag_color_mode m) {
  color_mode = m;
  color_on = -1;
}

static bool use_color(void) {
  if (color_on < 0) {
    if (color_mode != DIAG_COLOR_AUTO) {
      color_on = color_mode == DIAG_COLOR_ALWAYS;
    } else {
      const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
      color_on = isatty(STDERR_FILENO) && !(no && *no) && term && *term && strcmp(term, "dumb");
    }
  }
  return color_on;
}

static const char *paint(const char *code) { return use_color() ? code : ""; }

bool diag_color_flag(const char *a, diag_color_mode *m, bool *bad) {
  *bad = false;
  if (!strcmp(a, "-fdiagnostics-color") || !strcmp(a, "-fcolor-diagnostics")) {
    *m = DIAG_COLOR_ALWAYS;
  } else if (!strcmp(a, "-fno-diagnostics-color") || !strcmp(a, "-fno-color-diagnostics")) {
    *m = DIAG_COLOR_NEVER;
  } else if (!strncmp(a, "-fdiagnostics-color=", 20)) {
    const char *v = a + 20;
    if (!strcmp(v, "always"))
      *m = DIAG_COLOR_ALWAYS;
    else if (!strcmp(v, "never"))
      *m = DIAG_COLOR_NEVER;
    else if (!strcmp(v, "auto"))
      *m = DIAG_COLOR_AUTO;
    else
      *bad = true;
  } else {
    return false;
  }
  return true;
}

static const char *severity_color(const char *severity) {
  if (!strcmp(severity, "warning"))
    return C_WARNING;
  if (!strcmp(severity, "note"))
    return C_NOTE;
  return C_ERROR;
}

/* ---- printing ---------------------------------------------------------- */

static void print_caret(const char *line_text, unsigned col) {
  if (!line_text)
    return;
  size_t n = strcspn(line_text, "\n");
  fprintf(stderr, "%.*s\n", (int)n, line_text);
  for (unsigned i = 1; i < col && i <= n; i++)
    fputc(line_text[i - 1] == '\t' ? '\t' : ' ', stderr);
  fprintf(stderr, "%s^%s\n", paint(C_CARET), paint(C_RESET));
}

void diag_at(const char *path, unsigned line, unsigned col, const char *severity,
             const char *message, const char *line_text) {
  if (!strcmp(severity, "error") || !strcmp(severity, "fatal error"))
    errors++;
  if (sink) {
    sink(sink_ctx, path, line, col, severity, message, relaying);
    return;
  }
  /* a note's message is not bold (clang: supplemental text) */
  bool note = !strcmp(severity, "note");
  fprintf(stderr, "%s%s:%u:%u: %s%s: %s%s%s%s\n", paint(C_BOLD), path, line, col,
          paint(severity_color(severity)), severity, paint(C_RESET), note ? "" : paint(C_BOLD),
          message, note ? "" : paint(C_RESET));
  print_caret(line_text, col);
}

void diag_at_relayed(const char *path, unsigned line, unsigned col, const char *severity,
                     const char *message, const char *line_text) {
  relaying = true;
  diag_at(path, line, col, severity, message, line_text);
  relaying = false;
}

void diag_fixit(const char *text) {
  if (sink) {
    sink(sink_ctx, NULL, 0, 0, "fixit", text, false);
    return;
  }
  fprintf(stderr, "%s%s%s\n", paint(C_CARET), text, paint(C_RESET));
}

void diag_tool(const char *severity, const char *fmt, ...) {
  buf msg = {0};
  va_list ap;
  va_start(ap, fmt);
  buf_vprintf(&msg, fmt, ap);
  va_end(ap);
  if (sink) {
    sink(sink_ctx, NULL, 0, 0, severity, msg.s, false);
    buf_free(&msg);
    return;
  }
  bool note = !strcmp(severity, "note");
  fprintf(stderr, "%syieldc: %s%s: %s%s%s%s\n", paint(C_BOLD), paint(severity_color(severity)),
          severity, paint(C_RESET), note ? "" : paint(C_BOLD), msg.s, note ? "" : paint(C_RESET));
  buf_free(&msg);
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
    diag_at(f->path, line, col, "note", note, NULL);
  buf_free(&msg);
}

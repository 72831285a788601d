/* diag.h - clang-style diagnostics: "file:line:col: error: message", the
 * source line and a caret, and an optional note saying what to write;
 * coloured like clang's on a terminal or when asked to. */
#ifndef YC_DIAG_H
#define YC_DIAG_H

#include <stdbool.h>

typedef struct {
  const char *path; /* as the user named it */
  const char *text; /* the whole file */
  unsigned len;
} src_file;

/* When to colour: auto = stderr is a terminal, NO_COLOR is unset or
 * empty, and TERM is set and not "dumb". */
typedef enum { DIAG_COLOR_AUTO, DIAG_COLOR_ALWAYS, DIAG_COLOR_NEVER } diag_color_mode;
void diag_set_color(diag_color_mode m);
/* Is a one of the colour flags (-fdiagnostics-color[=always|never|auto],
 * -fno-diagnostics-color, clang's -f[no-]color-diagnostics)?  If so *m is
 * what it asks for; *bad is set when its value is none of the three. */
bool diag_color_flag(const char *a, diag_color_mode *m, bool *bad);

void diag_line_col(const src_file *f, unsigned off, unsigned *line, unsigned *col);
/* Reports an error at byte offset off of f; note may be NULL. */
void diag_error(const src_file *f, unsigned off, const char *note, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Reports at an explicit line/column of any file (for libclang's
 * messages); severity is "error", "fatal error", "warning" or "note".
 * line_text (the line's text, up to a newline) may be NULL: no caret. */
void diag_at(const char *path, unsigned line, unsigned col, const char *severity,
             const char *message, const char *line_text);
/* A line of text to insert, printed under a note as clang prints a fix-it. */
void diag_fixit(const char *text);
/* A message of the tool itself: "yieldc: error: ..." (severity "error",
 * "warning" or "note"). */
void diag_tool(const char *severity, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
unsigned diag_error_count(void);

/* A receiver of every message instead of stderr (the language server,
 * lsp_analyse.c): path NULL for the tool's own messages; severity "fixit"
 * for diag_fixit's line; relayed is set for the compiler's own messages
 * that parse.c repeats (clangd reports those itself). */
typedef void (*diag_sink)(void *ctx, const char *path, unsigned line, unsigned col,
                          const char *severity, const char *message, bool relayed);
void diag_set_sink(diag_sink fn, void *ctx);
/* diag_at for a message of the compiler's that yieldc repeats. */
void diag_at_relayed(const char *path, unsigned line, unsigned col, const char *severity,
                     const char *message, const char *line_text);
/* Frees the line table kept for diag_line_col. */
void diag_release(void);

#endif

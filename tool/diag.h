/* diag.h - clang-style diagnostics: "file:line:col: error: message", the
 * source line and a caret, and an optional note saying what to write. */
#ifndef YC_DIAG_H
#define YC_DIAG_H

#include <stdbool.h>

typedef struct {
  const char *path; /* as the user named it */
  const char *text; /* the whole file */
  unsigned len;
} src_file;

void diag_line_col(const src_file *f, unsigned off, unsigned *line, unsigned *col);
/* Reports an error at byte offset off of f; note may be NULL. */
void diag_error(const src_file *f, unsigned off, const char *note, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Reports at an explicit line/column of any file (for libclang's messages). */
void diag_at(const char *path, unsigned line, unsigned col, const char *severity,
             const char *message, const char *line_text);
unsigned diag_error_count(void);
/* Frees the line table kept for diag_line_col. */
void diag_release(void);

#endif

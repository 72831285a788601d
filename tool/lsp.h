/* lsp.h - `yieldc lsp`, a language server in front of clangd (lsp.c),
 * and the pieces it is made of: document text and positions
 * (lsp_text.c), the flags clangd would use (lsp_flags.c), and yieldc's
 * analysis of one buffer rendered as LSP diagnostics and hovers
 * (lsp_analyse.c). */
#ifndef YC_LSP_H
#define YC_LSP_H

#include <stdbool.h>
#include <stddef.h>

#include "json.h"

/* `yieldc lsp [--clangd=PATH] [clangd args...]`; argv without "lsp". */
int lsp_main(int argc, char **argv);

/* ---- lsp_text.c ---- */
/* Positions count UTF-16 code units on a line (the protocol's default)
 * unless utf8 (negotiated with the client): then bytes. */
json_val *lsp_position(const char *text, size_t len, size_t off, bool utf8);
json_val *lsp_range(const char *text, size_t len, size_t b, size_t e, bool utf8);
/* The byte offset of an LSP position {line, character} (clamped). */
size_t lsp_offset(const char *text, size_t len, const json_val *pos, bool utf8);
/* Applies one TextDocumentContentChangeEvent to *text. */
void lsp_apply_change(buf *text, const json_val *change, bool utf8);
/* file:// URI <-> path (NULL when uri is not a file URI). */
char *lsp_uri_to_path(const char *uri);
char *lsp_path_to_uri(const char *path);

/* ---- lsp_flags.c ---- */
/* The compiler flags for path as clangd finds them: compile_commands.json
 * in ccdir when given, else in path's directory or a parent (or its
 * build/), else compile_flags.txt there; none otherwise. */
void lsp_flags_for(const char *path, const char *ccdir, char ***argv, int *argc);

/* ---- lsp_analyse.c ---- */
/* Parses and analyses text as the file path (translator phases up to the
 * analysis, nothing written) with flags, and returns
 *   {"diagnostics": [LSP Diagnostic...], "hovers": [{"b", "e", "md"}...]}
 * where a diagnostic with a mechanical fix has data.fix = {title, edits}
 * and hovers are byte spans of the suspension forms with their text. */
json_val *lsp_analyse(const char *uri, const char *path, const char *text, size_t len,
                      char *const *flags, int nflags, bool utf8);

#endif

/* parse.h - libclang -> IR (see parse.c). */
#ifndef YC_PARSE_H
#define YC_PARSE_H

#include "ir.h"

/* Every file a parse read, the input first, each once, as clang names
 * them; system says which came from a system header (for -MMD). */
typedef struct {
  VEC(char *) path;
  VEC(bool) system;
} file_list;

/* Parses u->file with the compiler arguments args and fills u.  Prints
 * clang's errors and yieldc's own in clang's format; false on any. */
bool parse_unit(ir_unit *u, const char *const *args, int nargs);
/* The same, and fills *read (if not NULL) with the files read. */
bool parse_unit_reading(ir_unit *u, const char *const *args, int nargs, file_list *read);
void file_list_free(file_list *l);

/* Called with each of clang's warnings in the main file (its offset,
 * option and text) by the parses that follow; NULL: none.  The language
 * server's analysis (lsp_analyse.c) takes -Wreturn-type from it. */
typedef void (*parse_warning_fn)(void *ctx, unsigned off, const char *option, const char *message);
void parse_set_warning_hook(parse_warning_fn fn, void *ctx);

#endif

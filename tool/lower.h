/* lower.h - IR -> C text for one coroutine function, or for the yc_foreach
 * loops of the rest of the file (lower.c). */
#ifndef YC_LOWER_H
#define YC_LOWER_H

#include "ir.h"

typedef struct {
  const ir_unit *u;
  const char *line_path; /* the input's name in #line directives */
  const char *out_path;  /* the output's name in #line directives */
  bool lines;            /* emit #line at all */
} lower_opts;

/* Appends the translation of fn (types it hoists, frame, descriptor,
 * constructor and resume function) to out.  *out_line is the output's
 * current line number, kept up to date. */
void lower_function(const lower_opts *o, ir_func *fn, buf *out);
/* Appends the text of u in [b, e) with every yc_foreach outside coroutine
 * functions rewritten. */
void lower_plain(const lower_opts *o, unsigned b, unsigned e, buf *out);

/* Appends the generator functions of the generator expressions written in
 * the function that starts at offset at (genexpr.c). */
void lower_genexprs_at(const lower_opts *o, unsigned at, buf *out);

#endif

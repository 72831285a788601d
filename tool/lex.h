/* lex.h - just enough C lexing to read the parts libclang does not hand
 * over: macro invocation arguments, a for statement's header, operators. */
#ifndef YC_LEX_H
#define YC_LEX_H

#include <stdbool.h>
#include <stddef.h>

#include "ir.h"

/* Skips white space and comments from off. */
unsigned lex_skip_ws(const char *t, unsigned len, unsigned off);
/* The identifier starting exactly at off (empty span if none). */
span lex_ident_at(const char *t, unsigned len, unsigned off);
/* From just after a macro name: "( a, b )" -> the argument spans, trimmed.
 * "()" has zero arguments.  *end is just past the ')'. */
bool lex_call_args(const char *t, unsigned len, unsigned off, span *args, unsigned maxargs,
                   unsigned *nargs, unsigned *end);
/* "for ( init ; cond ; inc )" at off: the two semicolons and the ')'. */
bool lex_for_header(const char *t, unsigned len, unsigned off, unsigned *semi1, unsigned *semi2,
                    unsigned *rparen);
/* The operator text between two operands, or NULL. */
char *lex_operator_between(const char *t, unsigned a, unsigned b);
/* For an argument starting at arg: the start of "NAME (" just before it,
 * or arg itself if there is none. */
unsigned lex_form_before(const char *t, unsigned arg);
/* An expression's end, given the end of its last operand at off: past one
 * closing bracket (bracket), a postfix ++/-- (postfix), or ".f" / "->f"
 * (member). */
unsigned lex_own_end(const char *t, unsigned len, unsigned off, bool bracket, bool postfix,
                     bool member);
/* After a declarator's name at off: the offset of its initialiser's '='
 * (past array bounds and attributes), or 0 when it has none. */
unsigned lex_initialiser_eq(const char *t, unsigned len, unsigned off);
/* s with runs of white space folded to one space and trimmed. */
char *lex_squash(const char *s, size_t n);
/* Is the identifier name used anywhere in t[b, e)? */
bool lex_uses_ident(const char *t, unsigned b, unsigned e, const char *name);

#endif

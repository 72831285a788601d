/* dot.h - the state picture, --emit=dot (dot.c). */
#ifndef YC_DOT_H
#define YC_DOT_H

#include <stdbool.h>

#include "ir.h"

/* Appends one Graphviz digraph for the file: a cluster per coroutine
 * function (only the one named `only`, when not NULL) whose nodes are its
 * start, its suspension points and its ends, and whose edges say which of
 * them execution resumed at one can reach before it suspends again.
 * False, with nothing appended, when `only` names no coroutine function. */
bool dot_emit(const ir_unit *u, const char *only, buf *out);

#endif

/* parse.h - libclang -> IR (see parse.c). */
#ifndef YC_PARSE_H
#define YC_PARSE_H

#include "ir.h"

/* Parses u->file with the compiler arguments args and fills u.  Prints
 * clang's errors and yieldc's own in clang's format; false on any. */
bool parse_unit(ir_unit *u, const char *const *args, int nargs);

#endif

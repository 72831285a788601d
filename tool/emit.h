/* emit.h - the whole output file (emit.c). */
#ifndef YC_EMIT_H
#define YC_EMIT_H

#include "lower.h"

/* The translated file: text outside coroutine functions as written (with
 * yc_foreach loops rewritten), each coroutine function lowered, #line
 * directives throughout.  A file with nothing to translate comes back
 * byte for byte. */
void emit_c(const lower_opts *o, buf *out);

#endif

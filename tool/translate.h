/* translate.h - one translation with its options (translate.c);
 * yieldc_translate() in launcher.h is this without a depfile. */
#ifndef YC_TRANSLATE_H
#define YC_TRANSLATE_H

#include <stdbool.h>

#include "depfile.h"

/* Translates input to output (NULL or "-": stdout), as emit ("c", "dot"
 * or "dot=FUNC"), or prints the IR after phase dump; flags are the compiler's.
 * With deps->file, also writes the depfile once the output is written.
 * 0, 1 (errors in the input) or 2 (I/O). */
int yieldc_translate_deps(const char *input, const char *output, const char *emit, bool lines,
                          const char *dump, const char *const *flags, int nflags,
                          const depfile_opts *deps);

#endif

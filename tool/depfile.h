/* depfile.h - the Make-syntax dependency file of a translation (-MD). */
#ifndef YC_DEPFILE_H
#define YC_DEPFILE_H

#include <stdbool.h>

#include "parse.h"

typedef struct {
  const char *file;   /* where to write it; NULL: no depfile */
  const char *target; /* the rule's target; NULL: the output file */
  bool user_only;     /* -MMD: leave out system headers */
  bool phony;         /* -MP: an empty rule for each header */
} depfile_opts;

/* Writes "target: input headers..." (atomically) for the files read;
 * false with errno set when it cannot be written. */
bool depfile_write(const depfile_opts *o, const char *target, const file_list *read);

#endif

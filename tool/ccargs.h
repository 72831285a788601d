/* ccargs.h - reading a compiler's command line for `yieldc cc` (ccargs.c):
 * which words name the compiler, which arguments are C inputs, what the
 * compiler writes, and which arguments libclang may see. */
#ifndef YC_CCARGS_H
#define YC_CCARGS_H

#include <stdbool.h>

typedef enum {
  CC_LINK,       /* no -c/-S/-E: compile and link */
  CC_COMPILE,    /* -c */
  CC_ASSEMBLE,   /* -S */
  CC_PREPROCESS, /* -E, -M or -MM: preprocessed text or make rules */
} cc_mode;

typedef struct {
  int nwords;          /* argv[0, nwords): the compiler, with its wrappers (ccache gcc) */
  cc_mode mode;
  bool make_rules;     /* -M/-MM without -E: the output is make rules */
  bool md;             /* -MD/-MMD: a dependency file besides the output */
  const char *output;  /* -o's value, or NULL */
  const char *depfile; /* -MF's value, or NULL */
  int *inputs;         /* argv indexes of the C sources */
  int ninputs;
} cc_cmd;

/* Reads argv (the words after `yieldc cc`); argc >= 1. */
void cc_read(int argc, char **argv, cc_cmd *c);
void cc_free(cc_cmd *c);

/* Options whose value is the next argument (-o FILE, -I DIR, ...). */
bool cc_takes_value(const char *a);

/* The arguments of argv[from, argc) that libclang may parse with: the
 * preprocessor, language and target options, without inputs, outputs,
 * modes, dependency-file, link, warning, debug and diagnostic-format
 * options (so that no warning stops a translation, whatever -Werror
 * says).  Pointers into argv; *n is their number. */
const char **cc_clang_candidates(int argc, char **argv, int from, int *n);
/* Is candidate a an option whose meaning libclang surely knows (-D, -I,
 * -include, ...)?  The others are asked about (ccprobe.c). */
bool cc_clang_surely_knows(const char *a);

#endif

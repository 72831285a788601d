/* launcher.h - `yieldc cc COMPILER ARGS...` (launcher.c, cctranslate.c,
 * front.c) and where yieldc finds its parts (paths.c). */
#ifndef YC_LAUNCHER_H
#define YC_LAUNCHER_H

#include <stdbool.h>

/* `yieldc cc` in the translator proper (cctranslate.c). */
int launcher_main(int argc, char **argv);

/* Translates src to out for `yieldc cc`; argv[from, argc) are the
 * compiler's arguments.  Returns yieldc_translate()'s status. */
typedef int (*launcher_translate_fn)(const char *src, const char *out, int argc, char **argv,
                                     int from);
/* launcher_run()'s answer, without a translate function, for a command
 * with a file to translate. */
#define LAUNCHER_NEEDS_TRANSLATOR (-1)
/* Runs `yieldc cc` on argv (the words after "cc"); translate may be NULL
 * (front.c), which is enough when no input needs translating. */
int launcher_run(int argc, char **argv, launcher_translate_fn translate);

const char *yieldc_include_dir(void);
const char *yieldc_lib_dir(void);
const char *yieldc_translator_path(void);
/* Shared with main.c. */
int yieldc_translate(const char *input, const char *output, const char *emit, bool lines,
                     const char *dump, const char *const *flags, int nflags);

#endif

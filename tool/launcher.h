/* launcher.h - `yieldc cc COMPILER ARGS...` (launcher.c). */
#ifndef YC_LAUNCHER_H
#define YC_LAUNCHER_H

#include <stdbool.h>

int launcher_main(int argc, char **argv);
/* Shared with main.c. */
const char *yieldc_include_dir(void);
int yieldc_translate(const char *input, const char *output, const char *emit, bool lines,
                     const char *dump, const char *const *flags, int nflags);

#endif

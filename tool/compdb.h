/* compdb.h - compiler flags of one file from compile_commands.json. */
#ifndef YC_COMPDB_H
#define YC_COMPDB_H

#include <stdbool.h>

/* Reads BUILD_DIR/compile_commands.json and returns in *argv the flags
 * libclang needs for input (the compiler, -c, -o and the input itself
 * removed; relative include paths made absolute).  false after printing
 * an error. */
bool compdb_flags(const char *builddir, const char *input, char ***argv, int *argc);

#endif

/* lsp_flags.c - the flags the language server analyses a buffer with:
 * the ones clangd reads for the file (compile_commands.json, found where
 * clangd looks for it, or compile_flags.txt), so that yieldc and clangd
 * see the same program. */
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compdb.h"
#include "lsp.h"

static bool exists(const char *dir, const char *name) {
  char *p = xasprintf("%s/%s", dir, name);
  bool ok = access(p, R_OK) == 0;
  free(p);
  return ok;
}

/* compile_flags.txt: one flag a line; a relative -I is relative to the
 * file's directory (as clangd takes it). */
static void read_flags_txt(const char *dir, char ***argv, int *argc) {
  char *p = xasprintf("%s/compile_flags.txt", dir);
  size_t len;
  char *text = read_file(p, &len);
  free(p);
  if (!text)
    return;
  VEC(char *) v = {0};
  for (char *line = strtok(text, "\r\n"); line; line = strtok(NULL, "\r\n")) {
    if (!*line)
      continue;
    if (!strncmp(line, "-I", 2) && line[2] && line[2] != '/')
      VEC_PUSH(v, xasprintf("-I%s/%s", dir, line + 2));
    else
      VEC_PUSH(v, xstrdup(line));
  }
  free(text);
  *argv = v.v;
  *argc = (int)v.n;
}

void lsp_flags_for(const char *path, const char *ccdir, char ***argv, int *argc) {
  *argv = NULL;
  *argc = 0;
  if (ccdir) {
    if (exists(ccdir, "compile_commands.json"))
      compdb_flags(ccdir, path, argv, argc);
    return;
  }
  char *copy = xstrdup(path);
  char *dir = xstrdup(dirname(copy));
  free(copy);
  for (;;) {
    char *build = xasprintf("%s/build", dir);
    const char *db = exists(dir, "compile_commands.json")     ? dir
                     : exists(build, "compile_commands.json") ? build
                                                              : NULL;
    bool done = false;
    if (db) {
      /* a database without the file (a new one): no flags, as clangd's
       * fallback, rather than a parent's */
      if (!compdb_flags(db, path, argv, argc))
        *argv = NULL, *argc = 0;
      done = true;
    } else if (exists(dir, "compile_flags.txt")) {
      read_flags_txt(dir, argv, argc);
      done = true;
    }
    free(build);
    if (done || !strcmp(dir, "/") || !strcmp(dir, ".")) {
      free(dir);
      return;
    }
    copy = xstrdup(dir);
    free(dir);
    dir = xstrdup(dirname(copy));
    free(copy);
  }
}

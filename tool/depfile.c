/* depfile.c - writes the dependency file of a translation the way
 * compilers do with -MD: one Make rule whose target is the output and
 * whose prerequisites are every file the parse read, so Make, Ninja and
 * CMake's DEPFILE remake the translation when a header changes. */
#include "depfile.h"

#include <string.h>

#include "util.h"

/* A path in a Make rule: space and '#' escaped with a backslash (a
 * backslash before them doubled), '$' as "$$", as gcc writes them. */
static void put_path(buf *b, const char *s) {
  for (const char *c = s; *c; c++) {
    if (*c == ' ' || *c == '\t' || *c == '#') {
      for (const char *k = c; k > s && k[-1] == '\\'; k--)
        buf_putc(b, '\\');
      buf_putc(b, '\\');
    } else if (*c == '$') {
      buf_putc(b, '$');
    }
    buf_putc(b, *c);
  }
}

bool depfile_write(const depfile_opts *o, const char *target, const file_list *read) {
  buf b = {0};
  put_path(&b, o->target ? o->target : target);
  buf_putc(&b, ':');
  for (size_t i = 0; i < read->path.n; i++) {
    if (i > 0 && o->user_only && read->system.v[i])
      continue;
    buf_puts(&b, " \\\n  ");
    put_path(&b, read->path.v[i]);
  }
  buf_putc(&b, '\n');
  /* -MP: a header that is deleted (renamed, no longer included) must not
   * stop make with "no rule to make target". */
  for (size_t i = 1; o->phony && i < read->path.n; i++) {
    if (o->user_only && read->system.v[i])
      continue;
    buf_putc(&b, '\n');
    put_path(&b, read->path.v[i]);
    buf_puts(&b, ":\n");
  }
  bool ok = write_file_atomic(o->file, b.s, b.len);
  buf_free(&b);
  return ok;
}

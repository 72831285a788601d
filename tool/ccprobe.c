/* ccprobe.c - asks libclang which of a build's options it knows, so that
 * `yieldc cc gcc -fconserve-stack ...` translates with every option
 * libclang understands and leaves the rest to the compiler.
 *
 * The options that surely mean something to libclang (-D, -I, ...) are
 * kept; the others are tried together on an empty file.  When libclang
 * rejects some, the options its messages quote are dropped and the rest
 * tried again; when a message names none of them (or libclang cannot even
 * start), each is tried alone.  An empty parse costs a few milliseconds
 * and happens only for files that are translated. */
#include "ccprobe.h"

#include <clang-c/Index.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ccargs.h"
#include "util.h"

/* One option, with its value when it takes one. */
typedef struct {
  const char *opt, *value;
  bool drop;
} unit;

/* Does libclang accept these options?  With msgs, its error messages. */
static bool accepts(const char *const *args, int n, buf *msgs) {
  CXIndex index = clang_createIndex(0, 0);
  struct CXUnsavedFile empty = {"yc__probe.c", "", 0};
  CXTranslationUnit tu;
  bool ok = clang_parseTranslationUnit2(index, "yc__probe.c", args, n, &empty, 1, 0, &tu) ==
            CXError_Success;
  if (ok) {
    unsigned nd = clang_getNumDiagnostics(tu);
    for (unsigned i = 0; i < nd; i++) {
      CXDiagnostic d = clang_getDiagnostic(tu, i);
      if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
        ok = false;
        if (msgs) {
          CXString s = clang_getDiagnosticSpelling(d);
          buf_puts(msgs, clang_getCString(s));
          buf_putc(msgs, '\n');
          clang_disposeString(s);
        }
      }
      clang_disposeDiagnostic(d);
    }
    clang_disposeTranslationUnit(tu);
  }
  clang_disposeIndex(index);
  return ok;
}

static int pack(unit *u, int nu, const char **out, bool with_sure) {
  int k = 0;
  for (int i = 0; i < nu; i++) {
    if (u[i].drop || (!with_sure && cc_clang_surely_knows(u[i].opt)))
      continue;
    out[k++] = u[i].opt;
    if (u[i].value)
      out[k++] = u[i].value;
  }
  return k;
}

/* Drops the units whose text holds the first quoted word of a message;
 * false when no message names one. */
static bool drop_named(unit *u, int nu, const char *msgs) {
  bool any = false;
  for (const char *line = msgs; *line;) {
    const char *nl = strchr(line, '\n');
    const char *q = memchr(line, '\'', (size_t)(nl - line));
    const char *e = q ? memchr(q + 1, '\'', (size_t)(nl - q - 1)) : NULL;
    if (e && e > q + 1) {
      char *word = xstrndup(q + 1, (size_t)(e - q - 1));
      for (int i = 0; i < nu; i++) {
        if (u[i].drop || cc_clang_surely_knows(u[i].opt))
          continue;
        char *text = xasprintf("%s %s", u[i].opt, u[i].value ? u[i].value : "");
        if (strstr(text, word)) {
          u[i].drop = true;
          any = true;
        }
        free(text);
      }
      free(word);
    }
    line = nl + 1;
  }
  return any;
}

int ccprobe_filter(const char **flags, int n) {
  unit *u = xcalloc((size_t)n + 1, sizeof *u);
  int nu = 0;
  for (int i = 0; i < n; i++) {
    u[nu].opt = flags[i];
    if (cc_takes_value(flags[i]) && i + 1 < n)
      u[nu].value = flags[++i];
    nu++;
  }
  const char **args = xcalloc((size_t)n + 1, sizeof *args);
  for (int round = 0; round < 3; round++) {
    int k = pack(u, nu, args, false);
    if (!k)
      break;
    buf msgs = {0};
    bool ok = accepts(args, k, &msgs);
    bool named = !ok && msgs.s && drop_named(u, nu, msgs.s);
    buf_free(&msgs);
    if (ok)
      break;
    if (named && round < 2)
      continue;
    /* each alone */
    for (int i = 0; i < nu; i++) {
      if (u[i].drop || cc_clang_surely_knows(u[i].opt))
        continue;
      const char *one[2] = {u[i].opt, u[i].value};
      u[i].drop = !accepts(one, u[i].value ? 2 : 1, NULL);
    }
    break;
  }
  int k = pack(u, nu, flags, true);
  free(args);
  free(u);
  return k;
}

/* quickscan.c - the launcher's fast path: a file that cannot define a
 * coroutine function or contain a yc_foreach is compiled as it is, without
 * libclang.
 *
 * What makes the translator rewrite a file (SPEC sections 2, 3 and 5): a
 * function declared with yc_generator / yc_async / yc_async_generator
 * (the "yieldc:" annotation they expand to), a suspension form, or a
 * yc_foreach, written in the file itself; the same in an included file is
 * an error of the translator, never a rewrite.  So a file whose words
 * include none of those names cannot change.  The scan is deliberately
 * coarse: comments and literals are skipped (a literal with "yieldc:"
 * counts), preprocessor lines count, any yc_ form counts (yc_try,
 * yc_return, ...), and a file with a trigraph, a line splice inside a
 * word or an unterminated literal is translated.
 *
 * Not seen: a coroutine declared through a macro of another file that
 * wraps yc_generator and whose body uses no suspension form at all
 * (YIELDC_TRANSLATE_ALL=1 makes the launcher translate every file). */
#include "quickscan.h"

#include <string.h>

static bool word_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || c >= 0x80;
}

static bool is_form_name(const char *w, size_t n) {
  static const char *const names[] = {
      "yield",      "yield_from",       "await",         "await_next", "yc_yield",
      "yc_yield_from", "yc_await",      "yc_await_next", "yc_generator", "yc_async",
      "yc_async_generator", "yc_foreach", "yc_return",   "yc_raise",   "yc_try",
      "yc_catch",   "yc_genexpr", NULL};
  if (n >= 4 && !memcmp(w, "yc__", 4))
    return true;
  for (int i = 0; names[i]; i++)
    if (strlen(names[i]) == n && !memcmp(names[i], w, n))
      return true;
  return false;
}

bool quickscan_may_translate(const char *text, size_t len) {
  const unsigned char *t = (const unsigned char *)text;
  size_t i = 0;
  while (i < len) {
    unsigned char c = t[i];
    if (c == '/' && i + 1 < len && t[i + 1] == '/') {
      /* a line comment, continued by a backslash at the end of a line */
      while (i < len && t[i] != '\n') {
        if (t[i] == '\\' && i + 1 < len && (t[i + 1] == '\n' || t[i + 1] == '\r'))
          i++;
        i++;
      }
    } else if (c == '/' && i + 1 < len && t[i + 1] == '*') {
      const char *end = memmem(text + i + 2, len - i - 2, "*/", 2);
      if (!end)
        return true;
      i = (size_t)(end - text) + 2;
    } else if (c == '"' || c == '\'') {
      /* a literal: its text names nothing, but may hold "yieldc:" or
       * what looks like a comment */
      size_t b = ++i;
      while (i < len && t[i] != c && t[i] != '\n') {
        if (t[i] == '\\' && i + 1 < len)
          i++;
        i++;
      }
      if (i >= len || t[i] != c)
        return true; /* unterminated: not understood */
      if (memmem(text + b, i - b, "yieldc:", 7))
        return true;
      i++;
    } else if (c == '?' && i + 2 < len && t[i + 1] == '?') {
      return true; /* a trigraph may be a backslash or a comment's end */
    } else if (c == '\\' && i + 1 < len && (t[i + 1] == '\n' || t[i + 1] == '\r')) {
      /* a line splice: harmless between words, not inside one */
      if ((i > 0 && word_char(t[i - 1])) || (i + 2 < len && word_char(t[i + 2])) ||
          (i + 3 < len && t[i + 1] == '\r' && word_char(t[i + 3])))
        return true;
      i += 2;
    } else if (word_char(c)) {
      size_t b = i;
      while (i < len && word_char(t[i]))
        i++;
      if (is_form_name(text + b, i - b))
        return true;
    } else if (c == ':' && i >= 6 && !memcmp(text + i - 6, "yieldc", 6)) {
      return true; /* annotate("yieldc:generator") written out */
    } else {
      i++;
    }
  }
  return false;
}

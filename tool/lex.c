/* lex.c - a tiny C lexer over the input text: white space, comments,
 * string and character literals, and balanced brackets. */
#include "lex.h"

#include <string.h>

#include "util.h"

unsigned lex_skip_ws(const char *t, unsigned len, unsigned off) {
  while (off < len) {
    char c = t[off];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      off++;
    } else if (c == '\\' && off + 1 < len && t[off + 1] == '\n') {
      off += 2;
    } else if (c == '/' && off + 1 < len && t[off + 1] == '*') {
      const char *e = strstr(t + off + 2, "*/");
      off = e ? (unsigned)(e - t) + 2 : len;
    } else if (c == '/' && off + 1 < len && t[off + 1] == '/') {
      while (off < len && t[off] != '\n')
        off++;
    } else {
      break;
    }
  }
  return off;
}

span lex_ident_at(const char *t, unsigned len, unsigned off) {
  span s = {off, off};
  if (off < len && (t[off] < '0' || t[off] > '9'))
    while (s.e < len && is_ident_char((unsigned char)t[s.e]))
      s.e++;
  return s;
}

/* Skips a string or character literal starting at off (at the quote). */
static unsigned skip_literal(const char *t, unsigned len, unsigned off) {
  char q = t[off++];
  while (off < len && t[off] != q) {
    if (t[off] == '\\')
      off++;
    off++;
  }
  return off < len ? off + 1 : len;
}

/* Past a string or character literal or a comment starting at i; i itself
 * when none starts there.  The scanners below see brackets and separators
 * only outside these. */
static unsigned skip_opaque(const char *t, unsigned len, unsigned i) {
  if (t[i] == '"' || t[i] == '\'')
    return skip_literal(t, len, i);
  if (t[i] == '/' && i + 1 < len && (t[i + 1] == '*' || t[i + 1] == '/'))
    return lex_skip_ws(t, len, i);
  return i;
}

static span trim(const char *t, unsigned b, unsigned e) {
  unsigned len = e;
  b = lex_skip_ws(t, len, b);
  while (e > b && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\n' || t[e - 1] == '\r'))
    e--;
  return (span){b, e};
}

bool lex_call_args(const char *t, unsigned len, unsigned off, span *args, unsigned maxargs,
                   unsigned *nargs, unsigned *end) {
  off = lex_skip_ws(t, len, off);
  if (off >= len || t[off] != '(')
    return false;
  unsigned depth = 0, start = off + 1, n = 0;
  bool any = false;
  for (unsigned i = off; i < len;) {
    char c = t[i];
    unsigned past = skip_opaque(t, len, i);
    if (past != i) {
      any = any || c == '"' || c == '\'';
      i = past;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') {
      depth++;
    } else if (c == ')' || c == ']' || c == '}') {
      depth--;
      if (depth == 0) {
        span a = trim(t, start, i);
        if (a.e > a.b || n > 0 || any) {
          if (n < maxargs)
            args[n] = a;
          n++;
        }
        *nargs = n;
        *end = i + 1;
        return true;
      }
    } else if (c == ',' && depth == 1) {
      if (n < maxargs)
        args[n] = trim(t, start, i);
      n++;
      start = i + 1;
    } else if (depth >= 1 && c != ' ' && c != '\t' && c != '\n') {
      any = true;
    }
    i++;
  }
  return false;
}

bool lex_for_header(const char *t, unsigned len, unsigned off, unsigned *semi1, unsigned *semi2,
                    unsigned *rparen) {
  span kw = lex_ident_at(t, len, off);
  if (kw.e - kw.b != 3 || strncmp(t + kw.b, "for", 3))
    return false;
  unsigned i = lex_skip_ws(t, len, kw.e);
  if (i >= len || t[i] != '(')
    return false;
  unsigned depth = 0, semis = 0;
  for (; i < len;) {
    char c = t[i];
    unsigned past = skip_opaque(t, len, i);
    if (past != i) {
      i = past;
      continue;
    }
    if (c == '(' || c == '[' || c == '{')
      depth++;
    if (c == ')' || c == ']' || c == '}') {
      depth--;
      if (depth == 0) {
        *rparen = i;
        return semis == 2;
      }
    }
    if (c == ';' && depth == 1) {
      if (semis == 0)
        *semi1 = i;
      else
        *semi2 = i;
      semis++;
    }
    i++;
  }
  return false;
}

char *lex_operator_between(const char *t, unsigned a, unsigned b) {
  if (b <= a)
    return NULL;
  span s = trim(t, a, b);
  if (s.e <= s.b)
    return NULL;
  for (unsigned i = s.b; i < s.e; i++)
    if (is_ident_char((unsigned char)t[i]) || t[i] == '(' || t[i] == ')')
      return NULL;
  return xstrndup(t + s.b, s.e - s.b);
}

char *lex_squash(const char *s, size_t n) {
  buf b = {0};
  bool space = false;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = b.len > 0;
      continue;
    }
    if (space)
      buf_putc(&b, ' ');
    space = false;
    buf_putc(&b, c);
  }
  return buf_take(&b);
}

bool lex_uses_ident(const char *t, unsigned b, unsigned e, const char *name) {
  size_t n = strlen(name);
  for (unsigned i = b; i + n <= e; i++) {
    if (t[i] == '"' || t[i] == '\'') {
      i = skip_literal(t, e, i) - 1;
      continue;
    }
    if (!strncmp(t + i, name, n) && (i == b || !is_ident_char((unsigned char)t[i - 1])) &&
        (i + n == e || !is_ident_char((unsigned char)t[i + n])))
      return true;
  }
  return false;
}

unsigned lex_form_before(const char *t, unsigned arg) {
  unsigned i = arg;
  while (i > 0 && strchr(" \t\r\n", t[i - 1]))
    i--;
  if (i == 0 || t[i - 1] != '(')
    return arg;
  i--;
  while (i > 0 && strchr(" \t\r\n", t[i - 1]))
    i--;
  unsigned e = i;
  while (i > 0 && is_ident_char((unsigned char)t[i - 1]))
    i--;
  return i < e ? i : arg;
}

unsigned lex_own_end(const char *t, unsigned len, unsigned off, bool bracket, bool postfix,
                     bool member) {
  unsigned i = lex_skip_ws(t, len, off);
  if (i >= len)
    return off;
  if (bracket && strchr(")]}", t[i]))
    return i + 1;
  if (postfix && i + 1 < len && (!strncmp(t + i, "++", 2) || !strncmp(t + i, "--", 2)))
    return i + 2;
  if (member && (t[i] == '.' || (i + 1 < len && !strncmp(t + i, "->", 2)))) {
    i = lex_skip_ws(t, len, i + (t[i] == '.' ? 1 : 2));
    span id = lex_ident_at(t, len, i);
    return id.e > id.b ? id.e : off;
  }
  return off;
}

unsigned lex_initialiser_eq(const char *t, unsigned len, unsigned off) {
  unsigned depth = 0;
  for (unsigned i = off; i < len;) {
    char c = t[i];
    unsigned past = skip_opaque(t, len, i);
    if (past != i) {
      i = past;
      continue;
    }
    if (c == '(' || c == '[' || c == '{')
      depth++;
    else if (c == ')' || c == ']' || c == '}') {
      if (depth > 0)
        depth--; /* else: the ')' of a declarator like (*name[]) */
    } else if (depth == 0 && (c == ',' || c == ';')) {
      return 0;
    } else if (depth == 0 && c == '=' && (i + 1 >= len || t[i + 1] != '=')) {
      return i;
    }
    i++;
  }
  return 0;
}

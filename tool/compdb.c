/* compdb.c - a small reader of compile_commands.json (an array of objects
 * of strings and arrays of strings is all the format needs). */
#include "compdb.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

typedef struct {
  const char *s;
  size_t i, n;
} json;

static void ws(json *j) {
  while (j->i < j->n && strchr(" \t\r\n", j->s[j->i]))
    j->i++;
}

static char *jstring(json *j) {
  ws(j);
  if (j->i >= j->n || j->s[j->i] != '"')
    return NULL;
  j->i++;
  buf b = {0};
  while (j->i < j->n && j->s[j->i] != '"') {
    char c = j->s[j->i++];
    if (c == '\\' && j->i < j->n) {
      char e = j->s[j->i++];
      c = e == 'n' ? '\n' : e == 't' ? '\t' : e;
    }
    buf_putc(&b, c);
  }
  j->i++;
  return buf_take(&b);
}

static void skip_value(json *j);

static void skip_value(json *j) {
  ws(j);
  if (j->i >= j->n)
    return;
  char c = j->s[j->i];
  if (c == '"') {
    free(jstring(j));
  } else if (c == '[' || c == '{') {
    char close = c == '[' ? ']' : '}';
    j->i++;
    for (;;) {
      ws(j);
      if (j->i >= j->n)
        return;
      if (j->s[j->i] == close) {
        j->i++;
        return;
      }
      if (j->s[j->i] == ',') {
        j->i++;
        continue;
      }
      if (close == '}') {
        free(jstring(j));
        ws(j);
        if (j->i < j->n && j->s[j->i] == ':')
          j->i++;
      }
      skip_value(j);
    }
  } else {
    while (j->i < j->n && !strchr(",]}", j->s[j->i]))
      j->i++;
  }
}

typedef VEC(char *) strvec;

static void split_command(const char *cmd, strvec *out) {
  buf cur = {0};
  bool in = false;
  char q = 0;
  for (const char *p = cmd;; p++) {
    char c = *p;
    if (!c || (!q && (c == ' ' || c == '\t'))) {
      if (in)
        VEC_PUSH(*out, buf_take(&cur));
      in = false;
      if (!c)
        break;
      continue;
    }
    in = true;
    if (q) {
      if (c == q)
        q = 0;
      else if (c == '\\' && p[1])
        buf_putc(&cur, *++p);
      else
        buf_putc(&cur, c);
    } else if (c == '"' || c == '\'') {
      q = c;
    } else if (c == '\\' && p[1]) {
      buf_putc(&cur, *++p);
    } else {
      buf_putc(&cur, c);
    }
  }
  buf_free(&cur);
}

static char *absolute(const char *dir, const char *path) {
  if (path[0] == '/')
    return xstrdup(path);
  return xasprintf("%s/%s", dir, path);
}

static void free_entry(char *dir, char *file, char *command, strvec *args) {
  free(dir);
  free(file);
  free(command);
  for (size_t i = 0; i < args->n; i++)
    free(args->v[i]);
  free(args->v);
}

bool compdb_flags(const char *builddir, const char *input, char ***argv, int *argc) {
  char *path = xasprintf("%s/compile_commands.json", builddir);
  size_t len;
  char *text = read_file(path, &len);
  if (!text) {
    fprintf(stderr, "yieldc: error: cannot read '%s': %s\n", path, strerror(errno));
    free(path);
    return false;
  }
  char want[PATH_MAX];
  if (!realpath(input, want))
    snprintf(want, sizeof want, "%s", input);
  json j = {text, 0, len};
  char *dir = NULL, *file = NULL, *command = NULL, *key = NULL;
  strvec args = {0};
  ws(&j);
  if (j.i >= j.n || text[j.i] != '[')
    goto bad;
  j.i++;
  for (;;) {
    ws(&j);
    if (j.i >= j.n || text[j.i] == ']')
      break;
    if (text[j.i] == ',') {
      j.i++;
      continue;
    }
    if (text[j.i] != '{')
      goto bad;
    j.i++;
    dir = file = command = NULL;
    args = (strvec){0};
    for (;;) {
      ws(&j);
      if (j.i >= j.n)
        goto bad;
      if (text[j.i] == '}') {
        j.i++;
        break;
      }
      if (text[j.i] == ',') {
        j.i++;
        continue;
      }
      key = jstring(&j);
      if (!key)
        goto bad;
      ws(&j);
      if (j.i < j.n && text[j.i] == ':')
        j.i++;
      ws(&j);
      if (!strcmp(key, "directory"))
        free(dir), dir = jstring(&j);
      else if (!strcmp(key, "file"))
        free(file), file = jstring(&j);
      else if (!strcmp(key, "command"))
        free(command), command = jstring(&j);
      else if (!strcmp(key, "arguments") && j.i < j.n && text[j.i] == '[') {
        j.i++;
        for (;;) {
          ws(&j);
          if (j.i >= j.n)
            goto bad;
          if (text[j.i] == ']') {
            j.i++;
            break;
          }
          if (text[j.i] == ',') {
            j.i++;
            continue;
          }
          char *s = jstring(&j);
          if (!s)
            goto bad;
          VEC_PUSH(args, s);
        }
      } else {
        skip_value(&j);
      }
      free(key);
      key = NULL;
    }
    bool match = false;
    if (dir && file) {
      char *full = absolute(dir, file);
      char real[PATH_MAX];
      if (!realpath(full, real))
        snprintf(real, sizeof real, "%s", full);
      free(full);
      match = !strcmp(real, want);
    }
    if (!match) {
      free_entry(dir, file, command, &args);
      dir = file = command = NULL;
      args = (strvec){0};
      continue;
    }
    if (!args.n && command)
      split_command(command, &args);
    strvec outv = {0};
    for (size_t i = 1; i < args.n; i++) {
      const char *a = args.v[i];
      if (!strcmp(a, "-c"))
        continue;
      if ((!strcmp(a, "-o") || !strcmp(a, "-MF") || !strcmp(a, "-MT") || !strcmp(a, "-MQ")) &&
          i + 1 < args.n) {
        i++;
        continue;
      }
      /* Dependency-file options would make libclang write the file. */
      if (!strncmp(a, "-M", 2) || !strncmp(a, "-Wp,-M", 6))
        continue;
      char *afull = absolute(dir, a);
      char areal[PATH_MAX];
      bool same = realpath(afull, areal) && !strcmp(areal, want);
      free(afull);
      if (same)
        continue;
      size_t plen = !strncmp(a, "-I", 2)            ? 2
                    : !strncmp(a, "-isystem", 8)    ? 8
                    : !strncmp(a, "-iquote", 7)     ? 7
                    : !strncmp(a, "-idirafter", 10) ? 10
                    : !strcmp(a, "-include")        ? 8
                                                    : 0;
      if (plen) {
        const char *p = a + plen;
        if (*p && *p != '/') {
          VEC_PUSH(outv, xasprintf("%.*s%s/%s", (int)(p - a), a, dir, p));
          continue;
        }
        if (!*p && i + 1 < args.n) {
          VEC_PUSH(outv, xstrdup(a));
          VEC_PUSH(outv, absolute(dir, args.v[++i]));
          continue;
        }
      }
      VEC_PUSH(outv, xstrdup(a));
    }
    /* A warning option only the project's compiler knows must not stop
     * the translation under -Werror. */
    VEC_PUSH(outv, xstrdup("-Wno-unknown-warning-option"));
    *argv = outv.v;
    *argc = (int)outv.n;
    free_entry(dir, file, command, &args);
    free(text);
    free(path);
    return true;
  }
  fprintf(stderr, "yieldc: error: '%s' has no entry for '%s'\n", path, input);
  free(text);
  free(path);
  return false;
bad:
  free(key);
  free_entry(dir, file, command, &args);
  fprintf(stderr, "yieldc: error: '%s' is not a compilation database\n", path);
  free(text);
  free(path);
  return false;
}

/* launcher.c - `yieldc cc COMPILER ARGS...`: a compiler launcher for CMake
 * (CMAKE_C_COMPILER_LAUNCHER) and Makefiles.  Its exit status is the
 * compiler's.
 *
 * A C input whose text cannot hold a coroutine or a yc_foreach
 * (quickscan.c) goes to the compiler as it is.  Any other is translated
 * beside its output: OBJECT.yc.c for `-c -o OBJECT` (kept, so that a
 * debugger finds the lines the translation adds, and left untouched when
 * its text is the same, so that ccache's direct mode and make see an
 * unchanged file), and the compiler runs on the translation with the
 * user's arguments as they are, plus -iquote <source dir> after the
 * compiler's words (`ccache gcc` is two: wrappers are recognised) so that
 * quoted includes resolve as from the source.  Everything the compiler
 * writes that names the translation - a dependency file, the make rules of
 * -M, the line markers of -E - is rewritten to name the source, so a
 * preprocessed output is the same from run to run (ccache's hash).
 * Every command gets -I<yieldc include dir> last, and -L/-lyieldc when it
 * links. */
#include "launcher.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ccargs.h"
#include "quickscan.h"
#include "util.h"

static bool ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && !strcmp(s + n - m, suffix);
}

static char *dir_of(const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash)
    return xstrdup(".");
  if (slash == path)
    return xstrdup("/");
  return xasprintf("%.*s", (int)(slash - path), path);
}

static const char *base_of(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

/* text with every `from` replaced by `to`; with make, `to` escaped for
 * make (spaces, '#').  NULL when from does not occur. */
static char *replace_all(const char *text, size_t len, const char *from, const char *to,
                         bool make, size_t *out_len) {
  size_t n = strlen(from);
  if (!n || !memmem(text, len, from, n))
    return NULL;
  buf b = {0};
  for (size_t i = 0; i < len;) {
    if (i + n <= len && !memcmp(text + i, from, n)) {
      for (const char *p = to; *p; p++) {
        if (make && (*p == ' ' || *p == '#'))
          buf_putc(&b, '\\');
        buf_putc(&b, *p);
      }
      i += n;
    } else {
      buf_putc(&b, text[i++]);
    }
  }
  *out_len = b.len;
  return b.s ? buf_take(&b) : xstrdup("");
}

/* Replaces `from` by `to` in the file at path; quiet when the file does
 * not exist. */
static void rewrite_file(const char *path, const char *from, const char *to, bool make) {
  size_t len, n;
  char *text = read_file(path, &len);
  if (!text)
    return;
  char *fixed = replace_all(text, len, from, to, make, &n);
  if (fixed && !write_file_atomic(path, fixed, n))
    fprintf(stderr, "yieldc cc: warning: cannot rewrite '%s': %s\n", path, strerror(errno));
  free(fixed);
  free(text);
}

static void missing_compiler(int argc, char **argv) {
  if (argc >= 1)
    fprintf(stderr, "yieldc cc: error: the compiler is missing: '%s' is not a compiler\n",
            argv[0]);
  else
    fputs("yieldc cc: error: the compiler is missing\n", stderr);
  fputs("usage: yieldc cc COMPILER ARGS...   (the first word after `cc` is the compiler, "
        "e.g. `yieldc cc gcc -c gen.c -o gen.o`)\n",
        stderr);
}

/* Where the translation of input k goes, and whether it is kept: beside
 * what the compiler writes for it, under a name that is the same from
 * build to build. */
static char *translation_name(const cc_cmd *c, char **argv, int k, bool *keep) {
  const char *src = argv[c->inputs[k]];
  char *stem = xstrdup(base_of(src));
  stem[strlen(stem) - 2] = 0; /* drop ".c" */
  char *name;
  *keep = true;
  if (c->mode == CC_PREPROCESS) {
    /* -E's and -M's outputs are rewritten to name the source.  The
     * translation has the source's file name, in a directory of its own,
     * so that -M's rule has the target the source gives. */
    *keep = false;
    char *dir = c->output ? dir_of(c->output) : xstrdup(".");
    char *own = strcmp(dir, ".") ? xasprintf("%s/.yc.%ld.%d", dir, (long)getpid(), k)
                                 : xasprintf(".yc.%ld.%d", (long)getpid(), k);
    if (mkdir(own, 0700) && errno != EEXIST)
      fprintf(stderr, "yieldc cc: warning: cannot create '%s': %s\n", own, strerror(errno));
    name = xasprintf("%s/%s", own, base_of(src));
    free(own);
    free(dir);
  } else if (c->output && (c->ninputs == 1 || c->mode == CC_LINK)) {
    name = c->ninputs == 1 ? xasprintf("%s.yc.c", c->output)
                           : xasprintf("%s.%d.%s.yc.c", c->output, k, stem);
  } else if (c->mode == CC_LINK) {
    name = xasprintf("a.out.%d.%s.yc.c", k, stem);
  } else {
    /* gcc -c a.c b.c: a.o and b.o in the working directory */
    name = xasprintf("%s.%s.yc.c", stem, c->mode == CC_ASSEMBLE ? "s" : "o");
  }
  free(stem);
  return name;
}

/* Translates src to name, leaving an existing file of the same text as it
 * is.  The translation is made under a temporary name, which its #line
 * directives for generated lines mention; they are made to name the file
 * it becomes.  *same_as_source: nothing was translated. */
static int translate_to(launcher_translate_fn translate, const char *src, const char *name,
                        int argc, char **argv, int from, bool *same_as_source) {
  char *tmp = xasprintf("%s.%ld.tmp", name, (long)getpid());
  int rc = translate(src, tmp, argc, argv, from);
  if (rc) {
    unlink(tmp);
    free(tmp);
    return rc;
  }
  size_t len, n, slen = 0, olen = 0;
  char *text = read_file(tmp, &len);
  unlink(tmp);
  if (!text) {
    fprintf(stderr, "yieldc cc: error: cannot read '%s': %s\n", tmp, strerror(errno));
    free(tmp);
    return 2;
  }
  char *qtmp = xasprintf("\"%s\"", tmp), *qname = xasprintf("\"%s\"", name);
  char *fixed = replace_all(text, len, qtmp, qname, false, &n);
  if (fixed) {
    free(text);
    text = fixed;
    len = n;
  }
  free(qtmp);
  free(qname);
  free(tmp);
  char *source = read_file(src, &slen);
  *same_as_source = source && slen == len && !memcmp(source, text, len);
  free(source);
  char *old = *same_as_source ? NULL : read_file(name, &olen);
  if (*same_as_source) {
    unlink(name);
  } else if (!old || olen != len || memcmp(old, text, len)) {
    if (!write_file_atomic(name, text, len)) {
      fprintf(stderr, "yieldc cc: error: cannot write '%s': %s\n", name, strerror(errno));
      rc = 2;
    }
  }
  free(old);
  free(text);
  return rc;
}

/* Runs cmd; its standard output goes to out_fd when that is not -1. */
static int run(char **cmd, int out_fd) {
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    if (out_fd >= 0)
      dup2(out_fd, 1);
    execvp(cmd[0], cmd);
    fprintf(stderr, "yieldc cc: error: cannot run the compiler '%s': %s\n", cmd[0],
            strerror(errno));
    _exit(127);
  }
  int ws = 0;
  if (pid < 0 || waitpid(pid, &ws, 0) < 0) {
    fprintf(stderr, "yieldc cc: error: cannot run the compiler '%s': %s\n", cmd[0],
            strerror(errno));
    return 127;
  }
  return WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
}

int launcher_run(int argc, char **argv, launcher_translate_fn translate) {
  if (argc < 1 || argv[0][0] == '-' || ends_with(argv[0], ".c") || ends_with(argv[0], ".o")) {
    missing_compiler(argc, argv);
    return 2;
  }
  cc_cmd c;
  cc_read(argc, argv, &c);
  const char *all = getenv("YIELDC_TRANSLATE_ALL");
  bool translate_all = all && *all && strcmp(all, "0");
  bool *need = xcalloc((size_t)c.ninputs + 1, sizeof *need);
  bool any = false;
  for (int k = 0; k < c.ninputs; k++) {
    size_t len;
    char *text = read_file(argv[c.inputs[k]], &len);
    /* an unreadable file is the compiler's to report */
    need[k] = text && (translate_all || quickscan_may_translate(text, len));
    any |= need[k];
    free(text);
  }
  if (any && !translate) {
    free(need);
    cc_free(&c);
    return LAUNCHER_NEEDS_TRANSLATOR;
  }

  /* -c or -S without -o: the compiler would name the output after the
   * translation, so each input gets its own run with the -o it implies. */
  if ((c.mode == CC_COMPILE || c.mode == CC_ASSEMBLE) && !c.output && any) {
    char **one = xcalloc((size_t)argc + 3, sizeof *one);
    int status = 0;
    for (int k = 0; k < c.ninputs && !status; k++) {
      int n = 0;
      for (int i = 0, j = 0; i < argc; i++) {
        if (j < c.ninputs && i == c.inputs[j]) {
          if (j++ != k)
            continue;
        }
        one[n++] = argv[i];
      }
      char *stem = xstrdup(base_of(argv[c.inputs[k]]));
      stem[strlen(stem) - 1] = c.mode == CC_ASSEMBLE ? 's' : 'o';
      one[n++] = "-o";
      one[n++] = stem;
      one[n] = NULL;
      status = launcher_run(n, one, translate);
      free(stem);
    }
    free(one);
    free(need);
    cc_free(&c);
    return status;
  }

  /* The translations. */
  char **names = xcalloc((size_t)c.ninputs + 1, sizeof *names);
  bool *keep = xcalloc((size_t)c.ninputs + 1, sizeof *keep);
  int status = 0;
  for (int k = 0; k < c.ninputs && !status; k++) {
    if (!need[k])
      continue;
    const char *src = argv[c.inputs[k]];
    char *name = translation_name(&c, argv, k, &keep[k]);
    bool same = false;
    status = translate_to(translate, src, name, argc, argv, c.nwords, &same);
    if (status || same) { /* nothing to translate: compile the source itself */
      if (!keep[k]) {
        char *own = dir_of(name);
        rmdir(own);
        free(own);
      }
      free(name);
    } else
      names[k] = name;
  }

  VEC(char *) cmd = {0};
  for (int i = 0; i < c.nwords; i++)
    VEC_PUSH(cmd, xstrdup(argv[i]));
  for (int k = 0; k < c.ninputs; k++)
    if (names[k]) {
      VEC_PUSH(cmd, xstrdup("-iquote"));
      VEC_PUSH(cmd, dir_of(argv[c.inputs[k]]));
    }
  for (int i = c.nwords, k = 0; i < argc; i++) {
    if (k < c.ninputs && i == c.inputs[k]) {
      VEC_PUSH(cmd, xstrdup(names[k] ? names[k] : argv[i]));
      k++;
    } else {
      VEC_PUSH(cmd, xstrdup(argv[i]));
    }
  }
  VEC_PUSH(cmd, xasprintf("-I%s", yieldc_include_dir()));
  if (c.mode == CC_LINK) {
    VEC_PUSH(cmd, xasprintf("-L%s", yieldc_lib_dir()));
    VEC_PUSH(cmd, xstrdup("-lyieldc"));
  }
  VEC_PUSH(cmd, NULL);

  bool translated = false;
  for (int k = 0; k < c.ninputs; k++)
    translated |= names[k] != NULL;
  if (!status && !translated) {
    /* Nothing to rewrite or remove afterwards: the compiler takes this
     * process's place (one process less per file of a build). */
    fflush(stdout);
    execvp(cmd.v[0], cmd.v);
    fprintf(stderr, "yieldc cc: error: cannot run the compiler '%s': %s\n", cmd.v[0],
            strerror(errno));
    status = 127;
  }
  if (!status) {
    /* -E or -M to standard output: through a file, to rewrite it */
    FILE *capture = c.mode == CC_PREPROCESS && translated && !c.output ? tmpfile() : NULL;
    status = run(cmd.v, capture ? fileno(capture) : -1);
    if (capture) {
      fseek(capture, 0, SEEK_SET);
      buf text = {0};
      char chunk[65536];
      size_t got;
      while ((got = fread(chunk, 1, sizeof chunk, capture)) > 0)
        buf_put(&text, chunk, got);
      fclose(capture);
      for (int k = 0; k < c.ninputs; k++) {
        if (!names[k])
          continue;
        const char *src = argv[c.inputs[k]];
        char *from = c.make_rules ? xstrdup(names[k]) : xasprintf("\"%s\"", names[k]);
        char *to = c.make_rules ? xstrdup(src) : xasprintf("\"%s\"", src);
        size_t n;
        char *fixed = replace_all(text.s ? text.s : "", text.len, from, to, c.make_rules, &n);
        if (fixed) {
          buf_free(&text);
          text.s = fixed;
          text.len = n;
        }
        free(from);
        free(to);
      }
      fwrite(text.s ? text.s : "", 1, text.len, stdout);
      fflush(stdout);
      buf_free(&text);
    }
    /* gcc and clang write -MD's file to -MF, or beside -o's object with
     * its suffix replaced by .d. */
    char *dfile = NULL;
    if (c.md && !c.depfile && c.output) {
      const char *dot = strrchr(c.output, '.'), *slash = strrchr(c.output, '/');
      int stem = dot && (!slash || dot > slash) ? (int)(dot - c.output) : (int)strlen(c.output);
      dfile = xasprintf("%.*s.d", stem, c.output);
    }
    for (int k = 0; k < c.ninputs && !status; k++) {
      if (!names[k])
        continue;
      const char *src = argv[c.inputs[k]];
      if (c.md && (c.depfile || dfile))
        rewrite_file(c.depfile ? c.depfile : dfile, names[k], src, true);
      if (c.mode == CC_PREPROCESS && c.output) {
        if (c.make_rules) {
          rewrite_file(c.output, names[k], src, true);
        } else {
          char *from = xasprintf("\"%s\"", names[k]), *to = xasprintf("\"%s\"", src);
          rewrite_file(c.output, from, to, false);
          free(from);
          free(to);
        }
      }
    }
    free(dfile);
  }
  const char *keep_env = getenv("YIELDC_KEEP_TEMPS");
  for (int k = 0; k < c.ninputs; k++) {
    if (names[k] && !keep[k] && !(keep_env && *keep_env)) {
      unlink(names[k]);
      char *own = dir_of(names[k]);
      rmdir(own);
      free(own);
    }
    free(names[k]);
  }
  free(names);
  free(keep);
  free(need);
  for (size_t i = 0; i < cmd.n; i++)
    free(cmd.v[i]);
  free(cmd.v);
  cc_free(&c);
  return status;
}

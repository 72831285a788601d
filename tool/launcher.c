/* launcher.c - `yieldc cc COMPILER ARGS...`: a compiler launcher for CMake
 * (CMAKE_C_COMPILER_LAUNCHER) and Makefiles.  Every C input is translated
 * to a temporary beside its object file, the compiler runs on the
 * translations with the user's other arguments untouched, plus yieldc's
 * include path (and libyieldc when it links).  Its exit status is the
 * compiler's.
 *
 * Because the translation is compiled from another directory, the
 * source's own directory is put first on the quoted-include path
 * (-iquote), and a dependency file the compiler writes (-MD/-MMD with -MF
 * or beside the object) names the source instead of the temporary. */
#include "launcher.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"

static bool ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && !strcmp(s + n - m, suffix);
}

/* Options that take the next argument as their value. */
static bool takes_value(const char *a) {
  static const char *const opts[] = {
      "-o",  "-I",  "-D", "-U", "-include", "-isystem", "-iquote",    "-MF",
      "-MT", "-MQ", "-x", "-L", "-l",       "-Xlinker", "-idirafter", NULL};
  for (int i = 0; opts[i]; i++)
    if (!strcmp(a, opts[i]))
      return true;
  return false;
}

/* Dependency-file options: for the compiler only, never for libclang
 * (which would write the file itself). */
static bool is_dep_opt(const char *a) { return !strncmp(a, "-M", 2) || !strncmp(a, "-Wp,-M", 6); }

/* Options that only matter when linking. */
static bool is_link_opt(const char *a) {
  return !strncmp(a, "-Wl,", 4) || !strncmp(a, "-l", 2) || !strncmp(a, "-L", 2) ||
         !strcmp(a, "-Xlinker") || !strcmp(a, "-shared") || !strcmp(a, "-static") ||
         !strcmp(a, "-rdynamic") || !strcmp(a, "-pie") || !strcmp(a, "-no-pie");
}

static char *dir_of(const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash)
    return xstrdup(".");
  if (slash == path)
    return xstrdup("/");
  return xasprintf("%.*s", (int)(slash - path), path);
}

/* Replaces every occurrence of `from` by `to` in the file at path; quiet
 * when the file does not exist. */
static void rewrite_depfile(const char *path, const char *from, const char *to) {
  size_t len;
  char *text = read_file(path, &len);
  if (!text)
    return;
  buf b = {0};
  size_t n = strlen(from);
  bool changed = false;
  for (size_t i = 0; i < len;) {
    if (n && i + n <= len && !memcmp(text + i, from, n)) {
      for (const char *p = to; *p; p++) {
        if (*p == ' ' || *p == '#')
          buf_putc(&b, '\\');
        buf_putc(&b, *p);
      }
      i += n;
      changed = true;
    } else {
      buf_putc(&b, text[i++]);
    }
  }
  if (changed && !write_file_atomic(path, b.s ? b.s : "", b.len))
    fprintf(stderr, "yieldc cc: warning: cannot rewrite '%s': %s\n", path, strerror(errno));
  buf_free(&b);
  free(text);
}

static bool same_contents(const char *a, const char *b) {
  size_t na, nb;
  char *ta = read_file(a, &na), *tb = read_file(b, &nb);
  bool same = ta && tb && na == nb && !memcmp(ta, tb, na);
  free(ta);
  free(tb);
  return same;
}

/* libyieldc beside the tool: <exe>/../lib, as both the build tree
 * (build/bin, build/lib) and an installation (bin, lib) lay it out. */
static const char *lib_dir(void) {
  static char dir[8300];
  char exe[4096];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (slash) {
      *slash = 0;
      snprintf(dir, sizeof dir, "%s/../lib", exe);
      return dir;
    }
  }
  snprintf(dir, sizeof dir, "%s/../lib", yieldc_include_dir());
  return dir;
}

int launcher_main(int argc, char **argv) {
  if (argc < 1) {
    fputs("usage: yieldc cc COMPILER ARGS...\n", stderr);
    return 2;
  }
  const char *object = NULL, *depfile = NULL;
  bool links = true, deps = false;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-c") || !strcmp(argv[i], "-S") || !strcmp(argv[i], "-E") ||
        !strcmp(argv[i], "-M") || !strcmp(argv[i], "-MM"))
      links = false;
    if (!strcmp(argv[i], "-MD") || !strcmp(argv[i], "-MMD"))
      deps = true;
    if (!strcmp(argv[i], "-o") && i + 1 < argc)
      object = argv[i + 1];
    if (!strcmp(argv[i], "-MF") && i + 1 < argc)
      depfile = argv[i + 1];
    if (!strncmp(argv[i], "-MF", 3) && argv[i][3])
      depfile = argv[i] + 3;
    if (takes_value(argv[i]))
      i++;
  }
  /* Flags for libclang: everything but inputs, outputs, modes, dependency
   * files and link options.  A warning option only the compiler knows
   * must not stop the translation under -Werror. */
  VEC(const char *) flags = {0};
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-o") || is_dep_opt(a) || is_link_opt(a)) {
      if (takes_value(a))
        i++;
      continue;
    }
    if (takes_value(a) && i + 1 < argc) {
      VEC_PUSH(flags, a);
      VEC_PUSH(flags, argv[++i]);
      continue;
    }
    if (a[0] == '-' && strcmp(a, "-c") && strcmp(a, "-S"))
      VEC_PUSH(flags, a);
  }
  VEC_PUSH(flags, "-Wno-unknown-warning-option");
  VEC(char *) cmd = {0};
  VEC(char *) temps = {0};
  VEC(const char *) sources = {0};
  VEC_PUSH(cmd, xstrdup(argv[0]));
  int status = 0;
  unsigned ninputs = 0;
  for (int i = 1; i < argc; i++) {
    if (takes_value(argv[i])) {
      i++;
      continue;
    }
    if (argv[i][0] != '-' && ends_with(argv[i], ".c")) {
      ninputs++;
      char *dir = dir_of(argv[i]);
      VEC_PUSH(cmd, xstrdup("-iquote"));
      VEC_PUSH(cmd, dir);
    }
  }
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (takes_value(a) && i + 1 < argc) {
      VEC_PUSH(cmd, xstrdup(a));
      VEC_PUSH(cmd, xstrdup(argv[++i]));
      continue;
    }
    if (a[0] != '-' && ends_with(a, ".c")) {
      char *tmp;
      if (object && ninputs == 1)
        tmp = xasprintf("%s.yc.c", object);
      else
        tmp = xasprintf("%s.yc.%ld.c", a, (long)getpid());
      int rc = yieldc_translate(a, tmp, "c", true, NULL, flags.v, (int)flags.n);
      if (rc) {
        status = rc;
        free(tmp);
        break;
      }
      if (same_contents(a, tmp)) {
        /* Nothing to translate: compile the source itself, so that
         * diagnostics, __FILE__ and dependencies name it. */
        unlink(tmp);
        free(tmp);
        VEC_PUSH(cmd, xstrdup(a));
        continue;
      }
      VEC_PUSH(temps, tmp);
      VEC_PUSH(sources, a);
      VEC_PUSH(cmd, xstrdup(tmp));
      continue;
    }
    VEC_PUSH(cmd, xstrdup(a));
  }
  if (!status) {
    VEC_PUSH(cmd, xasprintf("-I%s", yieldc_include_dir()));
    if (links) {
      VEC_PUSH(cmd, xasprintf("-L%s", lib_dir()));
      VEC_PUSH(cmd, xstrdup("-lyieldc"));
    }
    VEC_PUSH(cmd, NULL);
    pid_t pid = fork();
    if (pid == 0) {
      execvp(cmd.v[0], cmd.v);
      fprintf(stderr, "yieldc cc: cannot run '%s': %s\n", cmd.v[0], strerror(errno));
      _exit(127);
    }
    int ws = 0;
    if (pid < 0 || waitpid(pid, &ws, 0) < 0) {
      fprintf(stderr, "yieldc cc: cannot run '%s': %s\n", argv[0], strerror(errno));
      status = 127;
    } else {
      status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
    }
    /* gcc and clang write -MD's file to -MF, or beside -o's object with
     * its suffix replaced by .d. */
    char *dfile = NULL;
    if (!status && deps && !depfile && object) {
      const char *dot = strrchr(object, '.'), *slash = strrchr(object, '/');
      int stem = dot && (!slash || dot > slash) ? (int)(dot - object) : (int)strlen(object);
      dfile = xasprintf("%.*s.d", stem, object);
    }
    if (!status && deps && (depfile || dfile))
      for (size_t i = 0; i < temps.n; i++)
        rewrite_depfile(depfile ? depfile : dfile, temps.v[i], sources.v[i]);
    free(dfile);
  }
  for (size_t i = 0; i < temps.n; i++) {
    if (!getenv("YIELDC_KEEP_TEMPS"))
      unlink(temps.v[i]);
    free(temps.v[i]);
  }
  free(temps.v);
  free(sources.v);
  for (size_t i = 0; i < cmd.n; i++)
    free(cmd.v[i]);
  free(cmd.v);
  free(flags.v);
  return status;
}

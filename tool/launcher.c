/* launcher.c - `yieldc cc COMPILER ARGS...`: a compiler launcher for CMake
 * (CMAKE_C_COMPILER_LAUNCHER) and Makefiles.  Every C input is translated
 * to a temporary beside its object file, the compiler runs on the
 * translations with the user's other arguments untouched, plus yieldc's
 * include path (and libyieldc when it links).  Its exit status is the
 * compiler's. */
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
  static const char *const opts[] = {"-o", "-I", "-D", "-U", "-include", "-isystem",
                                     "-iquote", "-MF", "-MT", "-MQ", "-x", "-L", "-l",
                                     "-Xlinker", "-idirafter", NULL};
  for (int i = 0; opts[i]; i++)
    if (!strcmp(a, opts[i])) return true;
  return false;
}

static const char *lib_dir(void) {
  static char dir[8300];
  snprintf(dir, sizeof dir, "%s/../lib", yieldc_include_dir());
  return dir;
}

int launcher_main(int argc, char **argv) {
  if (argc < 1) {
    fputs("usage: yieldc cc COMPILER ARGS...\n", stderr);
    return 2;
  }
  const char *object = NULL;
  bool links = true;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-c") || !strcmp(argv[i], "-S") || !strcmp(argv[i], "-E") ||
        !strcmp(argv[i], "-M") || !strcmp(argv[i], "-MM"))
      links = false;
    if (!strcmp(argv[i], "-o") && i + 1 < argc) object = argv[i + 1];
  }
  /* Flags for libclang: everything but inputs, outputs and modes. */
  VEC(const char *) flags = {0};
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-o")) {
      i++;
      continue;
    }
    if (takes_value(a) && i + 1 < argc) {
      VEC_PUSH(flags, a);
      VEC_PUSH(flags, argv[++i]);
      continue;
    }
    if (a[0] == '-' && strcmp(a, "-c") && strcmp(a, "-S") && strncmp(a, "-M", 2) &&
        strncmp(a, "-Wl,", 4) && strncmp(a, "-l", 2) && strncmp(a, "-L", 2))
      VEC_PUSH(flags, a);
  }
  VEC(char *) cmd = {0};
  VEC(char *) temps = {0};
  VEC_PUSH(cmd, xstrdup(argv[0]));
  int status = 0;
  unsigned ninputs = 0;
  for (int i = 1; i < argc; i++)
    if (argv[i][0] != '-' && ends_with(argv[i], ".c") && (i == 1 || !takes_value(argv[i - 1])))
      ninputs++;
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
      VEC_PUSH(temps, tmp);
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
  }
  for (size_t i = 0; i < temps.n; i++) {
    if (!getenv("YIELDC_KEEP_TEMPS")) unlink(temps.v[i]);
    free(temps.v[i]);
  }
  free(temps.v);
  for (size_t i = 0; i < cmd.n; i++) free(cmd.v[i]);
  free(cmd.v);
  free(flags.v);
  return status;
}

/* main.c - the yieldc command line (SPEC section 7): options and their
 * errors.  The phases run in translate.c; `yieldc cc` is launcher.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compdb.h"
#include "diag.h"
#include "launcher.h"
#include "lsp.h"
#include "translate.h"
#include "util.h"

/* The options, as --help lists them (docs/yieldc.1 and docs/reference.md
 * list the same; test/tooling/man-page.c checks). */
static void usage(FILE *to) {
  fputs("usage: yieldc [options] INPUT.c -o OUTPUT.c [-- COMPILER-FLAGS...]\n"
        "       yieldc cc COMPILER ARGS...\n"
        "       yieldc lsp [--clangd=PATH|none] [CLANGD-ARGS...]\n"
        "options:\n"
        "  -o FILE             write the translation to FILE (atomically)\n"
        "  -p BUILD_DIR        take INPUT's flags from BUILD_DIR/compile_commands.json\n"
        "  --emit=c|dot        C (default) or a Graphviz state diagram\n"
        "  --emit=dot=FUNC     the state diagram of coroutine function FUNC only\n"
        "  --no-line           omit #line directives\n"
        "  --dump-after=PHASE  print the IR after parse or analyse and stop\n"
        "  -MD                 also write a depfile (Make syntax) of every file read\n"
        "  -MMD                the same without system headers\n"
        "  -MF FILE            the depfile's name (default: OUTPUT with .d for its suffix)\n"
        "  -MT TARGET          the depfile rule's target (default: OUTPUT)\n"
        "  -MP                 add an empty rule for each header\n"
        "  -fdiagnostics-color[=always|never|auto]\n"
        "                      colour messages (auto: when stderr is a terminal)\n"
        "  --version, --help\n"
        "Compiler flags (-I, -D, -std, ...) go after '--'.\n",
        to);
}

/* Options for did-you-mean: the name ('=' ends one that takes a value
 * joined) and how to write it. */
static const struct {
  const char *name, *shown;
} options[] = {{"--emit=", "--emit=c|dot|dot=FUNC"},
               {"--no-line", "--no-line"},
               {"--dump-after=", "--dump-after=PHASE"},
               {"-MD", "-MD"},
               {"-MMD", "-MMD"},
               {"-MF", "-MF FILE"},
               {"-MT", "-MT TARGET"},
               {"-MP", "-MP"},
               {"-fdiagnostics-color=", "-fdiagnostics-color=always|never|auto"},
               {"--version", "--version"},
               {"--help", "--help"}};

static size_t name_len(const char *s) { return strcspn(s, "="); }

/* Levenshtein distance of a[0, na) and b[0, nb). */
static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb) {
  size_t *row = xmalloc((nb + 1) * sizeof *row);
  for (size_t j = 0; j <= nb; j++)
    row[j] = j;
  for (size_t i = 1; i <= na; i++) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= nb; j++) {
      size_t up = row[j];
      size_t best = diag + (a[i - 1] != b[j - 1]);
      if (up + 1 < best)
        best = up + 1;
      if (row[j - 1] + 1 < best)
        best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  size_t d = row[nb];
  free(row);
  return d;
}

/* A compiler's option rather than a misspelt one of ours: what the
 * note about '--' is for. */
static bool compiler_like(const char *a) {
  if (a[1] == '-')
    return !strncmp(a, "--sysroot", 9) || !strncmp(a, "--std", 5);
  return strchr("IDUWfmOgilLxcSEst", a[1]) || !strcmp(a, "-M") || !strcmp(a, "-MM");
}

/* How to write the option closest to a, if a looks like a typo of it. */
static const char *did_you_mean(const char *a) {
  if (compiler_like(a))
    return NULL;
  size_t na = name_len(a);
  const char *best = NULL;
  size_t best_d = (size_t)-1;
  for (size_t i = 0; i < sizeof options / sizeof *options; i++) {
    size_t d = edit_distance(a, na, options[i].name, name_len(options[i].name));
    if (d < best_d) {
      best_d = d;
      best = options[i].shown;
    }
  }
  size_t limit = na / 4 > 1 ? na / 4 : 1;
  return best_d <= limit ? best : NULL;
}

/* Compiler options whose value is the next argument when not joined. */
static bool takes_separate_value(const char *a) {
  static const char *const with_value[] = {"-I",        "-D",        "-U",          "-include",
                                           "-imacros",  "-isystem",  "-iquote",     "-idirafter",
                                           "-isysroot", "--sysroot", "-target",     "-x",
                                           "-Xclang",   "-iprefix",  "-iwithprefix"};
  for (size_t i = 0; i < sizeof with_value / sizeof *with_value; i++)
    if (!strcmp(a, with_value[i]))
      return true;
  return false;
}

/* Shell-quotes s for a command the user may copy. */
static void put_word(buf *b, const char *s) {
  buf_putc(b, ' ');
  if (*s && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                      "-_./=+,:@%") == strlen(s)) {
    buf_puts(b, s);
    return;
  }
  buf_putc(b, '\'');
  for (const char *c = s; *c; c++)
    if (*c == '\'')
      buf_puts(b, "'\\''");
    else
      buf_putc(b, *c);
  buf_putc(b, '\'');
}

/* What an argument before '--' is to report_unknown. */
enum { ARG_OURS, ARG_UNKNOWN, ARG_VALUE /* the separate value of an unknown option */ };

/* Unknown options: each is an error, with a did-you-mean when it is close
 * to one of ours, else a note showing the command with the compiler flags
 * moved after '--'. */
static void report_unknown(int argc, char **argv, const unsigned char *kind) {
  bool any_compiler_flag = false;
  for (int i = 1; i < argc; i++) {
    if (kind[i] != ARG_UNKNOWN)
      continue;
    const char *near = did_you_mean(argv[i]);
    if (near)
      diag_tool("error", "unknown option '%s'; did you mean '%s'?", argv[i], near);
    else
      diag_tool("error", "unknown option '%s'", argv[i]);
    any_compiler_flag |= !near;
  }
  if (!any_compiler_flag)
    return;
  buf cmd = {0};
  buf_puts(&cmd, "yieldc");
  int dashdash = argc;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--")) {
      dashdash = i;
      break;
    }
    if (kind[i] == ARG_OURS || (kind[i] == ARG_UNKNOWN && did_you_mean(argv[i])))
      put_word(&cmd, argv[i]);
  }
  buf_puts(&cmd, " --");
  for (int i = 1; i < dashdash; i++)
    if (kind[i] == ARG_VALUE || (kind[i] == ARG_UNKNOWN && !did_you_mean(argv[i])))
      put_word(&cmd, argv[i]);
  for (int i = dashdash + 1; i < argc; i++)
    put_word(&cmd, argv[i]);
  diag_tool("note", "compiler flags go after '--': %s", cmd.s);
  buf_free(&cmd);
}

/* The depfile's default name: the output with its suffix replaced by .d,
 * as gcc -MD names it. */
static char *default_depfile(const char *output) {
  const char *base = strrchr(output, '/');
  base = base ? base + 1 : output;
  const char *dot = strrchr(base, '.');
  size_t n = dot && dot != base ? (size_t)(dot - output) : strlen(output);
  return xasprintf("%.*s.d", (int)n, output);
}

int main(int argc, char **argv) {
  if (argc >= 2 && !strcmp(argv[1], "cc"))
    return launcher_main(argc - 2, argv + 2);
  if (argc >= 2 && !strcmp(argv[1], "lsp"))
    return lsp_main(argc - 2, argv + 2);
  const char *input = NULL, *output = NULL, *emit = "c", *dump = NULL, *builddir = NULL;
  bool lines = true;
  const char *const *flags = NULL;
  int nflags = 0;
  depfile_opts deps = {0};
  bool want_deps = false;
  unsigned char *kind = xcalloc((size_t)argc, 1);
  bool unknown = false;
  const char *extra_input = NULL;
  char *dep_name = NULL;
  /* Colour first, so that every message below has it. */
  for (int i = 1; i < argc && strcmp(argv[i], "--"); i++) {
    diag_color_mode m;
    bool bad;
    if (diag_color_flag(argv[i], &m, &bad) && !bad)
      diag_set_color(m);
  }
  int rc = 2;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    diag_color_mode m;
    bool bad;
    if (!strcmp(a, "--")) {
      flags = (const char *const *)argv + i + 1;
      nflags = argc - i - 1;
      break;
    } else if ((!strcmp(a, "-o") || !strcmp(a, "-p") || !strcmp(a, "-MF") || !strcmp(a, "-MT")) &&
               i + 1 >= argc) {
      diag_tool("error", "%s needs a value: %s", a,
                a[1] == 'o'   ? "-o OUTPUT.c"
                : a[1] == 'p' ? "-p BUILD_DIR"
                : a[2] == 'F' ? "-MF FILE"
                              : "-MT TARGET");
      goto out;
    } else if (!strcmp(a, "-o")) {
      output = argv[++i];
    } else if (!strcmp(a, "-p")) {
      builddir = argv[++i];
    } else if (!strncmp(a, "--emit=", 7)) {
      emit = a + 7;
      if (strcmp(emit, "c") && strcmp(emit, "dot") && (strncmp(emit, "dot=", 4) || !emit[4])) {
        diag_tool("error", "--emit takes c, dot or dot=FUNC, not '%s'", emit);
        goto out;
      }
    } else if (!strcmp(a, "--no-line")) {
      lines = false;
    } else if (!strncmp(a, "--dump-after=", 13)) {
      dump = a + 13;
      if (strcmp(dump, "parse") && strcmp(dump, "analyse")) {
        diag_tool("error", "--dump-after takes parse or analyse, not '%s'", dump);
        goto out;
      }
    } else if (!strcmp(a, "-MD") || !strcmp(a, "-MMD")) {
      want_deps = true;
      deps.user_only = a[2] == 'M';
    } else if (!strncmp(a, "-MF", 3)) {
      deps.file = a[3] ? a + 3 : argv[++i];
      want_deps = true;
    } else if (!strncmp(a, "-MT", 3)) {
      deps.target = a[3] ? a + 3 : argv[++i];
    } else if (!strcmp(a, "-MP")) {
      deps.phony = true;
    } else if (diag_color_flag(a, &m, &bad)) {
      if (bad) {
        diag_tool("error", "-fdiagnostics-color takes always, never or auto, not '%s'",
                  strchr(a, '=') + 1);
        goto out;
      }
    } else if (!strcmp(a, "--version")) {
      printf("yieldc %s\n", YIELDC_VERSION);
      rc = 0;
      goto out;
    } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      usage(stdout);
      rc = 0;
      goto out;
    } else if (a[0] == '-' && a[1]) {
      kind[i] = ARG_UNKNOWN;
      unknown = true;
      if (takes_separate_value(a) && i + 1 < argc && strcmp(argv[i + 1], "--"))
        kind[++i] = ARG_VALUE;
    } else if (!input) {
      input = a;
    } else if (!extra_input) {
      extra_input = a;
    }
  }
  if (unknown) {
    report_unknown(argc, argv, kind);
    goto out;
  }
  if (extra_input) {
    diag_tool("error", "more than one input ('%s' and '%s')", input, extra_input);
    goto out;
  }
  if (!input) {
    usage(stderr);
    goto out;
  }
  if (!output && !dump && strncmp(emit, "dot", 3)) {
    diag_tool("error", "no output file: add -o OUTPUT.c (or -o - for stdout)");
    goto out;
  }
  if (want_deps && !deps.file) {
    if (!output || !strcmp(output, "-")) {
      diag_tool("error", "-MD with the output on stdout needs -MF FILE (and -MT TARGET)");
      goto out;
    }
    deps.file = dep_name = default_depfile(output);
  }
  if (want_deps && !deps.target && (!output || !strcmp(output, "-"))) {
    diag_tool("error", "a depfile of output on stdout needs its target: add -MT TARGET");
    goto out;
  }
  char **db_flags = NULL;
  int ndb = 0;
  if (builddir) {
    if (!compdb_flags(builddir, input, &db_flags, &ndb))
      goto out;
    if (!nflags) {
      flags = (const char *const *)db_flags;
      nflags = ndb;
    }
  }
  rc = yieldc_translate_deps(input, output, emit, lines, dump, flags, nflags,
                             want_deps ? &deps : NULL);
  for (int i = 0; i < ndb; i++)
    free(db_flags[i]);
  free(db_flags);
out:
  free(dep_name);
  free(kind);
  return rc;
}

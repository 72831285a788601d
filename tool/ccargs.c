/* ccargs.c - reading a compiler's command line for `yieldc cc`.
 *
 * The compiler may come behind a wrapper (`ccache gcc`, `distcc cc`): the
 * wrappers and the compiler are the command's first words, and what
 * yieldc adds goes after all of them.  The C inputs are the arguments
 * that end in .c and are no option's value. */
#include "ccargs.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static bool starts(const char *s, const char *prefix) {
  return !strncmp(s, prefix, strlen(prefix));
}

static bool ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && !strcmp(s + n - m, suffix);
}

static bool is_one_of(const char *a, const char *const *list) {
  for (int i = 0; list[i]; i++)
    if (!strcmp(a, list[i]))
      return true;
  return false;
}

bool cc_takes_value(const char *a) {
  static const char *const opts[] = {
      "-o",          "-I",         "-D",         "-U",
      "-include",    "-imacros",   "-isystem",   "-iquote",
      "-idirafter",  "-iprefix",   "-iwithprefix", "-iwithprefixbefore",
      "-isysroot",   "--sysroot",  "-MF",        "-MT",
      "-MQ",         "-MJ",        "-x",         "-L",
      "-l",          "-Xlinker",   "-Xassembler", "-Xpreprocessor",
      "-Xclang",     "-Xanalyzer", "-mllvm",     "--param",
      "-aux-info",   "-dumpbase",  "-dumpdir",   "-T",
      "-u",          "-z",         "-e",         "-B",
      "-target",     "-arch",      "-wrapper",   NULL};
  return is_one_of(a, opts);
}

/* Compiler wrappers that take the compiler as their next word. */
static bool is_wrapper(const char *word) {
  static const char *const names[] = {"ccache", "sccache", "distcc", "icecc", "buildcache", NULL};
  const char *slash = strrchr(word, '/');
  return is_one_of(slash ? slash + 1 : word, names);
}

void cc_read(int argc, char **argv, cc_cmd *c) {
  memset(c, 0, sizeof *c);
  int w = 1;
  /* ccache KEY=VALUE settings, then the wrapped compiler */
  while (w < argc && is_wrapper(argv[w - 1]) && argv[w][0] != '-') {
    while (w < argc && argv[w][0] != '-' && strchr(argv[w], '=') && !strchr(argv[w], '/'))
      w++;
    if (w < argc && argv[w][0] != '-')
      w++;
  }
  c->nwords = w;
  bool c_flag = false, s_flag = false, e_flag = false, m_flag = false;
  c->inputs = xcalloc((size_t)argc, sizeof *c->inputs);
  for (int i = w; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-c"))
      c_flag = true;
    else if (!strcmp(a, "-S"))
      s_flag = true;
    else if (!strcmp(a, "-E"))
      e_flag = true;
    else if (!strcmp(a, "-M") || !strcmp(a, "-MM"))
      m_flag = true;
    else if (!strcmp(a, "-MD") || !strcmp(a, "-MMD"))
      c->md = true;
    else if (!strcmp(a, "-o") && i + 1 < argc)
      c->output = argv[i + 1];
    else if (starts(a, "-o") && a[2])
      c->output = a + 2;
    else if (!strcmp(a, "-MF") && i + 1 < argc)
      c->depfile = argv[i + 1];
    else if (starts(a, "-MF") && a[3])
      c->depfile = a + 3;
    else if (a[0] != '-' && ends_with(a, ".c"))
      c->inputs[c->ninputs++] = i;
    if (cc_takes_value(a))
      i++;
  }
  c->mode = e_flag || m_flag ? CC_PREPROCESS : s_flag ? CC_ASSEMBLE : c_flag ? CC_COMPILE : CC_LINK;
  c->make_rules = m_flag && !e_flag;
}

void cc_free(cc_cmd *c) {
  free(c->inputs);
  memset(c, 0, sizeof *c);
}

/* Dependency-file options: the compiler's business, never libclang's. */
static bool is_dep_opt(const char *a) { return starts(a, "-M") || starts(a, "-Wp,-M"); }

/* Options that only matter when linking. */
static bool is_link_opt(const char *a) {
  static const char *const exact[] = {
      "-Xlinker", "-shared",   "-static",       "-rdynamic",     "-pie",        "-no-pie",
      "-T",       "-u",        "-z",            "-e",            "-nostdlib",   "-nostartfiles",
      "-nodefaultlibs", "-static-libgcc", "-shared-libgcc", "-s", NULL};
  return starts(a, "-Wl,") || starts(a, "-l") || starts(a, "-L") || is_one_of(a, exact);
}

/* Options that cannot change what a file means to libclang: warnings (and
 * -Werror), debug information, diagnostics' format, optimisation reports,
 * profiles, LTO, plugins, the assembler's options. */
static bool is_irrelevant(const char *a) {
  static const char *const prefixes[] = {
      "-fdiagnostics", "-fno-diagnostics", "-fmessage-length", "-fmax-errors",
      "-fcolor-diagnostics", "-fno-color-diagnostics", "-fanalyzer", "-fno-analyzer",
      "-fdump-", "-fopt-info", "-fprofile", "-fno-profile", "-fauto-profile",
      "-fcoverage", "-ftest-coverage", "-fbranch-probabilities", "-flto", "-fno-lto",
      "-ffat-lto", "-fno-fat-lto", "-fplugin", "-save-temps", "-time", "-fstack-usage",
      "-fcallgraph-info", "-Wa,", "-fcompare-debug", "-frecord-gcc-switches",
      "-fno-record-gcc-switches", "-fdebug-prefix-map", "-ffile-prefix-map",
      "-fmacro-prefix-map", "-fworking-directory", "-pedantic", "--pedantic", "-g",
      "--coverage", NULL};
  static const char *const exact[] = {"-w", "-v", "-###", "-pipe", "-fsyntax-only",
                                      "-Xassembler", "-Xanalyzer", "--param", "-aux-info",
                                      "-dumpbase", "-dumpdir", "-MJ", "-wrapper", NULL};
  if (starts(a, "-W") && !starts(a, "-Wp,"))
    return true;
  for (int i = 0; prefixes[i]; i++)
    if (starts(a, prefixes[i]))
      return true;
  return is_one_of(a, exact);
}

const char **cc_clang_candidates(int argc, char **argv, int from, int *n) {
  const char **out = xcalloc((size_t)argc + 1, sizeof *out);
  int k = 0;
  for (int i = from; i < argc; i++) {
    const char *a = argv[i];
    bool value = cc_takes_value(a) && i + 1 < argc;
    if (a[0] != '-' || !strcmp(a, "-") || !strcmp(a, "-c") || !strcmp(a, "-S") ||
        !strcmp(a, "-E") || starts(a, "-o") || is_dep_opt(a) || is_link_opt(a) ||
        is_irrelevant(a)) {
      if (value)
        i++;
      continue;
    }
    out[k++] = a;
    if (value)
      out[k++] = argv[++i];
  }
  *n = k;
  return out;
}

bool cc_clang_surely_knows(const char *a) {
  static const char *const prefixes[] = {"-D", "-U", "-I", "-iquote", "-isystem", "-idirafter",
                                         "-include", "-imacros", "-iprefix", "-iwithprefix",
                                         "-isysroot", "--sysroot", "-Wp,", NULL};
  static const char *const exact[] = {"-O",  "-O0",    "-O1",      "-O2",    "-O3",
                                      "-Os", "-Ofast", "-Og",      "-Oz",    "-x",
                                      "-nostdinc", "-undef", "-pthread", "-ansi", NULL};
  for (int i = 0; prefixes[i]; i++)
    if (starts(a, prefixes[i]))
      return true;
  return is_one_of(a, exact);
}

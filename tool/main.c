/* main.c - the yieldc command line (SPEC section 7): options and their
 * errors.  The phases run in translate.c; `yieldc cc` is launcher.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyse.h"
#include "emit.h"
#include "launcher.h"
#include "parse.h"
#include "compdb.h"

static void usage(FILE *to) {
  fputs("usage: yieldc [options] INPUT.c -o OUTPUT.c [-- COMPILER-FLAGS...]\n"
        "       yieldc cc COMPILER ARGS...\n"
        "options:\n"
        "  -o FILE             write the translation to FILE (atomically)\n"
        "  -p BUILD_DIR        take INPUT's flags from BUILD_DIR/compile_commands.json\n"
        "  --emit=c|dot        C (default) or a Graphviz state diagram\n"
        "  --no-line           omit #line directives\n"
        "  --dump-after=PHASE  print the IR after parse or analyse and stop\n"
        "  --version, --help\n",
        to);
}

int main(int argc, char **argv) {
  if (argc >= 2 && !strcmp(argv[1], "cc"))
    return launcher_main(argc - 2, argv + 2);
  const char *input = NULL, *output = NULL, *emit = "c", *dump = NULL, *builddir = NULL;
  bool lines = true;
  const char *const *flags = NULL;
  int nflags = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--")) {
      flags = (const char *const *)argv + i + 1;
      nflags = argc - i - 1;
      break;
    } else if (!strcmp(a, "-o") && i + 1 < argc) {
      output = argv[++i];
    } else if (!strcmp(a, "-p") && i + 1 < argc) {
      builddir = argv[++i];
    } else if (!strncmp(a, "--emit=", 7)) {
      emit = a + 7;
      if (strcmp(emit, "c") && strcmp(emit, "dot")) {
        fprintf(stderr, "yieldc: error: --emit takes c or dot, not '%s'\n", emit);
        return 2;
      }
    } else if (!strcmp(a, "--no-line")) {
      lines = false;
    } else if (!strncmp(a, "--dump-after=", 13)) {
      dump = a + 13;
      if (strcmp(dump, "parse") && strcmp(dump, "analyse")) {
        fprintf(stderr, "yieldc: error: --dump-after takes parse or analyse\n");
        return 2;
      }
    } else if (!strcmp(a, "--version")) {
      printf("yieldc %s\n", YIELDC_VERSION);
      return 0;
    } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      usage(stdout);
      return 0;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "yieldc: error: unknown option '%s'\n", a);
      usage(stderr);
      return 2;
    } else if (!input) {
      input = a;
    } else {
      fprintf(stderr, "yieldc: error: more than one input ('%s' and '%s')\n", input, a);
      return 2;
    }
  }
  if (!input) {
    usage(stderr);
    return 2;
  }
  if (!output && !dump && strcmp(emit, "dot")) {
    fprintf(stderr, "yieldc: error: no output file: add -o OUTPUT.c (or -o - for stdout)\n");
    return 2;
  }
  char **db_flags = NULL;
  int ndb = 0;
  if (builddir) {
    if (!compdb_flags(builddir, input, &db_flags, &ndb))
      return 2;
    if (!nflags) {
      flags = (const char *const *)db_flags;
      nflags = ndb;
    }
  }
  int rc = yieldc_translate(input, output, emit, lines, dump, flags, nflags);
  for (int i = 0; i < ndb; i++)
    free(db_flags[i]);
  free(db_flags);
  return rc;
}

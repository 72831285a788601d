/* cctranslate.c - `yieldc cc` inside the translator proper: translations
 * with the build's options that libclang knows (ccargs.c chooses them,
 * ccprobe.c asks libclang), warnings off, so that only a hard error of
 * libclang stops a file the compiler would accept. */
#include <stdlib.h>

#include "ccargs.h"
#include "ccprobe.h"
#include "launcher.h"

static int translate_for_cc(const char *src, const char *out, int argc, char **argv, int from) {
  int n;
  const char **flags = cc_clang_candidates(argc, argv, from, &n);
  n = ccprobe_filter(flags, n);
  /* no warning matters here: the compiler reports its own */
  flags[n++] = "-w";
  int rc = yieldc_translate(src, out, "c", true, NULL, flags, n);
  free(flags);
  return rc;
}

int launcher_main(int argc, char **argv) { return launcher_run(argc, argv, translate_for_cc); }

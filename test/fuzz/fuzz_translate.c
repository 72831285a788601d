/* fuzz_translate.c - libFuzzer harness over the yieldc translator.
 *
 * Any byte string is written to a temporary .c file and translated with
 * yieldc_translate() (the library entry point the command line uses) into
 * another temporary file.  The contract under test: every input gives a
 * translation (rc 0) or diagnostics (rc 1); never a crash, a hang, a leak
 * or a sanitizer report.  Diagnostics go to /dev/null unless
 * YIELDC_FUZZ_VERBOSE is set.  See docs/reliability.md. */
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "launcher.h"

static char in_path[64], out_path[64];
static int devnull = -1, saved_stderr = -1;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  const char *tmp = getenv("TMPDIR");
  if (!tmp || strlen(tmp) > 30) tmp = "/tmp";
  snprintf(in_path, sizeof in_path, "%s/yc-fuzz-%d.c", tmp, (int)getpid());
  snprintf(out_path, sizeof out_path, "%s/yc-fuzz-%d.out.c", tmp, (int)getpid());
  /* The translator's diagnostics are silenced while it runs (only then:
   * libFuzzer's own output stays).  A sanitizer report during a silenced
   * run is lost, but libFuzzer still saves the input: replay it with
   * YIELDC_FUZZ_VERBOSE=1 to see the report. */
  if (!getenv("YIELDC_FUZZ_VERBOSE")) {
    devnull = open("/dev/null", O_WRONLY);
    saved_stderr = dup(2);
  }
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FILE *f = fopen(in_path, "wb");
  if (!f) abort();
  if (size && fwrite(data, 1, size, f) != size) abort();
  if (fclose(f)) abort();
  static const char *const flags[] = {"-std=gnu11"};
  if (devnull >= 0) dup2(devnull, 2);
  int rc = yieldc_translate(in_path, out_path, "c", true, NULL, flags, 1);
  if (saved_stderr >= 0) dup2(saved_stderr, 2);
  if (rc != 0 && rc != 1) {
    /* 2 is an I/O failure of the harness's own files: not the input's fault */
    if (rc != 2) abort();
  }
  unlink(out_path);
  return 0;
}

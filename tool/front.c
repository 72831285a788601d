/* front.c - bin/yieldc: the small front of yieldc.  Loading libclang
 * costs a process tens of milliseconds, more than compiling a small file,
 * so the command users run does not link it: `yieldc cc` on files with no
 * coroutine runs the compiler itself (launcher.c), and everything else -
 * translating, `yieldc cc` with a file to translate, the options - is the
 * translator proper's (main.c), libexec/yieldc-translator, which it
 * executes in its place with the same arguments. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "launcher.h"

int main(int argc, char **argv) {
  if (argc >= 2 && !strcmp(argv[1], "cc")) {
    int rc = launcher_run(argc - 2, argv + 2, NULL);
    if (rc != LAUNCHER_NEEDS_TRANSLATOR)
      return rc;
  }
  const char *translator = yieldc_translator_path();
  execv(translator, argv);
  fprintf(stderr, "yieldc: error: cannot run the translator '%s': %s\n", translator,
          strerror(errno));
  return 2;
}

/* paths.c - where a yieldc executable finds the rest of yieldc: the
 * headers at <exe dir>/../include (or the source tree's, in a build
 * tree), libyieldc at <exe dir>/../lib, and the translator proper at
 * <exe dir>/../libexec/yieldc-translator, as both an installation (bin,
 * lib, libexec) and the build tree lay them out. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "launcher.h"

/* The directory of the running executable, or "" */
static const char *exe_dir(void) {
  static char dir[4096];
  if (!dir[0]) {
    ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
    if (n <= 0)
      return "";
    dir[n] = 0;
    char *slash = strrchr(dir, '/');
    if (slash)
      *slash = 0;
  }
  return dir;
}

const char *yieldc_include_dir(void) {
  static char dir[8192];
  snprintf(dir, sizeof dir, "%s/../include", exe_dir());
  char probe[8300];
  snprintf(probe, sizeof probe, "%s/yieldc.h", dir);
  if (exe_dir()[0] && access(probe, R_OK) == 0)
    return dir;
  return YIELDC_SOURCE_INCLUDE_DIR;
}

const char *yieldc_lib_dir(void) {
  static char dir[8300];
  if (exe_dir()[0])
    snprintf(dir, sizeof dir, "%s/../lib", exe_dir());
  else
    snprintf(dir, sizeof dir, "%s/../lib", yieldc_include_dir());
  return dir;
}

const char *yieldc_translator_path(void) {
  static char path[8300];
  snprintf(path, sizeof path, "%s/../libexec/yieldc-translator", exe_dir());
  return path;
}

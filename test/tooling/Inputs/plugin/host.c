/* Loads the plugin given as argv[1] with dlopen and calls plugin_run. */
#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  void *h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    fprintf(stderr, "dlopen: %s\n", dlerror());
    return 1;
  }
  int (*run)(int);
  *(void **)&run = dlsym(h, "plugin_run");
  if (!run) {
    fprintf(stderr, "dlsym: %s\n", dlerror());
    return 1;
  }
  printf("host: plugin_run(4) -> %d\n", run(4));
  printf("host: plugin_run(3) -> %d\n", run(3));
  return dlclose(h);
}

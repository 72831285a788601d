/* frames.c - the program test/checkers/run.sh builds against the normal
 * (non-sanitized) libyieldc and runs under a memory checker.
 *
 *   frames uaf   frees a suspended generator, then resumes the handle
 *   frames leak  drops the only pointer to a suspended generator
 *
 * The frame (a few dozen bytes) is of a size the frame pool serves, so the
 * checker reports these only if the pool stepped aside at run time. */
#include <stdio.h>
#include <string.h>

#include <yieldc.h>

yc_generator(int) count(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}

/* Pulls one value, then loses the generator without freeing it. */
static __attribute__((noinline)) int leak_one(void) {
  yc_gen *g = count(3);
  int v = -1;
  yc_next(g, &v);
  return v;
}

/* Overwrites the stack leak_one used: no stale copy of the pointer may keep
 * the frame reachable for the leak checker's scan. */
static __attribute__((noinline)) void scrub(void) {
  volatile char junk[4096];
  memset((char *)junk, 0, sizeof junk);
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IONBF, 0); /* LeakSanitizer ends with _exit */
  if (argc == 2 && !strcmp(argv[1], "leak")) {
    printf("leaked a generator that yielded %d\n", leak_one());
    scrub();
    return 0;
  }
  if (argc == 2 && !strcmp(argv[1], "uaf")) {
    yc_gen *g = count(3);
    int v = -1;
    yc_next(g, &v);
    yc_free(g);
    bool more = yc_next(g, &v); /* reads the freed frame */
    printf("resumed a freed generator: %d\n", more);
    return 0;
  }
  fprintf(stderr, "usage: frames uaf|leak\n");
  return 2;
}

/* read_numbers.c - a generator that streams a file.
 *
 * Shows: a generator that owns a resource.  The FILE is a local with
 * __attribute__((cleanup)), yieldc's `with`/`finally`: it is closed when the
 * generator finishes, when the consumer stops early (yc_foreach frees the
 * generator on break), and never opened twice.  Reading happens one line
 * per yc_next, so memory stays constant however large the file is.  A file
 * that cannot be opened fails the generator with errno (yc_raise), which
 * the consumer reads with yc_error.
 *
 * Mirrors TUTORIAL.md, part 1: section 9 (Real-World Example: File
 * Processing). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yieldc.h>

static void close_file(FILE **file) {
  if (*file) {
    fclose(*file);
    printf("  (file closed)\n");
  }
}

/* def read_numbers(path: str) -> Iterator[int]:
 *     with open(path) as file:
 *         for line in file:
 *             yield int(line) */
yc_generator(int) read_numbers(const char *path) {
  FILE *file __attribute__((cleanup(close_file))) = fopen(path, "r");
  if (!file)
    yc_raise(errno);
  char line[64];
  while (fgets(line, sizeof line, file)) {
    int n = (int)strtol(line, NULL, 10);
    yield(n);
  }
}

int main(void) {
  const char *path = "data/numbers.txt";

  printf("sum of every number in %s:\n", path);
  int total = 0;
  yc_foreach (int n, read_numbers(path)) {
    printf("  %d\n", n);
    total += n;
  }
  printf("total = %d\n", total);

  printf("only the first three:\n");
  int count = 0;
  yc_foreach (int n, read_numbers(path)) {
    printf("  %d\n", n);
    if (++count == 3)
      break; /* frees the generator, which closes the file */
  }

  printf("a file that does not exist:\n");
  yc_gen *gen = read_numbers("data/missing.txt");
  int n;
  if (!yc_next(gen, &n)) {
    int err = yc_error(gen);
    printf("  error %d: %s\n", err, strerror(err));
  }
  yc_free(gen);
  return 0;
}

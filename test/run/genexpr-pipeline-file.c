// RUN: %clang-syntax %s
// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t %S/Inputs/genexpr-numbers.txt | FileCheck %s
// CHECK: read 12
// CHECK-NEXT:   square 144
// CHECK-NEXT:   plus one 145
// CHECK-NEXT: got 145
// CHECK-NEXT: read 7
// CHECK-NEXT:   square 49
// CHECK-NEXT:   plus one 50
// CHECK-NEXT: got 50
// CHECK-NEXT: read -3
// CHECK-NEXT: read 40
// CHECK-NEXT:   square 1600
// CHECK-NEXT:   plus one 1601
// CHECK-NEXT: got 1601
// CHECK-NEXT: read 15
// CHECK-NEXT:   square 225
// CHECK-NEXT:   plus one 226
// CHECK-NEXT: got 226
// CHECK-NEXT: read 8
// CHECK-NEXT:   square 64
// CHECK-NEXT:   plus one 65
// CHECK-NEXT: got 65
// CHECK-NEXT: read 100
// CHECK-NEXT: read 21
// CHECK-NEXT:   square 441
// CHECK-NEXT:   plus one 442
// CHECK-NEXT: got 442
// CHECK-NEXT: read 6
// CHECK-NEXT:   square 36
// CHECK-NEXT:   plus one 37
// CHECK-NEXT: got 37
// CHECK-NEXT: file closed
// CHECK-NEXT: total 2566
// CHECK-NEXT: read 12
// CHECK-NEXT: early 145
// CHECK-NEXT: read 7
// CHECK-NEXT: early 50
// CHECK-NEXT: file closed
// CHECK-NEXT: freed
// CHECK-NOT: {{.}}
/* A pipeline of three generator expressions over a file reader, written
 * in one statement: each stage is the source of the next, pulls one item
 * at a time from it (the reader reads a line only when asked: the stages
 * interleave) and frees it; freeing the last stage early frees the whole
 * chain, down to the reader, whose cleanup closes the file. */
#include <stdio.h>
#include <stdlib.h>

#include <yieldc.h>

static void close_file(FILE **fp) {
  if (*fp) {
    fclose(*fp);
    printf("file closed\n");
  }
}

/* the numbers of a file, one per line (blank lines skipped) */
static yc_generator(long) read_numbers(const char *path) {
  FILE *fp __attribute__((cleanup(close_file))) = fopen(path, "r");
  char line[64];
  while (fp && fgets(line, sizeof line, fp)) {
    if (line[0] == '\n')
      continue;
    long v = strtol(line, NULL, 10);
    printf("read %ld\n", v);
    yield(v);
  }
}

static long traced(const char *stage, long v) {
  printf("  %s %ld\n", stage, v);
  return v;
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  long limit = 50;
  yc_gen *p = yc_genexpr(long, traced("plus one", s + 1),
                         yc_in(long, s, yc_genexpr(long, traced("square", v * v),
                                                   yc_in(long, v, yc_genexpr(long, n,
                                                         yc_in(long, n, read_numbers(argv[1])),
                                                         yc_where(n > 0 && n < limit)))
                                                   )));
  long total = 0;
  yc_foreach (long x, p) {
    printf("got %ld\n", x);
    total += x;
  }
  printf("total %ld\n", total);

  /* the same pipeline freed after two items */
  yc_gen *q = yc_genexpr(long, s + 1,
                         yc_in(long, s, yc_genexpr(long, v * v,
                                                   yc_in(long, v, yc_genexpr(long, n,
                                                         yc_in(long, n, read_numbers(argv[1])),
                                                         yc_where(n > 0))))));
  long x;
  for (int i = 0; i < 2 && yc_next(q, &x); i++)
    printf("early %ld\n", x);
  yc_free(q);
  printf("freed\n");
  return 0;
}

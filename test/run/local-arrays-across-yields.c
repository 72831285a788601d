// RUN: %yieldc %s -o %t.c
// RUN: %cc %t.c -o %t %link
// RUN: %t | FileCheck %s
// CHECK: sizes 24 6 16
// CHECK-NEXT: nums[0]=3
// CHECK-NEXT: nums[1]=1
// CHECK-NEXT: nums[2]=4
// CHECK-NEXT: nums[3]=0
// CHECK-NEXT: nums[4]=0
// CHECK-NEXT: nums[5]=0
// CHECK-NEXT: nums[5]=10
// CHECK-NEXT: jello
// CHECK-NEXT: abjello
// CHECK-NEXT: aXjello
// CHECK-NEXT: grid 1 42 4
// CHECK-NOT: {{.}}
/* Local arrays initialised with braces (partly, rest zero), with a string
 * literal (sized by it and with an explicit larger size), and a 2-D array:
 * their contents are intact and writable across yields. */
#include <stdio.h>
#include <string.h>

#include <yieldc.h>

yc_generator(const char *) arrays(void) {
  int nums[6] = {3, 1, 4};
  char word[] = "hello";
  char buf[16] = "ab";
  int grid[2][3] = {{1, 2, 3}, {4, 5, 6}};
  static char line[64];
  snprintf(line, sizeof line, "sizes %zu %zu %zu", sizeof nums, sizeof word,
           sizeof buf);
  yield(line);
  for (int i = 0; i < 6; i++) {
    snprintf(line, sizeof line, "nums[%d]=%d", i, nums[i]);
    nums[i] += 10;
    yield(line);
  }
  snprintf(line, sizeof line, "nums[5]=%d", nums[5]);
  yield(line);
  word[0] = 'j';
  yield(word);
  strcat(buf, word);
  yield(buf);
  buf[1] = 'X';
  yield(buf);
  grid[1][2] *= 7;
  snprintf(line, sizeof line, "grid %d %d %d", grid[0][0], grid[1][2],
           grid[1][0]);
  yield(line);
}

int main(void) {
  yc_gen *g = arrays();
  const char *s;
  while (yc_next(g, &s))
    printf("%s\n", s);
  yc_free(g);
  return 0;
}

/* queens.c - the eight queens puzzle by recursive delegation.
 *
 * Shows: backtracking search written as a recursive generator.  place(b,
 * row) tries every safe column for the queen of `row` and delegates the
 * rest of the board to place(b, row + 1) with yield_from; a full board is
 * yielded and travels straight up the chain of delegations to the
 * consumer.  The yielded value is a struct holding an array, and the
 * search is lazy: the consumer could stop after any solution.
 *
 * Mirrors TUTORIAL.md, part 2: section 1 (Generator Delegation - Deep
 * Dive: `yield from` turns generators into composable coroutines). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include <yieldc.h>

#define N 8

struct board {
  int col[N]; /* col[r]: the column of the queen on row r */
};

/* May a queen go on (row, c), given the queens on rows 0 .. row-1? */
static bool safe(const struct board *b, int row, int c) {
  for (int r = 0; r < row; r++) {
    int d = b->col[r] - c;
    if (d == 0 || abs(d) == row - r)
      return false;
  }
  return true;
}

yc_generator(struct board) place(struct board b, int row) {
  if (row == N) {
    yield(b);
    return;
  }
  for (int c = 0; c < N; c++) {
    if (safe(&b, row, c)) {
      b.col[row] = c;
      yield_from(place(b, row + 1));
    }
  }
}

int main(void) {
  struct board empty = {{0}};
  struct board first = {{0}};
  int count = 0;
  yc_foreach (struct board b, place(empty, 0)) {
    if (count == 0)
      first = b;
    count++;
  }
  printf("%d solutions\n", count);

  printf("the first one:\n");
  for (int r = 0; r < N; r++) {
    for (int c = 0; c < N; c++)
      printf(c ? " %c" : "%c", first.col[r] == c ? 'Q' : '.');
    printf("\n");
  }
  return 0;
}

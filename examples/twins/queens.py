# Python twin of queens.c (TUTORIAL part 2, section 1).
from typing import Iterator

N = 8


def safe(cols: list[int], row: int, c: int) -> bool:
    for r in range(row):
        d = cols[r] - c
        if d == 0 or abs(d) == row - r:
            return False
    return True


def place(cols: list[int], row: int) -> Iterator[list[int]]:
    if row == N:
        yield cols
        return
    cols = list(cols)  # the C board is passed by value
    for c in range(N):
        if safe(cols, row, c):
            cols[row] = c
            yield from place(cols, row + 1)


def main() -> None:
    first = None
    count = 0
    for b in place([0] * N, 0):
        if count == 0:
            first = list(b)
        count += 1
    print(f"{count} solutions")

    print("the first one:")
    assert first is not None
    for r in range(N):
        print(" ".join("Q" if first[r] == c else "." for c in range(N)))


main()

# Python twin of count_up.c (TUTORIAL part 1, sections 5 and 7).
from typing import Iterator


def count_up(limit: int) -> Iterator[int]:
    for i in range(limit):
        yield i


def main() -> None:
    for n in count_up(3):
        print(n)

    gen: Iterator[int] = count_up(3)
    print(list(gen))  # [0, 1, 2]
    print(list(gen))  # []
    # A generator whose frame is gone has finished.
    print("exhausted:", "yes" if gen.gi_frame is None else "no")


main()

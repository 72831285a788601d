# Python twin of accumulator.c (TUTORIAL part 1, sections 12 and 14).
from typing import Generator


def accumulator() -> Generator[int, int, None]:
    total: int = 0
    while True:
        value: int = yield total
        total += value


def main() -> None:
    gen = accumulator()
    total = next(gen)  # start
    print(f"next(gen) -> {total}")

    for value in (5, 10, -3, 8):
        total = gen.send(value)
        print(f"gen.send({value}) -> {total}")

    other = accumulator()
    next(other)
    total = other.send(100)
    print(f"other.send(100) -> {total}")
    total = gen.send(1)
    print(f"gen.send(1) -> {total}")

    other.close()
    gen.close()


main()

# Python twin of fibonacci.c (TUTORIAL part 1, sections 2 and 3).
from typing import Iterator


def fibonacci() -> Iterator[int]:
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def main() -> None:
    i = 0
    for f in fibonacci():
        if i == 15:
            break
        print(f"fib({i}) = {f}")
        i += 1

    gen = fibonacci()
    f = 0
    for _ in range(91):
        f = next(gen)
    print(f"fib(90) = {f}")
    gen.close()


main()

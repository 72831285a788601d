# Python twin of lazy_start.c (TUTORIAL part 1, sections 1 and 6).
from typing import Iterator


def noisy(name: str) -> Iterator[int]:
    print(f"  [{name}] body started")
    total = 0
    for i in range(1, 3):
        total += i * 10
        print(f"  [{name}] about to yield {total}")
        yield total
        print(f"  [{name}] resumed after yielding {total}")
    print(f"  [{name}] body finished")


_DONE = object()


def step(gen: Iterator[int]) -> None:
    print("next()")
    value = next(gen, _DONE)
    if value is not _DONE:
        print(f"-> got {value}")
    else:
        print("-> exhausted")


def main() -> None:
    print('calling noisy("g")')
    gen = noisy("g")
    print("got a generator; its body has not run yet")

    step(gen)
    step(gen)
    step(gen)
    step(gen)


main()

# Python twin of pipeline.c (TUTORIAL part 1, section 10).
from typing import Iterator

trace = False


def numbers() -> Iterator[int]:
    for i in range(10):
        if trace:
            print(f"  numbers: {i}")
        yield i


def even(nums: Iterator[int]) -> Iterator[int]:
    for n in nums:
        if n % 2 == 0:
            if trace:
                print(f"  even: {n}")
            yield n


def squared(nums: Iterator[int]) -> Iterator[int]:
    for n in nums:
        if trace:
            print(f"  squared: {n * n}")
        yield n * n


def main() -> None:
    global trace
    pipeline: Iterator[int] = squared(even(numbers()))
    print(list(pipeline))

    trace = True
    taken = 0
    for sq in squared(even(numbers())):
        print(f"consumer: {sq}")
        taken += 1
        if taken == 2:
            break


main()

# Python twin of primes_sieve.c (TUTORIAL part 1, sections 2 and 10).
from typing import Iterator


def naturals(start: int) -> Iterator[int]:
    n = start
    while True:
        yield n
        n += 1


def drop_multiples(p: int, nums: Iterator[int]) -> Iterator[int]:
    for n in nums:
        if n % p != 0:
            yield n


def primes() -> Iterator[int]:
    nums = naturals(2)
    while True:
        p = next(nums, None)
        if p is None:
            return
        yield p
        nums = drop_multiples(p, nums)


def main() -> None:
    gen = primes()
    print("the first 20 primes:", end="")
    for _ in range(20):
        p = next(gen, None)
        if p is None:
            break
        print(f" {p}", end="")
    print()
    gen.close()


main()

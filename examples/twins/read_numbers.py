# Python twin of read_numbers.c (TUTORIAL part 1, section 9).
from typing import Iterator


def read_numbers(path: str) -> Iterator[int]:
    with open(path) as file:
        try:
            for line in file:
                yield int(line)
        finally:
            print("  (file closed)")


def main() -> None:
    path = "data/numbers.txt"

    print(f"sum of every number in {path}:")
    total = 0
    for n in read_numbers(path):
        print(f"  {n}")
        total += n
    print(f"total = {total}")

    print("only the first three:")
    count = 0
    gen = read_numbers(path)
    for n in gen:
        print(f"  {n}")
        count += 1
        if count == 3:
            break
    gen.close()  # yc_foreach frees (closes) its generator on break

    print("a file that does not exist:")
    gen = read_numbers("data/missing.txt")
    try:
        next(gen)
    except OSError as e:
        print(f"  error {e.errno}: {e.strerror}")


main()

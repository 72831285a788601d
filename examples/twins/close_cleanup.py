# Python twin of close_cleanup.c (TUTORIAL part 2, section 1; part 1,
# section 7).  try/finally plays the cleanup attribute; yc_free of a
# suspended generator is gen.close() followed by dropping it.
from typing import Iterator


def worker(name: str, limit: int) -> Iterator[int]:
    held = name
    try:
        print(f"  {held}: acquired")
        for i in range(limit):
            yield i
        print(f"  {held}: finished")
    finally:
        print(f"  {held}: released")


def outer() -> Iterator[int]:
    held = "outer"
    try:
        print(f"  {held}: acquired")
        yield from worker("inner", 10)
    finally:
        print(f"  {held}: released")


def do_next(gen: Iterator[int]) -> None:
    try:
        print(f"next -> {next(gen)}")
    except StopIteration:
        print("next -> exhausted")


def main() -> None:
    print("run to the end:")
    gen = worker("a", 2)
    do_next(gen)
    do_next(gen)
    do_next(gen)
    gen.close()

    print("close while suspended:")
    gen = worker("b", 10)
    do_next(gen)
    do_next(gen)
    print("close")
    gen.close()
    print("close again")
    gen.close()
    print("done:", "yes" if gen.gi_frame is None else "no")
    do_next(gen)
    gen.close()

    print("free while suspended:")
    gen = worker("c", 10)
    do_next(gen)
    print("free")
    gen.close()

    print("free before the first next:")
    gen = worker("d", 10)
    print("free")
    gen.close()

    print("close a delegating generator:")
    gen = outer()
    do_next(gen)
    do_next(gen)
    print("close")
    gen.close()


main()

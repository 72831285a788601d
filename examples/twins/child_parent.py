# Python twin of child_parent.c (TUTORIAL part 2, section 1).
from typing import Generator


def child() -> Generator[int, None, str]:
    yield 1
    yield 2
    return "done"


def parent() -> Generator[int, None, None]:
    result: str = yield from child()
    print(result)


def main() -> None:
    print(list(parent()))

    c = child()
    while True:
        try:
            n = next(c)
        except StopIteration as stop:
            print(f"child returned {stop.value}")
            break
        print(f"child yielded {n}")


main()

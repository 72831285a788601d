# Python twin of throw_catch.c (TUTORIAL part 2, section 1; part 1, section 12).
from typing import Iterator

E_RESET, E_STOP, E_BROKEN, E_NOT_A_DIGIT = 1, 2, 3, 4


class YcError(Exception):
    """A yieldc error: a non-zero int code."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def counter() -> Iterator[int]:
    n = 0
    while True:
        try:
            yield n
            n += 1
        except YcError as e:
            if e.code != E_RESET:
                print(f"  counter: cannot handle error {e.code}, re-raising")
                raise
            print(f"  counter: caught error {e.code}, starting over")
            n = 0


def fragile() -> Iterator[int]:
    yield 10
    print("  fragile: resumed normally")
    yield 20


def digits(text: str) -> Iterator[int]:
    for ch in text:
        if not ch.isdigit():
            raise YcError(E_NOT_A_DIGIT)
        yield ord(ch) - ord("0")


def supervisor(text: str) -> Iterator[int]:
    try:
        yield from digits(text)
    except YcError as e:
        print(f"  supervisor: digits failed with error {e.code}, yielding -1")
        yield -1
    print("  supervisor: done")


def do_next(gen: Iterator[int]) -> None:
    try:
        value = next(gen)
    except YcError as e:
        print(f"next -> failed with error {e.code}")
    except StopIteration:
        print("next -> exhausted")
    else:
        print(f"next -> {value}")


def do_throw(gen, code: int) -> None:
    try:
        value = gen.throw(YcError(code))
    except YcError as e:
        print(f"throw({code}) -> failed with error {e.code}")
    except StopIteration:
        print(f"throw({code}) -> exhausted")
    else:
        print(f"throw({code}) -> {value}")


def main() -> None:
    print("counter:")
    gen = counter()
    do_next(gen)
    do_next(gen)
    do_next(gen)
    do_throw(gen, E_RESET)
    do_next(gen)
    do_throw(gen, E_STOP)
    do_next(gen)

    print("fragile:")
    gen = fragile()
    do_next(gen)
    do_throw(gen, E_BROKEN)
    do_next(gen)

    print("supervisor:")
    gen = supervisor("12x4")
    for _ in range(5):
        do_next(gen)


main()

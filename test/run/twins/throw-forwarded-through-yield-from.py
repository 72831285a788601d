class YcError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def leaf():
    try:
        i = 0
        while True:
            try:
                yield i
                i += 1
            except YcError as e:
                if e.code != 1:
                    print(f"leaf re-raises {e.code}")
                    raise
                print(f"leaf caught {e.code} at i={i}")
                i = 100
    finally:
        print("cleanup leaf")


def middle():
    try:
        yield from leaf()
        print("middle not reached")
    finally:
        print("cleanup middle")


def top():
    try:
        yield from middle()
    except YcError as e:
        print(f"top caught {e.code}")
        yield -e.code
    yield 999


g = top()
print(f"next -> {next(g)}")
print(f"next -> {next(g)}")
print(f"throw(1) -> 1 {g.throw(YcError(1))}")
print(f"next -> {next(g)}")
print(f"throw(2) -> 1 {g.throw(YcError(2))}")
for v in g:
    print(f"next -> {v}")
print("error=0")

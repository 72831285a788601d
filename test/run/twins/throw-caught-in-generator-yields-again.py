class YcError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def resilient():
    n, caught = 0, 0
    while n < 6:
        try:
            yield n
            n += 1
        except YcError as e:
            caught += 1
            print(f"caught {e.code} (n={n}, caught={caught})")
            yield -e.code
            print("after yield in catch")
            n += e.code
    print(f"end n={n} caught={caught}")


g = resilient()
print(f"next -> {next(g)}")
print(f"next -> {next(g)}")
print(f"throw(3) -> 1 {g.throw(YcError(3))}")
print(f"next -> {next(g)}")
print(f"throw(-5) -> 1 {g.throw(YcError(-5))}")
for v in g:
    print(f"next -> {v}")
print("error=0 done=1")

class YcError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def fragile(name):
    try:
        print(f"{name} started")
        yield 1
        try:
            print("no yield in this try")
        except YcError as e:
            print(f"wrong catch {e.code}")
        yield 2
        print(f"{name} not reached")
    finally:
        print(f"cleanup {name}")


def attempt(g, fn, v):
    """Returns (ok, v, error, done)."""
    try:
        return True, fn(), 0
    except YcError as e:
        return False, v, e.code
    except StopIteration:
        return False, v, 0


def report(what, ok, v, err):
    print(f"{what}: ok={int(ok)} v={v} error={err} then 0 done=1")


g = fragile("a")
v = next(g)
ok, v, err = attempt(g, lambda: g.throw(YcError(42)), -1)
report("throw at 1", ok, v, err)
ok, v, err = attempt(g, lambda: next(g), v)
report("next after", ok, v, err)

g = fragile("b")
next(g)
v = next(g)
ok, v, err = attempt(g, lambda: g.throw(YcError(7)), v)
report("throw at 2", ok, v, err)

g = fragile("c")
ok, v, err = attempt(g, lambda: g.throw(YcError(9)), -1)
report("throw unstarted", ok, v, err)

class YErr(Exception):
    def __init__(self, code):
        self.code = code


def show(x):
    print(f"cleanup {x}")


def g():
    x = 100 + (yield 1)
    try:
        print(f"initialised {x}")
        yield 2
    finally:
        show(x)


def h():
    for j in range(2):
        x = 100 * (yield j)
        try:
            pass
        finally:
            show(x)


a = g()
next(a)
print("close during the initialiser")
a.close()
a = g()
next(a)
print("throw during the initialiser")
try:
    a.throw(YErr(7))
    caught, err = 1, 0
except YErr as e:
    caught, err = 0, e.code
print(f"throw -> {caught}, error {err}")
a = h()
next(a)
a.send(5)
print("close during the second initialiser")
a.close()

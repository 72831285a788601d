class Failure(Exception):
    pass


def numbers(n):
    yield from range(n)


def failing(n):
    yield from range(n)
    raise Failure(-42)


class Cell:
    pass


def gen(k):
    base = Cell()
    base.v = 100
    yield -1
    # captured by value at creation: k, and the pointer to base
    g = (lambda k, pb: (pb.v + x * k for x in numbers(3)))(k, base)
    base.v = 0
    yield -2
    yield from g
    k = 7
    yield from (-y for y in (lambda k: (x * k for x in range(1, 3)))(k))
    for v in (lambda b: (v2 + b for v2 in numbers(2)))(base.v):
        yield v
        base.v += 10


for v in gen(10):
    print(f"gen {v}")
n = 4
print(f"summed {sum(x * n for x in numbers(n))} err 0")
f = (x * 2 for x in failing(2))
try:
    for v in f:
        print(f"before failure {v}")
except Failure as e:
    print(f"error {e.args[0]}")
try:
    range(0, 5, 0)
except ValueError:
    print("step 0: next 0 error 1")

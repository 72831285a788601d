# yieldc copies the captured values at creation; in Python, binding them
# as arguments of a function that makes the expression does the same.
def numbers(n):
    yield from range(n)


def make(k):
    return (x * k for x in numbers(4))


k = 3
g = make(k)
k = 100
v = next(g)
print(f"first {v} (k is now {k})")
k = 200
for v in g:
    print(f"next {v}")


def scaled(factor):
    offset = 1000
    return (lambda factor, offset: (x * factor + offset for x in numbers(3)))(factor, offset)


for w in scaled(7):
    print(f"scaled {w}")


class Box:
    pass


shared = Box()
shared.v = 1
table = [5, 6, 7]
h = (lambda table, ps: (table[i] * ps.v for i in range(3)))(list(table), shared)
table[0] = table[1] = table[2] = 0
shared.v = 10
for w in h:
    print(f"table {w}")

n = 2
r = (i for i in range(n))
n = 5
for w in r:
    print(f"range {w}")

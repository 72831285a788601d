def numbers(n):
    yield from range(n)


def words():
    yield "alpha"
    yield None
    yield "beta"


def upto(n):
    print(f"upto({n}) created")
    yield from range(n)


for v in (x * x for x in numbers(10) if x % 2 == 0):
    print(f"even square {v}")
for v in (x for x in numbers(30) if x % 3 == 0 if x % 5 == 0):
    print(f"by 15 {v}")
for w in (s for s in words() if s):
    print(f"word {w}")
for v in (10 * x + y for x in range(4) if x % 2 for y in upto(x) if y != 1):
    print(f"pair {v}")

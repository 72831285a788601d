def numbers(n):
    for i in range(n):
        print(f"numbers gives {i}")
        yield i


for v in (x * x for x in numbers(4)):
    print(f"square {v}")
for v in (i * 10 for i in range(3)):
    print(f"range1 {v}")
for v in (i for i in range(2, 5)):
    print(f"range2 {v}")
for v in (i for i in range(10, 0, -3)):
    print(f"range3 {v}")
for v in (i for i in range(5, 2)):
    print(f"empty {v}")
g = ((x, x * x) for x in numbers(3))
print("created")
for p in g:
    print(f"pair {p[0]} {p[1]}")
print("done 1 error 0")
for d in (x / 2.0 for x in numbers(3)):
    print(f"half {d:.1f}")
for name in ("main" for i in range(1)):
    print(f"in {name}")

def letters(n):
    try:
        for i in range(n):
            yield chr(ord("a") + i)
    finally:
        print(f"letters({n}) freed")


def numbers(n):
    yield from range(n)


for v in (x * 10 + y for x in numbers(3) for y in numbers(2)):
    print(f"xy {v}")
for v in (x * 100 + ord(c) for x in range(1, 4) for c in letters(x)):
    print(f"xc {v // 100} {chr(v % 100)}")
for v in (a * 100 + b * 10 + c for a in numbers(2) for b in range(a, 3) for c in numbers(b)):
    print(f"abc {v:03d}")
for v in (x + y for x in numbers(3) for y in (x * z for z in range(1, 3))):
    print(f"inner expression {v}")

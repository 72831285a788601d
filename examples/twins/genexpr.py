def numbers(n):
    yield from range(n)


def read_numbers(path):
    with open(path) as f:
        for line in f:
            yield int(line)


def multiples(of, count):
    yield 0
    yield from (of * i for i in range(1, count + 1))


def print_all(title, g):
    print(f"{title}: [{', '.join(str(v) for v in g)}]")


print_all("squares of evens", (n * n for n in numbers(10) if n % 2 == 0))

total = 0
for sq in (i * i for i in range(1, 101)):
    total += sq
print(f"sum of the first 100 squares: {total}")

for t in (a * 10000 + b * 100 + c for c in range(1, 30) for b in range(1, c)
          for a in range(1, b) if a * a + b * b == c * c):
    print(f"triple {t // 10000} {t // 100 % 100} {t % 100}")

big = (d for d in (2 * p for p in (n for n in read_numbers("data/numbers.txt") if n > 0))
       if d > 100)
for d in big:
    print(f"big {d}")

print_all("multiples of 7", multiples(7, 4))

limit = 3
# yieldc captures limit's value at creation; Python binds it late, so the
# twin passes it in
below = (lambda limit: (n for n in numbers(10) if n < limit))(limit)
limit = 100
print_all("below the limit of when it was made", below)

def collatz(n):
    steps = 0
    while n != 1:
        yield n
        n = 3 * n + 1 if n % 2 else n // 2
        steps += 1
    yield n
    print(f"steps={steps}")


total = 0
count = 0
for v in collatz(27):
    if count < 8:
        print(v)
    total += v
    count += 1
print(f"count={count} sum={total}")

def ranges(n):
    for k in range(3):
        yield 100 + k
    for a in range(n):
        for b in reversed(range(2)):
            yield a * 10 + b
    for i in range(2):
        row = 1000 * (i + 1)
        for j in range(n):
            yield row + j
            row += 100
        yield row


for v in ranges(2):
    print(v)

def grid(rows, cols):
    base = 10
    for r in range(rows):
        for c in range(cols):
            yield base + c
        print(f"row {r} done, base={base}")
        base += 10
    for k in range(3, 0, -1):
        yield -k


for v in grid(3, 2):
    print(v)

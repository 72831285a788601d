def each_arg(n, args):
    it = iter(args)
    for i in range(n):
        v = next(it)
        yield v * 2
    tail = next(it)
    print(f"tail {tail}")


def twice_each(n, *args):
    total = 0
    for v in each_arg(n, args):
        print(v)
        total += v
    for v in each_arg(n, args):
        print(f"again {v}")
    return total


def dots(acc, step, rounds):
    for r in range(rounds):
        for i in range(3):
            acc[i] += step[i]
        yield acc[0] * step[0] + acc[1] * step[1] + acc[2] * step[2]
    last = acc[2]
    yield last


print(f"total {twice_each(3, 5, 6, 7, 'end')}")
acc = [1, 2, 3]
step = [1, 10, 100]
for v in dots(acc, step, 2):
    print(v)
print(f"acc {acc[0]} {acc[1]} {acc[2]}")

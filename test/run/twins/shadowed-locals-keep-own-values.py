def shadows(x):
    yield x
    x1 = 10
    yield x1
    x2 = 20
    yield x2
    x2 += 5
    yield x2
    yield x1
    x1 += 1
    for x3 in range(30, 32):
        yield x3
    yield x1
    yield x
    for i in range(2):
        x4 = i * 1000
        yield x4
        i2 = 99
        yield i2 + x4
        yield i
    yield x


for v in shadows(1):
    print(v)

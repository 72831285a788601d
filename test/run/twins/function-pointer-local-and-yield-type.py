def add1(x):
    return x + 1


def twice(x):
    return x * 2


def square(x):
    return x * x


def ops():
    yield add1
    yield twice
    yield square


def ops_raw():
    table = [square, add1]
    for i in (1, 0):
        yield table[i]


def apply(x):
    f = twice
    g = square
    yield f(x)
    f = add1
    yield f(x)
    yield g(f(x))
    chain = [add1, twice, square]
    for i in range(3):
        x = chain[i](x)
        yield x


acc = 3
for f in ops():
    acc = f(acc)
    print(f"acc={acc}")
for h in ops_raw():
    print(f"h(5)={h(5)}")
for v in apply(4):
    print(v)

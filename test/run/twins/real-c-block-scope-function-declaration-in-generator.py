calls = 0


def scale(x):
    global calls
    calls += 1
    return x * 1.5 + 0.25


def offset(x):
    return x + 100


def scaled(n):
    acc = 1.0
    for i in range(n):
        acc = scale(acc)
        yield acc
        yield calls
    base = calls
    yield offset(base)
    yield scale(offset(base))
    yield calls


for v in scaled(3):
    print(f"{v:.5f}")
print(f"calls={calls}")

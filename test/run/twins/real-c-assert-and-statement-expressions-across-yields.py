def checked(x):
    total = 0
    for i in range(3):
        assert i < 3 and x > 0
        total += x
        yield total
        assert total == x * (i + 1)
    t = x * 2
    y = t + 1
    yield y
    assert y == 2 * x + 1
    t = total
    first = t * 10
    u = y
    z = first + (u - 1)
    yield z
    assert z == total * 10 + y - 1 and y == 2 * x + 1
    t = x * 2
    yield (t + 1) + total


for v in checked(4):
    print(v)

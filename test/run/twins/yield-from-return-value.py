def countdown(n):
    steps = 0
    while n > 0:
        yield n
        n -= 1
        steps += 1
    return steps * 100


def summer():
    count, total = 0, 0
    while True:
        x = yield -1
        if x == 0:
            break
        count += 1
        total += x
    return (count, total)


def outer():
    a = yield from countdown(3)
    print(f"countdown(3) returned {a}")
    b = yield from countdown(0)
    print(f"countdown(0) returned {b}")
    yield a + b
    count, total = yield from summer()
    print(f"summer returned count={count} sum={total}")
    return total * 1000 + a


g = outer()
for i in range(5):
    v = next(g)
    print(f"next -> {v}")
result = None
for x in [4, 6, 10, 0]:
    try:
        v = g.send(x)
        print(f"send({x}) -> yielded {v}")
    except StopIteration as e:
        result = e.value
        print(f"send({x}) -> finished 0")
print(f"result: 1 {result}")

def jumpy(n):
    i = 0
    while True:
        yield i
        i += 1
        if not i < n:
            break
    if not n > 2:
        yield -100
        print("not skipped")
    yield 1000 + i
    rounds = 0
    while True:
        rounds += 1
        if rounds != 2:
            yield rounds * 11
        yield rounds * 22
        if not rounds < 3:
            break
    print(f"rounds={rounds}")


for n in (4, 2):
    for v in jumpy(n):
        print(f"n={n}: {v}")

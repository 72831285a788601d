def filtered(n):
    for i in range(n):
        if i % 3 == 0:
            yield -i
            continue
        yield i
        if i > 7:
            break
        print(f"kept {i}")
    outer = 0
    while outer < 3:
        outer += 1
        j = 0
        while True:
            yield outer * 100 + j
            j += 1
            if j == outer:
                break
        if outer == 2:
            continue
        print(f"outer {outer} finished")
    yield 7777


for v in filtered(20):
    print(f"got {v}")

def anon(start):
    lo, hi, name = start, start + 3, list("rng")
    u = 0
    while lo < hi:
        yield lo
        lo += 1
        u += 1
    yield u
    name[0] = "R"
    yield ord(name[0]) + ord(name[1])
    one = 9
    two = one + 1
    yield one
    yield two


for v in anon(10):
    print(v)

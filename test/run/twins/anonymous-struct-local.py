def span(start):
    lo, hi, name = start, start + 3, list("rng")
    other_lo, other_hi = -start, 0
    while lo < hi:
        yield lo
        lo += 1
        other_hi += 2
    name[0] = "R"
    yield ord(name[0]) + ord(name[1])
    yield other_lo * 100 + other_hi
    yield lo


for v in span(10):
    print(v)

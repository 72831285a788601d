def qualified(seed):
    k = seed * 5
    cs_a, cs_s = seed + 1, "const"
    r = seed + 2
    vol = seed + 3
    yield k
    yield cs_a
    yield ord(cs_s[0])
    r *= 10
    yield r
    vol += 100
    yield vol
    yield k + r


for v in qualified(2):
    print(v)

def nested(seed):
    a = seed
    b = a * 2
    yield b
    c = b + 1
    yield c
    d = c * c
    yield d
    a += d
    yield a + b + c
    yield b
    yield a


for v in nested(3):
    print(v)

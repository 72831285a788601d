def pairs_a(x):
    a, b = x, x + 1
    yield a + b
    b *= 3
    yield b
    yield 8  # sizeof: two ints


def pairs_b(x):
    a, tag = x * 1000, "b"
    yield a
    tag = chr(ord(tag) + 1)
    yield ord(tag)
    inner = "xyz"
    yield ord(inner[2]) - ord(inner[0])
    yield 3  # sizeof: three chars
    yield a // 1000 * 10 + 1  # struct pair here is the long and char one


for v in pairs_a(5):
    print(v)
for v in pairs_b(6):
    print(v)

def fmt(v):
    # C's %g
    return f"{v:g}"


def siblings(a, s):
    x = a[4]
    yield x
    yield x // 2
    x = 2.5
    yield x * 2
    yield x / 2
    x = "ab"
    yield ord(x[1])
    x = list(a)
    x[0] = 11
    yield x[0] + ord(s[1])
    yield a[0]


for v in siblings([1, 2, 3, 4, 5], "hi"):
    print(fmt(v))

def twice(x):
    return 2 * x


def negate(x):
    return -x


def mapped(xs, m, cb, n):
    for i in range(n):
        yield cb(xs[i]) + m[i % 3]
        xs[i] = 0


xs = [1, 2, 3, 4]
m = [100, 200, 300]
for v in mapped(xs, m, twice, 4):
    print(v)
print("xs: " + " ".join(str(x) for x in xs))
ys = [5, 6]
for v in mapped(ys, m, negate, 2):
    print(v)

def aliased(param):
    value = [5]
    p = value
    arr = [1, 2, 3, 4]
    yield p[0]
    p[0] = 42
    yield value[0]
    value[0] = 7
    yield p[0]
    p[0] += 100
    yield value[0]
    arr[2] *= 10
    yield arr[2]
    yield arr[3]
    param += 1
    yield param
    yield p[0]
    p[0] = -1
    yield value[0]


for v in aliased(50):
    print(v)

def literals(scale):
    arr = [10 * scale, 20 * scale, 30 * scale]
    p = {"a": 7, "b": 8}
    yield arr[0]
    yield arr[1]
    arr[2] += 1
    yield arr[2]
    yield p["a"] * 10 + p["b"]
    p["a"] = 1
    yield p["a"] * 10 + p["b"]
    for i in range(2):
        name = "n" + chr(ord("0") + i)
        yield ord(name[0])
        yield ord(name[1])


for v in literals(3):
    print(v)

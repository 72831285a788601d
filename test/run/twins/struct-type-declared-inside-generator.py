def shapes(n):
    SQUARE, RECT = 1, 2
    s = {"kind": SQUARE, "w": n, "h": n}
    yield s["w"] * s["h"]
    s["kind"] = RECT
    s["h"] = n + 2
    yield s["kind"] * 1000 + s["w"] * s["h"]
    for i in range(2):
        inner = {"kind": RECT, "w": i + 1, "h": 10}
        yield inner["w"] * inner["h"] + s["w"]


for v in shapes(5):
    print(v)

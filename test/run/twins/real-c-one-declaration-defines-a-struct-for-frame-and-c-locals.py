def frame_first(k):
    p = {"a": k, "b": k + 1}
    pp = p
    q = {"a": k * 10, "b": 0}
    yield pp["a"]
    pp["b"] += 100
    yield p["b"]
    yield q["a"]


def local_first(k):
    p = {"a": k, "b": k * 2}
    pp = p
    yield pp["a"]
    yield p["b"] + pp["b"]


def macro_defined():
    head = [7, 8]
    for v in head:
        yield v


for x in frame_first(3):
    print(f"frame_first {x}")
for x in local_first(5):
    print(f"local_first {x}")
for x in macro_defined():
    print(f"macro_defined {x}")

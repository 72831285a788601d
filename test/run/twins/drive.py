"""The consumer shared by the expr-* twins: next, then send 100, 200, ..."""
def drive(g, first=100):
    v = first
    try:
        out = next(g)
        while True:
            print(f"yielded {out}")
            out = g.send(v)
            v += 100
    except StopIteration as e:
        if e.value is not None:
            print(f"result {e.value}")

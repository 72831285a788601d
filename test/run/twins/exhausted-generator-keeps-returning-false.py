body_runs = 0


def two():
    global body_runs
    body_runs += 1
    yield 1
    yield 2
    print("two: end of body")


def empty(early):
    global body_runs
    body_runs += 1
    if early:
        return
    print("empty: end of body")
    if False:
        yield  # a generator with no yield, like the C one


def drain(g, name):
    done = False
    for i in range(5):
        v = -5
        try:
            v = next(g)
            ok = True
        except StopIteration:
            ok = False
            done = True
        print(f"{name} next #{i}: {'true' if ok else 'false'} v={v} done={int(done)} error=0")


g = two()
print("done before start: 0")
drain(g, "two")
drain(empty(1), "empty(1)")
drain(empty(0), "empty(0)")
print(f"body runs: {body_runs}")

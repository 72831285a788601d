runs = [0] * 8


def release(i):
    runs[i] += 1
    print(f"cleanup {i}")


def holder(base):
    try:
        yield 1
        try:
            yield 2
        finally:
            release(base + 1)
        for i in range(2):
            try:
                yield 3 + i
            finally:
                release(base + 2)
    finally:
        release(base)


def show(what):
    print(f"{what}: " + " ".join(str(r) for r in runs))


g = holder(0)
next(g)
v = next(g)
print(f"suspended at {v}")
g.close()
show("after free at 2")

g = holder(3)
for k in range(4):
    v = next(g)
print(f"suspended at {v}")
g.close()
show("after free at 4")

g = holder(5)
print("free unstarted")
g.close()
show("after free unstarted")

g = holder(5)
for v in g:
    pass
print("finished")
g.close()
show("after free finished")

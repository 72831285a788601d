YC_EJUSTSTARTED = -1001


def echo():
    print("body started")
    x = 0
    while True:
        x = yield x * 2
        print(f"got {x}")


g = echo()
out = -1
try:
    out = g.send(21)
    ok = 1
except TypeError:  # can't send non-None value to a just-started generator
    ok = 0
    err = YC_EJUSTSTARTED
print(f"send to unstarted: ok={ok} out={out}")
print(f"error={err} is EJUSTSTARTED=1")
print("error again=0")

g = echo()
out = g.send(None)
print(f"send(NULL): ok=1 out={out}")
out = g.send(21)
print(f"send(21): ok=1 out={out}")

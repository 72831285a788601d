def accumulate(start):
    total = start
    while True:
        sent = yield total
        sent = sent or 0
        print(f"received {sent}")
        total += sent
        got = yield -total
        got = got or 0
        print(f"received {got} (assignment)")
        total *= got if got else 1


g = accumulate(1)
h = accumulate(1000)
out = next(g)
print(f"start -> {out}")
for x in [5, 3, 10, 2, 7]:
    out = g.send(x)
    print(f"send({x}) -> 1 {out}")
out = next(g)
print(f"next -> {out}")
next(h)
out = h.send(1)
print(f"h -> {out}")
out = g.send(4)
print(f"send(4) -> {out}")

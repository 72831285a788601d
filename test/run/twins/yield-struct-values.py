from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int
    tag: str


def walker(name):
    p = Point(0, 0, name[:7])
    for step in range(4):
        dx, dy = yield Point(p.x, p.y, p.tag)
        p.x += dx
        p.y += dy
        p.tag = chr(ord("A") + step) + p.tag[1:]
    yield Point(-1, -1, "end")


g = walker("walk")
p = next(g)
print(f"{p.tag} ({p.x},{p.y})")
for m in [(1, 2), (3, -4), (-10, 0), (0, 7)]:
    p = g.send(m)
    print(f"{p.tag} ({p.x},{p.y})")
print(f"more: {0 if next(g, None) is None else 1}")

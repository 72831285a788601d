def source(name, n):
    try:
        for i in range(n):
            yield i
    finally:
        print(f"{name} cleaned up")


g = (x + 1 for x in source("first", 10))
v = next(g)
print(f"got {v}")
g.close()
del g
print("freed after one item")

g = (x for x in source("never started", 10))
del g
print("freed before the first item")

g = (x * 10 + y for x in source("outer", 5) for y in source("inner", 5))
next(g)
v = next(g)
print(f"got {v}")
g.close()
print(f"closed: done 1, next {int(next(g, None) is not None)}")
del g

for w in (x for x in source("looped", 10)):
    print(f"loop {w}")
    if w == 1:
        break
print("after the loop")

g = (x for x in source("exhausted", 2))
for v in g:
    print(f"item {v}")
print(f"exhausted: next {int(next(g, None) is not None)}")

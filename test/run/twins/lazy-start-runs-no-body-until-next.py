side_effects = 0


def lazy(name, n):
    global side_effects
    side_effects += 1
    print(f"[{name}] started with n={n}")
    for i in range(n):
        print(f"[{name}] yielding {i}")
        yield i
    print(f"[{name}] finished")


n = 2
a = lazy("a", n)
b = lazy("b", n + 1)
n = 100
print(f"created, side effects={side_effects}")
v = next(b)
print(f"b -> {v}, side effects={side_effects}")
v = next(a)
print(f"a -> {v}, side effects={side_effects}")
for v in a:
    print(f"a -> {v}")
print(f"a exhausted, n={n}")
c = lazy("c", 1)
print("c freed before start")
c.close()
print(f"side effects={side_effects}")

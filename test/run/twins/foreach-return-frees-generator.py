def squares(name):
    try:
        i = 1
        while True:
            yield i * i
            i += 1
    finally:
        print(f"cleanup {name}")


def first_above(limit):
    g = squares("plain")
    try:
        for v in g:
            if v > limit:
                print(f"returning {v}")
                return v
    finally:
        g.close()
    return -1


def evens_until(limit):
    g = squares("in-gen")
    try:
        for v in g:
            if v > limit:
                return
            if v % 2 == 0:
                yield v
    finally:
        g.close()


r = first_above(30)
print(f"first_above -> {r}")
g = evens_until(50)
for v in g:
    print(f"even {v}")
print("evens_until exhausted")
g = evens_until(1000)
v = next(g)
print(f"first {v}, freeing while suspended")
g.close()
print("end")

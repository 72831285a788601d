def countdown(frm):
    n = frm
    try:
        while n > 0:
            yield n
            n -= 1
    finally:
        print(f"countdown closed at {n}")


def squares_impl(n):
    for i in range(1, n + 1):
        yield i * i


def squares(n):  # the hand-written wrapper
    return squares_impl(n)


for v in countdown(3):
    print(f"countdown {v}")
g = countdown(5)
for v in g:
    if v == 3:
        break
    print(f"countdown {v}")
g.close()  # yc_foreach frees (closes) its generator on break
total = 0
for v in squares(4):
    total += v
print(f"sum of squares {total}")
for v in squares(9):
    if v > 10:
        break
    print(f"square {v}")

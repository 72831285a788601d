def show(x):
    print(f"cleanup {x}")


def pick(k):
    for rnd in range(2):
        v = k + rnd
        if v == 0:
            c = rnd
            try:
                yield 10 + c
                print("leaving case 0")
            finally:
                show(c)
        elif v == 1:
            yield 20
        else:
            yield 30


for v in pick(0):
    print(v)

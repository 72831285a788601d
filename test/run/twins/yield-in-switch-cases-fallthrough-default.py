def dispatch(ops):
    for i, op in enumerate(ops):
        if op == 1:
            yield 10
            print(f"case 1 resumed (i={i})")
        if op in (1, 2):
            yield 20
            print(f"case 2 resumed (i={i})")
        elif op in (3, 4):
            if op == 3:
                print("case 3, no yield")
            yield 40 + op
        else:
            yield -op
            print(f"default resumed (op={op})")
        print(f"after switch i={i}")


for v in dispatch([1, 2, 3, 4, 9, 1]):
    print(f"got {v}")

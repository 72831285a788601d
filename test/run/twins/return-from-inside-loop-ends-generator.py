def find_pair(target):
    for a in range(1, 10):
        for b in range(a, 10):
            yield a * 10 + b
            if a * b == target:
                print(f"found {a}*{b}")
                return
    print("not found")


for target in (6, 1000):
    g = find_pair(target)
    count = 0
    last = 0
    for v in g:
        count += 1
        last = v
    print(f"target {target}: {count} values, last {last}, done=1")
    print(f"next again: {0 if next(g, None) is None else 1}")

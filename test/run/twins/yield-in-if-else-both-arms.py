def classify(n):
    for i in range(n):
        before = i * 3
        if i % 2 == 0:
            yield 100 + i
            print(f"even {i} resumed, before={before}")
        else:
            yield 200 + i
            print(f"odd {i} resumed, before={before}")
        if i == 2:
            yield -1
        elif i == 3:
            yield -2
        else:
            print(f"no extra yield at {i}")
    print("done")


for v in classify(5):
    print(f"got {v}")

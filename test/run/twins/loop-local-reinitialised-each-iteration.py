def fresh(n):
    for i in range(n):
        count = 0
        marks = [0, 0, 0]
        count += i
        marks[i % 3] += 5
        yield count
        count += 100
        marks[0] += 1
        yield count
        yield marks[0] * 100 + marks[1] * 10 + marks[2]
    k = 0
    while k < 2:
        once = 7
        yield once
        once = -1
        k += 1


for v in fresh(4):
    print(v)

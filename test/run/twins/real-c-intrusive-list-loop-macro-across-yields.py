def walk(values):
    total = 0
    for value in values:
        total += value
        yield value
        yield total
    mine = []
    for i in range(3):
        mine.append(total + i)
        yield i
    for k in range(len(mine)):
        yield mine[k]
        mine[k] = -mine[k]
    for value in mine:
        yield value


for v in walk([5, 7]):
    print(v)

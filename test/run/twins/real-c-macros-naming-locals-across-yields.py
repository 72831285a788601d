def counter(limit):
    count = 0
    while count < limit:
        count += 1
        yield count
    count += 10
    yield count
    old = count  # USE(): count++ evaluates to the old value
    count += 1
    count += old  # ADD(old): the assignment's value is the new count
    yield old * 100 + count
    yield count


def sums(a):
    b = 10
    yield a + b
    a += 5
    yield a + b
    b = (a + b) * 2
    yield a + b
    c = a + b
    a = 0
    yield c - (a + b)


for v in counter(3):
    print(v)
for v in sums(1):
    print(v)

def local_lists(n):
    queue = []
    for i in range(n):
        queue.append([(i + 1) * 10])
        yield i
    for job in queue:
        yield job[0]
        job[0] += 1
    first = queue.pop(0)
    yield queue[0][0]
    queue.append(first)
    for job in queue:
        yield job[0]

    names = []
    for text in ("a", "b", "c"):
        names.insert(0, text)
        yield ord(names[0][0])
    names.remove("c")
    for text in names:
        yield ord(text[0])


for v in local_lists(3):
    print(v)

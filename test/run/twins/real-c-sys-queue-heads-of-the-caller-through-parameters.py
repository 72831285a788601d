def caller_lists(names, queue):
    for text in list(names):
        yield text
    for job in list(queue):
        yield "odd" if job % 2 else "even"
        if job % 2:
            queue.remove(job)
    for text in list(names):
        if text[0] == "x":
            names.remove(text)
        yield "next"


names = ["x1", "y2", "x3"]
queue = [1, 2, 3, 4]
for s in caller_lists(names, queue):
    print(s)
for text in names:
    print(f"left: {text}")
for job in queue:
    print(f"left: {job}")

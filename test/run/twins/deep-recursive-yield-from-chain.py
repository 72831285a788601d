# Python recurses on the C stack for each level of `yield from`, so the
# twin runs in a thread with a large stack and a raised recursion limit.
import sys
import threading


def chain(depth, max_depth):
    if depth == max_depth:
        yield depth
        return 1
    below = yield from chain(depth + 1, max_depth)
    yield depth
    return below + 1


def main():
    g = chain(1, 20000)
    total, first, last, count = 0, -1, -1, 0
    while True:
        try:
            v = next(g)
        except StopIteration as e:
            levels = e.value
            break
        if count == 0:
            first = v
        last = v
        total += v
        count += 1
    print(f"count={count} sum={total} first={first} last={last} levels={levels}")
    partial, count = 0, 0
    g = chain(1, 20000)
    for x in g:
        partial += x
        count += 1
        if count == 10000:
            break
    g.close()
    print(f"partial={partial}")


sys.setrecursionlimit(200000)
threading.stack_size(512 * 1024 * 1024)
t = threading.Thread(target=main)
t.start()
t.join()

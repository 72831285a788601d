class Counter:
    def __init__(self):
        self.tries = 0


def flaky(c, v):
    c.tries += 1
    if c.tries % 3 != 0:
        raise InterruptedError
    return v


def retry(call):
    while True:
        try:
            return call()
        except InterruptedError:
            pass


def retried(n):
    c = Counter()
    got = 0
    for i in range(1, n + 1):
        r = retry(lambda: flaky(c, i * 10))
        got += r
        yield r
        yield c.tries
    yield 0  # close(dup(1)) succeeds
    yield -1  # close(-1) fails
    yield 1  # with EBADF
    yield 1  # errno reads back what was written
    yield got + c.tries


for v in retried(3):
    print(v)

import asyncio

YC_ECANCELLED, YC_ECLOSED = -1004, -1006


class Chan:
    """A bounded channel with yieldc's rules: send into room or receive of a
    buffered item completes at once; closed: send -> YC_ECLOSED, receive of
    a drained channel -> False."""

    def __init__(self, cap):
        self.q, self.cap, self.closed = [], cap, False

    def send(self, v):
        if self.closed:
            return YC_ECLOSED
        assert len(self.q) < self.cap  # the program never waits here
        self.q.append(v)
        return 0

    def recv(self):
        if self.q:
            return True, self.q.pop(0)
        assert self.closed
        return False, None


def checkpoint():
    """Level-triggered cancellation: every suspension point of a cancelled
    task raises, even one that would complete at once."""
    if asyncio.current_task().cancelling():
        raise asyncio.CancelledError


async def worker(ch, shut):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"worker: sleep raised {YC_ECANCELLED}")
    v = 7
    try:
        checkpoint()
        print(f"worker: send completed {ch.send(v)}")
    except asyncio.CancelledError:
        print(f"worker: send raised {YC_ECANCELLED}, {len(ch.q)} buffered")
    x = 0
    try:
        checkpoint()
        ok, x = ch.recv()
        print(f"worker: recv completed {int(ok)}")
    except asyncio.CancelledError:
        print(f"worker: recv raised {YC_ECANCELLED}, {len(ch.q)} buffered, x = {x}")
    try:
        checkpoint()
        print(f"worker: send to closed completed {shut.send(v)}")
    except asyncio.CancelledError:
        print(f"worker: send to closed raised {YC_ECANCELLED}")
    try:
        checkpoint()
        ok, _ = shut.recv()
        print(f"worker: recv from closed completed {int(ok)}")
    except asyncio.CancelledError:
        print(f"worker: recv from closed raised {YC_ECANCELLED}")
    return 5


async def amain():
    ch = Chan(4)
    shut = Chan(1)
    shut.closed = True
    t = asyncio.ensure_future(worker(ch, shut))
    await asyncio.sleep(0.005)
    t.cancel()
    ch.send(42)  # room: completes at once, main runs on
    r = await t
    print(f"main: worker returned {r}")
    ok, got = ch.recv()
    print(f"main: got {got} (ok {int(ok)})")
    items, k = [10, 20], 0
    sr = ch.send(items[k]); k += 1
    print(f"main: sent items[0], k = {k}, result {sr}")
    sr = ch.send(items[k]); k += 1
    print(f"main: sent items[1], k = {k}, result {sr}")
    _, a = ch.recv()
    _, b = ch.recv()
    print(f"main: got {a} {b}")
    ch.send(99)
    ch.closed = True
    sr = ch.send(99)
    print(f"main: send after close -> {sr}")
    ok, got = ch.recv()
    ok2, _ = ch.recv()
    print(f"main: drained {int(ok)} more: {got}, then ok {int(ok2)}")
    return 0


print(f"yc_run -> {asyncio.run(amain())}")

# Python twin of cancellation.c (TUTORIAL part 2, section 3; structured
# concurrency).
import asyncio
import errno
import os
import time
from collections import deque


def strerror(code: int) -> str:
    return "task cancelled" if code == "cancelled" else os.strerror(-code)


class YcError(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class Chan:
    """The receiving half of yieldc's bounded channel (see
    channel_backpressure.py): a waiting receiver owns the next item."""

    def __init__(self, cap: int) -> None:
        self.cap, self.buf, self.closed = cap, deque(), False
        self.receivers: deque = deque()

    async def recv(self):
        if self.buf:
            return True, self.buf.popleft()
        if self.closed:
            return False, None
        fut = asyncio.get_running_loop().create_future()
        self.receivers.append(fut)
        try:
            return await fut
        finally:
            if fut in self.receivers:
                self.receivers.remove(fut)


class Group:
    """yc_group: asyncio.TaskGroup's behaviour (the first failure cancels
    the other children), children cancelled in spawn order, and the wait
    returning the first error instead of raising an ExceptionGroup."""

    def __init__(self) -> None:
        self.kids: list = []
        self.error = 0

    def spawn(self, coro) -> None:
        t = asyncio.create_task(coro)
        t.add_done_callback(self._done)
        self.kids.append(t)

    def _done(self, t: asyncio.Task) -> None:
        if t.cancelled() or self.error:
            return
        e = t.exception()
        if isinstance(e, YcError):
            self.error = e.code
            for k in self.kids:
                if not k.done():
                    k.cancel()

    async def wait(self) -> int:
        await asyncio.wait(self.kids)
        err, self.error = self.error, 0
        return err


async def sleepy() -> int:
    buf = "sleepy"
    try:
        print("sleepy: sleeping for 10 s")
        await asyncio.sleep(10)
        print("sleepy: woke up")
        return 1
    finally:
        print(f"{buf}: cleanup: buffer freed")


async def listener(ch: Chan) -> int:
    buf = "listener"
    try:
        print("listener: waiting for a message")
        ok, msg = await ch.recv()
        if ok:
            print(f"listener: got {msg}")
        return 2
    finally:
        print(f"{buf}: cleanup: buffer freed")


async def worker(name: str, ms: int, fail: int) -> int:
    who = name
    try:
        print(f"{who}: working for {ms} ms")
        await asyncio.sleep(ms / 1000)
        if fail:
            print(f'{who}: failing with "{strerror(fail)}"')
            raise YcError(fail)
        print(f"{who}: finished")
        return 0
    finally:
        print(f"{who}: cleanup ran")


async def amain() -> int:
    t = asyncio.create_task(sleepy())
    await asyncio.sleep(0.010)
    print("main: cancelling sleepy")
    t.cancel()
    try:
        r = await t
        print(f"main: sleepy returned {r}")
    except asyncio.CancelledError:
        print(f'main: awaiting sleepy raised "{strerror("cancelled")}"')

    ch = Chan(1)
    t = asyncio.create_task(listener(ch))
    await asyncio.sleep(0.010)
    print("main: cancelling listener")
    t.cancel()
    try:
        r = await t
        print(f"main: listener returned {r}")
    except asyncio.CancelledError:
        print(f'main: awaiting listener raised "{strerror("cancelled")}"')

    g = Group()
    start = time.monotonic()
    g.spawn(worker("quick", 5, 0))
    g.spawn(worker("faulty", 20, -errno.ENOSPC))
    g.spawn(worker("slow-1", 1000, 0))
    g.spawn(worker("slow-2", 2000, 0))
    err = await g.wait()
    print(f'main: group wait: "{strerror(err) if err else "no error"}"')
    early = (time.monotonic() - start) * 1000 < 1000
    print(f"main: siblings cancelled early: {'yes' if early else 'no'}")
    return 0


asyncio.run(amain())

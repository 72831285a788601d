import asyncio
from collections import deque

# A small bounded channel whose waiting operations can be withdrawn
# (a cancelled send leaves nothing behind), and asyncio.timeout for the
# scopes (yc_move_on_after swallows its own TimeoutError).


class Chan:
    def __init__(self, cap):
        self.cap, self.buf, self.closed = cap, deque(), False
        self.space = asyncio.Condition()

    async def send(self, v):
        async with self.space:
            await self.space.wait_for(lambda: len(self.buf) < self.cap or self.closed)
            if self.closed:
                return -1006
            self.buf.append(v)
            self.space.notify_all()
            return 0

    async def recv(self):
        async with self.space:
            await self.space.wait_for(lambda: self.buf or self.closed)
            if not self.buf:
                return False, None
            v = self.buf.popleft()
            self.space.notify_all()
            return True, v

    def close(self):
        self.closed = True


ch = Chan(1)


async def sender():
    err = await ch.send(1)
    print(f"sender: sent 1 (err {err})")
    t = asyncio.timeout(0.020)
    try:
        async with t:
            err = await ch.send(2)
            print(f"sender: sent 2 (err {err})")
    except TimeoutError:
        pass
    print(f"sender: after scope, expired {int(t.expired())}, buffered {len(ch.buf)}")


async def receiver():
    async with asyncio.timeout(100):
        ok, v = await ch.recv()
        print(f"receiver: got {v} (ok {int(ok)})")
    v = -1
    t = asyncio.timeout(0.020)
    try:
        async with t:
            ok, v = await ch.recv()
            print(f"receiver: got {v} (ok {int(ok)})")
    except TimeoutError:
        pass
    print(f"receiver: second receive expired {int(t.expired())}, v {v}")
    ch.close()
    ok, _ = await ch.recv()
    print(f"receiver: after close ok {int(ok)}")


async def amain():
    await sender()
    await receiver()
    return 0


asyncio.run(amain())
print("yc_run -> 0")

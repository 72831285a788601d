import asyncio
from collections import deque

YC_ECLOSED = -1006


class Chan:
    """yieldc's channel (SPEC section 6): a waiting receiver owns the next
    item sent; capacity 0 is a rendezvous; close delivers what is buffered."""

    def __init__(self, cap):
        self.cap, self.buf, self.closed = cap, deque(), False
        self.senders = deque()    # [item, future]
        self.receivers = deque()  # future of (ok, item)

    async def send(self, v):
        if self.closed:
            return YC_ECLOSED
        if self.receivers:
            self.receivers.popleft().set_result((True, v))
            return 0
        if len(self.buf) < self.cap:
            self.buf.append(v)
            return 0
        fut = asyncio.get_running_loop().create_future()
        self.senders.append([v, fut])
        return await fut

    async def recv(self):
        if self.buf:
            v = self.buf.popleft()
            if self.senders:
                item, fut = self.senders.popleft()
                self.buf.append(item)
                fut.set_result(0)
            return True, v
        if self.senders:
            item, fut = self.senders.popleft()
            fut.set_result(0)
            return True, item
        if self.closed:
            return False, None
        fut = asyncio.get_running_loop().create_future()
        self.receivers.append(fut)
        return await fut

    def close(self):
        if self.closed:
            return
        self.closed = True
        while self.receivers:
            self.receivers.popleft().set_result((False, None))
        while self.senders:
            self.senders.popleft()[1].set_result(YC_ECLOSED)

    def __len__(self):
        return len(self.buf)


async def waiting_receiver(ch):
    print("receiver: waiting")
    ok, v = await ch.recv()
    print(f"receiver: ok {int(ok)}, v {v if ok else -1}")


async def blocked_sender(ch, v):
    print(f"sender: sending {v}")
    err = await ch.send(v)
    print(f"sender: send {v} -> {err}")


async def drain(ch):
    while True:
        ok, v = await ch.recv()
        if not ok:
            break
        print(f"got {v} (buffered {len(ch)})")
    print("recv -> false")
    ok, v = await ch.recv()
    print(f"recv again -> {int(ok)}, v {v if ok else -1}")


async def amain():
    print("-- buffered items survive close")
    ch = Chan(4)
    for i in range(1, 4):
        err = await ch.send(i)
        print(f"sent {i} -> {err}")
    ch.close()
    ch.close()
    print(f"closed with {len(ch)} buffered")
    print(f"send after close -> {await ch.send(99)}")
    await drain(ch)

    print("-- a waiting receiver gets false")
    ch = Chan(1)
    t = asyncio.create_task(waiting_receiver(ch))
    await asyncio.sleep(0.005)
    print("closing")
    ch.close()
    await t

    print("-- a blocked sender gets YC_ECLOSED")
    ch = Chan(1)
    print(f"sent 1 -> {await ch.send(1)}")
    t = asyncio.create_task(blocked_sender(ch, 2))
    await asyncio.sleep(0.005)
    print("closing")
    ch.close()
    await t
    await drain(ch)
    return 0


asyncio.run(amain())
print("yc_run -> 0")

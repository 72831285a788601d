# Python twin of channel_backpressure.c (TUTORIAL part 2, section 3).
import asyncio
from collections import deque

CAPACITY, ITEMS = 3, 20
YC_ECLOSED = -1006


class Chan:
    """yieldc's bounded channel: a waiting receiver owns the next item sent;
    a receiver taking from a full buffer moves the first waiting sender's
    item in; capacity 0 is a rendezvous; close delivers what is buffered."""

    def __init__(self, cap: int) -> None:
        self.cap, self.buf, self.closed = cap, deque(), False
        self.senders: deque = deque()    # [item, future]
        self.receivers: deque = deque()  # future of (ok, item)

    async def send(self, v) -> int:
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
        if self.senders:  # rendezvous
            item, fut = self.senders.popleft()
            fut.set_result(0)
            return True, item
        if self.closed:
            return False, None
        fut = asyncio.get_running_loop().create_future()
        self.receivers.append(fut)
        return await fut

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        while self.receivers:
            self.receivers.popleft().set_result((False, None))
        while self.senders:
            self.senders.popleft()[1].set_result(YC_ECLOSED)

    def __len__(self) -> int:
        return len(self.buf)


sent = consumed = max_lead = max_buffered = 0


async def producer(ch: Chan, n: int) -> None:
    global sent, max_lead, max_buffered
    for i in range(n):
        err = await ch.send(i)
        if err:
            print(f"producer: send failed: {err}")
            raise RuntimeError(err)
        sent += 1
        lead = sent - consumed
        max_lead = max(max_lead, lead)
        max_buffered = max(max_buffered, len(ch))
        if lead > 1:
            print(f"producer: sent {i}, ahead of the consumer by {lead}")
        else:
            print(f"producer: sent {i}")
    ch.close()
    print("producer: done, channel closed")


async def consumer(ch: Chan) -> int:
    global consumed
    total = 0
    while True:
        ok, item = await ch.recv()
        if not ok:
            break
        print(f"consumer: got {item}")
        await asyncio.sleep(0.005)  # slow consumer
        consumed += 1
        total += item
    print("consumer: channel drained")
    return total


async def amain() -> int:
    ch = Chan(CAPACITY)
    p = asyncio.create_task(producer(ch, ITEMS))
    c = asyncio.create_task(consumer(ch))
    await p
    total = await c
    print(f"total: {total}")
    print(f"max lead: {max_lead} (capacity {CAPACITY} + 1)")
    print(f"max buffered: {max_buffered}")
    return 0


asyncio.run(amain())

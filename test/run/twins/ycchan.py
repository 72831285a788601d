"""The channel model shared by the async-chan-* twins."""
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


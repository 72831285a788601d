"""The channel model of the parked-wait twins (test/run/parked-*.c).

yieldc's channel (SPEC section 6) as in ycchan.py, plus what a parked wait
does when its task is cancelled: a wait that has not completed leaves the
channel as it was (its entry leaves the queue: nothing sent, nothing
taken); one that completed already keeps its result, and the cancellation,
level-triggered, arrives at the task's next suspension point."""
import asyncio
from collections import deque

YC_ECANCELLED, YC_ECLOSED = -1004, -1006


def checkpoint():
    """A suspension point of a cancelled task raises, even one that would
    complete at once (cancellation is level-triggered)."""
    if asyncio.current_task().cancelling():
        raise asyncio.CancelledError


async def _wait(fut, queue, entry):
    try:
        return await fut
    except asyncio.CancelledError:
        if fut.done() and not fut.cancelled():
            return fut.result()  # completed: the error comes at the next point
        if entry in queue:
            queue.remove(entry)  # not completed: the wait leaves no trace
        raise


class Chan:
    def __init__(self, cap):
        self.cap, self.buf, self.closed = cap, deque(), False
        self.senders = deque()    # [item, future]
        self.receivers = deque()  # future of (ok, item)

    async def send(self, v):
        checkpoint()
        if self.closed:
            return YC_ECLOSED
        if self.receivers:
            self.receivers.popleft().set_result((True, v))
            return 0
        if len(self.buf) < self.cap:
            self.buf.append(v)
            return 0
        fut = asyncio.get_running_loop().create_future()
        entry = [v, fut]
        self.senders.append(entry)
        return await _wait(fut, self.senders, entry)

    async def recv(self):
        checkpoint()
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
        return await _wait(fut, self.receivers, fut)

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

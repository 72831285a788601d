"""The channel model of the parked-wait twins (test/run/parked-*.c).

yieldc's channel (SPEC section 6) as in ycchan.py, plus what a parked wait
does when its task is cancelled: a wait that has not completed leaves the
channel as it was (its entry leaves the queue: nothing sent, nothing
taken); one that completed already keeps its result, and the cancellation,
level-triggered, arrives at the task's next suspension point.  And select
over several operations: the first that can complete does, the others
leave their queues at that moment (they take and send nothing)."""
import asyncio
from collections import deque

YC_ECANCELLED, YC_ECLOSED = -1004, -1006


def checkpoint():
    """A suspension point of a cancelled task raises, even one that would
    complete at once (cancellation is level-triggered)."""
    if asyncio.current_task().cancelling():
        raise asyncio.CancelledError


class Waiter:
    """An entry of a channel's queue of senders or receivers."""

    def __init__(self, chan, fut, item=None, sel=None, index=0):
        self.chan, self.fut, self.item, self.sel, self.index = chan, fut, item, sel, index

    def queue(self, send):
        (self.chan.senders if send else self.chan.receivers).append(self)

    def unqueue(self):
        for q in (self.chan.senders, self.chan.receivers):
            if self in q:
                q.remove(self)

    def fire(self, result):
        if self.sel is not None:
            for w in self.sel:
                w.unqueue()
            self.fut.set_result((self.index, result))
        else:
            self.fut.set_result(result)


async def _wait(fut, waiters):
    try:
        return await fut
    except asyncio.CancelledError:
        if fut.done() and not fut.cancelled():
            return fut.result()  # completed: the error comes at the next point
        for w in waiters:
            w.unqueue()  # not completed: the wait leaves no trace
        raise


class Chan:
    def __init__(self, cap):
        self.cap, self.buf, self.closed = cap, deque(), False
        self.senders = deque()    # Waiter, item to send
        self.receivers = deque()  # Waiter, gets (ok, item)

    def send_now(self, v):
        """(True, result) when a send completes without waiting."""
        if self.closed:
            return True, YC_ECLOSED
        if self.receivers:
            self.receivers.popleft().fire((True, v))
            return True, 0
        if len(self.buf) < self.cap:
            self.buf.append(v)
            return True, 0
        return False, None

    def recv_now(self):
        """(True, (ok, item)) when a receive completes without waiting."""
        if self.buf:
            v = self.buf.popleft()
            if self.senders:
                w = self.senders.popleft()
                self.buf.append(w.item)
                w.fire(0)
            return True, (True, v)
        if self.senders:
            w = self.senders.popleft()
            w.fire(0)
            return True, (True, w.item)
        if self.closed:
            return True, (False, None)
        return False, None

    async def send(self, v):
        checkpoint()
        done, r = self.send_now(v)
        if done:
            return r
        w = Waiter(self, asyncio.get_running_loop().create_future(), item=v)
        w.queue(True)
        return await _wait(w.fut, [w])

    async def recv(self):
        checkpoint()
        done, r = self.recv_now()
        if done:
            return r
        w = Waiter(self, asyncio.get_running_loop().create_future())
        w.queue(False)
        return await _wait(w.fut, [w])

    def close(self):
        if self.closed:
            return
        self.closed = True
        while self.receivers:
            self.receivers.popleft().fire((False, None))
        while self.senders:
            self.senders.popleft().fire(YC_ECLOSED)

    def __len__(self):
        return len(self.buf)


async def select(cases):
    """cases: ("recv", chan) or ("send", chan, item).  Returns (index,
    result): result as recv / send give it.  The programs of these twins
    never have two cases ready at once (yieldc then picks at random)."""
    checkpoint()
    ready = []
    for i, c in enumerate(cases):
        ch = c[1]
        if c[0] == "send":
            ok = ch.closed or ch.receivers or len(ch.buf) < ch.cap
        else:
            ok = ch.buf or ch.senders or ch.closed
        if ok:
            ready.append(i)
    assert len(ready) <= 1, "the twin models no random choice"
    if ready:
        i = ready[0]
        c = cases[i]
        done, r = c[1].send_now(c[2]) if c[0] == "send" else c[1].recv_now()
        assert done
        return i, r
    fut = asyncio.get_running_loop().create_future()
    sel = []
    for i, c in enumerate(cases):
        w = Waiter(c[1], fut, item=c[2] if c[0] == "send" else None, sel=sel, index=i)
        sel.append(w)
        w.queue(c[0] == "send")
    return await _wait(fut, sel)

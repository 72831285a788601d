# Python twin of job_worker.c: a worker selecting jobs from two queues, each
# job under a deadline (asyncio.timeout), results to a slow consumer through
# a channel of capacity 1.
import asyncio
from collections import deque

RESULTS_CAP, SLOW_DEADLINE_MS, CONSUMER_MS = 1, 700, 100

# (id, urgent, hangs, deadline_ms)
JOBS = [
    (1, False, False, 50), (2, True, False, 50),
    (3, False, False, 50), (4, False, False, 50),
    (5, True, True, SLOW_DEADLINE_MS), (6, False, False, 50),
    (7, False, True, SLOW_DEADLINE_MS), (8, True, False, 50),
    (9, False, False, 50), (10, False, False, 50),
]


class Selector:
    """A task waiting in a select: the first channel to offer it something
    (an item or its close) completes it; it leaves every other queue."""

    def __init__(self, chans):
        self.chans = chans
        self.fut = asyncio.get_running_loop().create_future()

    def complete(self, chan, ok, item):
        for c in self.chans:
            if c is not None and self in c.receivers:
                c.receivers.remove(self)
        self.fut.set_result((self.chans.index(chan), ok, item))


class Chan:
    """yieldc's bounded channel: a waiting receiver owns the next item sent;
    a receiver taking from a full buffer moves the first waiting sender's
    item in; capacity 0 is a rendezvous; close delivers what is buffered."""

    def __init__(self, cap: int) -> None:
        self.cap, self.buf, self.closed = cap, deque(), False
        self.senders: deque = deque()    # [item, future]
        self.receivers: deque = deque()  # Selector

    async def send(self, v) -> int:
        if self.closed:
            return -1006
        if self.receivers:
            self.receivers.popleft().complete(self, True, v)
            return 0
        if len(self.buf) < self.cap:
            self.buf.append(v)
            return 0
        fut = asyncio.get_running_loop().create_future()
        self.senders.append([v, fut])
        try:
            return await fut
        except asyncio.CancelledError:
            self.senders = deque(s for s in self.senders if s[1] is not fut)
            raise

    def try_recv(self):
        """(ready, ok, item) without waiting."""
        if self.buf:
            v = self.buf.popleft()
            if self.senders:
                item, fut = self.senders.popleft()
                self.buf.append(item)
                fut.set_result(0)
            return True, True, v
        if self.senders:  # rendezvous
            item, fut = self.senders.popleft()
            fut.set_result(0)
            return True, True, item
        if self.closed:
            return True, False, None
        return False, False, None

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        while self.receivers:
            self.receivers.popleft().complete(self, False, None)
        while self.senders:
            self.senders.popleft()[1].set_result(-1006)

    def __len__(self) -> int:
        return len(self.buf)


async def select_recv(chans):
    """yc_select over receives: (index, ok, item); None is a disabled case.
    (Never two ready at once in this program: no choice to make.)"""
    for i, c in enumerate(chans):
        if c is not None:
            ready, ok, item = c.try_recv()
            if ready:
                return i, ok, item
    sel = Selector(chans)
    for c in chans:
        if c is not None:
            c.receivers.append(sel)
    try:
        return await sel.fut
    except asyncio.CancelledError:
        for c in chans:
            if c is not None and sel in c.receivers:
                c.receivers.remove(sel)
        raise


async def chan_recv(ch):
    _, ok, item = await select_recv([ch])
    return ok, item


never = Chan(0)  # nobody ever sends here


async def run_job(j):
    jid, _, hangs, _ = j
    if hangs:
        ok, reply = await chan_recv(never)
        return reply  # not reached
    return jid * jid


async def dispatcher(urgent, normal):
    for j in JOBS:
        print(f"dispatcher: job {j[0]} -> {'urgent' if j[1] else 'normal'}")
        await (urgent if j[1] else normal).send(j)
    urgent.close()
    normal.close()
    print("dispatcher: queues closed")


async def worker(urgent, normal, results):
    cases = [urgent, normal]
    open_ = 2
    while open_ > 0:
        i, ok, j = await select_recv(cases)
        if not ok:
            cases[i] = None
            open_ -= 1
            continue
        jid, _, _, deadline_ms = j
        print(f"worker: job {jid} from the {'urgent' if i == 0 else 'normal'} queue")
        value, timed_out = 0, False
        if i == 0:  # fail_after: the timeout is raised, and caught
            try:
                async with asyncio.timeout(deadline_ms / 1000):
                    value = await run_job(j)
            except TimeoutError:
                timed_out = True
        else:  # move_on_after: carry on after the block
            try:
                async with asyncio.timeout(deadline_ms / 1000) as scope:
                    value = await run_job(j)
            except TimeoutError:
                pass
            timed_out = scope.expired()
        if timed_out:
            print(f"worker: job {jid} timed out (deadline {deadline_ms} ms)")
        else:
            print(f"worker: job {jid} done: {value}")
        if len(results) == RESULTS_CAP:
            print(f"worker: results full, job {jid} waits for room")
        await results.send((jid, value, timed_out))
    results.close()
    print("worker: no more jobs")


async def consumer(results):
    n = 0
    while True:
        ok, r = await chan_recv(results)
        if not ok:
            break
        jid, value, timed_out = r
        if timed_out:
            print(f"consumer: job {jid} gave no result")
        else:
            print(f"consumer: job {jid} = {value}")
        n += 1
        await asyncio.sleep(CONSUMER_MS / 1000)  # slow
    print("consumer: results closed")
    return n


async def amain():
    urgent, normal, results = Chan(0), Chan(0), Chan(RESULTS_CAP)
    c = asyncio.create_task(consumer(results))
    w = asyncio.create_task(worker(urgent, normal, results))
    await dispatcher(urgent, normal)
    await w
    n = await c
    print(f"main: {n} results")
    return 0


asyncio.run(amain())

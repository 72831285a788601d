"""The select model shared by the async-select-* twins: yieldc's yc_select /
yc_select_now over the channels of ycchan.py, with the same choice among
ready cases (reservoir sampling driven by the same xorshift64* sequence as
runtime/select.c, so twin and C program choose alike)."""
import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ycchan import YC_ECLOSED  # noqa: E402

YC_EINVAL = -1007

M64 = (1 << 64) - 1
SEED = 0x9E3779B97F4A7C15
_state = SEED


def seed(s):
    global _state
    _state = s if s else SEED


def _rng():
    global _state
    x = _state
    x ^= x >> 12
    x ^= (x << 25) & M64
    x ^= x >> 27
    _state = x
    return (x * 0x2545F4914F6CDD1D) & M64


class Case:
    """One arm: Case(ch, send=False) receives; Case(ch, True, v) sends v;
    ch None disables it.  After the select: ok, and value (received)."""

    def __init__(self, ch, send=False, value=None):
        self.ch, self.send, self.value, self.ok = ch, send, value, False


def _ready(k):
    ch = k.ch
    if k.send:
        return ch.closed or bool(ch.receivers) or len(ch.buf) < ch.cap
    return bool(ch.buf) or bool(ch.senders) or ch.closed


def _complete(k):
    """Complete a ready case at once, as Chan.send / Chan.recv would."""
    ch = k.ch
    if k.send:
        if ch.closed:
            k.ok = False
        elif ch.receivers:
            ch.receivers.popleft().set_result((True, k.value))
            k.ok = True
        else:
            ch.buf.append(k.value)
            k.ok = True
    else:
        if ch.buf:
            k.value = ch.buf.popleft()
            if ch.senders:
                item, fut = ch.senders.popleft()
                ch.buf.append(item)
                fut.set_result(0)
            k.ok = True
        elif ch.senders:
            item, fut = ch.senders.popleft()
            fut.set_result(0)
            k.value, k.ok = item, True
        else:
            k.ok = False


def select_now(cases):
    """yc_select_now: the index of the case completed, or -1."""
    if not cases:
        return YC_EINVAL
    pick, ready = -1, 0
    for i, k in enumerate(cases):
        if k.ch is None or not _ready(k):
            continue
        ready += 1
        if ready == 1 or _rng() % ready == 0:
            pick = i
    if pick >= 0:
        _complete(cases[pick])
    return pick


class _Node:
    """A waiting case in its channel's queue; a peer completes it through
    set_result like any waiter of ycchan.Chan."""

    def __init__(self, sel, i):
        self.sel, self.i = sel, i

    def set_result(self, r):
        sel, k = self.sel, self.sel.cases[self.i]
        if k.send:
            k.ok = r == 0
        else:
            k.ok, k.value = r
        sel.unqueue()
        sel.fut.set_result(self.i)


class _Sel:
    def __init__(self, cases):
        self.cases = cases
        self.fut = asyncio.get_running_loop().create_future()
        self.entries = []
        for i, k in enumerate(cases):
            if k.ch is None:
                continue
            node = _Node(self, i)
            if k.send:
                e = [k.value, node]
                k.ch.senders.append(e)
                self.entries.append((k.ch.senders, e))
            else:
                k.ch.receivers.append(node)
                self.entries.append((k.ch.receivers, node))

    def unqueue(self):
        for q, e in self.entries:
            for j, x in enumerate(q):
                if x is e:  # by identity: [item, node] lists may compare equal
                    del q[j]
                    break
        self.entries = []


async def select(cases):
    """await yc_select: the index of the case completed."""
    i = select_now(cases)
    if i >= 0:
        return i
    sel = _Sel(cases)
    try:
        return await sel.fut
    except asyncio.CancelledError:
        sel.unqueue()  # took nothing, sent nothing
        raise


__all__ = ["Case", "select", "select_now", "seed", "YC_ECLOSED", "YC_EINVAL"]

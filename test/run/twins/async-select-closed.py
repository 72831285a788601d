import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ycchan import Chan  # noqa: E402
from ycselect import Case, select  # noqa: E402


async def closer(ch, ms):
    await asyncio.sleep(ms / 1000)
    print("closer: closing")
    ch.close()


def show(k):
    return -1 if k.value is None else k.value


async def amain():
    a, b = Chan(2), Chan(0)
    await a.send(1)
    await a.send(2)
    a.close()

    print("-- buffered items first, then closed")
    for _ in range(3):
        cs = [Case(a, value=-1), Case(b, value=-1)]
        k = await select(cs)
        print(f"case {k}, ok {int(cs[k].ok)}, v {show(cs[k])}")
    e = await a.send(1)
    print(f"a single send on a closed channel -> {e}")
    s = [Case(a, True, 1), Case(None)]
    s[0].ok = True
    k = await select(s)
    print(f"send case on a closed channel: case {k}, ok {int(s[k].ok)}")

    print("-- closed while a select waits")
    c, d = Chan(1), Chan(0)
    await c.send(9)
    w = [Case(c, True, 10), Case(d, value=-1)]
    t = asyncio.create_task(closer(d, 5))
    k = await select(w)
    print(f"woke: case {k}, ok {int(w[k].ok)}, v {show(w[1])}, c has {len(c)}")
    await t
    t = asyncio.create_task(closer(c, 5))
    w[1].ch = None
    k = await select(w)
    print(f"woke: case {k}, ok {int(w[k].ok)}, c has {len(c)}")
    await t
    for _ in range(2):
        r1 = Case(c, value=-1)
        k = await select([r1])
        print(f"c: case {k}, ok {int(r1.ok)}, v {show(r1)}")
    return 0


asyncio.run(amain())
print("yc_run -> 0")

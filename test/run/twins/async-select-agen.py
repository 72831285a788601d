import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ycchan import Chan  # noqa: E402
from ycselect import Case, select, select_now  # noqa: E402

YC_ECANCELLED = -1004


async def merge(a, b):
    cs = [Case(a), Case(b)]
    opened = 2
    while opened:
        k = await select(cs)
        if not cs[k].ok:
            print(f"  merge: channel {k} closed")
            cs[k].ch = None
            opened -= 1
            continue
        yield (k, cs[k].value)
    print("  merge: done")


async def producer(ch, base, n, pause):
    for i in range(n):
        await ch.send(base + i)
        for _ in range(pause):
            await asyncio.sleep(0)
    ch.close()


async def consume(a, b, limit):
    m = merge(a, b)
    n = 0
    try:
        while n < limit:
            try:
                frm, value = await m.__anext__()
            except StopAsyncIteration:
                break
            print(f"consumer: {value} from {frm}")
            n += 1
    except asyncio.CancelledError:
        print(f"consumer: raised {YC_ECANCELLED} after {n} items")
        await m.aclose()
        raise
    await m.aclose()
    return n


async def amain():
    print("-- merging two producers")
    a, b = Chan(0), Chan(1)
    pa = asyncio.create_task(producer(a, 10, 4, 1))
    pb = asyncio.create_task(producer(b, 100, 3, 2))
    n = await consume(a, b, 100)
    print(f"consumed {n}")
    await pa
    await pb

    print("-- cancelled while merge waits")
    a, b = Chan(0), Chan(0)
    c = asyncio.create_task(consume(a, b, 100))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print(f"consumer task raised {YC_ECANCELLED}")
    probe = [Case(a, True, 1), Case(b, True, 1)]
    print(f"anyone waiting on a or b: {'no' if select_now(probe) < 0 else 'yes'}")
    pa = asyncio.create_task(producer(a, 20, 2, 0))
    pb = asyncio.create_task(producer(b, 200, 2, 0))
    n = await consume(a, b, 100)
    print(f"consumed {n}")
    await pa
    await pb
    return 0


asyncio.run(amain())
print("yc_run -> 0")

import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ycchan import Chan  # noqa: E402
from ycselect import Case, select  # noqa: E402

ROUNDS = 1000


async def part1():
    a, b = Chan(4), Chan(4)
    n = [0, 0]
    first = ""
    for i in range(ROUNDS):
        while len(a) < 4:
            await a.send(i)
        while len(b) < 4:
            await b.send(i)
        k = await select([Case(a), Case(b)])
        n[k] += 1
        if i < 40:
            first += "ab"[k]
    print(f"first choices: {first}")
    print(f"a {n[0]}, b {n[1]} of {ROUNDS}")
    ok = n[0] * 10 >= ROUNDS * 4 and n[0] * 10 <= ROUNDS * 6
    print(f"each 40-60%: {'yes' if ok else 'no'}")


async def producer(ch, base, count):
    for i in range(count):
        await ch.send(base + i)
    ch.close()


async def part2():
    ch = [Chan(2) for _ in range(3)]
    p = [asyncio.create_task(producer(ch[i], 100 * (i + 1), 6)) for i in range(3)]
    got = [0, 0, 0]
    opened = 3
    cs = [Case(c) for c in ch]
    order = ""
    while opened:
        k = await select(cs)
        if not cs[k].ok:
            print(f"channel {k} closed after {got[k]} items")
            cs[k].ch = None
            opened -= 1
            continue
        got[k] += 1
        order += str(k)
    print(f"order: {order}")
    for t in p:
        await t


async def amain():
    await part1()
    await part2()
    return 0


asyncio.run(amain())
print("yc_run -> 0")

import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ycchan import Chan  # noqa: E402
from ycselect import Case, select  # noqa: E402

ROUNDS = 400


async def rounds():
    n = [0, 0]
    for i in range(ROUNDS):
        a, b = Chan(4), Chan(4)
        await a.send(i)
        await b.send(i)
        await b.send(i)
        await b.recv()
        k = await select([Case(a), Case(b)])
        n[k] += 1
    print(f"chosen with the right item: {n[0] + n[1]} of {ROUNDS}")
    ok = n[0] * 100 >= ROUNDS * 35 and n[0] * 100 <= ROUNDS * 65
    print(f"a chosen 35-65%: {'yes' if ok else 'no'}")


asyncio.run(rounds())

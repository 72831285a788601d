import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ycchan import Chan  # noqa: E402
from ycselect import Case, select_now  # noqa: E402


async def producer(ch, n):
    for i in range(n):
        v = 10 * i
        await ch.send(v)
        print(f"producer: sent {v}")
        await asyncio.sleep(0)
        await asyncio.sleep(0)
    ch.close()


async def amain():
    inp, out = Chan(1), Chan(1)
    cs = [Case(inp, value=-1), Case(out, True, 5)]
    print("-- nothing ready but the send")
    r = select_now(cs)
    print(f"select_now -> {r}, ok {int(cs[r].ok)}, out has {len(out)}")
    r = select_now(cs)
    print(f"select_now -> {r} (out full, in empty), v = {cs[0].value}")
    cs[1].value = 6
    await inp.send(0)
    r = select_now(cs)
    print(f"select_now -> {r}, ok {int(cs[r].ok)}, v = {cs[0].value}, in has {len(inp)}")
    print(f"select_now with no cases -> {select_now([])}")

    print("-- polling a producer")
    cs[1].ch = None
    p = asyncio.create_task(producer(inp, 3))
    idle = 0
    while True:
        r = select_now(cs)
        if r < 0:
            idle += 1
            await asyncio.sleep(0)
            continue
        if not cs[r].ok:
            print(f"consumer: closed after {idle} idle polls")
            break
        print(f"consumer: got {cs[0].value} after {idle} idle polls")
        idle = 0
    await p
    return 0


asyncio.run(amain())
print("yc_run -> 0")

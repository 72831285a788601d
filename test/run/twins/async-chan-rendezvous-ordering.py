import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ycchan import Chan, YC_ECLOSED  # noqa: E402


ch = None


async def sender(n):
    for i in range(n):
        print(f"sender: sending {i}")
        err = await ch.send(i)
        print(f"sender: sent {i} (err {err}, buffered {len(ch)})")


async def receiver(n, ms):
    for _ in range(n):
        print("receiver: waiting")
        ok, v = await ch.recv()
        print(f"receiver: got {v} (ok {int(ok)})")
        await asyncio.sleep(ms / 1000)


async def amain():
    global ch
    ch = Chan(0)
    print("-- sender first, slow receiver")
    s = asyncio.create_task(sender(3))
    r = asyncio.create_task(receiver(3, 5))
    await s
    await r
    print("-- receiver first")
    r = asyncio.create_task(receiver(2, 0))
    await asyncio.sleep(0.005)
    s = asyncio.create_task(sender(2))
    await s
    await r
    return 0


asyncio.run(amain())
print("yc_run -> 0")

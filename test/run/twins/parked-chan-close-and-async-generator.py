import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from parkchan import Chan  # noqa: E402


async def recv_until_closed(ch, ident):
    while True:
        ok, v = await ch.recv()
        if not ok:
            break
        print(f"receiver {ident}: got {v}")
    print(f"receiver {ident}: closed (ok 0)")


async def send_one(ch, item):
    err = await ch.send(item)
    print(f"sender {item}: err {err}")


async def relay(inp):
    while True:
        ok, v = await inp.recv()
        if not ok:
            break
        print(f"relay: received {v}")
        yield v * 10
    print("relay: input closed")


async def producer(out, n):
    for i in range(1, n + 1):
        await asyncio.sleep(0.002)
        print(f"producer: sending {i}")
        await out.send(i)
    out.close()


async def amain():
    print("-- close with two receivers parked")
    ch = Chan(2)
    r1 = asyncio.create_task(recv_until_closed(ch, 1))
    r2 = asyncio.create_task(recv_until_closed(ch, 2))
    await asyncio.sleep(0.005)
    await ch.send(5)
    await asyncio.sleep(0.005)
    ch.close()
    await r1
    await r2

    print("-- close with senders parked, one item buffered")
    ch = Chan(1)
    s1 = asyncio.create_task(send_one(ch, 1))
    s2 = asyncio.create_task(send_one(ch, 2))
    s3 = asyncio.create_task(send_one(ch, 3))
    await asyncio.sleep(0.005)
    print(f"main: {len(ch)} buffered, closing")
    ch.close()
    await s1
    await s2
    await s3
    r3 = asyncio.create_task(recv_until_closed(ch, 3))
    await r3

    print("-- an async generator parked in a receive")
    ch = Chan(0)
    p = asyncio.create_task(producer(ch, 3))
    n = 0
    async for item in relay(ch):
        print(f"main: item {item}")
        n += 1
    print(f"main: {n} items")
    await p
    return 0


asyncio.run(amain())
print("yc_run -> 0")

import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ycchan import Chan, YC_ECLOSED  # noqa: E402


async def waiting_receiver(ch):
    print("receiver: waiting")
    ok, v = await ch.recv()
    print(f"receiver: ok {int(ok)}, v {v if ok else -1}")


async def blocked_sender(ch, v):
    print(f"sender: sending {v}")
    err = await ch.send(v)
    print(f"sender: send {v} -> {err}")


async def drain(ch):
    while True:
        ok, v = await ch.recv()
        if not ok:
            break
        print(f"got {v} (buffered {len(ch)})")
    print("recv -> false")
    ok, v = await ch.recv()
    print(f"recv again -> {int(ok)}, v {v if ok else -1}")


async def amain():
    print("-- buffered items survive close")
    ch = Chan(4)
    for i in range(1, 4):
        err = await ch.send(i)
        print(f"sent {i} -> {err}")
    ch.close()
    ch.close()
    print(f"closed with {len(ch)} buffered")
    print(f"send after close -> {await ch.send(99)}")
    await drain(ch)

    print("-- a waiting receiver gets false")
    ch = Chan(1)
    t = asyncio.create_task(waiting_receiver(ch))
    await asyncio.sleep(0.005)
    print("closing")
    ch.close()
    await t

    print("-- a blocked sender gets YC_ECLOSED")
    ch = Chan(1)
    print(f"sent 1 -> {await ch.send(1)}")
    t = asyncio.create_task(blocked_sender(ch, 2))
    await asyncio.sleep(0.005)
    print("closing")
    ch.close()
    await t
    await drain(ch)
    return 0


asyncio.run(amain())
print("yc_run -> 0")

import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from parkchan import Chan  # noqa: E402

ping = pong = rv = None


async def player_a(n):
    total = 0
    for i in range(1, n + 1):
        await ping.send(i)
        ok, w = await pong.recv()
        if not ok:
            break
        total += w
        if i <= 2 or i == n:
            print(f"a: round {i} got {w}")
    return total


async def player_b(n):
    rounds = 0
    while True:
        ok, v = await ping.recv()
        if not ok:
            break
        if v <= 2 or v == n:
            print(f"b: got {v}")
        err = await pong.send(v * 3)
        if err:
            print(f"b: send failed {err}")
        rounds += 1
    print(f"b: ping closed after {rounds} rounds")


async def sender(first, n):
    for i in range(first, first + n):
        print(f"sender: sending {i}")
        err = await rv.send(i)
        print(f"sender: sent {i} (err {err}, buffered {len(rv)})")


async def receiver(n):
    for _ in range(n):
        print("receiver: waiting")
        ok, v = await rv.recv()
        print(f"receiver: got {v} (ok {int(ok)})")


async def amain():
    global ping, pong, rv
    N = 1000
    ping, pong = Chan(1), Chan(1)
    print("-- ping-pong, capacity 1")
    a = asyncio.create_task(player_a(N))
    b = asyncio.create_task(player_b(N))
    total = await a
    print(f"main: sum {total}")
    ping.close()
    await b
    rv = Chan(0)
    print("-- rendezvous, sender first")
    s = asyncio.create_task(sender(10, 3))
    r = asyncio.create_task(receiver(3))
    await s
    await r
    print("-- rendezvous, receiver first")
    r = asyncio.create_task(receiver(3))
    s = asyncio.create_task(sender(20, 3))
    await r
    await s
    return 0


asyncio.run(amain())
print("yc_run -> 0")

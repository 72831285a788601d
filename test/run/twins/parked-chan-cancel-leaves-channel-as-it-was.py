import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from parkchan import Chan, YC_ECANCELLED, checkpoint  # noqa: E402


async def sleep(ms):
    checkpoint()
    await asyncio.sleep(ms / 1000)


async def blocked_sender(ch, item):
    try:
        err = await ch.send(item)
        print(f"sender: send of {item} completed {err}")
        await sleep(0)
        print("sender: not cancelled")
    except asyncio.CancelledError:
        print(f"sender: {item} raised {YC_ECANCELLED}, {len(ch)} buffered")
        return YC_ECANCELLED
    return 0


async def blocked_receiver(ch):
    x = -1
    try:
        ok, x = await ch.recv()
        print(f"receiver: got {x} (ok {int(ok)})")
        await sleep(0)
        print("receiver: not cancelled")
    except asyncio.CancelledError:
        print(f"receiver: raised {YC_ECANCELLED}, x = {x}, {len(ch)} buffered")
        return YC_ECANCELLED
    return 0


async def amain():
    ch = Chan(1)

    print("-- a parked send cancelled: the item is not sent")
    await ch.send(1)
    t = asyncio.create_task(blocked_sender(ch, 2))
    await sleep(5)
    t.cancel()
    print(f"main: task returned {await t}")
    ok, got = await ch.recv()
    print(f"main: got {got} (ok {int(ok)}), then {len(ch)} buffered")

    print("-- a parked receive cancelled: no item taken")
    t = asyncio.create_task(blocked_receiver(ch))
    await sleep(5)
    t.cancel()
    print(f"main: task returned {await t}")
    await ch.send(7)
    print(f"main: sent 7, {len(ch)} buffered")
    ok, got = await ch.recv()
    print(f"main: got {got} (ok {int(ok)})")

    print("-- a parked send completed, then cancelled")
    await ch.send(1)
    t = asyncio.create_task(blocked_sender(ch, 3))
    await sleep(5)
    ok, got = await ch.recv()
    t.cancel()
    print(f"main: got {got} (ok {int(ok)}), {len(ch)} buffered")
    print(f"main: task returned {await t}")
    ok, got = await ch.recv()
    print(f"main: got {got} (ok {int(ok)})")

    print("-- a parked receive completed, then cancelled")
    t = asyncio.create_task(blocked_receiver(ch))
    await sleep(5)
    err = await ch.send(9)
    t.cancel()
    print(f"main: sent 9 (err {err}), {len(ch)} buffered")
    print(f"main: task returned {await t}")

    print("-- a parked rendezvous send cancelled")
    rv = Chan(0)
    t = asyncio.create_task(blocked_sender(rv, 4))
    await sleep(5)
    t.cancel()
    print(f"main: task returned {await t}")
    rv.close()
    ok, got = await rv.recv()
    print(f"main: after close got {got if ok else 0} (ok {int(ok)})")
    return 0


asyncio.run(amain())
print("yc_run -> 0")

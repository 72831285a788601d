import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from parkchan import Chan, YC_ECANCELLED  # noqa: E402


async def guarded(ch):
    outer = 1
    try:
        x = -1
        try:
            inner = 2
            try:
                ok, x = await ch.recv()
                print(f"guarded: got {x} (ok {int(ok)}), inner {inner}")
            finally:
                print(f"cleanup {inner}")
        except asyncio.CancelledError:
            print(f"guarded: caught {YC_ECANCELLED}, x = {x}")
        print("guarded: after the try")
        return outer
    finally:
        print(f"cleanup {outer}")


async def unguarded(ch, ident):
    c = ident
    try:
        total = 0
        for i in range(3):
            per_round = 100 + i
            try:
                scale = 1 + i
                ok, x = await ch.recv()
                total += x * scale
                print(f"unguarded: round {i} got {x}, sum {total}, per_round {per_round}")
            finally:
                print(f"cleanup {per_round}")
        return total + c
    finally:
        print(f"cleanup {c}")


async def amain():
    ch = Chan(0)
    print("-- cancelled inside yc_try")
    t = asyncio.create_task(guarded(ch))
    await asyncio.sleep(0.005)
    t.cancel()
    print(f"main: guarded returned {await t}")

    print("-- completes inside yc_try")
    t = asyncio.create_task(guarded(ch))
    await asyncio.sleep(0.005)
    await ch.send(42)
    print(f"main: guarded returned {await t}")

    print("-- cancelled without yc_try")
    t = asyncio.create_task(unguarded(ch, 7))
    for v in (1, 2):
        await asyncio.sleep(0.005)
        await ch.send(v)
    await asyncio.sleep(0.005)
    t.cancel()
    try:
        r = await t
        print(f"main: unguarded returned {r}")
    except asyncio.CancelledError:
        print(f"main: unguarded raised {YC_ECANCELLED}")
    return 0


asyncio.run(amain())
print("yc_run -> 0")

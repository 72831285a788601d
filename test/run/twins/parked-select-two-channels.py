import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from parkchan import Chan, YC_ECANCELLED, checkpoint, select  # noqa: E402


async def sleep(ms):
    checkpoint()
    await asyncio.sleep(ms / 1000)


async def pick2(a, b, who):
    x = y = -1
    i = -2
    try:
        i, (ok, v) = await select([("recv", a), ("recv", b)])
        if ok:
            if i == 0:
                x = v
            else:
                y = v
        print(f"{who}: case {i}, ok {int(ok)}, x {x}, y {y}")
        await sleep(0)
    except asyncio.CancelledError:
        print(f"{who}: raised {YC_ECANCELLED}, i {i}, x {x}, y {y}")
        return YC_ECANCELLED
    return i


async def send_or_recv(full, empty):
    i, r = await select([("send", full, 50), ("recv", empty)])
    send_ok = i == 0 and r == 0
    recv_ok = i == 1 and r[0]
    inp = r[1] if recv_ok else -1
    print(f"mixed: send ok {int(send_ok)}, recv ok {int(recv_ok)}, in {inp}")
    return 0 if send_ok else 1


async def amain():
    a, b = Chan(1), Chan(1)

    print("-- a send to b completes the parked select")
    t = asyncio.create_task(pick2(a, b, "p1"))
    await sleep(5)
    await b.send(11)
    print(f"main: a {len(a)}, b {len(b)} buffered")
    print(f"main: p1 returned {await t}")

    print("-- a parked select cancelled")
    t = asyncio.create_task(pick2(a, b, "p2"))
    await sleep(5)
    t.cancel()
    print(f"main: p2 returned {await t}")
    await a.send(1)
    await b.send(1)
    print(f"main: a {len(a)}, b {len(b)} buffered")
    await a.recv()
    await b.recv()

    print("-- a parked select completed, then cancelled")
    t = asyncio.create_task(pick2(a, b, "p3"))
    await sleep(5)
    await a.send(12)
    t.cancel()
    print(f"main: a {len(a)}, b {len(b)} buffered")
    print(f"main: p3 returned {await t}")

    print("-- a send case and a receive case")
    await a.send(5)
    t = asyncio.create_task(send_or_recv(a, b))
    await sleep(5)
    ok, got = await a.recv()
    print(f"main: got {got} (ok {int(ok)})")
    print(f"main: mixed returned {await t}")
    await b.send(7)
    print(f"main: a {len(a)}, b {len(b)} buffered")
    ok, got = await a.recv()
    print(f"main: a gave {got} (ok {int(ok)})")
    ok, got = await b.recv()
    print(f"main: b gave {got} (ok {int(ok)})")

    print("-- close while a select is parked")
    t = asyncio.create_task(pick2(a, b, "p4"))
    await sleep(5)
    a.close()
    print(f"main: p4 returned {await t}")
    return 0


asyncio.run(amain())
print("yc_run -> 0")

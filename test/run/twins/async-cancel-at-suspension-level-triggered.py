import asyncio

YC_ECANCELLED = -1004


async def checkpoint(aw):
    """yieldc's cancellation is level-triggered (like Trio's): once a task
    is cancelled, every later suspension point raises again.  asyncio's is
    edge-triggered, so the twin checks before each await after the first."""
    if asyncio.current_task().cancelling():
        aw.close()  # never started
        raise asyncio.CancelledError
    return await aw


async def helper():
    print("helper started")
    return 1


async def victim():
    try:
        try:
            try:
                print("victim: sleeping")
                await asyncio.sleep(10)
                print("not reached")
            finally:
                print("cleanup victim try scope")
        except asyncio.CancelledError:
            print(f"victim: caught {YC_ECANCELLED} (task cancelled)")
        try:
            print("victim: sleeping again")
            await checkpoint(asyncio.sleep(0))
            print("not reached")
        except asyncio.CancelledError:
            print(f"victim: second await raised {YC_ECANCELLED} too")
        try:
            print("victim: awaiting helper")
            h = await checkpoint(helper())
            print(f"not reached {h}")
        except asyncio.CancelledError:
            print(f"victim: third await raised {YC_ECANCELLED} too")
        print("victim: returning 7")
        return 7
    finally:
        print("cleanup victim outer")


async def plain():
    try:
        print("plain: sleeping")
        await asyncio.sleep(10)
        print("not reached")
        return 1
    finally:
        print("cleanup plain")


async def amain():
    t = asyncio.create_task(victim())
    await asyncio.sleep(0.005)
    print(f"main: cancel victim -> {int(t.cancel())}")
    r = await t
    print(f"main: victim returned {r}")

    t = asyncio.create_task(plain())
    await asyncio.sleep(0.005)
    print(f"main: cancel plain -> {int(t.cancel())}")
    try:
        r = await t
        print(f"not reached {r}")
    except asyncio.CancelledError:
        print(f"main: awaiting plain raised {YC_ECANCELLED} (task cancelled)")
    return 0


asyncio.run(amain())
print("yc_run -> 0")

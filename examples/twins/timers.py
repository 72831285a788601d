# Python twin of timers.c (TUTORIAL part 2, sections 2 and 3).
import asyncio
import time

finished = 0


async def sleeper(name: str, ms: int) -> int:
    global finished
    print(f"{name}: sleeping {ms} ms")
    await asyncio.sleep(ms / 1000)
    finished += 1
    print(f"{name}: awake (#{finished} to finish)")
    return ms * 10


async def turns(name: str, n: int) -> None:
    for i in range(n):
        print(f"{name}: turn {i}")
        await asyncio.sleep(0)


NTASKS = 5


async def amain() -> int:
    names = ["slow", "fast", "medium", "tie-a", "tie-b"]
    sleeps = [90, 15, 50, 30, 30]
    start = time.monotonic()
    tasks = [asyncio.create_task(sleeper(n, ms)) for n, ms in zip(names, sleeps)]
    print(f"main: {NTASKS} tasks spawned")
    for name, t in zip(names, tasks):
        r = await t
        print(f"main: {name} returned {r}")
    elapsed = (time.monotonic() - start) * 1000
    print(f"ran concurrently: {'yes' if elapsed < sum(sleeps) else 'no'}")

    a = asyncio.create_task(turns("A", 3))
    b = asyncio.create_task(turns("B", 3))
    await a
    await b
    return 0


asyncio.run(amain())

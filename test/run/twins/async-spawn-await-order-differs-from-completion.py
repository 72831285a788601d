import asyncio


async def job(name, ms):
    print(f"{name}: started")
    await asyncio.sleep(ms / 1000)
    print(f"{name}: finished")
    return ms


async def amain():
    a = asyncio.create_task(job("a", 80))
    b = asyncio.create_task(job("b", 10))
    c = asyncio.create_task(job("c", 40))
    print("main: spawned a, b, c")
    rc = await c
    print(f"main: c -> {rc}")
    ra = await a
    print(f"main: a -> {ra}")
    rb = await b
    print(f"main: b -> {rb} (finished long ago)")

    a = asyncio.create_task(job("x", 30))
    b = asyncio.create_task(job("y", 10))
    c = asyncio.create_task(job("z", 20))
    total = await a + await b + await c
    print(f"main: sum {total}")
    return total


r = asyncio.run(amain())
print(f"yc_run -> 0, result {r}")

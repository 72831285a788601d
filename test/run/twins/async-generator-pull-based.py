import asyncio


async def numbers(n):
    print("  gen: started")
    for i in range(n):
        await asyncio.sleep(0.001)
        print(f"  gen: yielding {i * i}")
        yield i * i
        print(f"  gen: resumed after {i * i}")
    print("  gen: finished")


async def anext_or_none(s):
    try:
        return True, await s.__anext__()
    except StopAsyncIteration:
        return False, None


async def amain():
    s = numbers(3)
    print("consumer: created the generator")
    await asyncio.sleep(0.005)
    print("consumer: slept, nothing ran")
    total = 0
    print("consumer: asking")
    while True:
        ok, item = await anext_or_none(s)
        if not ok:
            break
        print(f"consumer: got {item}")
        total += item
        await asyncio.sleep(0.005)
        await asyncio.sleep(0)
        print("consumer: asking")
    print("consumer: exhausted")
    ok, _ = await anext_or_none(s)
    print(f"consumer: again -> {int(ok)}")
    await s.aclose()
    return total


r = asyncio.run(amain())
print(f"yc_run -> 0, result {r}")

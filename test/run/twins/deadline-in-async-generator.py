import asyncio

# asyncio.timeout inside an async generator (around each fetch) and around
# the consumer's loop; yc_move_on_after swallows its own TimeoutError.


async def fetches(n):
    count = 0
    try:
        for i in range(n):
            t = asyncio.timeout(0.050)
            try:
                async with t:
                    await asyncio.sleep(5 if i % 2 else 0)
            except TimeoutError:
                pass
            count += 1
            yield -i if t.expired() else i
    finally:
        print(f"gen: cleanup after {count} items")


async def slow_ticks():
    count = 0
    try:
        while True:
            await asyncio.sleep(0 if count < 2 else 5)
            yield count
            count += 1
    finally:
        print(f"gen: cleanup after {count} items")


async def scoped_pair():
    count = 0
    try:
        async with asyncio.timeout(0.030):
            count += 1
            yield count
            count += 1
            yield count
    finally:
        print(f"gen: cleanup after {count} items")


async def amain():
    g = fetches(4)
    async for v in g:
        print(f"consumer: item {v}")
    g = slow_ticks()
    t = asyncio.timeout(0.040)
    try:
        async with t:
            async for v in g:
                print(f"consumer: tick {v}")
    except TimeoutError:
        pass
    print(f"consumer: scope expired {int(t.expired())}")
    g = scoped_pair()
    async for v in g:
        print(f"consumer: pair item {v}")
        break
    await g.aclose()
    await asyncio.sleep(0.060)
    print("consumer: slept past the closed scope's deadline")
    return 0


asyncio.run(amain())
print("yc_run -> 0")

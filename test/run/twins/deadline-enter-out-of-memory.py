import asyncio

# The runtime's allocation failure has no Python counterpart: the twin
# raises MemoryError where the scope's entry fails (before its body), then
# does what the C program does with a working allocator.


class FailingTimeout:
    async def __aenter__(self):
        raise MemoryError

    async def __aexit__(self, *exc):
        return False


async def amain():
    ran = 0
    try:
        async with FailingTimeout():
            ran = 1
            await asyncio.sleep(0.001)
        print("not reached")
    except MemoryError:
        print(f"enter failed: out of memory, body ran {ran}")
    t = asyncio.timeout(0.010)
    try:
        async with t:
            await asyncio.sleep(5)
    except TimeoutError:
        pass
    print(f"retry: expired {int(t.expired())}")
    await asyncio.sleep(0.020)
    print("slept")
    return 0


asyncio.run(amain())
print("yc_run -> 0")

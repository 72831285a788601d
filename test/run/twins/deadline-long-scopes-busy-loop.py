import asyncio
import time

# A busy loop (one task always ready) whose tasks sit in long deadline
# scopes (20 s and more: the runtime may then skip the precise clock read
# in a turn) while another task's short scope and sleep must still end on
# time: never early, and the expiry order of nested scopes is kept.
# yc_move_on_after = asyncio.timeout with the TimeoutError swallowed.

stop = False


class move_on_after:
    def __init__(self, ms):
        self.t = asyncio.timeout(ms / 1000)

    async def __aenter__(self):
        await self.t.__aenter__()
        return self

    async def __aexit__(self, et, e, tb):
        try:
            await self.t.__aexit__(et, e, tb)
        except TimeoutError:
            return True
        return False

    def expired(self):
        return self.t.expired()


async def spinner():
    spins = 0
    while not stop:
        async with move_on_after(20000):
            await asyncio.sleep(0)
        spins += 1
    print(f"spinner: stopped, spun {int(spins > 0)}")


async def sleeper():
    global stop
    async with move_on_after(30000) as outer:
        start = time.monotonic()
        async with move_on_after(40) as inner:
            await asyncio.sleep(10)
            print("not reached")
        took = (time.monotonic() - start) * 1000
        print(f"inner: expired {int(inner.expired())}, early {int(took < 40)}")
        start = time.monotonic()
        await asyncio.sleep(0.030)
        took = (time.monotonic() - start) * 1000
        print(f"sleep: early {int(took < 30)}")
    print(f"outer: expired {int(outer.expired())}")
    stop = True


async def main():
    s = asyncio.create_task(spinner())
    await sleeper()
    await s
    return 0


print(f"yc_run -> {asyncio.run(main())}")

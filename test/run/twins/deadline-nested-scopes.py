import asyncio
import time

# asyncio.timeout scopes: the innermost expiring scope catches its own
# timeout, an outer one's passes through an inner scope that has not
# expired; the optional flag of yc_move_on_after(ms, &expired) is
# Timeout.expired().  yc_move_on_after = asyncio.timeout with the
# TimeoutError swallowed; yc_fail_after = asyncio.timeout.


def name_of(err):
    return {"TimeoutError": "TimeoutError", "CancelledError": "CancelledError", None: "none"}.get(err, "error")


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


async def case_nested(label, t0, t1, s1, s2):
    start = time.monotonic()
    print(f"{label}: start")
    async with move_on_after(t0) as outer:
        async with move_on_after(t1) as inner:
            try:
                await asyncio.sleep(s1 / 1000)
                print(f"{label}: inner body done")
            finally:
                print("cleanup inner")
        print(f"{label}: after inner (expired {int(inner.expired())})")
        await asyncio.sleep(s2 / 1000)
        print(f"{label}: outer body done")
    took = (time.monotonic() - start) * 1000
    early = int((inner.expired() and took < t1) or (outer.expired() and took < t0))
    print(f"{label}: after outer (expired {int(outer.expired())}), early {early}")


async def fail_after_caught():
    err = None
    try:
        async with asyncio.timeout(0.020):
            await asyncio.sleep(10)
            print("not reached")
        print("not reached either")
    except TimeoutError:
        err = "TimeoutError"
    print(f"fail_after: caught {name_of(err)}")
    await asyncio.sleep(0.001)
    print("fail_after: slept after")
    return err


async def not_expiring():
    s = 0
    async with move_on_after(100000) as m:
        for i in range(5):
            await asyncio.sleep(0)
            s += i
    print(f"not expiring: sum {s}, expired {int(m.expired())}")


async def amain():
    await case_nested("inner first", 5000, 20, 5000, 0)
    await case_nested("outer first", 20, 5000, 5000, 0)
    await case_nested("outer after inner", 60, 20, 5000, 5000)
    e = await fail_after_caught()
    print(f"fail_after returned {name_of(e)}")
    await not_expiring()
    return 0


asyncio.run(amain())
print("yc_run -> 0")

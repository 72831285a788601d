import asyncio
import errno
import os


class YcError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


async def fails_later(code):
    await asyncio.sleep(0)
    print(f"fails_later: raising {code}")
    raise YcError(code)


async def fails_at_once(code):
    print(f"fails_at_once: raising {code}")
    raise YcError(code)


async def parent():
    t = asyncio.create_task(fails_later(-errno.EPIPE))
    v = await t
    print(f"not reached {v}")
    return v


async def ok():
    await asyncio.sleep(0.001)
    return 5


def run(coro, r):
    """yc_run: (error, result), the result unchanged on error."""
    try:
        return 0, asyncio.run(coro)
    except YcError as e:
        return e.code, r


r = 123
err, r = run(fails_later(42), r)
print(f"yc_run -> {err}, result still {r}")
err, r = run(fails_at_once(-7), r)
print(f"yc_run -> {err}, result still {r}")
err, r = run(parent(), r)
print(f"yc_run -> {err} ({os.strerror(-err)}), result still {r}")
err, r = run(ok(), r)
print(f"yc_run -> {err}, result {r}")

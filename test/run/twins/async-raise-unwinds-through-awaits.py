import asyncio


class YcError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


async def inner(code):
    try:
        await asyncio.sleep(0)
        if code:
            print(f"inner raises {code}")
            raise YcError(code)
        return 1
    finally:
        print("cleanup inner")


async def middle(code):
    try:
        v = await inner(code)
        print(f"middle got {v}")
        return v + 10
    finally:
        print("cleanup middle")


async def at_once():
    print("at_once raises before any await")
    raise YcError(-5)


async def amain():
    v = await middle(0)
    print(f"no error: {v}")
    try:
        v = await middle(17)
        print("not reached")
    except YcError as e:
        print(f"amain caught {e.code}")
        await asyncio.sleep(0)
        print("catch block awaited")
    try:
        await at_once()
    except YcError as e:
        print(f"amain caught {e.code}")
    return v


r = asyncio.run(amain())
print(f"yc_run -> 0, result {r}")

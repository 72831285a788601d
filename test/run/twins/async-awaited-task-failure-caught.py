import asyncio


class YcError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


E_BAD, E_WORSE, E_DIRECT = 42, 43, 44


async def failing(name, ms, code):
    print(f"{name}: starts")
    await asyncio.sleep(ms / 1000)
    print(f"{name}: fails with {code}")
    raise YcError(code)


async def fine(v):
    await asyncio.sleep(0)
    return v


async def amain():
    early = asyncio.create_task(failing("early", 0, E_BAD))
    late = asyncio.create_task(failing("late", 20, E_WORSE))
    await asyncio.sleep(0.005)
    print("main: awaiting early")
    try:
        r = await early
        print(f"not reached {r}")
    except YcError as e:
        print(f"main: caught {e.code} from early")
    print("main: awaiting late")
    try:
        r = await late
        print(f"not reached {r}")
    except YcError as e:
        print(f"main: caught {e.code} from late")
    caught = 0
    try:
        await failing("direct", 0, E_DIRECT)
    except YcError as e:
        caught = e.code
    print(f"main: caught {caught} from direct")
    v = await fine(7)
    print(f"main: after the catches, fine -> {v}")
    return v


r = asyncio.run(amain())
print(f"yc_run -> 0, result {r}")

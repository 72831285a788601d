import asyncio


async def add(a, b):
    print(f"add({a}, {b}) starts")
    await asyncio.sleep(0)
    print(f"add({a}, {b}) resumes")
    return a + b


async def half(x):
    return x / 2.0


async def greet():
    await asyncio.sleep(0.001)
    return "hello"


async def around(x):
    lo = await add(x, -1)
    hi = await add(x, 1)
    return (lo, hi)


async def nothing():
    await asyncio.sleep(0)
    print("nothing done")


async def amain():
    x = await add(1, 2)
    print(f"x = {x}")
    d = await half(5)
    print(f"d = {d:.1f}")
    s = await greet()
    print(f"s = {s}")
    p = await around(10)
    print(f"p = {{{p[0]}, {p[1]}}}")
    await nothing()
    return x * 100


r = asyncio.run(amain())
print(f"yc_run -> 0, result {r}")

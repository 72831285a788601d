import asyncio


async def val(n):
    print(f"  val({n})")
    await asyncio.sleep(0)
    return n


def show(a, b):
    print(f"  show({a}, {b})")
    return a * b


async def amain():
    print("operands:")
    x = await val(1) * 10 + await val(2)
    print(f"x = {x}")

    print("call arguments:")
    y = show(await val(3), await val(4) + 1)
    print(f"y = {y}")

    print("if condition:")
    if await val(5) > 4:
        print("5 > 4")

    print("while condition:")
    i = 0
    while await val(i) < 2:
        i += 1
    print(f"i = {i}")

    print("for condition:")
    n = 0
    k = 0
    while k < await val(2):
        n += 10
        k += 1
    print(f"n = {n}")

    print("&& short-circuit:")
    if x < 0 and await val(6):
        print("not printed")
    if x > 0 and await val(7) == 7:
        print("both sides ran")

    print("|| short-circuit:")
    if x > 0 or await val(8):
        print("left side was enough")

    print("conditional:")
    c = await val(9) if x > 0 else await val(10)
    print(f"c = {c}")

    print("nested:")
    z = await val(await val(11) + 1)
    print(f"z = {z}")
    return x + y + c + z


r = asyncio.run(amain())
print(f"yc_run -> 0, result {r}")

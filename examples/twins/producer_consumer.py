# Python twin of producer_consumer.c (TUTORIAL part 2, section 3).
import asyncio
from typing import AsyncIterator

produced = consumed = max_lead = 0


def note_lead() -> None:
    global max_lead
    max_lead = max(max_lead, produced - consumed)


async def producer(n: int) -> AsyncIterator[int]:
    global produced
    for i in range(n):
        print(f"produced {i}")
        produced += 1
        note_lead()
        yield i
        await asyncio.sleep(0)  # give control back
    print("producer: done")


async def consumer() -> int:
    global consumed
    total = 0
    s = producer(5)
    async for item in s:
        print(f"consumed {item}")
        consumed += 1
        total += item
        await asyncio.sleep(0.020)  # slow consumer
    return total


async def ticker() -> AsyncIterator[int]:
    name = "ticker"
    try:
        i = 0
        while True:
            print(f"{name}: produced {i}")
            yield i
            await asyncio.sleep(0)
            i += 1
    finally:
        print(f"{name}: closed, cleanup ran")


async def impatient() -> None:
    s = ticker()
    async for item in s:
        print(f"impatient: consumed {item}")
        if item == 2:
            break
        await asyncio.sleep(0.005)
    print("impatient: stop asking")
    await s.aclose()


total = asyncio.run(consumer())
print(f"total: {total}")
print(f"max lead of producer over consumer: {max_lead}")
asyncio.run(impatient())

import asyncio

N = 3


async def job(i):
    await asyncio.sleep((N - i) / 1000)
    return i * 10


async def amain():
    tasks = [asyncio.create_task(job(i)) for i in range(N)]
    results = [0] * 4
    for i in range(N):
        results[i] = await tasks[i]
        print(f"task {i} -> {results[i]}")
    results[3] = results[0] + results[1] + results[2]
    return results[3]


r = asyncio.run(amain())
print(f"yc_run -> 0, result {r}")

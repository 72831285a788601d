import asyncio
import time

# asyncio has no deadlock detection: the twin models yieldc's (when every
# task waits for what can never happen, yc_run cancels them and returns
# -EDEADLK) by cancelling the one task once its receive can never complete.


async def amain():
    async with asyncio.timeout(60):
        await asyncio.sleep(0.001)
    print("scope left")
    never = asyncio.get_running_loop().create_future()
    task = asyncio.current_task()
    asyncio.get_running_loop().call_soon(task.cancel)  # the loop finds the deadlock
    try:
        await never
    except asyncio.CancelledError:
        print("receive: cancelled")
        raise
    return 0


t0 = time.monotonic()
try:
    asyncio.run(amain())
    err = "other"
except asyncio.CancelledError:
    err = "EDEADLK"
print(f"yc_run -> {err}, long before the deadline: {int(time.monotonic() - t0 < 30)}")

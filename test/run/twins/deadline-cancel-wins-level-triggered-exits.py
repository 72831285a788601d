import asyncio
import time

# yieldc's deadlines are level-triggered (Trio's cancel scopes): inside an
# expired scope every suspension point raises again, which asyncio.timeout
# does not do.  The twin keeps the scopes of the task itself (a stack of
# Scope) and checks them before each await (checkpoint), with asyncio's
# timer (loop.call_at) marking a scope expired and cancelling the task, as
# asyncio.timeout does.  Cancellation wins: a cancelled task raises
# CancelledError, whatever its scopes.


class Scope:
    def __init__(self, ms):
        self.ms, self.expired, self.handle = ms, False, None

    async def __aenter__(self):
        task = asyncio.current_task()
        stack = scopes.setdefault(task, [])
        stack.append(self)
        self.task = task
        loop = asyncio.get_running_loop()
        self.handle = loop.call_at(loop.time() + self.ms / 1000, self.fire)
        return self

    def fire(self):
        self.expired = True
        if not cancelled.get(self.task):
            self.task.cancel(msg="deadline")

    async def __aexit__(self, et, e, tb):
        self.handle.cancel()
        scopes[self.task].remove(self)
        if et is TimeoutError and self.expired:
            return True  # move_on swallows its own timeout
        return False


scopes, cancelled = {}, {}


def translate(exc):
    """What yieldc raises for an asyncio cancellation."""
    task = asyncio.current_task()
    if cancelled.get(task):
        return asyncio.CancelledError()
    if any(s.expired for s in scopes.get(task, [])):
        task.uncancel()
        return TimeoutError()
    return exc


async def checkpoint(aw):
    task = asyncio.current_task()
    if cancelled.get(task):
        aw.close()
        raise asyncio.CancelledError
    if any(s.expired for s in scopes.get(task, [])):
        aw.close()
        raise TimeoutError
    try:
        return await aw
    except asyncio.CancelledError as e:
        raise translate(e) from None


def name_of(e):
    return "TimeoutError" if isinstance(e, TimeoutError) else "CancelledError" if isinstance(e, asyncio.CancelledError) else "error"


async def level_triggered():
    async with Scope(10):
        for i in range(3):
            try:
                await checkpoint(asyncio.sleep(10 if i == 0 else 0))
                print("level: not reached")
            except (TimeoutError, asyncio.CancelledError) as e:
                print(f"level: wait {i} raised {name_of(e)}")
    await checkpoint(asyncio.sleep(0.001))
    print("level: after the scope the task waits normally")


started = False


async def victim(deadline_ms):
    global started
    async with Scope(deadline_ms):
        started = True
        try:
            await checkpoint(asyncio.sleep(10))
        except (TimeoutError, asyncio.CancelledError) as e:
            print(f"victim: wait raised {name_of(e)}")
        try:
            await checkpoint(asyncio.sleep(0))
        except (TimeoutError, asyncio.CancelledError) as e:
            print(f"victim: next wait raised {name_of(e)}")
    print("victim: after scope")
    await checkpoint(asyncio.sleep(0))
    print("victim: not reached")


async def cancel_case(label, deadline_ms, spin):
    global started
    started = False
    t = asyncio.create_task(victim(deadline_ms))
    while not started:
        await asyncio.sleep(0)
    if spin:
        time.sleep(spin / 1000)
    print(f"{label}: cancelling")
    cancelled[t] = True
    t.cancel()
    err = None
    try:
        await t
    except BaseException as e:
        err = e
    print(f"{label}: victim failed with {name_of(err)}")


async def leave_early(how):
    for i in range(3):
        async with Scope(15):
            if how == 0 and i == 1:
                break
            if how == 1 and i == 1:
                return i
            await checkpoint(asyncio.sleep(0))
    return -1


async def amain():
    await level_triggered()
    await cancel_case("cancel only", 100000, 0)
    await cancel_case("cancel and deadline", 1, 5)
    r = await leave_early(0)
    await checkpoint(asyncio.sleep(0.030))
    print(f"break: returned {r}, waits normally")
    r = await leave_early(1)
    await checkpoint(asyncio.sleep(0.030))
    print(f"return: returned {r}, waits normally")
    return 0


asyncio.run(amain())
print("yc_run -> 0")

# Python twin of scheduler.c (TUTORIAL part 2, section 2).
from collections import deque
from typing import Deque, Generator

Coroutine = Generator[None, None, None]


class Scheduler:
    def __init__(self) -> None:
        self._queue: Deque[Coroutine] = deque()

    def new_task(self, coro: Coroutine) -> None:
        self._queue.append(coro)

    def run(self) -> None:
        while self._queue:
            coro = self._queue.popleft()
            try:
                next(coro)
                self._queue.append(coro)
            except StopIteration:
                pass


def task(name: str) -> Coroutine:
    for i in range(3):
        print(f"{name}: step {i}")
        yield


def job(name: str, steps: int) -> Coroutine:
    for i in range(steps):
        print(f"{name}: step {i}")
        yield


def main() -> None:
    sched = Scheduler()
    sched.new_task(task("A"))
    sched.new_task(task("B"))
    sched.run()
    print("all tasks finished")

    sched.new_task(job("short", 1))
    sched.new_task(job("long", 3))
    sched.new_task(job("mid", 2))
    sched.run()
    print("all tasks finished")


main()

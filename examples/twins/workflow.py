# Python twin of workflow.c (TUTORIAL part 2, section 1).
from typing import Generator


def step_one() -> Generator[str, None, None]:
    yield "connect"
    yield "authenticate"


def step_two() -> Generator[str, None, None]:
    yield "fetch"
    yield "process"


def workflow() -> Generator[str, None, None]:
    yield from step_one()
    yield from step_two()


def attempt(name: str) -> Generator[str, str, bool]:
    verdict = yield name
    return verdict == "ok"


def retrying(name: str) -> Generator[str, str, int]:
    for tries in range(1, 4):
        ok = yield from attempt(name)
        if ok:
            return tries
    return 0


def checked_workflow() -> Generator[str, str, None]:
    steps = ("connect", "authenticate", "fetch", "process")
    for name in steps:
        tries = yield from retrying(name)
        if not tries:
            print(f"  {name}: gave up")
            return
        print(f"  {name}: done after {tries} {'try' if tries == 1 else 'tries'}")


def main() -> None:
    for step in workflow():
        print(step)

    answers = ["ok", "ok", "fail", "ok", "fail", "fail", "fail"]
    flow = checked_workflow()
    i = 0
    try:
        step = next(flow)
        while True:
            answer = answers[i]
            i += 1
            print(f"{step}? {answer}")
            step = flow.send(answer)
    except StopIteration:
        pass
    print("workflow finished")


main()

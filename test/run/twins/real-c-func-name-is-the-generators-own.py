def helper():
    print("helper: start")
    yield "helper"
    print("helper: end")


def worker(n):
    mine = "worker"
    print(f"worker {len('worker') + 1}")  # sizeof counts the terminating NUL
    for i in range(n):
        print(f"worker {i}")
        yield "worker"
    yield from helper()
    yield mine
    print("same: 1")


for s in worker(2):
    print(f"got {s}")
print("main")

#!/usr/bin/env python3
"""bench/py_gen.py - CPython baseline: ns per item of a generator count_up
consumed by a for loop, median of 5 runs of >= 0.2 s (same method as
common.h).  Prints one line; compare with resume-ext's yieldc figure."""
import statistics
import sys
import time


def count_up(limit):
    for i in range(limit):
        yield i


def run(n):
    s = 0
    for x in count_up(n):
        s += x
    return s


def once(n):
    t0 = time.perf_counter()
    run(n)
    return (time.perf_counter() - t0) * 1e9 / n


n = 10000
while True:
    t0 = time.perf_counter()
    run(n)
    if time.perf_counter() - t0 >= 0.2:
        break
    n *= 2
py = statistics.median(once(n) for _ in range(5))
yc = float(sys.argv[1]) if len(sys.argv) > 1 else None
line = f"cpython-generator resume: {py:.2f} ns per item (python {sys.version.split()[0]})"
if yc:
    line += f"; yieldc resume-ext is {py / yc:.0f}x faster"
print(line)

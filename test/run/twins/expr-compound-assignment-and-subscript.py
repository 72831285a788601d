import sys, os
sys.path.insert(0, os.path.dirname(__file__))
from drive import drive

def assign():
    x = 1
    a = [0, 0, 0, 0]
    x += yield x
    idx = (yield x) // 100 - 1
    a[idx] = yield -1
    return x + sum(a)

drive(assign())

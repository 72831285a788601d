import sys, os
sys.path.insert(0, os.path.dirname(__file__))
from drive import drive

def cond():
    total = 0
    for i in range(4):
        total += (yield 10 + i) if i % 2 else (yield 20 + i) * 2
    return total

drive(cond())

import sys, os
sys.path.insert(0, os.path.dirname(__file__))
from drive import drive

def lor():
    n = 0
    for i in range(4):
        n += int(i < 2 or (yield i) == 100)
    return n

drive(lor())

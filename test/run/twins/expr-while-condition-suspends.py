import sys, os
sys.path.insert(0, os.path.dirname(__file__))
from drive import drive

def wcond():
    n = 0
    while n * 100 < (yield n) - 100:
        n += 1
    return n

drive(wcond())

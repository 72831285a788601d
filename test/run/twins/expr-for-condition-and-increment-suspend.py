import sys, os
sys.path.insert(0, os.path.dirname(__file__))
from drive import drive

def fcond():
    seen = 0
    i = (yield -1) // 100
    while i < (yield i) // 50:
        if i != 2:
            seen += i
        i += (yield -2) // 100
    return seen

drive(fcond())

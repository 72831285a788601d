import sys, os
sys.path.insert(0, os.path.dirname(__file__))
from drive import drive

def comma():
    a = 1
    a += 5
    b = (yield a) + a
    return b

drive(comma())

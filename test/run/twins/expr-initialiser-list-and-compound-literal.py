import sys, os
sys.path.insert(0, os.path.dirname(__file__))
from drive import drive

def inits():
    a = yield 1
    b = yield 2
    c = yield 3
    return c * 1000 + (a + b)

drive(inits())

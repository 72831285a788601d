import sys, os
sys.path.insert(0, os.path.dirname(__file__))
from drive import drive

def arith():
    v = 10 * (yield 1) + (yield 2)
    return v

drive(arith())

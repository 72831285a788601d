import sys, os
sys.path.insert(0, os.path.dirname(__file__))
from drive import drive

def part(base):
    got = yield base
    return got + base

def whole():
    t = (yield from part(1)) * 10 + (yield from part(2))
    return t

drive(whole())

import sys, os
sys.path.insert(0, os.path.dirname(__file__))
from drive import drive

def nested():
    v = yield ((yield 1) + 1)
    return v

drive(nested())

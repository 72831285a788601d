import sys, os
sys.path.insert(0, os.path.dirname(__file__))
from drive import drive

def trace(v):
    print(f"eval {v}")
    return v

def calls():
    r = sum([trace(1), (yield trace(2)), trace(3)])
    return r

drive(calls())

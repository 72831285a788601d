import sys, os
sys.path.insert(0, os.path.dirname(__file__))
from drive import drive

def ret(k):
    return (yield k) * 2 + k

drive(ret(7))

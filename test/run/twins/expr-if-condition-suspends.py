import sys, os
sys.path.insert(0, os.path.dirname(__file__))
from drive import drive

def ifc():
    big = 0
    for i in range(4):
        if (yield i) > 250:
            big += 1
        else:
            big += 10
    return big

drive(ifc())

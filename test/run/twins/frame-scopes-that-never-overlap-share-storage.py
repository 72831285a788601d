def phases():
    sq = [i * i for i in range(8)]
    for i in range(8):
        yield float(sq[i])
    down = [10 * (7 - i) for i in range(8)]
    for i in range(8):
        yield float(down[i])


k = 0
for v in phases():
    k += 1
    print(f"{v:g}", end=" " if k % 8 else "\n")
# The C program also checks the frame's size against two arrays' worth.
print("frame holds one array's worth: yes")

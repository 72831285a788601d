import os

PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Inputs",
                    "genexpr-numbers.txt")


def read_numbers(path):
    with open(path) as f:
        try:
            for line in f:
                if line == "\n":
                    continue
                v = int(line)
                print(f"read {v}")
                yield v
        finally:
            print("file closed")


def traced(stage, v):
    print(f"  {stage} {v}")
    return v


limit = 50
p = (traced("plus one", s + 1)
     for s in (traced("square", v * v)
               for v in (n for n in read_numbers(PATH) if n > 0 and n < limit)))
total = 0
for x in p:
    print(f"got {x}")
    total += x
print(f"total {total}")

q = (s + 1 for s in (v * v for v in (n for n in read_numbers(PATH) if n > 0)))
for i in range(2):
    x = next(q, None)
    if x is None:
        break
    print(f"early {x}")
q.close()
print("freed")

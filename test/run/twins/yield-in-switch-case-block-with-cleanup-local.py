def cases():
    for i in range(5):
        k = i % 4
        if k == 0:
            try:
                yield 50 + i
                continue
            finally:
                print("cleanup case 0")
        elif k == 1:
            try:
                yield 60 + i
            finally:
                print("cleanup case 1")
        elif k == 2:
            yield 70 + i
        else:
            try:
                yield 80 + i
                print("returning")
                return
            finally:
                print("cleanup default")
        print(f"after switch {i}")


for v in cases():
    print(v)
print("end")

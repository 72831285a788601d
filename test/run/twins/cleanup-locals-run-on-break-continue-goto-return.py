def exits():
    for i in range(4):
        try:
            yield 100 + i
            if i == 1:
                continue
            if i == 2:
                break
            print(f"end of body {i}")
        finally:
            print(f"cleanup {'odd' if i % 2 else 'even'}")
    n = 0
    while True:
        try:
            yield 200 + n
            n += 1
            if n < 2:
                continue
        finally:
            print("cleanup goto scope")
        break
    try:
        try:
            yield 300
            return
        finally:
            print("cleanup ret inner")
    finally:
        print("cleanup ret outer")


for v in exits():
    print(v)
print("end")

class YcError(Exception):
    pass


def level3():
    try:
        try:
            i = 0
            while True:
                yield 300 + i
                i += 1
        finally:
            print("cleanup level3 inner")
    finally:
        print("cleanup level3 outer")


def level2():
    try:
        try:
            yield 200
            yield from level3()
        except YcError as e:
            print(f"level2 catch must not run ({e})")
        print("level2 not reached")
    finally:
        print("cleanup level2")


def level1():
    try:
        try:
            yield 100
            yield from level2()
        finally:
            print("cleanup level1 inner")
        print("level1 not reached")
    finally:
        print("cleanup level1 outer")


g = level1()
for i in range(4):
    print(f"next -> {next(g)}")
print("close")
g.close()
print("done=1 error=0")
print("close again")
g.close()
print(f"next -> {0 if next(g, None) is None else 1}")
print("freed")

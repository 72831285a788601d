class YcError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def checker(xs):
    bad = 0
    for i, x in enumerate(xs):
        try:
            try:
                if x < 0:
                    print(f"raising for {x}")
                    raise YcError(50 + i)
                yield x
            finally:
                print("cleanup try scope")
        except YcError as e:
            bad += 1
            print(f"caught {e.code}")
            yield -e.code
    try:
        try:
            yield 1000
            raise YcError(7)
        except YcError as e:
            print(f"inner catch {e.code}, raising {e.code * 2}")
            raise YcError(e.code * 2)
    except YcError as e:
        print(f"outer catch {e.code}")
        yield e.code + bad


for v in checker([3, -1, 4, -2]):
    print(f"next -> {v}")
print("error=0")

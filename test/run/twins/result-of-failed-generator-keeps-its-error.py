class YErr(Exception):
    def __init__(self, code):
        self.code = code


def fails():
    yield 1
    raise YErr(5)


g = fails()
err = 0
try:
    for v in g:
        print(f"yielded {v}")
except YErr as e:
    err = e.code
print("result: none")  # a generator that raised returned nothing
print(f"error {err}")
print("error 0")  # reported once

def digits_reversed(n):
    while True:
        yield n % 10
        n //= 10
        if not n > 0:
            break
    tries = 0
    while True:
        tries += 1
        yield 1000 + tries
        if not tries < 0:
            break
    print(f"tries={tries}")


for n in (40213, 0, 7):
    for v in digits_reversed(n):
        print(f"{n}: {v}")

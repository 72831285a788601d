def macros(start):
    count, steps = start, 0
    var_1, var_2 = 10, 20
    count += 5
    steps += 1
    yield count
    print(f"count={count}")
    count += var_1
    steps += 1
    yield count
    print(f"steps={steps}")
    var_2 += var_1
    yield var_2
    print(f"var_2={var_2}")
    print(f"VAR(1)={var_1}")
    if count > 100:
        pass
    else:
        count += 1
        steps += 1
    yield steps
    var_1 = count * 2
    print(f"count + steps={count + steps}")
    yield var_1
    var_2 = 7
    print(f"SET(2, 7) + var_1={var_2 + var_1}")
    yield var_2


for v in macros(1):
    print(v)

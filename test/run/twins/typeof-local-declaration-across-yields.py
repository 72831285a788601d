def typed():
    base = 40
    copy = base + 2
    doubled = base * 2
    narrow = 65535
    wrapped = narrow
    yield copy
    wrapped = (wrapped + 1) % 65536  # unsigned short wraps
    yield doubled
    yield wrapped
    yield 2  # sizeof(unsigned short)


for v in typed():
    print(v)

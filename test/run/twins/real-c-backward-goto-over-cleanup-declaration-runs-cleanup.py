def looping(n):
    round_ = 0
    while True:
        guard = round_ * 10
        try:
            yield guard
            guard += 1
            round_ += 1
            if round_ < n:
                inner = 1000 + round_
                try:
                    yield inner
                    if round_ % 2:
                        continue  # goto again: leaves both scopes
                    inner += 5
                finally:
                    print(f"cleanup {inner}")
            if round_ < n:
                continue
            yield -guard
            return
        finally:
            print(f"cleanup {guard}")


for v in looping(4):
    print(v)

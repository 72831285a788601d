def counted(name, n):
    try:
        for i in range(n):
            yield i
        print(f"{name} ran to the end")
    finally:
        print(f"cleanup {name}")


g = counted("first", 100)
for v in g:
    print(f"v={v}")
    if v == 2:
        break
g.close()
print("after first loop")
for a in counted("outer", 2):
    g = counted("inner", 100)
    for b in g:
        print(f"a={a} b={b}")
        if b == a:
            break
    g.close()
    print(f"inner loop left (a={a})")
print("after nested loops")

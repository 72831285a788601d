def qualified(c, byval):
    local_id, local_hits = 7, 0
    k = c + 1
    plain = 0
    v = 5
    buf = ["a", None]
    words = [1, 2, 3, 4]
    yield 1  # &c: const int *
    yield 1  # &k: const int *
    yield 2  # &plain: int *
    yield 1  # &local.id: const int *
    yield 1  # buf is 64-aligned
    yield 1  # words is 32-aligned
    local_hits += 1
    byval = dict(byval)  # passed by value: a copy
    byval["hits"] += 10
    yield local_id * 100 + local_hits
    yield byval["id"] * 100 + byval["hits"]
    v += 1
    yield v
    buf[1] = "b"
    yield ord(buf[0]) + ord(buf[1]) + words[3]
    yield 1
    yield c + k + plain


cfg = {"id": 3, "hits": 4}
for v in qualified(9, cfg):
    print(v)
print(f"{cfg['id']} {cfg['hits']}")

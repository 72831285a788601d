global_item = ("global", 2.5)
RED = 100


def inventory(base):
    outer = global_item
    item_id, qty = base, 2
    yield item_id
    qty *= 10
    yield qty + 8  # sizeof(struct item): two ints
    print(f"{outer[0]} {outer[1]:.1f}")
    yield item_id + qty


def typedefs(n):
    outside = 0.5
    red, green, blue = 3, 5, 7
    c = green
    lo, hi = n, n * 2
    yield lo + c
    c = blue
    hi += 1
    yield hi * c
    yield lo + hi + red + int(outside * 10)


for v in inventory(4):
    print(v)
for v in typedefs(2):
    print(v)
print(f"{global_item[0]} {RED}")

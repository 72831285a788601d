def sub(n):
    for i in range(n):
        yield i + n * 10


def names(yc_c, f):
    yc_t1, yc_sub, yc_fe1, fr, frame, yc_f = 1, 2, 3, 5, 6, 7
    yc_out, yc_in, yc_result, yc_hdr, yc_err = 8, 9, 11, 12, 13
    yield from sub(2)
    got = f + (yield fr + frame) * 2 + yc_f
    yield got
    yield yc_t1 + yc_sub * 10 + yc_fe1 * 100
    for x in sub(yc_sub):
        yc_fe1 += x
        yield yc_fe1
    yield yc_c + yc_out + yc_in + yc_result + yc_hdr + yc_err
    yield f + fr + frame + yc_f + yc_fe1


g = names(1000, 4)
send = 100
try:
    out = next(g)
    while True:
        print(out)
        out = g.send(send)
        send += 100
except StopIteration:
    pass

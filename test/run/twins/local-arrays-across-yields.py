def arrays():
    nums = [3, 1, 4, 0, 0, 0]
    word = list("hello")
    buf = list("ab")
    grid = [[1, 2, 3], [4, 5, 6]]
    yield f"sizes {6 * 4} {len('hello') + 1} 16"
    for i in range(6):
        line = f"nums[{i}]={nums[i]}"
        nums[i] += 10
        yield line
    yield f"nums[5]={nums[5]}"
    word[0] = "j"
    yield "".join(word)
    buf += word
    yield "".join(buf)
    buf[1] = "X"
    yield "".join(buf)
    grid[1][2] *= 7
    yield f"grid {grid[0][0]} {grid[1][2]} {grid[1][0]}"


for s in arrays():
    print(s)

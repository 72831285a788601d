def batches(todo, budget):
    number, used = 1, 0
    for name, cost in todo:
        assert cost <= budget
        if used + cost > budget:
            yield used
            number += 1
            used = 0
        print(f"batch {number}: {name}")
        used += cost
    if used > 0:
        yield used


todo = [("parse", 3), ("check", 1), ("lower", 4), ("emit", 1), ("link", 5)]
for cost in batches(todo, 5):
    print(f"  cost {cost}")

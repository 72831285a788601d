state = {"next_ticket": 100, "last_who": None}


def ticket(who):
    mine = 0
    while True:
        mine += 1
        state["next_ticket"] += 1
        if state["last_who"] is not None and state["last_who"] != who:
            print(f"{who} takes over from {state['last_who']}")
        state["last_who"] = who
        yield state["next_ticket"] * 10 + mine


a = ticket("a")
b = ticket("b")
print(f"a {next(a)}")
print(f"a {next(a)}")
print(f"b {next(b)}")
print(f"a {next(a)}")
print(f"b {next(b)}")
c = ticket("c")
print(f"c {next(c)}")

# Python twin of tree_inorder.c (TUTORIAL part 2, section 1).
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional


@dataclass
class Node:
    key: int
    left: Optional[Node] = None
    right: Optional[Node] = None


def insert(t: Optional[Node], key: int) -> Node:
    if t is None:
        return Node(key)
    if key < t.key:
        t.left = insert(t.left, key)
    else:
        t.right = insert(t.right, key)
    return t


def inorder(t: Optional[Node]) -> Iterator[int]:
    if t:
        yield from inorder(t.left)
        yield t.key
        yield from inorder(t.right)


def inorder_depth(t: Optional[Node], depth: int) -> Iterator[tuple[int, int]]:
    if t:
        yield from inorder_depth(t.left, depth + 1)
        yield (t.key, depth)
        yield from inorder_depth(t.right, depth + 1)


def main() -> None:
    keys = [50, 30, 70, 20, 40, 60, 80, 35, 65, 10, 45]
    root = None
    for key in keys:
        root = insert(root, key)

    print("in order:", end="")
    for key in inorder(root):
        print(f" {key}", end="")
    print()

    for key, depth in inorder_depth(root, 0):
        print(" " * (2 * depth) + str(key))

    print("first key above 60:", end="")
    for key in inorder(root):
        if key > 60:
            print(f" {key}")
            break


main()

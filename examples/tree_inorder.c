/* tree_inorder.c - recursive generators: in-order traversal of a tree.
 *
 * Shows: a generator that delegates to itself.  inorder(t) yields the left
 * subtree by `yield_from(inorder(t->left));`, then t's own value, then the
 * right subtree, so the consumer gets the keys of a binary search tree in
 * sorted order without the traversal building a list or the consumer
 * knowing about recursion.  Stopping early (here: after the first key
 * above 60) frees the whole chain of suspended generators.
 *
 * Mirrors TUTORIAL.md, part 2: section 1 (Generator Delegation - Deep
 * Dive: `yield from` delegates the entire generator protocol). */
#include <stdio.h>
#include <stdlib.h>

#include <yieldc.h>

struct node {
  int key;
  struct node *left, *right;
};

static struct node *insert(struct node *t, int key) {
  if (!t) {
    t = malloc(sizeof *t);
    if (!t)
      abort();
    *t = (struct node){key, NULL, NULL};
  } else if (key < t->key) {
    t->left = insert(t->left, key);
  } else {
    t->right = insert(t->right, key);
  }
  return t;
}

static void free_tree(struct node *t) {
  if (t) {
    free_tree(t->left);
    free_tree(t->right);
    free(t);
  }
}

/* def inorder(t): yield from inorder(t.left); yield t.key; ... */
yc_generator(int) inorder(const struct node *t) {
  if (t) {
    yield_from(inorder(t->left));
    yield(t->key);
    yield_from(inorder(t->right));
  }
}

/* Each key with its depth, by passing the depth down the recursion. */
struct entry {
  int key;
  int depth;
};

yc_generator(struct entry) inorder_depth(const struct node *t, int depth) {
  if (t) {
    yield_from(inorder_depth(t->left, depth + 1));
    struct entry e = {t->key, depth};
    yield(e);
    yield_from(inorder_depth(t->right, depth + 1));
  }
}

int main(void) {
  static const int keys[] = {50, 30, 70, 20, 40, 60, 80, 35, 65, 10, 45};
  struct node *root = NULL;
  for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
    root = insert(root, keys[i]);

  printf("in order:");
  yc_foreach (int key, inorder(root))
    printf(" %d", key);
  printf("\n");

  yc_foreach (struct entry e, inorder_depth(root, 0))
    printf("%*s%d\n", 2 * e.depth, "", e.key);

  printf("first key above 60:");
  yc_foreach (int key, inorder(root)) {
    if (key > 60) {
      printf(" %d\n", key);
      break;
    }
  }

  free_tree(root);
  return 0;
}

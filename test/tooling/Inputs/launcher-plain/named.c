/* No coroutine either, but a variable named like a suspension form: the
 * launcher cannot tell without libclang, so it translates (and libclang
 * rejects the nested function). */
int twice(int x) {
  int await = x;
  int add(int y) { return await + y; }
  return add(x);
}

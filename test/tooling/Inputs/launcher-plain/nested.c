/* No coroutine, and a GNU C nested function, which gcc compiles and
 * libclang cannot parse: through `yieldc cc gcc` it compiles only if the
 * launcher leaves libclang out.  The words yield and yc_foreach in this
 * comment, and in a string, do not count. */
const char *word = "yield(1); yc_foreach // await";
int twice(int x) {
  int add(int y) { return x + y; }
  return add(x);
}

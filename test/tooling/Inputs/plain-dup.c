/* No coroutine here: `yieldc cc` compiles the file itself. */
int pick(int x) {
  if (x == 1) return 1;
  else if (x == 1) return 2;
  return 0;
}

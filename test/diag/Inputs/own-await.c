/* A C error in a file with a function of its own named await: no note
 * about yieldc.h (missing-yieldc-include.c). */
int await(int x);

int f(void) {
  int y = await(3)
  return y;
}

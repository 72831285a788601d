/* Plain C that includes yieldc.h and calls an undeclared function that is
 * not a yieldc form: nothing to say (missing-yieldc-include-call.c). */
#include <yieldc.h>

int g(int x) { return x + 1; }

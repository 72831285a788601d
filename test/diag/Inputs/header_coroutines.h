/* Coroutines declared (not defined) in a header: fine, and checked. */
#include <yieldc.h>

yc_generator(int, void, long) header_total(void);

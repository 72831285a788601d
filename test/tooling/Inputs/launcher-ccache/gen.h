#include <yieldc.h>

yc_generator(int) squares(int n);

/* Generators of Inputs/cross_file_gens.c, declared for their consumers. */
#include <yieldc.h>

yc_generator(int) countdown(int from);

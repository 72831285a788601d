/* analyse.h - frame layout, resume points and the refusals (analyse.c). */
#ifndef YC_ANALYSE_H
#define YC_ANALYSE_H

#include "ir.h"

/* Fills the analysis fields of every function of u; reports what cannot be
 * translated and returns false if anything was reported. */
bool analyse_unit(ir_unit *u);

#endif

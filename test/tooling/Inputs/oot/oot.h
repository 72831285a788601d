/* oot.h - a header beside main.c, found through a "quoted" include. */
#ifndef OOT_H
#define OOT_H
#ifndef OOT_STEP
#define OOT_STEP 1
#endif
#define OOT_GREETING "multiples of " 
#endif

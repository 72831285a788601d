/* quickscan.h - can a C file need translating?  A textual check of its
 * own bytes, without libclang (quickscan.c). */
#ifndef YC_QUICKSCAN_H
#define YC_QUICKSCAN_H

#include <stdbool.h>
#include <stddef.h>

/* False only when text (a C file) surely holds no coroutine function and
 * no yc_foreach of its own: none of the names that write one (yield,
 * yield_from, await, await_next, yc_generator, yc_async,
 * yc_async_generator, yc_foreach and the other yc_ forms, yc__...) outside
 * comments, and no "yieldc:" annotation.  When in doubt it says true. */
bool quickscan_may_translate(const char *text, size_t len);

#endif

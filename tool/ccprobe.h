/* ccprobe.h - which compiler options libclang knows (ccprobe.c). */
#ifndef YC_CCPROBE_H
#define YC_CCPROBE_H

/* Keeps, of the candidates cc_clang_candidates() chose, those libclang
 * accepts: an option it does not know (gcc's -fconserve-stack) or a value
 * it does not support (-fsanitize=bounds-strict) is dropped.  Works in
 * place; returns the new count. */
int ccprobe_filter(const char **flags, int n);

#endif

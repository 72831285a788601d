/* The public headers compile cleanly under a strict flag set (-std=c11
 * -pedantic and the warnings of lua's, curl's and similar builds) with
 * the build's compiler and with clang, in the authoring view and in the
 * translated view (YIELDC_TRANSLATED), each header alone and yieldc.h.
 * test/strict/check_examples.py checks that translated code adds no
 * warning under the same set (ctest strict/examples).
 *
 * RUN: rm -rf %t && mkdir -p %t
 * RUN: for h in yieldc.h yieldc/coro.h yieldc/sched.h yieldc/loop.h yieldc/chan.h; do \
 * RUN:   for view in 0 1; do \
 * RUN:     printf '#if %%s\n#define YIELDC_TRANSLATED 1\n#endif\n#include <%%s>\n' $view $h > %t/h.c; \
 * RUN:     for cc in %compiler clang; do \
 * RUN:       $cc -std=c11 -pedantic -Werror -Wall -Wextra -Wdeclaration-after-statement \
 * RUN:         -Wc++-compat -Wshadow -Wcast-qual -Wconversion -Wsign-conversion -Wstrict-prototypes \
 * RUN:         -Wmissing-prototypes -Wundef -I%include -c %t/h.c -o %t/h.o || exit 1; \
 * RUN:       echo "clean: $cc $h $view"; \
 * RUN:     done; \
 * RUN:   done; \
 * RUN: done > %t/log
 * RUN: FileCheck %s < %t/log
 * CHECK-COUNT-20: clean:
 *
 * The argument counting without __VA_OPT__ still tells yield() from
 * yield(v) and yield(v, T), also for a compound literal with commas.
 * RUN: clang -std=c11 -pedantic -Werror -E -P -I%include %s | FileCheck --check-prefix=COUNT %s
 * COUNT: counts: 0 1 1 2 3 1
 * COUNT: return yc__mark_return(0); return yc__mark_return(1, (struct p){1, 2});
 */
#include <yieldc.h>
#define YC_T_STR(x) #x
counts: YC__NARGS() YC__NARGS(a) YC__NARGS((a, b)) YC__NARGS(a, int) YC__NARGS(a, b, c) YC__NARGS(f(x, y))
yc_return(); yc_return((struct p){1, 2});

/* Plain C, not translated: squares() is a generator without the exports of
 * a translated one, as a hand-written or differently built one would be. */
#include <yieldc.h>

yc_gen *squares_impl(int n);
yc_gen *squares(int n) { return squares_impl(n); }

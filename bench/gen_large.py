#!/usr/bin/env python3
"""bench/gen_large.py N > large.c: a large authoring-view file of N generator
functions (loops, branches, a switch, a yield_from, a cleanup local, a
try/catch), plus a consumer, for timing the translator."""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
out = ['#include <stdio.h>', '#include <stdlib.h>', '#include <string.h>',
       '#include <yieldc.h>', '',
       'static void free_ptr(void *p) { free(*(void **)p); }', '']
for i in range(n):
    out.append(f'''
yc_generator(int) gen_{i}(int n, const char *tag) {{
  char *buf __attribute__((cleanup(free_ptr))) = malloc(32);
  int total = 0;
  for (int i = 0; i < n; i++) {{
    int k = i * {i + 1} % 7;
    switch (k) {{
    case 0:
      yield(i);
      break;
    case 1:
    case 2:
      if (tag && strlen(tag) > (size_t)k)
        yield(i + k);
      else
        total += k;
      break;
    default:
      for (int j = 0; j < k; j++) {{
        total += j;
        if (total % 3 == 0)
          yield(total);
      }}
    }}
  }}
  yc_try {{
    {'yield_from(gen_%d(n / 2, tag));' % (i - 1) if i > 0 else 'yield(total);'}
  }} yc_catch (err) {{
    snprintf(buf, 32, "%d", err);
    yield(-1);
  }}
  yield(total);
}}''')
out.append('''
int main(void) {
  long s = 0;''')
for i in range(0, n, max(1, n // 10)):
    out.append(f'  yc_foreach (int x, gen_{i}(10, "t")) s += x;')
out.append('  printf("%ld\\n", s);\n  return 0;\n}')
print('\n'.join(out))

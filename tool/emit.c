/* emit.c - assembles the output file around the lowered functions and
 * resolves the "#line <here> <output>" placeholders once the output's line
 * numbers are known. */
#include "emit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lower_internal.h"

static void fix_line_markers(const lower_opts *o, buf *out) {
  buf fixed = {0};
  unsigned line = 1;
  const char *s = out->s ? out->s : "", *end = s + out->len;
  size_t mlen = strlen(LINE_OUT);
  while (s < end) {
    const char *m = memchr(s, '\001', (size_t)(end - s));
    const char *stop = m ? m : end;
    for (const char *q = s; q < stop; q++)
      line += *q == '\n';
    buf_put(&fixed, s, (size_t)(stop - s));
    if (!m)
      break;
    if ((size_t)(end - m) >= mlen && !strncmp(m, LINE_OUT, mlen)) {
      buf_printf(&fixed, "#line %u \"%s\"\n", line + 1, o->out_path);
      line++;
      s = m + mlen;
    } else {
      buf_putc(&fixed, *m);
      s = m + 1;
    }
  }
  buf_free(out);
  *out = fixed;
}

static int func_order(const void *a, const void *b) {
  const ir_func *x = a, *y = b;
  return x->whole.b < y->whole.b ? -1 : x->whole.b > y->whole.b;
}

void emit_c(const lower_opts *o, buf *out) {
  const ir_unit *u = o->u;
  if (!u->funcs.n && !u->foreachs.n && !u->genexprs.n) {
    buf_put(out, u->file.text, u->file.len);
    return;
  }
  ir_func *funcs = u->funcs.v;
  if (u->funcs.n)
    qsort(funcs, u->funcs.n, sizeof *funcs, func_order);
  buf_puts(out, "/* Translated by yieldc from ");
  buf_puts(out, o->line_path);
  buf_puts(out, "; edit that file, not this one. */\n#define YIELDC_TRANSLATED 1\n");
  /* Generators of other files that a yc_foreach here resumes directly. */
  if (u->imports.n)
    buf_puts(out, "#include <yieldc/coro.h>\n");
  for (size_t i = 0; i < u->imports.n; i++)
    buf_printf(out,
               "extern const yc__coro_type %s__type YC__WEAK_IMPORT;\n"
               "int %s__xresume(yc_coro *yc__c, void *yc__out, const void *yc__in) YC__WEAK_IMPORT;\n",
               u->imports.v[i], u->imports.v[i]);
  if (o->lines)
    buf_printf(out, "#line 1 \"%s\"\n", o->line_path);
  unsigned pos = 0;
  /* where generator functions go: before the function of their expressions */
  VEC(unsigned) ats = {0};
  for (size_t i = 0; i < u->genexprs.n; i++)
    if (!ats.n || ats.v[ats.n - 1] != u->genexprs.v[i]->at)
      VEC_PUSH(ats, u->genexprs.v[i]->at);
  size_t next_at = 0;
  for (size_t i = 0; i <= u->funcs.n; i++) {
    unsigned until = i < u->funcs.n ? funcs[i].whole.b : u->file.len;
    while (next_at < ats.n && ats.v[next_at] <= until) {
      if (ats.v[next_at] >= pos) {
        lower_plain(o, pos, ats.v[next_at], out);
        lower_genexprs_at(o, ats.v[next_at], out);
        pos = ats.v[next_at];
      }
      next_at++;
    }
    if (i == u->funcs.n)
      break;
    ir_func *fn = &funcs[i];
    lower_plain(o, pos, fn->whole.b, out);
    if (out->len && out->s[out->len - 1] != '\n')
      buf_putc(out, '\n');
    lower_function(o, fn, out);
    pos = fn->whole.e;
    line_back_to(o, pos, out);
  }
  free(ats.v);
  lower_plain(o, pos, u->file.len, out);
  if (o->lines)
    fix_line_markers(o, out);
}

/* lower_expr.c - suspension points inside expressions.
 *
 * explode(e) writes to the output the statements that evaluate e up to its
 * last suspension point, and returns the expression that finishes e's
 * evaluation.  Operands are evaluated left to right (C leaves the order of
 * most operands open; this is our rule, and Python's): an operand evaluated
 * before a later suspension point is saved in a frame temporary, so what
 * happens while suspended cannot change it.  &&, || and ?: become if
 * statements, so an operand that C would not evaluate never suspends; the
 * comma operator keeps its sequence.  Only the path from the statement to
 * each suspension point is split; everything else stays as written. */
#include <stdlib.h>
#include <string.h>

#include "lex.h"
#include "lower_internal.h"

/* The kid of n that spans (part of) sp, outermost first. */
ir_node *kid_in(ir_node *n, span sp) {
  for (unsigned i = 0; i < n->nkids; i++)
    if (n->kids[i] && n->kids[i]->sp.b >= sp.b && n->kids[i]->sp.e <= sp.e &&
        n->kids[i]->sp.e > n->kids[i]->sp.b)
      return n->kids[i];
  return NULL;
}

static unsigned count_susp(const ir_node *n) {
  if (!n)
    return 0;
  unsigned k = n->kind == IR_SUSPEND;
  for (unsigned i = 0; i < n->nkids; i++)
    k += count_susp(n->kids[i]);
  return k;
}

/* The text of n's span sp, lowered if it contains suspension points (their
 * code goes to the output first). */
char *operand(lctx *lc, ir_node *n, span sp) {
  ir_node *k = kid_in(n, sp);
  if (k && k->has_susp && k->sp.b == sp.b && k->sp.e == sp.e) {
    if (lc->explode_depth)
      return explode(lc, k);
    /* a part of n: n's other parts may suspend after it */
    lc->single_susp = count_susp(n) == 1;
    lc->explode_depth++;
    char *r = explode(lc, k);
    lc->explode_depth--;
    lc->single_susp = false;
    return r;
  }
  return render_span(lc, n, sp);
}

static char *plain(lctx *lc, ir_node *e) {
  buf *saved = lc->out;
  buf tmp = {0};
  lc->out = &tmp;
  put_src(lc, e->sp.b, e->sp.e);
  lc->out = saved;
  return buf_take(&tmp);
}

/* text without one pair of parentheses around all of it, if it has them. */
static const char *strip_parens(char *text) {
  size_t n = strlen(text);
  if (n < 2 || text[0] != '(' || text[n - 1] != ')')
    return text;
  int depth = 0;
  for (size_t i = 0; i < n; i++) {
    if (text[i] == '(')
      depth++;
    if (text[i] == ')' && --depth == 0 && i + 1 < n)
      return text; /* (a) == (b) */
  }
  memmove(text, text + 1, n - 2);
  text[n - 2] = 0;
  return text;
}

static bool is_void(const char *t) { return !t || !strcmp(t, "void"); }

/* Evaluates text (the value of k) now, into a temporary. */
static char *save(lctx *lc, ir_node *k, char *text) {
  if (k->kind == IR_EXPR && k->ck == CK_PURE)
    return text;
  if (k->kind == IR_SUSPEND)
    return text; /* already in a temporary */
  if (is_void(k->ctype)) {
    buf_printf(lc->out, "(void)(%s); ", text);
    free(text);
    return xstrdup("((void)0)");
  }
  char *tn = new_temp(lc, k->ctype, "t");
  buf_printf(lc->out, "%s->%s = (%s); ", fp(lc), tn, text);
  free(text);
  return xasprintf("%s->%s", fp(lc), tn);
}

static ir_node **sorted_kids(ir_node *n) {
  ir_node **ks = xmalloc((n->nkids + 1) * sizeof *ks);
  if (n->nkids)
    memcpy(ks, n->kids, n->nkids * sizeof *ks);
  if (n->nkids)
    qsort(ks, n->nkids, sizeof *ks, by_start);
  return ks;
}

/* e's text with each kid i whose texts[i] is set replaced by it. */
static char *splice(lctx *lc, ir_node *e, ir_node **ks, char **texts) {
  buf *saved = lc->out;
  buf tmp = {0};
  lc->out = &tmp;
  unsigned pos = e->sp.b;
  for (unsigned i = 0; i < e->nkids; i++) {
    if (!texts[i] || ks[i]->sp.b < pos)
      continue;
    put_src(lc, pos, ks[i]->sp.b);
    buf_puts(&tmp, texts[i]);
    pos = ks[i]->sp.e;
  }
  put_src(lc, pos, e->sp.e);
  lc->out = saved;
  return buf_take(&tmp);
}

static char *explode_suspend(lctx *lc, ir_node *s) {
  if (!s->value_form) {
    emit_suspend(lc, s, NULL, NULL);
    buf_putc(lc->out, ' ');
    return xstrdup("((void)0)");
  }
  char *type = s->susp == SUSP_AWAIT_NEXT
                   ? xstrdup("bool")
                   : lex_squash(lc->f->text + s->args[1].b, s->args[1].e - s->args[1].b);
  char *tn = new_temp(lc, type, "t");
  char *lhs;
  if (lc->single_susp) {
    /* The only suspension point of its statement: its value is used before
     * the function can suspend again, so a C local of the resume function
     * holds it (no frame store). */
    lc->temp_local.v[lc->temp_local.n - 1] = true;
    lhs = xstrdup(tn);
  } else {
    lhs = xasprintf("%s->%s", fp(lc), tn);
  }
  emit_suspend(lc, s, lhs, "=");
  buf_putc(lc->out, ' ');
  free(type);
  return lhs;
}

static char *explode_assign(lctx *lc, ir_node *e) {
  ir_node *l = kid_in(e, e->args[0]), *r = kid_in(e, e->args[1]);
  char *lt, *rt;
  if (l && l->has_susp) {
    lt = explode(lc, l);
    if (r && r->has_susp) {
      /* the place is computed before the right side suspends */
      char *pt = xasprintf("__typeof__(%s) *", l->ctype ? l->ctype : "int");
      char *tn = new_temp(lc, pt, "p");
      buf_printf(lc->out, "%s->%s = &(%s); ", fp(lc), tn, lt);
      free(lt);
      free(pt);
      lt = xasprintf("(*%s->%s)", fp(lc), tn);
      rt = explode(lc, r);
    } else {
      rt = render_span(lc, e, e->args[1]);
    }
  } else {
    /* C leaves the order of the two sides open: the right side first */
    rt = r ? explode(lc, r) : render_span(lc, e, e->args[1]);
    lt = render_span(lc, e, e->args[0]);
  }
  char *res = xasprintf("(%s %s %s)", lt, e->op, rt);
  free(lt);
  free(rt);
  return res;
}

static char *explode_in(lctx *lc, ir_node *e);

char *explode(lctx *lc, ir_node *e) {
  if (lc->explode_depth)
    return explode_in(lc, e);
  /* An expression of a statement: see explode_suspend */
  lc->single_susp = e->has_susp && count_susp(e) == 1;
  lc->explode_depth++;
  char *r = explode_in(lc, e);
  lc->explode_depth--;
  lc->single_susp = false;
  return r;
}

static char *explode_in(lctx *lc, ir_node *e) {
  if (!e->has_susp)
    return plain(lc, e);
  if (e->kind == IR_SUSPEND)
    return explode_suspend(lc, e);
  if (e->kind == IR_ASSIGN)
    return explode_assign(lc, e);
  ir_node **ks = sorted_kids(e);
  unsigned nk = e->nkids;
  char **texts = xcalloc(nk + 1, sizeof *texts);
  char *res = NULL;
  const char *f = fp(lc);
  if ((e->ck == CK_LAND || e->ck == CK_LOR) && nk == 2 && ks[1]->has_susp) {
    char *at = explode(lc, ks[0]);
    char *tn = new_temp(lc, "int", "t");
    buf_printf(lc->out, "%s->%s = (%s) ? 1 : 0; if (%s%s->%s) { ", f, tn, at,
               e->ck == CK_LOR ? "!" : "", f, tn);
    char *bt = explode(lc, ks[1]);
    buf_printf(lc->out, "%s->%s = (%s) ? 1 : 0; } ", f, tn, bt);
    res = xasprintf("%s->%s", f, tn);
    free(at);
    free(bt);
  } else if (e->ck == CK_COND && nk == 3 && (ks[1]->has_susp || ks[2]->has_susp)) {
    char *ct = explode(lc, ks[0]);
    char *tn = is_void(e->ctype) ? NULL : new_temp(lc, e->ctype, "t");
    /* if ((a == b)) would draw clang's -Wparentheses-equality */
    buf_printf(lc->out, "if (%s) { ", strip_parens(ct));
    for (int arm = 1; arm <= 2; arm++) {
      char *t = explode(lc, ks[arm]);
      if (tn)
        buf_printf(lc->out, "%s->%s = (%s); ", f, tn, t);
      else
        buf_printf(lc->out, "(void)(%s); ", t);
      buf_puts(lc->out, arm == 1 ? "} else { " : "} ");
      free(t);
    }
    res = tn ? xasprintf("%s->%s", f, tn) : xstrdup("((void)0)");
    free(ct);
  } else if (e->ck == CK_COMMA && nk == 2) {
    char *at = explode(lc, ks[0]);
    buf_printf(lc->out, "(void)(%s); ", at);
    free(at);
    res = explode(lc, ks[1]);
  } else {
    /* left to right: everything before the last suspending operand is
     * evaluated and saved before it suspends */
    unsigned last = 0;
    for (unsigned i = 0; i < nk; i++)
      if (ks[i]->has_susp)
        last = i;
    for (unsigned i = 0; i <= last; i++) {
      /* C does not order the initialisers of a { } list: the ones that do
       * not suspend are left in place, evaluated after the last suspension
       * point (analyse.c keeps what they read live until then), and a
       * designated one keeps its designator */
      if (e->ck == CK_INIT && !ks[i]->has_susp)
        continue;
      char *t = explode(lc, ks[i]);
      texts[i] = i < last && e->ck != CK_INIT ? save(lc, ks[i], t) : t;
    }
    res = splice(lc, e, ks, texts);
  }
  for (unsigned i = 0; i < nk; i++)
    free(texts[i]);
  free(texts);
  free(ks);
  return res;
}

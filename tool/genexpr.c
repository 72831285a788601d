/* genexpr.c - lowers a generator expression, yc_genexpr(T, value,
 * clauses...), to a generator function of its own, and its site to a call
 * that creates it.
 *
 * The function is small and always the same shape, so it is written here
 * directly rather than through the coroutine lowering: the clauses become
 * nested loops (yc_in a while over yc_next, yc_in_range a for, yc_where an
 * if) around "compute the value, yield it", and the resume function jumps
 * back into the innermost loop, as the translator does for a coroutine
 * function.  Captured locals, the loop variables and the sources live in
 * the frame; in the resume function they are C locals of the same names,
 * so the user's text (value, conditions, inner sources) is copied as
 * written.  The output for the generator expression at line L of main:
 *
 *   struct main__genexpr1__frame { yc_coro yc_hdr; captures; sources and
 *                                  loop variables; };
 *   static int main__genexpr1__resume(...);      the loops
 *   static const yc__coro_type main__genexpr1__type = {...};
 *   static yc_gen *main__genexpr1__new(first source, captures);
 *
 * and the site becomes main__genexpr1__new(nums(10), k).  The frame starts
 * suspended at its first resume point (not "created"), so that closing or
 * freeing it before its first item still runs the code that frees the
 * source it already holds. */
#include <stdlib.h>
#include <string.h>

#include "lex.h"
#include "lower_internal.h"

static ir_genexpr *gx_of(const ir_unit *u, const ir_node *n) { return u->genexprs.v[n->var]; }

static unsigned newlines_in(const src_file *f, span s) {
  unsigned k = 0;
  for (unsigned i = s.b; i < s.e && i < f->len; i++)
    k += f->text[i] == '\n';
  return k;
}

/* The text of sp rendered in lc's context (nested generator expressions
 * become their creation calls, a coroutine's frame variables fields). */
static char *text_of(lctx *lc, span sp) {
  buf *saved = lc->out;
  buf tmp = {0};
  lc->out = &tmp;
  put_src(lc, sp.b, sp.e);
  lc->out = saved;
  return buf_take(&tmp);
}

/* A captured variable, read where the expression is created. */
static void put_capture(lctx *lc, const gx_capture *c) {
  if (lc->fn && c->var >= 0 && lc->fn->vars.v[c->var].resident) {
    const ir_var *v = &lc->fn->vars.v[c->var];
    if (v->deref_type)
      buf_printf(lc->out, "(*(%s *)%s->%s)", v->deref_type, lc->fn->fp, v->field);
    else if (v->local_type)
      buf_printf(lc->out, "(*(%s *)%s->%s)", v->type, lc->fn->fp, v->field);
    else
      buf_printf(lc->out, "%s->%s", lc->fn->fp, v->field);
  } else {
    buf_puts(lc->out, c->name);
  }
}

void gx_put_call(lctx *lc, ir_node *n) {
  ir_genexpr *g = gx_of(lc->o->u, n);
  const gx_clause *c0 = g->clauses.n ? &g->clauses.v[0] : NULL;
  if (!c0 || c0->kind == GX_WHERE) /* refused by the parser */
    return;
  /* C does not order a call's arguments: the first source is evaluated
   * first (as in Python), then the captured values are read. */
  bool direct = !g->caps.n && (c0->kind == GX_IN || c0->nargs == 1);
  char *args[3] = {NULL, NULL, NULL};
  for (unsigned i = 0; i < c0->nargs; i++)
    args[i] = text_of(lc, c0->args[i]);
  size_t mark = lc->out->len;
  char *t = lex_squash(lc->f->text + c0->type.b, c0->type.e - c0->type.b);
  if (direct) {
    if (c0->kind == GX_IN)
      buf_printf(lc->out, "%s__new((%s))", g->name, args[0]);
    else
      buf_printf(lc->out, "%s__new(0, (%s), 1)", g->name, args[0]);
  } else {
    unsigned k = (unsigned)n->var + 1;
    buf_puts(lc->out, "(__extension__({ ");
    if (c0->kind == GX_IN) {
      buf_printf(lc->out, "yc_gen *yc__s%u = (%s); ", k, args[0]);
      buf_printf(lc->out, "%s__new(yc__s%u", g->name, k);
    } else {
      const char *lo = c0->nargs > 1 ? args[0] : "0";
      const char *hi = c0->nargs > 1 ? args[1] : args[0];
      const char *st = c0->nargs > 2 ? args[2] : "1";
      buf_printf(lc->out,
                 "__typeof__(%s) yc__lo%u = (%s); __typeof__(%s) yc__hi%u = (%s); "
                 "__typeof__(%s) yc__st%u = (%s); ",
                 t, k, lo, t, k, hi, t, k, st);
      buf_printf(lc->out, "%s__new(yc__lo%u, yc__hi%u, yc__st%u", g->name, k, k, k);
    }
    for (size_t i = 0; i < g->caps.n; i++) {
      buf_puts(lc->out, ", ");
      put_capture(lc, &g->caps.v[i]);
    }
    buf_puts(lc->out, "); }))");
  }
  /* the lines after it stay where they were: as many line breaks as the
   * invocation has, counting those its text (a nested expression's call)
   * brought already */
  unsigned have = 0;
  for (size_t i = mark; i < lc->out->len; i++)
    have += lc->out->s[i] == '\n';
  for (unsigned i = newlines_in(lc->f, g->sp); i > have; i--)
    buf_putc(lc->out, '\n');
  free(t);
  for (unsigned i = 0; i < 3; i++)
    free(args[i]);
}

/* ---- the generator function ------------------------------------------- */

typedef struct {
  lctx *lc;
  ir_genexpr *g;
  buf *out;
} gctx;

static char *typ(gctx *c, span t) {
  char *s = lex_squash(c->lc->f->text + t.b, t.e - t.b);
  char *r = xasprintf("__typeof__(%s)", s);
  free(s);
  return r;
}

static char *name_of(gctx *c, span v) { return xstrndup(c->lc->f->text + v.b, v.e - v.b); }

/* The user's text of sp, on its own line(s) under a #line of its place. */
static void user_text(gctx *c, span sp) {
  buf *out = c->out;
  if (c->lc->o->lines) {
    unsigned l, col;
    diag_line_col(c->lc->f, sp.b, &l, &col);
    buf_printf(out, "\n#line %u \"%s\"\n", l, c->lc->o->line_path);
    for (unsigned i = 1; i < col; i++)
      buf_putc(out, ' ');
  }
  char *t = text_of(c->lc, sp);
  buf_puts(out, t);
  free(t);
  if (c->lc->o->lines)
    buf_puts(out, "\n" LINE_OUT);
}

static void save_all(gctx *c) {
  ir_genexpr *g = c->g;
  for (size_t i = 0; i < g->caps.n; i++)
    buf_printf(c->out, "YC__SAVE(yc__gf->%s, %s); ", g->caps.v[i].name, g->caps.v[i].name);
  for (size_t j = 0; j < g->clauses.n; j++)
    if (g->clauses.v[j].kind != GX_WHERE) {
      char *v = name_of(c, g->clauses.v[j].var);
      buf_printf(c->out, "YC__SAVE(yc__gf->%s, %s); ", v, v);
      free(v);
    }
}

/* The loops of clauses j.. around the yield. */
static void loops(gctx *c, size_t j) {
  ir_genexpr *g = c->g;
  buf *out = c->out;
  if (j == g->clauses.n) {
    char *t = typ(c, g->type);
    buf_printf(out, "  { %s yc__v = (", t);
    user_text(c, g->value);
    buf_printf(out, "); if (yc__out) *(%s *)yc__out = yc__v; }\n  ", t);
    save_all(c);
    buf_puts(out, "\n  yc__c->state = 2; return YC__YIELD;\nyc__resume: ;\n");
    free(t);
    return;
  }
  gx_clause *cl = &g->clauses.v[j];
  unsigned k = (unsigned)j + 1;
  if (cl->kind == GX_WHERE) {
    buf_puts(out, "  if (");
    user_text(c, cl->args[0]);
    buf_puts(out, ") {\n");
    loops(c, j + 1);
    buf_puts(out, "  }\n");
    return;
  }
  char *v = name_of(c, cl->var);
  if (cl->kind == GX_IN) {
    if (j > 0) {
      buf_printf(out, "  yc__gf->yc__src%u = (", k);
      user_text(c, cl->args[0]);
      buf_puts(out, ");\n");
    }
    if (cl->known) /* a generator defined earlier in the file: a direct call */
      buf_printf(out,
                 "  while (yc__next_known(yc__gf->yc__src%u, &%s, sizeof %s, &%s__type, "
                 "%s__resume)) {\n",
                 k, v, v, cl->known, cl->known);
    else
      buf_printf(out, "  while (yc_next(yc__gf->yc__src%u, &%s)) {\n", k, v);
    loops(c, j + 1);
    buf_printf(out,
               "  }\n  /* source %u exhausted: its failure is this one's */\n"
               "  if ((yc__e = yc_error(yc__gf->yc__src%u)) != 0) { yc__c->error = yc__e; goto "
               "yc__fail; }\n  yc_free(yc__gf->yc__src%u); yc__gf->yc__src%u = NULL;\n",
               k, k, k, k);
  } else {
    if (j > 0) {
      const char *parts[3] = {NULL, NULL, NULL};
      char *f1 = xasprintf("yc__gf->yc__hi%u", k), *f2 = xasprintf("yc__gf->yc__step%u", k);
      if (cl->nargs == 1) {
        buf_printf(out, "  %s = 0; %s = (", v, f1);
        user_text(c, cl->args[0]);
        buf_printf(out, "); %s = 1;\n", f2);
      } else {
        parts[0] = v, parts[1] = f1, parts[2] = f2;
        for (unsigned i = 0; i < cl->nargs; i++) {
          buf_printf(out, "  %s = (", parts[i]);
          user_text(c, cl->args[i]);
          buf_puts(out, ");\n");
        }
        if (cl->nargs == 2)
          buf_printf(out, "  %s = 1;\n", f2);
      }
      free(f1);
      free(f2);
    }
    buf_printf(out,
               "  /* Python's range(): a step of 0 is an error */\n"
               "  if (yc__gf->yc__step%u == 0) { yc__c->error = YC_EINVAL; goto yc__fail; }\n"
               "  for (; yc__gf->yc__step%u > 0 ? %s < yc__gf->yc__hi%u : %s > yc__gf->yc__hi%u; "
               "%s += yc__gf->yc__step%u) {\n",
               k, k, v, k, v, k, v, k);
    loops(c, j + 1);
    buf_puts(out, "  }\n");
  }
  free(v);
}

static int by_start_desc(const void *a, const void *b) {
  const ir_genexpr *x = *(ir_genexpr *const *)a, *y = *(ir_genexpr *const *)b;
  return x->sp.b > y->sp.b ? -1 : x->sp.b < y->sp.b;
}

static void lower_one(lctx *lc, ir_genexpr *g) {
  buf *out = lc->out;
  gctx c = {lc, g, out};
  const char *n = g->name;
  unsigned line, col;
  diag_line_col(lc->f, g->sp.b, &line, &col);
  char *value = lex_squash(lc->f->text + g->value.b, g->value.e - g->value.b);
  char *t = typ(&c, g->type);
  /* a comment never ends early: a value with a star-slash is not quoted */
  bool quote = !strstr(value, "*/") && strlen(value) < 60;
  buf_printf(out, "/* %s: the generator expression of line %u%s%s%s */\n", n, line,
             quote ? " (" : "", quote ? value : "", quote ? " for ...)" : "");
  buf_printf(out, "struct %s__frame {\n  yc_coro yc_hdr;\n", n);
  for (size_t i = 0; i < g->caps.n; i++)
    buf_printf(out, "  __typeof__(%s) %s; /* captured */\n", g->caps.v[i].type, g->caps.v[i].name);
  for (size_t j = 0; j < g->clauses.n; j++) {
    gx_clause *cl = &g->clauses.v[j];
    if (cl->kind == GX_WHERE)
      continue;
    char *v = name_of(&c, cl->var), *u = typ(&c, cl->type);
    if (cl->kind == GX_IN)
      buf_printf(out, "  yc_gen *yc__src%zu; /* source %zu, owned */\n  %s %s;\n", j + 1, j + 1, u,
                 v);
    else
      buf_printf(out, "  %s %s, yc__hi%zu, yc__step%zu; /* range %zu */\n", u, v, j + 1, j + 1,
                 j + 1);
    free(v);
    free(u);
  }
  buf_puts(out, "};\n");
  buf_printf(out, "static int %s__resume(yc_coro *yc__c, void *yc__out, const void *yc__in);\n", n);
  buf_printf(out,
             "static const yc__coro_type %s__type = {\"%s\", %s__resume, sizeof(struct %s__frame), "
             "sizeof(%s), 0, 0, 0, YC__GENERATOR, "
             "YC__STEER_BY_STATE | YC__FRAME_ALIGN(_Alignof(struct %s__frame))};\n",
             n, n, n, n, t, n);

  /* The constructor: takes the first source and the captured values. */
  gx_clause *c0 = &g->clauses.v[0];
  char *u0 = typ(&c, c0->type), *v0 = name_of(&c, c0->var);
  buf_printf(out, "static yc_gen *%s__new(", n);
  if (c0->kind == GX_IN)
    buf_puts(out, "yc_gen *yc__src");
  else
    buf_printf(out, "%s yc__lo, %s yc__hi, %s yc__step", u0, u0, u0);
  for (size_t i = 0; i < g->caps.n; i++) {
    gx_capture *cp = &g->caps.v[i];
    if (cp->is_array)
      buf_printf(out, ", const void *%s", cp->name);
    else
      buf_printf(out, ", __typeof__(%s) %s", cp->type, cp->name);
  }
  buf_puts(out, ") {\n");
  buf_printf(out, "  struct %s__frame *yc__gf = (struct %s__frame *)yc__frame_new(&%s__type);\n", n,
             n, n);
  buf_printf(out, "  if (!yc__gf) { %sreturn NULL; }\n",
             c0->kind == GX_IN ? "yc_free(yc__src); " : "");
  for (size_t i = 0; i < g->caps.n; i++) {
    gx_capture *cp = &g->caps.v[i];
    if (cp->is_array)
      buf_printf(
          out,
          "  __builtin_memcpy((void *)(__UINTPTR_TYPE__)&yc__gf->%s, %s, sizeof yc__gf->%s);\n",
          cp->name, cp->name, cp->name);
    else
      buf_printf(out, "  YC__SAVE(yc__gf->%s, %s);\n", cp->name, cp->name);
  }
  if (c0->kind == GX_IN)
    buf_puts(out, "  yc__gf->yc__src1 = yc__src;\n");
  else
    buf_printf(out,
               "  yc__gf->%s = yc__lo; yc__gf->yc__hi1 = yc__hi; yc__gf->yc__step1 = yc__step;\n",
               v0);
  buf_puts(out, "  /* suspended at its start: a close before the first item frees the source */\n"
                "  yc__gf->yc_hdr.state = 1;\n  yc__gf->yc_hdr.status = YC__SUSPENDED;\n"
                "  return (yc_gen *)&yc__gf->yc_hdr;\n}\n");
  free(u0);
  free(v0);

  /* The resume function; __func__ in the user's text names the function
   * the expression is written in. */
  static const char *const func_names[] = {"__func__", "__FUNCTION__", "__PRETTY_FUNCTION__"};
  for (size_t i = 0; i < 3; i++)
    buf_printf(out, "#pragma push_macro(\"%s\")\n#undef %s\n#define %s yc__func\n", func_names[i],
               func_names[i], func_names[i]);
  buf_printf(out, "static int %s__resume(yc_coro *yc__c, void *yc__out, const void *yc__in) {\n",
             n);
  buf_printf(out, "  static const char yc__func[] __attribute__((unused)) = \"%s\";\n", g->owner);
  buf_printf(out, "  struct %s__frame *yc__gf = (struct %s__frame *)yc__c;\n", n, n);
  buf_puts(out, "  int yc__e = 0;\n");
  for (size_t i = 0; i < g->caps.n; i++) {
    gx_capture *cp = &g->caps.v[i];
    if (cp->is_array)
      buf_printf(out, "  __typeof__(%s) %s;\n", cp->type, cp->name);
    else
      buf_printf(out, "  __typeof__(%s) %s = yc__gf->%s;\n", cp->type, cp->name, cp->name);
  }
  for (size_t j = 0; j < g->clauses.n; j++)
    if (g->clauses.v[j].kind != GX_WHERE) {
      char *v = name_of(&c, g->clauses.v[j].var), *u = typ(&c, g->clauses.v[j].type);
      buf_printf(out, "  %s %s = yc__gf->%s;\n", u, v, v);
      free(v);
      free(u);
    }
  /* statements after the declarations (-Wdeclaration-after-statement) */
  buf_puts(out, "  (void)yc__e;\n");
  for (size_t i = 0; i < g->caps.n; i++) {
    gx_capture *cp = &g->caps.v[i];
    if (cp->is_array)
      buf_printf(out, "  __builtin_memcpy(&%s, &yc__gf->%s, sizeof %s);\n", cp->name, cp->name,
                 cp->name);
    buf_printf(out, "  (void)%s;\n", cp->name);
  }
  buf_puts(out, "  (void)yc__in;\n"
                "  switch (yc__c->state) {\n"
                "  case 1: goto yc__start;\n"
                "  case 2: goto yc__resume;\n"
                "  case YC__STEERED(1): case YC__STEERED(2): goto yc__fail; /* close, throw */\n"
                "  default: return YC__RETURN;\n  }\nyc__start:\n");
  loops(&c, 0);
  buf_puts(out, "  yc__c->state = -1;\n  return YC__RETURN;\nyc__fail:\n");
  /* the innermost source first, as the loops unwind */
  for (size_t j = g->clauses.n; j-- > 0;)
    if (g->clauses.v[j].kind == GX_IN)
      buf_printf(out, "  yc_free(yc__gf->yc__src%zu); yc__gf->yc__src%zu = NULL;\n", j + 1, j + 1);
  buf_puts(out, "  yc__c->state = -1;\n"
                "  return (yc__c->flags & YC__F_CLOSE) ? YC__RETURN : YC__FAIL;\n}\n");
  for (size_t i = 0; i < 3; i++)
    buf_printf(out, "#undef %s\n#pragma pop_macro(\"%s\")\n", func_names[i], func_names[i]);
  free(value);
  free(t);
}

void lower_genexprs_at(const lower_opts *o, unsigned at, buf *out) {
  const ir_unit *u = o->u;
  VEC(ir_genexpr *) here = {0};
  for (size_t i = 0; i < u->genexprs.n; i++)
    if (u->genexprs.v[i]->at == at && u->genexprs.v[i]->clauses.n)
      VEC_PUSH(here, u->genexprs.v[i]);
  if (!here.n)
    return;
  /* nested ones first: an outer one's code creates them */
  qsort(here.v, here.n, sizeof *here.v, by_start_desc);
  /* Their code is written in no function's context: nested expressions
   * are the only text to rewrite. */
  lctx lc = {0};
  lc.o = o;
  lc.f = &u->file;
  lc.out = out;
  VEC(ir_node *) refs = {0};
  for (size_t i = 0; i < u->genexprs.n; i++)
    VEC_PUSH(refs, u->genexprs.v[i]->node);
  if (refs.n)
    qsort(refs.v, refs.n, sizeof *refs.v, by_start);
  lc.refs = refs.v;
  lc.nrefs = refs.n;
  if (out->len && out->s[out->len - 1] != '\n')
    buf_putc(out, '\n');
  if (o->lines)
    buf_puts(out, LINE_OUT);
  for (size_t i = 0; i < here.n; i++)
    lower_one(&lc, here.v[i]);
  line_back_to(o, at, out);
  free(refs.v);
  free(here.v);
}

/* lower.c - turns a coroutine function into a frame struct, a constructor
 * and a resume function, keeping the user's code as written.
 *
 * The resume function is the user's body with three kinds of change:
 * uses of lifted variables become frame fields (f->i); declarations of
 * lifted variables become assignments; each suspension point becomes
 * "store, save the state, return; label:".  A switch at the top jumps to
 * the label of the saved state, so loops, switches and blocks keep their
 * shape and nothing is restructured but a loop whose header suspends.  A
 * suspension point inside a larger expression is lowered by lower_expr.c.
 * Leaving a scope by any path
 * (its end, break, continue, return, goto, an error or close arriving at a
 * suspension point) calls the cleanups of its lifted variables, innermost
 * first - the "leap" computations below. */
#include "lower.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"
#include "lower_internal.h"

void line_back_to(const lower_opts *o, unsigned pos, buf *out) {
  if (!o->lines)
    return;
  unsigned l, c;
  diag_line_col(&o->u->file, pos, &l, &c);
  buf_printf(out, "#line %u \"%s\"\n", l, o->line_path);
  for (unsigned k = 1; k < c; k++)
    buf_putc(out, ' ');
}

char *new_temp(lctx *lc, const char *type, const char *prefix) {
  char *name = xasprintf("yc__%s%zu", prefix, lc->temp_names.n + 1);
  VEC_PUSH(lc->temp_names, name);
  VEC_PUSH(lc->temp_types, xstrdup(type));
  VEC_PUSH(lc->temp_local, false);
  return name;
}

/* ---- text helpers ----------------------------------------------------- */

/* Copies the input's text [b, e), with every use of a lifted variable in
 * it turned into its frame field.  Uses are rewritten here, token by token,
 * rather than through the tree: tokens that macros produce share the
 * invocation's span, so the tree's spans may overlap, its tokens do not. */
static void put_src_skip(lctx *lc, unsigned b, unsigned e, const ir_node *skip) {
  if (e > lc->f->len)
    e = lc->f->len;
  if (e <= b)
    return;
  size_t lo = 0, hi = lc->nrefs;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (lc->refs[mid]->sp.b < b)
      lo = mid + 1;
    else
      hi = mid;
  }
  unsigned pos = b;
  for (size_t i = lo; i < lc->nrefs && lc->refs[i]->sp.b < e; i++) {
    ir_node *r = lc->refs[i];
    if (r == skip || r->sp.b < pos || r->sp.e > e)
      continue;
    buf_put(lc->out, lc->f->text + pos, r->sp.b - pos);
    if (is_genexpr_node(r)) {
      gx_put_call(lc, r);
    } else if (r->kind == IR_VARREF) {
      ir_var *v = &lc->fn->vars.v[r->var];
      if (v->deref_type) /* a va_list parameter */
        buf_printf(lc->out, "(*(%s *)%s->%s)", v->deref_type, lc->fn->fp, v->field);
      else if (v->local_type) /* a byte slot: the type is named where it is used */
        buf_printf(lc->out, "(*(%s *)%s->%s)", v->type, lc->fn->fp, v->field);
      else
        buf_puts(lc->out, lc->fn->fp), buf_puts(lc->out, "->"), buf_puts(lc->out, v->field);
    } else {
      /* a compound literal lives as long as its block: in the frame */
      const char *t = r->name;
      buf_printf(lc->out,
                 "(*(__typeof__(%s->%s) *)__builtin_memcpy((void *)(__UINTPTR_TYPE__)&%s->%s, &",
                 lc->fn->fp, t, lc->fn->fp, t);
      put_src_skip(lc, r->sp.b, r->sp.e, r);
      buf_printf(lc->out, ", sizeof %s->%s))", lc->fn->fp, t);
    }
    pos = r->sp.e;
  }
  if (e > pos)
    buf_put(lc->out, lc->f->text + pos, e - pos);
}

void put_src(lctx *lc, unsigned b, unsigned e) { put_src_skip(lc, b, e, NULL); }

static int ref_order(const void *a, const void *b) {
  const ir_node *x = *(ir_node *const *)a, *y = *(ir_node *const *)b;
  return x->sp.b < y->sp.b ? -1 : x->sp.b > y->sp.b;
}

typedef VEC(ir_node *) node_vec;

static bool in_suspending_block(ir_node *n) {
  for (ir_node *p = n->parent; p; p = p->parent)
    if (p->kind == IR_COMPOUND || p->kind == IR_FOR)
      return p->has_susp;
  return false;
}

static void collect_refs(lctx *lc, ir_node *n, node_vec *out) {
  if (!n)
    return;
  /* a generator expression is written as a whole: of the uses inside,
   * only those of its first source are rewritten (gx_put_call) */
  if (n->kind == IR_VARREF && !n->in_macro && lc->fn->vars.v[n->var].resident &&
      (!is_genexpr_node(n->parent) || (n->tag && !strcmp(n->tag, "gx-src"))))
    VEC_PUSH(*out, n);
  if (is_genexpr_node(n))
    VEC_PUSH(*out, n);
  if (n->kind == IR_EXPR && n->tag && !strcmp(n->tag, "compound-literal") && !n->has_susp &&
      n->ctype && in_suspending_block(n)) {
    free(n->name);
    n->name = xstrdup(new_temp(lc, n->ctype, "lit"));
    VEC_PUSH(*out, n);
  }
  for (unsigned i = 0; i < n->nkids; i++)
    collect_refs(lc, n->kids[i], out);
}

static unsigned line_of(lctx *lc, unsigned off) {
  unsigned l, c;
  diag_line_col(lc->f, off, &l, &c);
  return l;
}

static void line_directive(lctx *lc, buf *b, unsigned off) {
  if (!lc->o->lines)
    return;
  if (b->len && b->s[b->len - 1] != '\n')
    buf_putc(b, '\n');
  buf_printf(b, "#line %u \"%s\"\n", line_of(lc, off), lc->o->line_path);
}

/* The text out holds from mark on, every line of it mapped to the line of
 * the input at off: generated scaffolding a debugger shows as that line. */
static void map_lines_to(lctx *lc, buf *out, size_t mark, unsigned off) {
  if (!lc->o->lines || out->len <= mark)
    return;
  size_t n = out->len - mark;
  char *text = xmalloc(n + 1);
  memcpy(text, out->s + mark, n);
  text[n] = '\0';
  out->len = mark;
  unsigned line = line_of(lc, off);
  for (char *p = text; *p;) {
    char *nl = strchr(p, '\n');
    size_t len = nl ? (size_t)(nl - p + 1) : strlen(p);
    if (*p != '#')
      buf_printf(out, "#line %u \"%s\"\n", line, lc->o->line_path);
    buf_put(out, p, len);
    p += len;
  }
  free(text);
}

static unsigned count_nl(const char *s, size_t n) {
  unsigned k = 0;
  for (size_t i = 0; i < n; i++)
    k += s[i] == '\n';
  return k;
}

/* After replacing orig with the text from mark on, put the following text
 * back on its source line if the replacement changed the line count. */
static void resync(lctx *lc, size_t mark, span orig) {
  unsigned a = count_nl(lc->out->s + mark, lc->out->len - mark);
  unsigned b = count_nl(lc->f->text + orig.b, orig.e - orig.b);
  if (a != b)
    line_directive(lc, lc->out, orig.e);
}

/* Offset just past the ';' that ends the statement n, if there is one. */
static unsigned stmt_end(lctx *lc, ir_node *n) {
  unsigned off = lex_skip_ws(lc->f->text, lc->f->len, n->sp.e);
  return off < lc->f->len && lc->f->text[off] == ';' ? off + 1 : n->sp.e;
}

/* A type usable in casts and declarations: as written when simple, else
 * through __typeof__ so declarator syntax (function pointers) works. */
static char *type_ref(const char *t) {
  if (strpbrk(t, "(["))
    return xasprintf("__typeof__(%s)", t);
  return xstrdup(t);
}

/* The field type of a lifted variable: its type without top-level const,
 * since the frame assigns it. */
static char *field_type(const char *t) {
  char *s = xstrdup(t);
  size_t n = strlen(s);
  if (n > 5 && !strcmp(s + n - 5, "const") && (s[n - 6] == ' ' || s[n - 6] == '*')) {
    s[n - 5] = 0;
  } else if (!strncmp(s, "const ", 6) && !strpbrk(s, "*([")) {
    memmove(s, s + 6, n - 5);
  }
  char *r = type_ref(s);
  free(s);
  return r;
}

const char *fp(lctx *lc) { return lc->fn->fp; }

/* ---- rendering children ------------------------------------------------ */

int by_start(const void *a, const void *b) {
  const ir_node *x = *(ir_node *const *)a, *y = *(ir_node *const *)b;
  return x->sp.b < y->sp.b ? -1 : x->sp.b > y->sp.b;
}

/* Copies [b, e) of the input, rendering the kids of n that lie inside;
 * returns where the copy ended (past e when a kid took its ';'). */
static unsigned emit_kids(lctx *lc, ir_node *n, unsigned b, unsigned e) {
  unsigned pos = b;
  if (n->nkids) {
    ir_node **ks = xmalloc(n->nkids * sizeof *ks);
    memcpy(ks, n->kids, n->nkids * sizeof *ks);
    qsort(ks, n->nkids, sizeof *ks, by_start);
    for (unsigned i = 0; i < n->nkids; i++) {
      ir_node *k = ks[i];
      if (k->sp.b < pos || k->sp.e > e || k->sp.b < b)
        continue;
      /* plain expressions are copied; put_src rewrites their variables */
      if ((k->kind == IR_EXPR || k->kind == IR_VARREF || k->kind == IR_ASSIGN) && !k->has_susp)
        continue;
      put_src(lc, pos, k->sp.b);
      unsigned end = render(lc, k);
      pos = end > k->sp.b ? end : k->sp.b;
    }
    free(ks);
  }
  if (pos < e)
    put_src(lc, pos, e);
  return pos > e ? pos : e;
}

/* Renders the span sp of node n's text into a new string. */
char *render_span(lctx *lc, ir_node *n, span sp) {
  buf *saved = lc->out;
  buf tmp = {0};
  lc->out = &tmp;
  emit_kids(lc, n, sp.b, sp.e);
  lc->out = saved;
  return buf_take(&tmp);
}

/* Renders a statement including its ';'. */
static void render_stmt(lctx *lc, ir_node *n) {
  unsigned end = render(lc, n);
  if (n->kind != IR_COMPOUND) {
    unsigned se = stmt_end(lc, n);
    if (end < se)
      put_src(lc, end, se);
  }
}

/* ---- leaps: cleanups on the way out of scopes ------------------------- */


/* Cleanup calls of the lifted variables of scope s declared before pos,
 * last declared first. */
static void scope_cleanups_after(lctx *lc, ir_node *s, unsigned from, unsigned pos, buf *b) {
  for (size_t i = lc->fn->vars.n; i-- > 0;) {
    ir_var *v = &lc->fn->vars.v[i];
    /* declared only once its initialiser has finished: an error or close
     * arriving inside the initialiser finds nothing to clean up */
    unsigned declared = v->has_init ? v->init.e : v->name_sp.e;
    if (v->scope != s || !v->lifted || !v->cleanup || declared > pos || v->name_sp.b < from)
      continue;
    buf_printf(b, "%s(&%s->%s); ", v->cleanup, fp(lc), v->field);
  }
}

static void scope_cleanups(lctx *lc, ir_node *s, unsigned pos, buf *b) {
  scope_cleanups_after(lc, s, 0, pos, b);
}

/* Cleanups for leaving every scope around `from` up to `stop` (exclusive;
 * NULL: leave the function). */
static void leave_scopes(lctx *lc, ir_node *from, ir_node *stop, buf *b) {
  for (ir_node *s = from->parent; s && s != stop; s = s->parent)
    if (ir_is_scope(s))
      scope_cleanups(lc, s, from->sp.b, b);
}

/* The yc_try whose try block encloses n, or NULL.  A deadline scope
 * catches like a yc_try (its catch decides whether the error goes on). */
static ir_node *enclosing_try(ir_node *n) {
  for (ir_node *c = n, *p = n->parent; p; c = p, p = p->parent) {
    if (p->kind == IR_TRY && p->nkids && p->kids[0] == c)
      return p;
    if (p->kind == IR_DEADLINE && p->for_body >= 0 && p->kids[p->for_body] == c)
      return p;
  }
  return NULL;
}

static ir_node *find_label(ir_node *n, const char *name) {
  if (!n)
    return NULL;
  if (n->kind == IR_LABEL && n->name && !strcmp(n->name, name))
    return n;
  for (unsigned i = 0; i < n->nkids; i++) {
    ir_node *r = find_label(n->kids[i], name);
    if (r)
      return r;
  }
  return NULL;
}

/* Code that makes the error in yc__c->error unwind from n: to the catch of
 * the enclosing yc_try, or out of the function. */
static void raise_from(lctx *lc, ir_node *n, buf *b, bool unwinding) {
  ir_node *t = enclosing_try(n);
  if (t) {
    leave_scopes(lc, n, t, b);
    /* from an unwind block the C locals are the frame's */
    buf_printf(b, "goto yc_%s_%d;", unwinding ? "restore" : "catch", t->state);
  } else {
    leave_scopes(lc, n, NULL, b);
    buf_puts(b, "goto yc_fail;");
  }
}

/* The unwind block of resume point s. */
static void add_unwind(lctx *lc, ir_node *s) {
  buf *b = &lc->unwinds;
  /* A throw or close arriving at a parked wait: yc__wait_steer takes the
   * wait out of the channels' queues; when it had completed already and
   * the error is a cancellation or a deadline, the await completes with
   * its result (the operation happened: its item must not be lost) and
   * the error, level-triggered, arrives at the next suspension point (it
   * is not this frame's failure: error is cleared, as a catch does). */
  if (s->chan_try != CHAN_TRY_NONE && s->nargs)
    buf_printf(b,
               "yc_steer_%d: __attribute__((unused));\n  if (!%s->yc__sub) { "
               "if (yc__wait_steer(yc__c, &%s->yc__w)) { yc__c->error = 0; goto yc_resume_%d; } } "
               "else { yc__free(%s->yc__sub); %s->yc__sub = NULL; }\n",
               s->state, fp(lc), fp(lc), s->state, fp(lc), fp(lc));
  /* A throw or close arriving at a delegation: the sub is freed first. */
  else if (ir_delegates(s))
    buf_printf(b, "yc_steer_%d: __attribute__((unused));\n  yc__free(%s->yc__sub); %s->yc__sub = NULL;\n",
               s->state, fp(lc), fp(lc));
  buf_printf(b, "yc_unwind_%d: __attribute__((unused));\n  ", s->state);
  ir_node *t = enclosing_try(s);
  if (t) {
    buf_puts(b, "if (yc__c->flags & YC__F_CLOSE) { ");
    leave_scopes(lc, s, NULL, b);
    buf_puts(b, "goto yc_fail; }\n  ");
  }
  raise_from(lc, s, b, true);
  buf_puts(b, "\n");
}

/* ---- the frame's layout ------------------------------------------------ */

/* The scope of v that a frame layout nests under: NULL for a parameter or
 * a local of the function's outermost block. */
static ir_node *layout_scope(const ir_func *fn, const ir_var *v) {
  if (v->is_param)
    return NULL;
  ir_node *n = v->scope;
  while (n && n != fn->body_node && !ir_is_scope(n))
    n = n->parent; /* e.g. a yc_try's catch variable */
  return n == fn->body_node ? NULL : n;
}

/* The scope directly under `under` (NULL: the function) on the way to v's
 * scope, or NULL when v's scope is not inside `under`. */
static ir_node *scope_below(const ir_func *fn, const ir_var *v, ir_node *under) {
  ir_node *last = NULL;
  for (ir_node *n = layout_scope(fn, v); n && n != fn->body_node; n = n->parent) {
    if (n == under)
      return last;
    if (ir_is_scope(n))
      last = n;
  }
  return under ? NULL : last;
}

/* The frame slot of v: of its type, or bytes of its size and alignment
 * when the type cannot be named at file scope. */
static void slot_decl(buf *out, const ir_var *v) {
  if (v->local_type) {
    buf_printf(out, "_Alignas(%llu) %s%sunsigned char %s[%llu];\n", v->align,
               v->align_spec ? v->align_spec : "", v->align_spec ? " " : "", v->field,
               v->size ? v->size : 1);
    return;
  }
  /* a frame-resident variable keeps its qualifiers (_Generic, const) */
  char *t = v->resident ? type_ref(v->type) : field_type(v->type);
  buf_printf(out, "%s%s%s %s;\n", v->align_spec ? v->align_spec : "", v->align_spec ? " " : "", t,
             v->field);
  free(t);
}

/* The fields of the lifted variables of scope `sc` (NULL: the function's
 * parameters and outermost locals), then those of the scopes inside it.
 * Scopes side by side never run at the same time, so their variables
 * share storage: each becomes a struct in one union. */
static void frame_fields(buf *out, const ir_func *fn, ir_node *sc, int depth) {
  VEC(ir_node *) kids = {0};
  for (size_t i = 0; i < fn->vars.n; i++) {
    const ir_var *v = &fn->vars.v[i];
    if (!v->lifted)
      continue;
    if (layout_scope(fn, v) == sc) {
      buf_printf(out, "%*s", 2 * depth, "");
      slot_decl(out, v);
      continue;
    }
    ir_node *k = scope_below(fn, v, sc);
    bool seen = !k;
    for (size_t j = 0; j < kids.n && !seen; j++)
      seen = kids.v[j] == k;
    if (!seen)
      VEC_PUSH(kids, k);
  }
  if (kids.n == 1) {
    frame_fields(out, fn, kids.v[0], depth);
  } else if (kids.n > 1) {
    buf_printf(out, "%*sunion { /* scopes that never run at the same time */\n", 2 * depth, "");
    for (size_t j = 0; j < kids.n; j++) {
      buf_printf(out, "%*sstruct {\n", 2 * depth + 2, "");
      frame_fields(out, fn, kids.v[j], depth + 2);
      buf_printf(out, "%*s};\n", 2 * depth + 2, "");
    }
    buf_printf(out, "%*s};\n", 2 * depth, "");
  }
  free(kids.v);
}

/* ---- suspension points ------------------------------------------------ */

/* A _Bool local saved before it was first assigned (live across a
 * suspension point only by the analysis' coarse rule, as in
 * `bool ok; while ((ok = await(...)))`) holds bytes that are no _Bool
 * value: reading the slot as one is undefined (UBSan's -fsanitize=bool
 * stops there), so it is restored as bytes, like the save. */
static bool is_bool(const char *type) {
  return !strcmp(type, "_Bool") || !strcmp(type, "bool") || !strcmp(type, "const _Bool") ||
         !strcmp(type, "volatile _Bool");
}

/* Copies C local v into its frame slot (save) or back (restore). */
static void copy_var(lctx *lc, const ir_var *v, bool save, buf *o) {
  const char *f = fp(lc);
  /* the slot's size came from libclang; in a block of its own, as a
   * declaration (-Wdeclaration-after-statement) */
  if (v->local_type && save)
    buf_printf(o, "{ _Static_assert(sizeof %s == %llu, \"yieldc: frame slot of %s\"); } ", v->name,
               v->size, v->name);
  if (v->is_register && save) /* no address: by value */
    buf_printf(o, "%s->%s = %s; ", f, v->field, v->name);
  else if (v->is_register)
    buf_printf(o, "%s = %s->%s; ", v->name, f, v->field);
  else if (save)
    buf_printf(o, "YC__SAVE(%s->%s, %s); ", f, v->field, v->name);
  else if (!v->copy_bytes && !v->local_type && !is_bool(v->type))
    buf_printf(o, "%s = %s->%s; ", v->name, f, v->field);
  else
    buf_printf(o, "YC__RESTORE(%s, %s->%s); ", v->name, f, v->field);
}

/* Saves (or restores) what suspension point s keeps of the C locals. */
static void save_live(lctx *lc, const ir_node *s, bool save, buf *o) {
  for (unsigned i = 0; i < s->nlive; i++) {
    const ir_var *v = &lc->fn->vars.v[s->live[i]];
    if (save || !v->is_param) /* a parameter's local is read from the frame at entry */
      copy_var(lc, v, save, o);
  }
}

/* Emits the code of suspension point s; lhs (may be NULL) receives its
 * value with the assignment operator op. */
void emit_suspend(lctx *lc, ir_node *s, const char *lhs, const char *op) {
  ir_func *fn = lc->fn;
  char *arg = s->nargs ? operand(lc, s, s->args[0]) : NULL;
  char *item0 = s->susp == SUSP_AWAIT_NEXT && s->nargs == 2 ? operand(lc, s, s->args[1]) : NULL;
  buf *o = lc->out;
  char *t = s->nargs == 2 && s->susp != SUSP_AWAIT_NEXT
                ? lex_squash(lc->f->text + s->args[1].b, s->args[1].e - s->args[1].b)
                : NULL;
  char *tr = t ? type_ref(t) : NULL;
  bool sub = ir_delegates(s);
  buf_puts(o, "{ ");
  bool try_first = arg && s->chan_try != CHAN_TRY_NONE;
  if (try_first) {
    /* arg is "yc_chan_send(ARGS)" as rendered: one call with ARGS tries
     * the operation and, when it cannot complete at once, parks the task
     * in the frame's wait record (yc__chan_send_or_park, ...: inline fast
     * path, one out-of-line call otherwise) so that it suspends without an
     * operation frame; only when the park is refused, await the operation
     * as written (ARGS are side-effect free, see chan_try_of), which
     * reports why.  Both ways of waiting resume at the same state:
     * yc__sub NULL says the task was parked. */
    static const char *const op_name[] = {[CHAN_TRY_SEND] = "chan_send_or_park",
                                          [CHAN_TRY_RECV] = "chan_recv_or_park",
                                          [CHAN_TRY_SELECT] = "select_or_park"};
    const char *paren = strchr(arg, '('), *last = strrchr(arg, ')');
    char *args = xasprintf("%.*s", (int)(last - paren - 1), paren + 1);
    /* A select's count converted as the user wrote it (an int n) warns
     * (-Wsign-conversion) once, in the await kept as written: the copies
     * convert it explicitly.  (chan_try_of allows a single comma.) */
    char *comma = strchr(args, ',');
    if (s->chan_try == CHAN_TRY_SELECT && comma) {
      const char *n = comma + 1;
      while (*n == ' ' || *n == '\t' || *n == '\n')
        n++;
      char *a2 = xasprintf("%.*s, (size_t)(%s)", (int)(comma - args), args, n);
      free(args);
      args = a2;
    }
    /* One call tries and, failing that, parks: yc__k is YC__OP_DONE (1),
     * _PARKED (0) or _REFUSED (-1). */
    buf_printf(o, "%s yc__r; int yc__k = yc__%s(%s, &yc__r, &%s->yc__w); if (yc__k > 0) { ",
               s->chan_try == CHAN_TRY_RECV ? "bool" : "int", op_name[s->chan_try], args, fp(lc));
    if (lhs)
      buf_printf(o, "%s %s yc__r; ", lhs, op);
    buf_printf(o, "} else { if (__builtin_expect(yc__k == 0, 1)) { %s->yc__sub = NULL; ", fp(lc));
    free(args);
    save_live(lc, s, true, o);
    buf_printf(o, "yc__c->state = %d; return YC__PENDING; } ", s->state);
  }
  if (s->susp == SUSP_YIELD) {
    if (arg) {
      char *yr = field_type(fn->y);
      buf_printf(o, "if (yc__out) *(%s *)yc__out = (%s); ", yr, arg);
      free(yr);
    }
    save_live(lc, s, true, o);
    buf_printf(o, "yc__c->state = %d; return YC__YIELD; ", s->state);
  } else if (sub) {
    buf_printf(o, "%s->yc__sub = (yc_coro *)(%s); ", fp(lc), arg ? arg : "NULL");
    save_live(lc, s, true, o);
    buf_printf(o, "yc__c->state = %d; return yc__delegate(yc__c, %s->yc__sub); ", s->state, fp(lc));
  } else {
    /* await_next(s, &x): the operands first, then what is saved */
    buf_printf(o, "__typeof__(%s) yc__stream = (%s); __typeof__(%s) yc__item = (%s); ", arg, arg,
               item0, item0);
    save_live(lc, s, true, o);
    buf_printf(o,
               "yc__c->state = %d; return yc__await_next(yc__c, yc__stream, yc__item, "
               "yc__sizeof_ptr(yc__item)); ",
               s->state);
    free(item0);
  }
  /* A throw or close arrives as state YC__STEERED(k), which the resume
   * function's switch sends to the unwind block; yc_resume_k is reached by
   * a plain resumption only. */
  buf_printf(o, "yc_resume_%d: __attribute__((unused)); ", s->state);
  save_live(lc, s, false, o);
  if (try_first) {
    buf_printf(o, "if (__builtin_expect(!%s->yc__sub, 1)) { ", fp(lc));
    if (lhs)
      buf_printf(o, "%s %s yc__wait_result(&%s->yc__w); ", lhs, op, fp(lc));
    buf_puts(o, "} else { ");
  }
  if (lhs) {
    if (s->susp == SUSP_YIELD)
      buf_printf(o, "%s %s (yc__in ? *(%s const *)yc__in : (%s){0}); ", lhs, op, tr, tr);
    else if (sub)
      /* the sub's R is known only at run time: check T's size against it */
      buf_printf(o,
                 "if ((yc__c->error = yc__check_result(%s->yc__sub, sizeof(%s))) != 0) { "
                 "yc__free(%s->yc__sub); %s->yc__sub = NULL; goto yc_unwind_%d; } "
                 "%s %s *(%s *)yc__result_ptr(%s->yc__sub); ",
                 fp(lc), tr, fp(lc), fp(lc), s->state, lhs, op, tr, fp(lc));
    else
      buf_printf(o, "%s %s (yc__in && *(const bool *)yc__in); ", lhs, op);
  }
  if (sub)
    buf_printf(o, "yc__free(%s->yc__sub); %s->yc__sub = NULL; ", fp(lc), fp(lc));
  if (try_first)
    buf_puts(o, "} } ");
  buf_puts(o, "}");
  add_unwind(lc, s);
  free(arg);
  free(t);
  free(tr);
}

/* ---- statements --------------------------------------------------------- */

static unsigned render_expr_stmt(lctx *lc, ir_node *n) {
  ir_node *e = n->nkids ? n->kids[0] : NULL;
  unsigned end = stmt_end(lc, n);
  if (e && e->kind == IR_SUSPEND) {
    size_t mark = lc->out->len;
    emit_suspend(lc, e, NULL, NULL);
    resync(lc, mark, (span){n->sp.b, end});
    return end;
  }
  if (e && e->kind == IR_ASSIGN) {
    ir_node *rhs = NULL;
    bool lhs_susp = false;
    for (unsigned i = 0; i < e->nkids; i++) {
      if (e->kids[i]->kind == IR_SUSPEND && e->kids[i]->sp.b == e->args[1].b)
        rhs = e->kids[i];
      else if (e->kids[i]->has_susp)
        lhs_susp = true;
    }
    if (rhs && !lhs_susp) {
      size_t mark = lc->out->len;
      char *lhs = render_span(lc, e, e->args[0]);
      emit_suspend(lc, rhs, lhs, e->op);
      free(lhs);
      resync(lc, mark, (span){n->sp.b, end});
      return end;
    }
  }
  if (e && e->has_susp) {
    size_t mark = lc->out->len;
    buf_puts(lc->out, "{ ");
    char *r = explode(lc, e);
    buf_printf(lc->out, "%s; }", r);
    free(r);
    resync(lc, mark, (span){n->sp.b, end});
    return end;
  }
  return emit_kids(lc, n, n->sp.b, n->sp.e);
}

static bool decl_resident(lctx *lc, ir_node *n) {
  for (unsigned i = 0; i < n->ndecl; i++)
    if (lc->fn->vars.v[n->decl_vars[i]].resident)
      return true;
  return false;
}

/* Past the top-level ',' (or to e) at or after off: the end of a
 * declarator in [off, e), skipping brackets, strings and comments. */
static unsigned declarator_end(const src_file *f, unsigned off, unsigned e) {
  int depth = 0;
  for (unsigned i = off; i < e; i++) {
    char c = f->text[i];
    if (c == '"' || c == '\'') {
      for (i++; i < e && f->text[i] != c; i++)
        if (f->text[i] == '\\')
          i++;
    } else if (c == '/' && i + 1 < e && f->text[i + 1] == '*') {
      for (i += 2; i + 1 < e && !(f->text[i] == '*' && f->text[i + 1] == '/'); i++)
        ;
      i++;
    } else if (c == '/' && i + 1 < e && f->text[i + 1] == '/') {
      while (i < e && f->text[i] != '\n')
        i++;
    } else if (c == '(' || c == '[' || c == '{') {
      depth++;
    } else if (c == ')' || c == ']' || c == '}') {
      depth--;
    } else if (c == ',' && depth == 0) {
      return i;
    }
  }
  return e;
}

/* Where the declarator of v begins: its name, after the pointer and
 * parenthesis tokens and qualifiers written before it. */
static unsigned declarator_start(const src_file *f, const ir_var *v, unsigned lo) {
  unsigned b = v->name_sp.b;
  for (;;) {
    unsigned q = b;
    while (q > lo && (f->text[q - 1] == ' ' || f->text[q - 1] == '\t' || f->text[q - 1] == '\n' ||
                      f->text[q - 1] == '*' || f->text[q - 1] == '('))
      q--;
    unsigned w = q;
    while (w > lo && is_ident_char((unsigned char)f->text[w - 1]))
      w--;
    static const char *const quals[] = {"const", "volatile", "restrict", "__restrict",
                                        "__restrict__", "_Atomic"};
    bool qual = false;
    for (size_t i = 0; i < sizeof quals / sizeof quals[0] && w < q; i++)
      qual = qual || (strlen(quals[i]) == q - w && !strncmp(f->text + w, quals[i], q - w));
    if (qual && w > lo) {
      b = w;
      continue;
    }
    /* only what belongs to the declarator: the '*'s and '('s before the name */
    while (q < b && (f->text[q] == ' ' || f->text[q] == '\t' || f->text[q] == '\n'))
      q++;
    return q;
  }
}

/* Stores init into resident v's frame slot. */
static void store_resident(lctx *lc, ir_var *v, const char *init, bool in_for_init) {
  const char *f = fp(lc);
  if (in_for_init || (!v->copy_bytes && !v->local_type)) {
    if (v->is_array)
      buf_printf(lc->out, "__builtin_memcpy((void *)&%s->%s, &(__typeof__(%s->%s))%s%s%s, sizeof %s->%s)",
                 f, v->field, f, v->field, v->braced_init ? "" : "{", init,
                 v->braced_init ? "" : "}", f, v->field);
    else if (v->braced_init)
      buf_printf(lc->out, "%s->%s = (__typeof__(%s->%s))%s", f, v->field, f, v->field, init);
    else
      buf_printf(lc->out, "%s->%s = %s", f, v->field, init);
    return;
  }
  /* through a C object of its type: arrays, const members, local types */
  if (v->local_type)
    buf_printf(lc->out, "{ %s yc__init = %s; ", v->type, init);
  else
    buf_printf(lc->out, "{ __typeof__(%s->%s) yc__init = %s; ", f, v->field, init);
  buf_printf(lc->out,
             "__builtin_memcpy((void *)(__UINTPTR_TYPE__)&%s->%s, (const void *)&yc__init, "
             "sizeof yc__init); }",
             f, v->field);
}

/* store_resident as declarations (of otherwise unused names), so that
 * the user's declarations after it still follow a declaration. */
static void store_resident_decl(lctx *lc, ir_var *v, const char *init) {
  const char *f = fp(lc);
  unsigned k = ++lc->nstore;
  if (!v->copy_bytes && !v->local_type) {
    buf_printf(lc->out, "char yc__store%u __attribute__((unused)) = ((void)(", k);
    store_resident(lc, v, init, true);
    buf_puts(lc->out, "), 0); ");
    return;
  }
  if (v->local_type)
    buf_printf(lc->out, "%s yc__init%u = %s; ", v->type, k, init);
  else
    buf_printf(lc->out, "__typeof__(%s->%s) yc__init%u = %s; ", f, v->field, k, init);
  buf_printf(lc->out,
             "void *yc__store%u __attribute__((unused)) = "
             "__builtin_memcpy((void *)(__UINTPTR_TYPE__)&%s->%s, "
             "(const void *)&yc__init%u, sizeof yc__init%u); ",
             k, f, v->field, k, k);
}

/* The specifiers of a declaration that defines a tagged type, with the
 * definition's body left out ("const struct pair { int a; }" gives "const
 * struct pair"), for the declarators after the one that defined it; NULL
 * when the type has no tag or the body is not in the text (a macro). */
static char *spec_without_body(const char *spec) {
  const char *open = strchr(spec, '{'), *close = strrchr(spec, '}');
  if (!open || !close || close < open)
    return NULL;
  const char *e = open;
  while (e > spec && isspace((unsigned char)e[-1]))
    e--;
  const char *b = e;
  while (b > spec && (isalnum((unsigned char)b[-1]) || b[-1] == '_'))
    b--;
  size_t n = (size_t)(e - b);
  if (!n || (n == 6 && (!strncmp(b, "struct", 6))) || (n == 5 && !strncmp(b, "union", 5)) ||
      (n == 4 && !strncmp(b, "enum", 4)))
    return NULL;
  return xasprintf("%.*s%s", (int)(e - spec), spec, close + 1);
}

/* A declaration: as written, unless a variable it declares lives in the
 * frame (its declarator becomes a store into the frame) or an initialiser
 * suspends (the suspension point comes first, the declaration takes its
 * value).  Such a declaration is split into one per declarator, the
 * declaration specifiers repeated, so C's order is kept. */
static unsigned render_decl(lctx *lc, ir_node *n) {
  bool in_for_init = n->parent && n->parent->kind == IR_FOR && !n->parent->state &&
                     n->parent->for_init >= 0 && n->parent->kids[n->parent->for_init] == n;
  if (!n->ndecl || (!decl_resident(lc, n) && !n->has_susp))
    return emit_kids(lc, n, n->sp.b, n->sp.e);
  const src_file *f = lc->f;
  size_t mark = lc->out->len;
  unsigned dend = n->sp.e;
  if (dend > n->sp.b && f->text[dend - 1] == ';')
    dend--;
  ir_var *v0 = &lc->fn->vars.v[n->decl_vars[0]];
  unsigned first = declarator_start(f, v0, n->sp.b);
  char *spec = render_span(lc, n, (span){n->sp.b, first});
  bool defines_type = strchr(spec, '{') != NULL || v0->defines_type, type_out = false;
  /* once the type is defined, later declarators name it */
  char *named = defines_type ? spec_without_body(spec) : NULL;
  const char *first_local = NULL;
  unsigned pos = first;
  bool first_out = true;
  for (unsigned i = 0; i < n->ndecl; i++) {
    ir_var *v = &lc->fn->vars.v[n->decl_vars[i]];
    unsigned b = i == 0 ? first : lex_skip_ws(f->text, f->len, pos + 1);
    unsigned e = declarator_end(f, v->has_init ? v->init.e : v->name_sp.e, dend);
    pos = e;
    if (v->resident) {
      if (defines_type && !type_out && !in_for_init) {
        /* the type it defines stays declared: the specifiers alone */
        buf_printf(lc->out, "%s; ", spec);
        type_out = true;
      }
      if (!v->has_init)
        continue;
      ir_node *ik = kid_in(n, v->init);
      bool quiet = ik && ik->has_susp && !in_for_init;
      if (quiet)
        buf_puts(lc->out, DECL_AFTER_STMT_OFF);
      char *init = ik && ik->has_susp ? explode(lc, ik) : render_span(lc, n, v->init);
      if (in_for_init && !first_out)
        buf_puts(lc->out, ", ");
      if (in_for_init)
        store_resident(lc, v, init, true);
      else
        store_resident_decl(lc, v, init);
      if (quiet)
        buf_puts(lc->out, DECL_AFTER_STMT_ON);
      free(init);
      first_out = false;
      continue;
    }
    /* a C local: its declaration as written, the initialiser's suspension
     * points before it */
    char *init = NULL;
    ir_node *ik = v->has_init ? kid_in(n, v->init) : NULL;
    bool quiet = ik && ik->has_susp && !in_for_init;
    if (quiet)
      buf_puts(lc->out, DECL_AFTER_STMT_OFF);
    if (ik && ik->has_susp)
      init = explode(lc, ik);
    if (defines_type && type_out && named)
      buf_puts(lc->out, named);
    else if (defines_type && type_out && first_local)
      buf_printf(lc->out, "__typeof__(%s) ", first_local);
    else if (defines_type && type_out && v0->resident && !v0->local_type)
      buf_printf(lc->out, "__typeof__(%s->%s) ", lc->fn->fp, v0->field);
    else if (defines_type && type_out && v0->resident)
      buf_printf(lc->out, "%s ", v0->type);
    else
      buf_puts(lc->out, spec);
    if (!first_local)
      first_local = v->name;
    type_out = type_out || defines_type;
    if (!spec[0] || !strchr(" \t\n*", spec[strlen(spec) - 1]))
      buf_putc(lc->out, ' ');
    if (init) {
      char *head = render_span(lc, n, (span){b, v->init.b});
      buf_printf(lc->out, "%s%s", head, init);
      free(head);
      char *tail = render_span(lc, n, (span){v->init.e, e});
      buf_puts(lc->out, tail);
      free(tail);
    } else {
      char *text = render_span(lc, n, (span){b, e});
      buf_puts(lc->out, text);
      free(text);
    }
    buf_puts(lc->out, "; ");
    if (quiet)
      buf_puts(lc->out, DECL_AFTER_STMT_ON);
    free(init);
    first_out = false;
  }
  if (in_for_init)
    buf_puts(lc->out, ";");
  free(spec);
  free(named);
  resync(lc, mark, n->sp);
  return n->sp.e;
}

static unsigned render_return(lctx *lc, ir_node *n) {
  unsigned end = stmt_end(lc, n);
  size_t mark = lc->out->len;
  buf *o = lc->out;
  buf b = {0};
  char *arg = n->ret != RET_PLAIN ? operand(lc, n, n->ret_arg) : NULL;
  if (n->ret == RET_RAISE) {
    char *code = arg;
    buf_printf(o, "{ yc__c->error = (%s); ", code);
    raise_from(lc, n, &b, false);
    buf_printf(o, "%s }", b.s ? b.s : "");
  } else {
    buf_puts(o, "{ ");
    if (n->ret == RET_YC_RETURN)
      buf_printf(o, "%s->yc_result = (%s); yc__c->flags |= YC__F_HAS_RESULT; ", fp(lc), arg);
    leave_scopes(lc, n, NULL, &b);
    buf_printf(o, "%syc__c->state = -1; return YC__RETURN; }", b.s ? b.s : "");
  }
  buf_free(&b);
  free(arg);
  resync(lc, mark, (span){n->sp.b, end});
  return end;
}

/* break, continue, goto: add the cleanups of the scopes they leave. */
static unsigned render_jump(lctx *lc, ir_node *n) {
  ir_node *stop = NULL;
  bool is_goto = n->kind == IR_GOTO;
  buf b = {0};
  if (is_goto) {
    ir_node *label = find_label(lc->fn->body_node, n->name ? n->name : "");
    for (ir_node *s = n->parent; s; s = s->parent) {
      if (label && ir_encloses(s, label)) {
        /* back over declarations of the label's own scope: C leaves their
         * scope, and runs their cleanups, on every jump back */
        if (ir_is_scope(s) && label->sp.b < n->sp.b)
          scope_cleanups_after(lc, s, label->sp.b, n->sp.b, &b);
        break;
      }
      if (ir_is_scope(s))
        scope_cleanups(lc, s, n->sp.b, &b);
    }
  } else {
    for (ir_node *s = n->parent; s; s = s->parent) {
      ir_kind k = s->kind;
      if (k == IR_FOR || k == IR_WHILE || k == IR_DO || k == IR_FOREACH ||
          (k == IR_SWITCH && n->kind == IR_BREAK)) {
        stop = s;
        break;
      }
    }
    leave_scopes(lc, n, stop, &b);
  }
  unsigned end = stmt_end(lc, n);
  bool to_label = n->kind == IR_CONTINUE && stop && stop->state > 0 &&
                  (stop->kind == IR_FOR || stop->kind == IR_DO);
  if (!b.len && !to_label) {
    buf_free(&b);
    put_src(lc, n->sp.b, n->sp.e);
    return n->sp.e;
  }
  buf_printf(lc->out, "{ %s", b.s ? b.s : "");
  if (to_label)
    buf_printf(lc->out, "goto yc_cont_%d;", stop->state);
  else
    put_src(lc, n->sp.b, end);
  buf_puts(lc->out, " }");
  buf_free(&b);
  return end;
}

/* Does control never reach the end of n (it ends in break, continue, goto
 * or return, perhaps inside nested blocks)? */
static bool ends_in_jump(ir_node *n) {
  if (n->kind == IR_COMPOUND) return n->nkids && ends_in_jump(n->kids[n->nkids - 1]);
  return n->kind == IR_BREAK || n->kind == IR_CONTINUE || n->kind == IR_GOTO ||
         n->kind == IR_RETURN;
}

static unsigned render_compound(lctx *lc, ir_node *n) {
  if (n->in_macro) /* its braces are a macro's: no cleanup can be added */
    return emit_kids(lc, n, n->sp.b, n->sp.e);
  emit_kids(lc, n, n->sp.b, n->sp.e ? n->sp.e - 1 : n->sp.e);
  buf b = {0};
  if (!ends_in_jump(n))
    scope_cleanups(lc, n, n->sp.e, &b);
  if (b.len)
    buf_printf(lc->out, "%s", b.s);
  buf_free(&b);
  buf_puts(lc->out, "}");
  return n->sp.e;
}

/* Just past the ';' after off, if one follows. */
static unsigned semi_after(lctx *lc, unsigned off) {
  unsigned s = lex_skip_ws(lc->f->text, lc->f->len, off);
  return s < lc->f->len && lc->f->text[s] == ';' ? s + 1 : off;
}

/* if / switch whose condition suspends: the condition's code first. */
static unsigned render_cond_first(lctx *lc, ir_node *n) {
  ir_node *c = n->kids[0];
  size_t mark = lc->out->len;
  buf_puts(lc->out, "{ ");
  char *r = explode(lc, c);
  put_src(lc, n->sp.b, c->sp.b);
  buf_puts(lc->out, r);
  free(r);
  resync(lc, mark, (span){n->sp.b, c->sp.e});
  unsigned end = emit_kids(lc, n, c->sp.e, n->sp.e);
  unsigned se = semi_after(lc, end);
  put_src(lc, end, se);
  buf_puts(lc->out, " }");
  return se;
}

/* Appends "code; if (!(cond)) break; " for a loop condition that suspends. */
static void loop_test(lctx *lc, ir_node *c) {
  char *r = explode(lc, c);
  buf_printf(lc->out, "if (!(%s)) break; ", r);
  free(r);
}

static unsigned render_body(lctx *lc, ir_node *body) {
  render_stmt(lc, body);
  return body->kind == IR_COMPOUND ? body->sp.e : (unsigned)stmt_end(lc, body);
}

/* Loops whose condition or increment suspends are rebuilt around for (;;);
 * continue then jumps to yc_cont_K, where the increment and test run. */
static unsigned render_loop_restructured(lctx *lc, ir_node *n) {
  size_t mark = lc->out->len;
  unsigned end = n->sp.e;
  n->state = (int)++lc->ncont;
  buf_puts(lc->out, "{ ");
  if (n->kind == IR_WHILE) {
    buf_puts(lc->out, "for (;;) { ");
    loop_test(lc, n->kids[0]);
    resync(lc, mark, (span){n->sp.b, n->kids[1]->sp.b});
    end = render_body(lc, n->kids[1]);
    buf_puts(lc->out, " } }");
    return end;
  }
  if (n->kind == IR_DO) {
    buf_puts(lc->out, "for (;;) { ");
    resync(lc, mark, (span){n->sp.b, n->kids[0]->sp.b});
    render_body(lc, n->kids[0]);
    buf_printf(lc->out, " yc_cont_%d: __attribute__((unused)); ", n->state);
    loop_test(lc, n->kids[1]);
    buf_puts(lc->out, "} }");
    return stmt_end(lc, n);
  }
  /* for (init; cond; inc) body */
  if (n->for_init >= 0) {
    ir_node *init = n->kids[n->for_init];
    if (init->kind == IR_DECL) {
      render_decl(lc, init);
      size_t l = lc->out->len;
      while (l && lc->out->s[l - 1] == ' ')
        l--;
      if (l && lc->out->s[l - 1] != ';')
        buf_puts(lc->out, "; ");
      else if (l == lc->out->len)
        buf_putc(lc->out, ' ');
    } else {
      char *r = explode(lc, init);
      buf_printf(lc->out, "(void)(%s); ", r);
      free(r);
    }
  }
  buf_puts(lc->out, "for (;;) { ");
  if (n->for_cond >= 0)
    loop_test(lc, n->kids[n->for_cond]);
  if (n->for_body >= 0) {
    resync(lc, mark, (span){n->sp.b, n->kids[n->for_body]->sp.b});
    end = render_body(lc, n->kids[n->for_body]);
  }
  buf_printf(lc->out, " yc_cont_%d: __attribute__((unused)); ", n->state);
  if (n->for_inc >= 0) {
    char *r = explode(lc, n->kids[n->for_inc]);
    buf_printf(lc->out, "(void)(%s); ", r);
    free(r);
  }
  buf_puts(lc->out, "} }");
  return end;
}

static bool header_suspends(ir_node *n) {
  switch (n->kind) {
  case IR_IF:
  case IR_SWITCH:
  case IR_WHILE:
    return n->nkids && n->kids[0]->has_susp;
  case IR_DO:
    return n->nkids > 1 && n->kids[1]->has_susp;
  case IR_FOR:
    return (n->for_init >= 0 && n->kids[n->for_init]->has_susp) ||
           (n->for_cond >= 0 && n->kids[n->for_cond]->has_susp) ||
           (n->for_inc >= 0 && n->kids[n->for_inc]->has_susp);
  default:
    return false;
  }
}

/* The loop's "next" call: direct to the resume function of a generator
 * defined earlier in this file, so the compiler can inline it, or to the
 * exported resume function of one defined in another file. */
static char *next_call(ir_node *n, const char *handle, const char *item) {
  if (n->fe_known)
    return xasprintf("yc__next_known(%s, %s, yc__sizeof_ptr(%s), &%s__type, %s__%s)", handle,
                     item, item, n->fe_known, n->fe_known, n->fe_extern ? "xresume" : "resume");
  return xasprintf("yc_next(%s, %s)", handle, item);
}

static ir_node *foreach_body(ir_node *n) { return n->for_body >= 0 ? n->kids[n->for_body] : NULL; }

static char *foreach_item(lctx *lc, ir_node *n) {
  if (lc->fn && n->fe_var >= 0 && lc->fn->vars.v[n->fe_var].resident)
    return xasprintf("&%s->%s", fp(lc), lc->fn->vars.v[n->fe_var].field);
  return xasprintf("&%s", n->tag ? n->tag : "");
}

/* A statement form with a head written by the translator from output
 * position mark (yc_foreach, a deadline scope) and a body as written: the
 * head maps to n's head in the source, then the body follows.  Where the
 * statement ends in the source. */
static unsigned render_head_and_body(lctx *lc, ir_node *n, size_t mark, ir_node *body) {
  resync(lc, mark, n->fe_head);
  unsigned end = n->fe_head.e;
  if (body) {
    put_src(lc, n->fe_head.e, body->sp.b);
    render_stmt(lc, body);
    end = body->kind == IR_COMPOUND ? body->sp.e : stmt_end(lc, body);
  }
  return end;
}

/* In a coroutine: the hidden handle lives in the frame and is freed on
 * every way out of the loop. */
static unsigned render_foreach(lctx *lc, ir_node *n) {
  ir_node *body = foreach_body(n);
  char *expr = render_span(lc, n, n->fe_expr);
  char *item = foreach_item(lc, n);
  ir_var *h = NULL;
  for (size_t i = 0; i < lc->fn->vars.n; i++)
    if (lc->fn->vars.v[i].scope == n && lc->fn->vars.v[i].cleanup)
      h = &lc->fn->vars.v[i];
  size_t mark = lc->out->len;
  bool var_lifted = n->fe_var >= 0 && lc->fn->vars.v[n->fe_var].resident;
  buf_printf(lc->out, "{ %s->%s = (%s); ", fp(lc), h->field, expr);
  char *hv = xasprintf("%s->%s", fp(lc), h->field);
  char *next = next_call(n, hv, item);
  if (var_lifted) {
    buf_printf(lc->out, "while (%s) ", next);
  } else {
    char *decl = span_text(lc->f, n->fe_decl);
    buf_printf(lc->out, "for (%s; %s;) ", decl, next);
    free(decl);
  }
  free(hv);
  free(next);
  unsigned end = render_head_and_body(lc, n, mark, body);
  buf_printf(lc->out, " yc__foreach_cleanup(&%s->%s); }", fp(lc), h->field);
  free(expr);
  free(item);
  return end;
}

/* At the catch of a yc_try or a deadline scope n, reached from an unwind
 * block: the C locals in scope around n come back from the frame. */
static void restore_enclosing_locals(lctx *lc, const ir_node *n) {
  for (size_t i = 0; i < lc->fn->vars.n; i++) {
    ir_var *v = &lc->fn->vars.v[i];
    if (v->lifted && !v->resident && !v->is_param && !v->is_static && v->scope &&
        v->scope != n && ir_encloses(v->scope, n) &&
        (v->scope->kind != IR_TRY || (v->scope->nkids > 1 && ir_encloses(v->scope->kids[1], n))) &&
        (v->scope->kind != IR_COMPOUND || (v->has_init ? v->init.e : v->name_sp.e) <= n->sp.b))
      copy_var(lc, v, false, lc->out);
  }
}

/* Outside coroutines: a plain loop whose hidden handle has a cleanup. */
static unsigned render_foreach_plain(lctx *lc, ir_node *n) {
  ir_node *body = foreach_body(n);
  char *expr = render_span(lc, n, n->fe_expr);
  char *decl = span_text(lc->f, n->fe_decl);
  unsigned k = ++lc->nplain_fe;
  char *h = xasprintf("yc__fe%u_once", k);
  char *item = xasprintf("&%s", n->tag ? n->tag : "");
  char *next = next_call(n, h, item);
  free(h);
  free(item);
  size_t mark = lc->out->len;
  buf_printf(lc->out,
             "for (yc_gen *yc__fe%u __attribute__((cleanup(yc__foreach_cleanup))) = (%s), "
             "*yc__fe%u_once = yc__fe%u; yc__fe%u_once; yc__fe%u_once = NULL) "
             "for (%s; %s;)",
             k, expr, k, k, k, k, decl, next);
  resync(lc, mark, n->fe_head);
  free(expr);
  free(decl);
  free(next);
  if (!body)
    return n->fe_head.e;
  put_src(lc, n->fe_head.e, body->sp.b);
  return render(lc, body);
}

static unsigned render_try(lctx *lc, ir_node *n) {
  n->state = (int)++lc->ncatch;
  ir_node *tb = n->nkids > 0 ? n->kids[0] : NULL;
  ir_node *cb = n->nkids > 1 ? n->kids[1] : NULL;
  size_t mark = lc->out->len;
  buf_puts(lc->out, "{ ");
  resync(lc, mark, (span){n->sp.b, tb ? tb->sp.b : n->sp.e});
  if (tb)
    render_stmt(lc, tb);
  mark = lc->out->len;
  /* Reached from an unwind block, the C locals in scope come back from
   * the frame first. */
  buf_printf(lc->out, " if (0) { yc_restore_%d: __attribute__((unused)); ", n->state);
  restore_enclosing_locals(lc, n);
  /* The catch variable opens a block of its own: no declaration follows a
   * statement (-Wdeclaration-after-statement). */
  buf_printf(lc->out, "yc_catch_%d: __attribute__((unused)); { ", n->state);
  if (n->var >= 0 && lc->fn->vars.v[n->var].resident)
    buf_printf(lc->out, "%s->%s = yc__c->error; ", fp(lc), lc->fn->vars.v[n->var].field);
  else
    buf_printf(lc->out, "int %s = yc__c->error; (void)%s; ", n->name ? n->name : "yc_err",
               n->name ? n->name : "yc_err");
  buf_puts(lc->out, "yc__c->flags &= (unsigned short)~YC__F_THROW; yc__c->error = 0; ");
  resync(lc, mark, (span){tb ? tb->sp.e : n->sp.b, cb ? cb->sp.b : n->sp.e});
  unsigned end = n->sp.e;
  if (cb) {
    render_stmt(lc, cb);
    end = cb->kind == IR_COMPOUND ? cb->sp.e : stmt_end(lc, cb);
  }
  buf_puts(lc->out, " } } }");
  return end;
}

/* yc_move_on_after(ms[, &expired]) / yc_fail_after(ms) statement: the
 * scope record is a frame field whose cleanup (yc__deadline_leave) every
 * way out of the statement runs, as for a yc_foreach's handle; an error
 * unwinding out of the body arrives at the scope's catch, like a yc_try's,
 * where yc__deadline_catch swallows the scope's own timeout or passes the
 * error on. */
static unsigned render_deadline(lctx *lc, ir_node *n) {
  n->state = (int)++lc->ncatch;
  ir_node *body = n->for_body >= 0 ? n->kids[n->for_body] : NULL;
  char *rec = xasprintf("&%s->%s", fp(lc), n->name);
  char *ms = render_span(lc, n, n->args[0]);
  char *exp = n->nargs > 1 ? render_span(lc, n, n->args[1]) : xstrdup("(bool *)0");
  buf raise = {0};
  raise_from(lc, n, &raise, false);
  size_t mark = lc->out->len;
  buf_printf(lc->out,
             "{ { int yc__dle = yc__deadline_enter(%s, (%s), %d, (%s)); "
             "if (yc__dle) { yc__c->error = yc__dle; %s } } ",
             rec, ms, n->dl_fail ? 1 : 0, exp, raise.s ? raise.s : "");
  unsigned end = render_head_and_body(lc, n, mark, body);
  /* (no newline below: the line mapping stays as it is) */
  buf_printf(lc->out, " yc__deadline_leave(%s); if (0) { yc_restore_%d: __attribute__((unused)); ",
             rec, n->state);
  /* Reached from an unwind block, the C locals in scope come back from
   * the frame first (as for yc_try). */
  restore_enclosing_locals(lc, n);
  buf_printf(lc->out,
             "yc_catch_%d: __attribute__((unused)); "
             "yc__c->error = yc__deadline_catch(%s, yc__c->error); "
             "if (yc__c->error) { %s } "
             "yc__c->flags &= (unsigned short)~YC__F_THROW; } }",
             n->state, rec, raise.s ? raise.s : "");
  buf_free(&raise);
  free(rec);
  free(ms);
  free(exp);
  return end;
}

unsigned render(lctx *lc, ir_node *n) {
  if (!lc->fn) {
    if (n->kind == IR_FOREACH)
      return render_foreach_plain(lc, n);
    return emit_kids(lc, n, n->sp.b, n->sp.e);
  }
  /* A statement a macro wrote, with nothing to change inside: the
   * invocation as written (analyse.c refused what would need changes). */
  if (n->in_macro && !n->has_susp) {
    put_src(lc, n->sp.b, n->sp.e);
    return n->sp.e;
  }
  switch (n->kind) {
  case IR_EXPR_STMT:
    return render_expr_stmt(lc, n);
  case IR_DECL:
    return render_decl(lc, n);
  case IR_RETURN:
    return render_return(lc, n);
  case IR_BREAK:
  case IR_CONTINUE:
  case IR_GOTO:
    return render_jump(lc, n);
  case IR_COMPOUND:
    return render_compound(lc, n);
  case IR_FOREACH:
    return render_foreach(lc, n);
  case IR_TRY:
    return render_try(lc, n);
  case IR_DEADLINE:
    return render_deadline(lc, n);
  case IR_IF:
  case IR_SWITCH:
    if (header_suspends(n))
      return render_cond_first(lc, n);
    return emit_kids(lc, n, n->sp.b, n->sp.e);
  case IR_WHILE:
  case IR_DO:
  case IR_FOR:
    if (header_suspends(n))
      return render_loop_restructured(lc, n);
    return emit_kids(lc, n, n->sp.b, n->sp.e);
  default:
    return emit_kids(lc, n, n->sp.b, n->sp.e);
  }
}

/* ---- the function as a whole ------------------------------------------ */

static void mark_used(const ir_node *n, bool *used) {
  if (!n)
    return;
  if (n->kind == IR_VARREF && n->var >= 0)
    used[n->var] = true;
  for (unsigned i = 0; i < n->nkids; i++)
    mark_used(n->kids[i], used);
}

void lower_function(const lower_opts *o, ir_func *fn, buf *out) {
  lctx lc = {0};
  lc.o = o;
  lc.fn = fn;
  lc.f = &o->u->file;
  lc.out = out;
  node_vec refs = {0};
  collect_refs(&lc, fn->body_node, &refs);
  if (refs.n)
    qsort(refs.v, refs.n, sizeof *refs.v, ref_order);
  lc.refs = refs.v;
  lc.nrefs = refs.n;
  const char *n = fn->name;
  static const char *const handle[] = {"yc_gen", "yc_task", "yc_agen"};
  static const char *const kind[] = {"YC__GENERATOR", "YC__ASYNC", "YC__ASYNC_GEN"};

  /* The body first: lowering it creates the frame's temporaries. */
  buf body = {0};
  lc.out = &body;
  line_directive(&lc, &body, fn->body.b);
  render(&lc, fn->body_node);
  buf_puts(&body, "\n");
  lc.out = out;

  if (o->lines)
    buf_puts(out, LINE_OUT);
  buf_printf(out, "/* %s: the frame holds what lives across suspension points. */\n", n);
  buf_printf(out, "struct %s__frame {\n  yc_coro yc_hdr;\n", n);
  if (fn->kind != FN_GENERATOR)
    buf_puts(out, "  void *yc_aux; /* the event loop's, see yc__coro_async */\n");
  if (fn->r) {
    char *t = field_type(fn->r);
    buf_printf(out, "  %s yc_result;\n", t);
    free(t);
  }
  frame_fields(out, fn, NULL, 1);
  for (size_t i = 0; i < lc.temp_names.n; i++) {
    if (lc.temp_local.v[i])
      continue;
    char *t = field_type(lc.temp_types.v[i]);
    buf_printf(out, "  %s %s; /* temporary */\n", t, lc.temp_names.v[i]);
    free(t);
  }
  buf_puts(out, "};\n");
  /* Small resume functions that a yc_foreach in this file calls directly
   * are inlined there. */
  const char *linkage = fn->inline_resume && fn->susps.n <= 4
                            ? "static inline __attribute__((always_inline)) int"
                            : "static int";
  buf_printf(out, "%s %s__resume(yc_coro *yc__c, void *yc__out, const void *yc__in);\n", linkage, n);
  /* A generator with external linkage exports its type and a resume
   * function (hidden: within the program or library), so that a yc_foreach
   * in another file can resume it with a direct call. */
  if (fn->exported)
    buf_printf(out,
               "YC__EXPORT int %s__xresume(yc_coro *yc__c, void *yc__out, const void *yc__in);\n"
               "extern YC__EXPORT const yc__coro_type %s__type;\n",
               n, n);
  /* a frame-resident local declared _Alignas(N) makes the frame aligned */
  bool over_aligned = false;
  for (size_t i = 0; i < fn->vars.n; i++)
    over_aligned = over_aligned || (fn->vars.v[i].resident && fn->vars.v[i].align_spec);
  char *align_bits =
      over_aligned ? xasprintf(" | YC__FRAME_ALIGN(_Alignof(struct %s__frame))", n) : xstrdup("");
  char *ysz = fn->y ? xasprintf("sizeof(%s)", fn->y) : xstrdup("0");
  char *ssz = fn->s ? xasprintf("sizeof(%s)", fn->s) : xstrdup("0");
  char *rsz = fn->r ? xasprintf("sizeof(%s)", fn->r) : xstrdup("0");
  char *roff = fn->r ? xasprintf("offsetof(struct %s__frame, yc_result)", n) : xstrdup("0");
  buf_printf(out,
             "%s const yc__coro_type %s__type = {\"%s\", %s__%s, sizeof(struct %s__frame), "
             "%s, %s, %s, %s, %s, YC__STEER_BY_STATE%s};\n",
             fn->exported ? "YC__EXPORT" : "static", n, n, n, fn->exported ? "xresume" : "resume",
             n, ysz, ssz, rsz, roff, kind[fn->kind], align_bits);
  free(align_bits);
  free(ysz);
  free(ssz);
  free(rsz);
  free(roff);

  /* The constructor: the user's declaration, binding the arguments. */
  line_directive(&lc, out, fn->head.b);
  put_src(&lc, fn->head.b, fn->head.e);
  buf_printf(out,
             "{ struct %s__frame *%s = (struct %s__frame *)yc__frame_new(&%s__type); "
             "if (!%s) return NULL; ",
             n, fn->fp, n, n, fn->fp);
  for (size_t i = 0; i < fn->nparams; i++) {
    ir_var *v = &fn->vars.v[i];
    if (v->name[0] && v->copy_bytes) /* const: bytes */
      buf_printf(out, "YC__SAVE(%s->%s, %s); ", fn->fp, v->field, v->name);
    else if (v->name[0])
      buf_printf(out, "%s->%s = %s; ", fn->fp, v->field, v->name);
  }
  buf_printf(out, "return (%s *)&%s->yc_hdr; }\n", handle[fn->kind], fn->fp);

  /* The resume function. */
  if (o->lines)
    buf_puts(out, LINE_OUT);
  /* __func__ in the body names the function as the user wrote it */
  static const char *const func_names[] = {"__func__", "__FUNCTION__", "__PRETTY_FUNCTION__"};
  for (size_t i = 0; i < 3; i++)
    buf_printf(out, "#pragma push_macro(\"%s\")\n#undef %s\n#define %s yc__func\n", func_names[i],
               func_names[i], func_names[i]);
  /* gcc's -Wdangling-pointer takes a resumption's jump into a block, past
   * a local's declaration, for a use after the block ended; its -Wrestrict
   * (-O2 and up) takes two arrays of the user's that now live in one frame
   * for one object whose parts a strcat may overlap */
  buf_puts(out, "#if defined(__GNUC__) && !defined(__clang__)\n"
                "#pragma GCC diagnostic push\n"
                "#pragma GCC diagnostic ignored \"-Wrestrict\"\n"
                "#if __GNUC__ >= 12\n"
                "#pragma GCC diagnostic ignored \"-Wdangling-pointer\"\n"
                "#endif\n"
                "#endif\n");
  /* For a debugger the scaffolding before the body is the function's
   * first line, and after it its closing brace: a step never shows a line
   * of this output (which the launcher does not keep). */
  size_t preamble = out->len;
  buf_printf(out, "%s %s__resume(yc_coro *yc__c, void *yc__out, const void *yc__in) {\n", linkage, n);
  buf_printf(out, "  static const char yc__func[] __attribute__((unused)) = \"%s\";\n", n);
  buf_printf(out, "  struct %s__frame *%s = (struct %s__frame *)yc__c;\n", n, fn->fp, n);
  /* Parameters are C locals, read from the frame on every resumption;
   * declarations first, statements after (-Wdeclaration-after-statement). */
  bool *used = xcalloc(fn->vars.n + 1, sizeof *used);
  mark_used(fn->body_node, used);
  for (size_t i = 0; i < fn->nparams; i++) {
    ir_var *v = &fn->vars.v[i];
    if (!v->lifted || v->resident || !used[i])
      continue;
    char *t = v->decl_type ? type_ref(v->decl_type) : field_type(v->type);
    buf_printf(out, "  %s %s = %s->%s;\n", t, v->name, fn->fp, v->field);
    free(t);
  }
  /* The value of a suspension point that its statement uses before any
   * other suspension point (lower_expr.c) needs no frame field. */
  for (size_t i = 0; i < lc.temp_names.n; i++) {
    if (!lc.temp_local.v[i])
      continue;
    char *t = field_type(lc.temp_types.v[i]);
    buf_printf(out, "  %s %s = {0};\n", t, lc.temp_names.v[i]);
    free(t);
  }
  buf_printf(out, "  (void)%s; (void)yc__out; (void)yc__in;", fn->fp);
  for (size_t i = 0; i < fn->nparams; i++) {
    ir_var *v = &fn->vars.v[i];
    if (v->lifted && !v->resident && used[i])
      buf_printf(out, " (void)%s;", v->name);
  }
  buf_puts(out, "\n");
  free(used);
  /* With one resume point, every resumption but the first goes there: the
   * compiler tests for it first. */
  buf_puts(out, fn->susps.n == 1 ? "  switch (__builtin_expect(yc__c->state, 1)) {\n  case 0: break;\n"
                                 : "  switch (yc__c->state) {\n  case 0: break;\n");
  for (size_t i = 0; i < fn->susps.n; i++) {
    ir_node *s = fn->susps.v[i];
    static const char *const sk[] = {"yield", "yield_from", "await", "await_next"};
    buf_printf(out, "  case %d: goto yc_resume_%d; /* line %u: %s */\n", s->state, s->state,
               line_of(&lc, s->sp.b), sk[s->susp]);
  }
  /* A throw or close arriving at resume point k (see YC__STEERED). */
  for (size_t i = 0; i < fn->susps.n; i++) {
    ir_node *s = fn->susps.v[i];
    buf_printf(out, "  case YC__STEERED(%d): goto yc_%s_%d;\n", s->state,
               ir_delegates(s) ? "steer" : "unwind", s->state);
  }
  buf_puts(out, "  default: return YC__RETURN;\n  }\n");
  map_lines_to(&lc, out, preamble, fn->head.b);
  buf_put(out, body.s, body.len);
  buf_free(&body);
  if (out->len && out->s[out->len - 1] != '\n')
    buf_putc(out, '\n');
  size_t epilogue = out->len;
  buf_puts(out, "  yc__c->state = -1;\n  return YC__RETURN;\n");
  if (lc.unwinds.len)
    buf_put(out, lc.unwinds.s, lc.unwinds.len);
  buf_puts(out, "yc_fail: __attribute__((unused));\n"
                "  yc__c->state = -1;\n"
                "  return (yc__c->flags & YC__F_CLOSE) ? YC__RETURN : YC__FAIL;\n}\n");
  map_lines_to(&lc, out, epilogue, fn->body.e > fn->body.b ? fn->body.e - 1 : fn->body.b);
  for (size_t i = 0; i < 3; i++)
    buf_printf(out, "#undef %s\n#pragma pop_macro(\"%s\")\n", func_names[i], func_names[i]);
  buf_puts(out, "#if defined(__GNUC__) && !defined(__clang__)\n"
                "#pragma GCC diagnostic pop\n#endif\n");
  if (fn->exported) {
    line_directive(&lc, out, fn->head.b);
    buf_printf(out,
               "int %s__xresume(yc_coro *yc__c, void *yc__out, const void *yc__in) "
               "{ return %s__resume(yc__c, yc__out, yc__in); }\n",
               n, n);
  }
  buf_free(&lc.unwinds);
  free(refs.v);
  for (size_t i = 0; i < lc.temp_names.n; i++) {
    free(lc.temp_names.v[i]);
    free(lc.temp_types.v[i]);
  }
  free(lc.temp_names.v);
  free(lc.temp_types.v);
  free(lc.temp_local.v);
}

void lower_plain(const lower_opts *o, unsigned b, unsigned e, buf *out) {
  lctx lc = {0};
  lc.o = o;
  lc.f = &o->u->file;
  lc.out = out;
  static unsigned counter;
  lc.nplain_fe = counter;
  /* generator expressions outside coroutine functions become calls */
  node_vec refs = {0};
  for (size_t i = 0; i < o->u->genexprs.n; i++)
    if (!o->u->genexprs.v[i]->in_coro)
      VEC_PUSH(refs, o->u->genexprs.v[i]->node);
  if (refs.n)
    qsort(refs.v, refs.n, sizeof *refs.v, ref_order);
  lc.refs = refs.v;
  lc.nrefs = refs.n;
  unsigned pos = b;
  for (size_t i = 0; i < o->u->foreachs.n; i++) {
    ir_node *n = o->u->foreachs.v[i];
    if (n->sp.b < pos || n->sp.e > e)
      continue;
    put_src(&lc, pos, n->sp.b);
    unsigned end = render(&lc, n);
    pos = end > n->sp.b ? end : n->sp.b;
  }
  put_src(&lc, pos, e);
  counter = lc.nplain_fe;
  free(refs.v);
}

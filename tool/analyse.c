/* analyse.c - decides what the lowering needs to know, and refuses what it
 * cannot translate.
 *
 * The rule for the frame: a variable must live in the frame if a suspension
 * point of its scope follows its declaration (only then can it be live
 * across one: a block is left and entered anew on every loop iteration, so
 * a suspension point before the declaration finds the variable dead), or
 * if it has a cleanup attribute (so every cleanup runs in one, explicit
 * order).  In a function with labels of its own, where a goto may go back
 * over a suspension point inside one execution of a block, any suspension
 * point of the scope counts.  Parameters always live there: they are bound
 * before the body first runs.
 * Resume points are numbered from 1 in source order. */
#include "analyse.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"

typedef struct {
  ir_unit *u;
  ir_func *fn;
  bool failed;
} actx;

static void err(actx *a, unsigned off, const char *note, const char *msg) {
  diag_error(&a->u->file, off, note, "%s", msg);
  a->failed = true;
}

static void number_states(actx *a, ir_node *n) {
  if (!n)
    return;
  if (n->kind == IR_SUSPEND) {
    VEC_PUSH(a->fn->susps, n);
    n->state = (int)a->fn->susps.n;
  }
  for (unsigned i = 0; i < n->nkids; i++)
    number_states(a, n->kids[i]);
}

/* A suspension point may stand anywhere an expression is evaluated; not
 * where C never evaluates the operand, nor in a yc_foreach's header. */
static const char *unsupported_context(ir_node *s) {
  for (ir_node *c = s, *p = s->parent; p; c = p, p = p->parent) {
    if (p->kind == IR_EXPR && p->ck == CK_NOEVAL)
      return "a suspension point inside sizeof, _Alignof or _Generic is never evaluated";
    if (p->kind == IR_FOREACH && (p->for_body < 0 || p->kids[p->for_body] != c))
      return "a suspension point in yc_foreach's generator expression";
    if (p->kind != IR_EXPR && p->kind != IR_ASSIGN && p->kind != IR_SUSPEND)
      break;
  }
  return NULL;
}

/* await(yc_chan_send(c, v)) and await(yc_chan_recv(c, v), bool) are tried
 * first without suspending (yc__chan_try_send / _recv in yieldc/chan.h):
 * which of them s is, when its arguments are plain
 * enough to evaluate twice (names, &, *, ., ->, [] and digits: nothing
 * with a side effect), and its value type, if any, exactly the result type
 * (so that a wrong T still meets the await's size check). */
static chan_try chan_try_of(const src_file *f, const ir_node *s) {
  if (s->susp != SUSP_AWAIT || !s->nargs)
    return CHAN_TRY_NONE;
  const char *t = f->text;
  span a = s->args[0];
  span id = lex_ident_at(t, f->len, a.b);
  chan_try kind = CHAN_TRY_NONE;
  if (id.e - id.b == 12 && !strncmp(t + id.b, "yc_chan_send", 12))
    kind = CHAN_TRY_SEND;
  else if (id.e - id.b == 12 && !strncmp(t + id.b, "yc_chan_recv", 12))
    kind = CHAN_TRY_RECV;
  unsigned open = lex_skip_ws(t, f->len, id.e);
  if (kind == CHAN_TRY_NONE || open >= a.e || t[open] != '(')
    return CHAN_TRY_NONE;
  unsigned close = a.e;
  while (close > open && isspace((unsigned char)t[close - 1]))
    close--;
  if (close <= open + 1 || t[close - 1] != ')')
    return CHAN_TRY_NONE;
  unsigned commas = 0;
  for (unsigned i = open + 1; i < close - 1; i++) {
    unsigned char ch = (unsigned char)t[i];
    if (ch == ',')
      commas++;
    else if (ch == '-' && t[i + 1] == '>')
      i++;
    else if (!isalnum(ch) && ch != '_' && !isspace(ch) && !strchr("&*.[]", ch))
      return CHAN_TRY_NONE;
  }
  if (commas != 1)
    return CHAN_TRY_NONE;
  if (s->nargs == 2) {
    char *want = lex_squash(t + s->args[1].b, s->args[1].e - s->args[1].b);
    bool ok = kind == CHAN_TRY_SEND ? !strcmp(want, "int")
                                    : !strcmp(want, "bool") || !strcmp(want, "_Bool");
    free(want);
    if (!ok)
      return CHAN_TRY_NONE;
  }
  return kind;
}

static void check_suspend(actx *a, ir_node *s) {
  s->chan_try = chan_try_of(&a->u->file, s);
  ir_func *fn = a->fn;
  const src_file *f = &a->u->file;
  if (s->tag)
    return; /* already reported by the parser */
  if ((s->susp == SUSP_AWAIT || s->susp == SUSP_AWAIT_NEXT) && fn->kind == FN_GENERATOR) {
    err(a, s->sp.b,
        "declare the function yc_async(R) or yc_async_generator(Y) to await, "
        "or use yield_from(g) to delegate to a generator",
        "await in a generator function");
    return;
  }
  if (s->susp == SUSP_YIELD && fn->kind == FN_ASYNC) {
    err(a, s->sp.b, "declare it yc_async_generator(Y) to yield values from an async function",
        "yield in an async function that is not an async generator");
    return;
  }
  if (s->susp == SUSP_YIELD_FROM && fn->kind != FN_GENERATOR) {
    err(a, s->sp.b, "use await(a) in async functions", "yield_from in an async function");
    return;
  }
  if (s->susp == SUSP_YIELD) {
    if (s->nargs == 0 && fn->y) {
      char *m = xasprintf("yield a value: yield(v) with v of type %s", fn->y);
      err(a, s->sp.b, m, "yield() without a value in a generator that yields values");
      free(m);
      return;
    }
    if (s->nargs >= 1 && !fn->y) {
      err(a, s->sp.b, "declare the element type, as in yc_generator(int), or write yield()",
          "yield(v) in a generator whose element type is void");
      return;
    }
    if (s->nargs == 2) {
      char *t = lex_squash(f->text + s->args[1].b, s->args[1].e - s->args[1].b);
      if (!fn->s || strcmp(t, fn->s)) {
        char *note = fn->s ? xasprintf("write yield(v, %s): the send type of %s is %s", fn->s,
                                       fn->name, fn->s)
                           : xasprintf("declare the send type, as in yc_generator(%s, %s)",
                                       fn->y ? fn->y : "void", t);
        char *msg = xasprintf("yield's value type '%s' is not the generator's send type '%s'", t,
                              fn->s ? fn->s : "void");
        err(a, s->args[1].b, note, msg);
        free(note);
        free(msg);
      }
      free(t);
    }
  }
  if ((s->susp == SUSP_YIELD_FROM || s->susp == SUSP_AWAIT) && s->nargs == 2) {
    /* yield_from(f(...), T): T must be f's return type, when f is known */
    const char *t = f->text;
    span id = lex_ident_at(t, f->len, s->args[0].b);
    unsigned after = lex_skip_ws(t, f->len, id.e);
    for (size_t i = 0; id.e > id.b && after < f->len && t[after] == '(' && i < a->u->sigs.n; i++) {
      ir_sig *sg = &a->u->sigs.v[i];
      if (sg->in_header || strlen(sg->name) != id.e - id.b ||
          strncmp(sg->name, t + id.b, id.e - id.b))
        continue;
      char *want = lex_squash(t + s->args[1].b, s->args[1].e - s->args[1].b);
      if (!sg->r || strcmp(want, sg->r)) {
        char *msg = xasprintf("%s's value type '%s' is not the return type '%s' of %s",
                              s->susp == SUSP_AWAIT ? "await" : "yield_from", want,
                              sg->r ? sg->r : "void", sg->name);
        char *note =
            sg->r ? xasprintf("write %s(%s(...), %s)",
                              s->susp == SUSP_AWAIT ? "await" : "yield_from", sg->name, sg->r)
                  : xasprintf("%s returns no value: use the statement form", sg->name);
        err(a, s->args[1].b, note, msg);
        free(msg);
        free(note);
      }
      free(want);
      break;
    }
  }
  const char *why = unsupported_context(s);
  if (why)
    err(a, s->sp.b, "compute the value in a statement before", why);
}

static void walk_checks(actx *a, ir_node *n) {
  if (!n)
    return;
  if (n->kind == IR_SUSPEND)
    check_suspend(a, n);
  if (n->kind == IR_RETURN) {
    if (n->ret == RET_VALUE)
      err(a, n->sp.b, "finish with yc_return(v), or return; for no value",
          "return with a value in a coroutine function");
    if (n->ret == RET_YC_RETURN && !a->fn->r)
      err(a, n->sp.b, "declare the return type, as in yc_generator(Y, S, R) or yc_async(R)",
          "yc_return(v) in a coroutine function whose return type is void");
  }
  if (n->kind == IR_EXPR && n->tag && !strcmp(n->tag, "alloca")) {
    for (ir_node *sc = n->parent; sc; sc = sc->parent)
      if (sc->kind == IR_COMPOUND && sc->has_susp) {
        err(a, n->sp.b,
            "allocate with malloc and free it in a cleanup, or give the array a "
            "constant size",
            "alloca in a coroutine function whose memory would be live across a "
            "suspension point");
        break;
      }
  }
  if (n->kind == IR_VARREF) {
    ir_var *v = &a->fn->vars.v[n->var];
    if (v->lifted && n->sp.e == n->sp.b)
      err(a, n->sp.b, "pass the variable to the macro as an argument",
          "a local that lives across a suspension is used inside a macro's body");
  }
  for (unsigned i = 0; i < n->nkids; i++)
    walk_checks(a, n->kids[i]);
}

static void add_synthetic(ir_func *fn, const char *name, const char *type, const char *cleanup,
                          ir_node *scope, unsigned at) {
  ir_var v = {0};
  v.name = xstrdup(name);
  v.type = xstrdup(type);
  v.cleanup = cleanup ? xstrdup(cleanup) : NULL;
  v.scope = scope;
  v.name_sp = (span){at, at};
  v.lifted = true;
  VEC_PUSH(fn->vars, v);
}

static unsigned fe_count;

static void walk_foreach(actx *a, ir_node *n) {
  if (!n)
    return;
  if (n->kind == IR_FOREACH) {
    char name[32];
    snprintf(name, sizeof name, "yc_fe%u", ++fe_count);
    n->name = xstrdup(name);
    add_synthetic(a->fn, name, "yc_gen *", "yc__foreach_cleanup", n, n->sp.b);
  }
  for (unsigned i = 0; i < n->nkids; i++)
    walk_foreach(a, n->kids[i]);
}

static bool has_label(const ir_node *n) {
  if (!n)
    return false;
  if (n->kind == IR_LABEL)
    return true;
  for (unsigned i = 0; i < n->nkids; i++)
    if (has_label(n->kids[i]))
      return true;
  return false;
}

/* Whether v (whose scope has a suspension point) can be live across one:
 * a suspension point of its scope at or after its declaration.  Only
 * variables declared by a declaration statement of a block are judged by
 * position; the others (for headers, catch variables) by their scope. */
static bool suspends_after(const ir_func *fn, const ir_var *v, bool labels) {
  if (labels || !v->decl || v->scope->kind != IR_COMPOUND)
    return true;
  for (size_t i = 0; i < fn->susps.n; i++) {
    const ir_node *s = fn->susps.v[i];
    if (s->sp.b >= v->decl->sp.b && ir_encloses(v->scope, s))
      return true;
  }
  return false;
}

static bool field_taken(ir_func *fn, size_t upto, const char *name) {
  for (size_t i = 0; i < upto; i++)
    if (fn->vars.v[i].field && !strcmp(fn->vars.v[i].field, name))
      return true;
  return false;
}

static void analyse_func(actx *a, ir_func *fn) {
  a->fn = fn;
  number_states(a, fn->body_node);
  bool any_sub = false;
  for (size_t i = 0; i < fn->susps.n; i++) {
    susp_kind k = fn->susps.v[i]->susp;
    if (k == SUSP_YIELD_FROM || k == SUSP_AWAIT)
      any_sub = true;
  }
  /* Anonymous types declared in the body get names of their own. */
  for (size_t i = 0; i < fn->typedecls.n; i++) {
    ir_node *t = fn->typedecls.v[i];
    if (!t->tag && !t->name)
      t->name = xasprintf("%s__anon%zu", fn->name, i + 1);
  }
  /* Which variables live in the frame. */
  bool labels = has_label(fn->body_node);
  for (size_t i = 0; i < fn->vars.n; i++) {
    ir_var *v = &fn->vars.v[i];
    if (v->is_param) {
      v->lifted = v->name[0] != 0; /* an unnamed parameter cannot be used */
      continue;
    }
    if (v->is_static)
      continue;
    v->lifted = (v->scope && v->scope->has_susp && suspends_after(fn, v, labels)) || v->cleanup;
    if (v->scope && v->scope->kind == IR_FOREACH && v->scope->has_susp)
      v->lifted = true;
    if (v->lifted && v->is_vm) {
      char *m = xasprintf("variable-length array '%s' is live across a suspension point", v->name);
      err(a, v->name_sp.b,
          "give it a constant size, or allocate it with malloc and free it "
          "in a cleanup",
          m);
      free(m);
    }
    if (v->lifted && v->cleanup && v->scope && v->scope->kind == IR_FOR) {
      err(a, v->name_sp.b, "declare it in the block around the loop",
          "a cleanup variable declared in a for statement's header of a coroutine");
    }
    /* Anonymous struct types get a name so the frame can declare them. */
    if (v->lifted && (strstr(v->type, "(unnamed") || strstr(v->type, "(anonymous"))) {
      ir_node *d = v->decl;
      for (unsigned k = 0; d && k < d->nkids; k++)
        if (d->kids[k]->kind == IR_TYPEDECL && !d->kids[k]->tag) {
          free(v->type);
          v->type = xstrdup(d->kids[k]->name);
        }
    }
  }
  walk_foreach(a, fn->body_node);
  if (any_sub)
    add_synthetic(fn, "yc_sub", "yc_coro *", NULL, NULL, 0);
  /* Field names: the variable's own, numbered where scopes shadow it. */
  for (size_t i = 0; i < fn->vars.n; i++) {
    ir_var *v = &fn->vars.v[i];
    if (!v->lifted)
      continue;
    char *name = xstrdup(v->name);
    for (unsigned k = 2;
         field_taken(fn, i, name) || !strcmp(name, "yc_hdr") || !strcmp(name, "yc_result"); k++) {
      free(name);
      name = xasprintf("%s_%u", v->name, k);
    }
    v->field = name;
  }
  /* The frame pointer's name: short, unless the function uses it. */
  static const char *const fps[] = {"f", "fr", "frame", "yc_f"};
  fn->fp = NULL;
  for (size_t i = 0; i < sizeof fps / sizeof fps[0] && !fn->fp; i++)
    if (!lex_uses_ident(a->u->file.text, fn->whole.b, fn->whole.e, fps[i]))
      fn->fp = xstrdup(fps[i]);
  if (!fn->fp)
    fn->fp = xstrdup("yc__frame");
  walk_checks(a, fn->body_node);
}

/* The exported generator called name, declared in this file or a header
 * and defined in none of this file's functions; NULL if there is none. */
static const ir_sig *imported_generator(ir_unit *u, const char *name, size_t len) {
  for (size_t i = 0; i < u->funcs.n; i++)
    if (strlen(u->funcs.v[i].name) == len && !strncmp(u->funcs.v[i].name, name, len))
      return NULL;
  for (size_t i = 0; i < u->sigs.n; i++) {
    const ir_sig *sg = &u->sigs.v[i];
    if (sg->kind == FN_GENERATOR && sg->exported && strlen(sg->name) == len &&
        !strncmp(sg->name, name, len))
      return sg;
  }
  return NULL;
}

/* yc_foreach (T x, name(args)) where name is a generator defined earlier in
 * the file: the loop can resume it directly, and the compiler inline it.
 * Where name is an exported generator of another file, the loop resumes it
 * by its exported resume function when the program links that in. */
static void find_known_foreach(ir_unit *u, ir_node *n) {
  if (!n)
    return;
  if (n->kind == IR_FOREACH && !n->fe_known) {
    const char *t = u->file.text;
    span id = lex_ident_at(t, u->file.len, n->fe_expr.b);
    unsigned after = lex_skip_ws(t, u->file.len, id.e);
    bool call = id.e > id.b && after < u->file.len && t[after] == '(';
    for (size_t i = 0; call && i < u->funcs.n; i++) {
      ir_func *fn = &u->funcs.v[i];
      if (fn->kind == FN_GENERATOR && strlen(fn->name) == id.e - id.b &&
          !strncmp(fn->name, t + id.b, id.e - id.b) && fn->whole.e <= n->sp.b) {
        n->fe_known = xstrdup(fn->name);
        fn->inline_resume = true;
      }
    }
    const ir_sig *sg = call && !n->fe_known ? imported_generator(u, t + id.b, id.e - id.b) : NULL;
    if (sg) {
      n->fe_known = xstrdup(sg->name);
      n->fe_extern = true;
      bool seen = false;
      for (size_t i = 0; i < u->imports.n && !seen; i++)
        seen = !strcmp(u->imports.v[i], sg->name);
      if (!seen)
        VEC_PUSH(u->imports, xstrdup(sg->name));
    }
  }
  for (unsigned i = 0; i < n->nkids; i++)
    find_known_foreach(u, n->kids[i]);
}

bool analyse_unit(ir_unit *u) {
  actx a = {u, NULL, false};
  fe_count = 0;
  for (size_t i = 0; i < u->funcs.n; i++)
    analyse_func(&a, &u->funcs.v[i]);
  for (size_t i = 0; i < u->funcs.n; i++)
    find_known_foreach(u, u->funcs.v[i].body_node);
  for (size_t i = 0; i < u->foreachs.n; i++)
    find_known_foreach(u, u->foreachs.v[i]);
  return !a.failed;
}

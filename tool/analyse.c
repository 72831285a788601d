/* analyse.c - decides what the lowering needs to know, and refuses what it
 * cannot translate.
 *
 * Locals stay C locals of the resume function, declared where the user
 * declared them.  A variable that may be read after a suspension point
 * (live across it) gets a slot in the frame: it is saved there before the
 * function suspends and restored right after the resume label ("spilled").
 * A variable that needs a stable address across a suspension point (its
 * address is taken, it is an array, it has a cleanup) lives in the frame
 * instead ("resident"), and its uses are rewritten to the frame field; so
 * is one that a declaration of the same name hides at a suspension point
 * where it is live, since its name cannot reach it there.  Parameters are
 * C locals initialised from the frame on every resumption.
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

/* err() with the message formatted (a variable's name in it). */
#define errf(a, off, note, ...)                                                                    \
  do {                                                                                             \
    char *errf_msg = xasprintf(__VA_ARGS__);                                                       \
    err(a, off, note, errf_msg);                                                                   \
    free(errf_msg);                                                                                \
  } while (0)

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

/* The '(' at t[i] (after lo) groups or casts, or is sizeof's: not a call,
 * which an identifier (a function or a macro), a ')' or a ']' before it
 * would make it. */
static bool grouping_paren(const char *t, unsigned lo, unsigned i) {
  unsigned j = i;
  while (j > lo + 1 && isspace((unsigned char)t[j - 1]))
    j--;
  unsigned char prev = (unsigned char)t[j - 1];
  if (prev == ')' || prev == ']')
    return false;
  if (!isalnum(prev) && prev != '_')
    return true;
  unsigned b = j;
  while (b > lo + 1 && (isalnum((unsigned char)t[b - 1]) || t[b - 1] == '_'))
    b--;
  return j - b == 6 && !strncmp(t + b, "sizeof", 6);
}

/* await(yc_chan_send(c, v)), await(yc_chan_recv(c, v), bool) and
 * await(yc_select(cases, n), int) are tried first without suspending
 * (yc__chan_try_send / _recv, yc__select_try in yieldc/chan.h) and, when
 * that fails, park the task in the frame's wait record (yc__chan_park_*,
 * yc__select_park): which of them s is, when its arguments are plain
 * enough to evaluate more than once (names, numbers, &, *, ., ->, [], +,
 * -, /, % and parentheses that group, cast or follow sizeof: nothing with
 * a side effect, no call, no macro with arguments), and its value type,
 * if any, exactly the result type (so that a wrong T still meets the
 * await's size check). */
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
  else if (id.e - id.b == 9 && !strncmp(t + id.b, "yc_select", 9))
    kind = CHAN_TRY_SELECT;
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
    else if ((ch == '+' || ch == '-') && (t[i + 1] == ch || t[i + 1] == '='))
      return CHAN_TRY_NONE; /* ++, --, +=, -= */
    else if (ch == '/' && (t[i + 1] == '/' || t[i + 1] == '*'))
      return CHAN_TRY_NONE; /* a comment: keep the rule simple */
    else if (ch == '(' && !grouping_paren(t, open, i))
      return CHAN_TRY_NONE; /* a call, or a macro that may be one */
    else if (!isalnum(ch) && ch != '_' && !isspace(ch) && !strchr("&*.[]+-/%()", ch))
      return CHAN_TRY_NONE;
  }
  if (commas != 1)
    return CHAN_TRY_NONE;
  if (s->nargs == 2) {
    char *want = lex_squash(t + s->args[1].b, s->args[1].e - s->args[1].b);
    bool ok = kind == CHAN_TRY_RECV ? !strcmp(want, "bool") || !strcmp(want, "_Bool")
                                    : !strcmp(want, "int");
    free(want);
    if (!ok)
      return CHAN_TRY_NONE;
  }
  return kind;
}

/* 'T', or 'T' (aka 'canonical T') as clang writes a type in a message. */
static char *quoted_type(const char *t, const char *aka) {
  return aka ? xasprintf("'%s' (aka '%s')", t, aka) : xasprintf("'%s'", t);
}

/* Refuses what parse.c found about the types of s, as libclang resolves
 * them: an operand that cannot be one, a value form's T that is not S or
 * the called coroutine's R. */
static void check_suspend_types(actx *a, ir_node *s) {
  const src_file *f = &a->u->file;
  ir_func *fn = a->fn;
  static const char *const form[] = {[SUSP_YIELD] = "yield",
                                     [SUSP_YIELD_FROM] = "yield_from",
                                     [SUSP_AWAIT] = "await",
                                     [SUSP_AWAIT_NEXT] = "await_next"};
  if (s->bad_operand) {
    char *msg, *note;
    if (s->susp == SUSP_YIELD) {
      msg = xasprintf("yield's value has type '%s', which C does not assign to the element "
                      "type '%s' without a cast",
                      s->bad_operand, fn->y ? fn->y : "void");
      note = xasprintf("yield a value of type %s, or convert it with a cast if that is meant",
                       fn->y ? fn->y : "void");
    } else if (s->susp == SUSP_YIELD_FROM) {
      msg = xasprintf("yield_from's operand has type '%s', not a generator handle (yc_gen *)",
                      s->bad_operand);
      note = xstrdup("delegate to a generator: the yc_gen * that calling a yc_generator "
                     "function returns");
    } else if (s->susp == SUSP_AWAIT) {
      msg =
          xasprintf("await's operand has type '%s', not an awaitable (yc_task *)", s->bad_operand);
      note = xstrdup("await the yc_task * that calling a yc_async function returns, or a "
                     "runtime operation such as yc_sleep(ms) or yc_chan_recv(c, &v)");
    } else {
      msg = xasprintf("await_next's operand has type '%s', not an async generator (yc_agen *)",
                      s->bad_operand);
      note = xstrdup("pass the yc_agen * that calling a yc_async_generator function returns");
    }
    err(a, s->args[0].b, note, msg);
    free(msg);
    free(note);
  }
  if (!s->types_known || !s->t_differs)
    return;
  char *t = lex_squash(f->text + s->args[1].b, s->args[1].e - s->args[1].b);
  char *have = quoted_type(t, s->t_aka);
  char *want = quoted_type(s->want ? s->want : "void", s->want_aka);
  char *msg, *note;
  if (s->susp == SUSP_YIELD) {
    msg = xasprintf("yield's value type %s is not the generator's send type %s", have, want);
    note = s->want ? xasprintf("write yield(v, %s): the send type of %s is %s", s->want, fn->name,
                               s->want)
                   : xasprintf("declare the send type, as in yc_generator(%s, %s)",
                               fn->y ? fn->y : "void", t);
  } else {
    msg = xasprintf("%s's value type %s is not the return type %s of %s", form[s->susp], have, want,
                    s->callee);
    note = s->want ? xasprintf("write %s(%s(...), %s)", form[s->susp], s->callee, s->want)
                   : xasprintf("%s returns no value: use the statement form", s->callee);
  }
  err(a, s->args[1].b, note, msg);
  free(msg);
  free(note);
  free(have);
  free(want);
  free(t);
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
  }
  check_suspend_types(a, s);
  if (s->susp == SUSP_YIELD) {
    if (s->nargs == 2 && !s->types_known) {
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
  if ((s->susp == SUSP_YIELD_FROM || s->susp == SUSP_AWAIT) && s->nargs == 2 && !s->types_known) {
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

static bool is_loop(const ir_node *n) {
  return n->kind == IR_FOR || n->kind == IR_WHILE || n->kind == IR_DO || n->kind == IR_FOREACH;
}

/* Does leaving the scopes around n up to stop (exclusive) need code: a
 * cleanup, a yc_foreach's handle? */
static bool leaving_needs_code(const ir_func *fn, const ir_node *n, const ir_node *stop) {
  for (const ir_node *s = n->parent; s && s != stop; s = s->parent) {
    if (s->kind == IR_FOREACH)
      return true;
    for (size_t i = 0; i < fn->vars.n; i++)
      if (fn->vars.v[i].scope == s && fn->vars.v[i].cleanup && fn->vars.v[i].resident)
        return true;
  }
  return false;
}

/* Statements a macro writes are copied as the invocation: those the
 * lowering would have to change are refused. */
static void check_macro_stmt(actx *a, ir_node *n) {
  const char *what = NULL;
  if (n->kind == IR_RETURN)
    what = "a return statement that a macro's body writes in a coroutine function";
  if (n->kind == IR_BREAK || n->kind == IR_CONTINUE || n->kind == IR_GOTO) {
    const ir_node *stop = NULL;
    for (const ir_node *s = n->parent; s && n->kind != IR_GOTO; s = s->parent)
      if (is_loop(s) || (s->kind == IR_SWITCH && n->kind == IR_BREAK)) {
        stop = s;
        break;
      }
    bool restructured = n->kind == IR_CONTINUE && stop && stop->kind != IR_FOREACH &&
                        stop->has_susp && stop->nkids && stop->kids[0]->has_susp;
    if (leaving_needs_code(a->fn, n, stop) || restructured)
      what = "a jump that a macro's body writes leaves a scope whose cleanup or yc_foreach the "
             "translator must run";
  }
  if (what)
    err(a, n->sp.b, "write the statement in the function's own text", what);
}

static void walk_checks(actx *a, ir_node *n) {
  if (!n)
    return;
  if (n->in_macro)
    check_macro_stmt(a, n);
  if (n->kind == IR_SUSPEND) {
    check_suspend(a, n);
    bool in_expansion = false;
    for (ir_node *e = n->parent; e; e = e->parent)
      in_expansion = in_expansion || e->in_macro;
    if (in_expansion && !n->tag)
      err(a, n->sp.b,
          "evaluate it in a statement of its own before the macro and pass the variable",
          "a suspension point inside a macro's expansion (as an argument of a macro)");
    for (size_t i = 0; i < a->fn->susps.n; i++) {
      ir_node *o = a->fn->susps.v[i];
      if (o != n && o->sp.b == n->sp.b && o->state < n->state && !n->tag) {
        err(a, n->sp.b, "evaluate it into a variable first and pass that to the macro",
            "a suspension point in a macro argument that the macro expands more than once");
        break;
      }
    }
  }
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
  if (n->kind == IR_VARREF && n->macro_inv && a->fn->vars.v[n->var].resident) {
    /* rewritten in a macro's argument: a macro that also stringizes the
     * argument would print the rewritten text */
    ir_var *v = &a->fn->vars.v[n->var];
    for (size_t i = 0; i < a->fn->macro_strs.n; i++)
      if (a->fn->macro_str_at.v[i] == n->macro_inv &&
          lex_uses_ident(a->fn->macro_strs.v[i], 1,
                         (unsigned)strlen(a->fn->macro_strs.v[i]) - 1, v->name)) {
        errf(a, n->sp.b, "pass a copy in a C local of its own to the macro",
             "'%s' lives in the coroutine's frame (its address is taken, it is an array or it "
             "has a cleanup) and a macro stringizes the argument that names it",
             v->name);
        break;
      }
  }
  if (n->kind == IR_VARREF) {
    ir_var *v = &a->fn->vars.v[n->var];
    if (v->resident && n->in_macro) {
      char *m = xasprintf(
          v->hidden ? "'%s' lives in the coroutine's frame (a declaration of the same name hides "
                      "it at a suspension point where it is live) and is used inside a macro's "
                      "body"
                    : "'%s' lives in the coroutine's frame (its address is taken, it is an "
                      "array or it has a cleanup) and is used inside a macro's body",
          v->name);
      err(a, n->sp.b,
          v->hidden ? "rename one of the two declarations, or pass the variable to the macro as "
                      "an argument"
                    : "pass the variable to the macro as an argument",
          m);
      free(m);
    }
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
  v.lifted = v.resident = true;
  VEC_PUSH(fn->vars, v);
}

static unsigned fe_count;

static void walk_foreach(actx *a, ir_node *n) {
  if (!n)
    return;
  if (n->kind == IR_FOREACH) {
    char name[32];
    snprintf(name, sizeof name, "yc__fe%u", ++fe_count);
    n->name = xstrdup(name);
    add_synthetic(a->fn, name, "yc_gen *", "yc__foreach_cleanup", n, n->sp.b);
  }
  for (unsigned i = 0; i < n->nkids; i++)
    walk_foreach(a, n->kids[i]);
}

/* Each deadline scope's record lives in the frame (the runtime links it to
 * the task), left by its cleanup on every way out of the statement. */
static unsigned dl_count;

static void walk_deadline(actx *a, ir_node *n) {
  if (!n)
    return;
  if (n->kind == IR_DEADLINE) {
    char name[32];
    snprintf(name, sizeof name, "yc__dl%u", ++dl_count);
    n->name = xstrdup(name);
    add_synthetic(a->fn, name, "yc__deadline", "yc__deadline_leave", n, n->sp.b);
  }
  for (unsigned i = 0; i < n->nkids; i++)
    walk_deadline(a, n->kids[i]);
}

static const ir_node *label_named(const ir_node *n, const char *name) {
  if (!n)
    return NULL;
  if (n->kind == IR_LABEL && n->name && !strcmp(n->name, name))
    return n;
  for (unsigned i = 0; i < n->nkids; i++) {
    const ir_node *r = label_named(n->kids[i], name);
    if (r)
      return r;
  }
  return NULL;
}

/* A goto into a deadline statement would skip its entry (the record is
 * not active, its leave a no-op): refused. */
static void check_goto_into_deadline(actx *a, const ir_node *n) {
  if (!n)
    return;
  if (n->kind == IR_GOTO && n->name) {
    const ir_node *l = label_named(a->fn->body_node, n->name);
    for (const ir_node *s = l ? l->parent : NULL; s; s = s->parent)
      if (s->kind == IR_DEADLINE && !ir_encloses(s, n)) {
        err(a, n->sp.b, "jump to a label before the statement, or restructure with a loop",
            "goto into a deadline scope (yc_move_on_after / yc_fail_after) skips its entry");
        break;
      }
  }
  for (unsigned i = 0; i < n->nkids; i++)
    check_goto_into_deadline(a, n->kids[i]);
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

typedef VEC(ir_node *) node_vec;

/* Every use of a variable, by variable. */
static void collect_uses(ir_node *n, node_vec *uses) {
  if (!n)
    return;
  if (n->kind == IR_VARREF && n->var >= 0)
    VEC_PUSH(uses[n->var], n);
  for (unsigned i = 0; i < n->nkids; i++)
    collect_uses(n->kids[i], uses);
}

/* Where v's declaration is complete: from there on it is in scope. */
static unsigned declared_at(const ir_var *v) {
  if (v->is_param)
    return 0;
  return v->has_init ? v->init.e : v->name_sp.e;
}

/* Can v be named at suspension point s: is s in its scope, after its
 * declaration?  With labels (a goto back over s) the object of a variable
 * declared after s in its block may still be alive at s, reachable through
 * a pointer only: `labels` asks whether it may exist there. */
static bool in_scope_at(const ir_func *fn, const ir_var *v, const ir_node *s, bool labels) {
  if (v->is_param)
    return true;
  if (!v->scope || !ir_encloses(v->scope, s))
    return false;
  if (v->scope->kind == IR_TRY) /* the catch variable: in the catch block */
    return v->scope->nkids > 1 && ir_encloses(v->scope->kids[1], s);
  (void)fn;
  if (labels)
    return true;
  return s->sp.b >= declared_at(v);
}

/* May v be read after s resumes?  A use after s in the text, or a use in a
 * loop around s inside v's scope (the loop goes back to it); with labels of
 * the function's own, any use. */
static bool live_at(const ir_var *v, const node_vec *uses, const ir_node *s, bool labels) {
  if (labels)
    return uses->n > 0;
  /* a use a macro's body writes is placed at the (outermost) invocation:
   * anywhere in s's statement it may come after s */
  const ir_node *st = s;
  while (st && (st->kind == IR_EXPR || st->kind == IR_ASSIGN || st->kind == IR_SUSPEND))
    st = st->parent;
  for (size_t i = 0; i < uses->n; i++)
    if (uses->v[i]->sp.b >= s->sp.e ||
        (uses->v[i]->in_macro && (uses->v[i]->sp.b >= s->sp.b || (st && ir_encloses(st, uses->v[i])))))
      return true;
  /* in a { } list around s, the initialisers are evaluated after it */
  for (const ir_node *l = s->parent; l && l->kind == IR_EXPR; l = l->parent)
    if (l->ck == CK_INIT)
      for (size_t i = 0; i < uses->n; i++)
        if (ir_encloses(l, uses->v[i]))
          return true;
  for (const ir_node *l = s->parent; l; l = l->parent) {
    /* a yc_foreach stores its variable before each pass: its loop does
     * not carry the old value back */
    if (is_loop(l) && !(l == v->scope && l->kind == IR_FOREACH))
      for (size_t i = 0; i < uses->n; i++)
        if (ir_encloses(l, uses->v[i]))
          return true;
    if (l == v->scope)
      break;
  }
  return false;
}

/* Does a variable other than v, of the same name, hide v at s? */
static bool hidden_at(const ir_func *fn, const ir_var *v, const ir_node *s) {
  for (size_t i = 0; i < fn->vars.n; i++) {
    const ir_var *w = &fn->vars.v[i];
    if (w == v || w->is_static || strcmp(w->name, v->name) || !w->scope)
      continue;
    if (v->scope && !ir_encloses(v->scope, w->scope))
      continue; /* w's scope is not inside v's */
    if (in_scope_at(fn, w, s, false))
      return true;
  }
  return false;
}

static void add_live(ir_node *s, int vi) {
  s->live = xrealloc(s->live, (s->nlive + 1) * sizeof *s->live);
  s->live[s->nlive++] = vi;
}

static bool field_taken(ir_func *fn, size_t upto, const char *name) {
  for (size_t i = 0; i < upto; i++)
    if (fn->vars.v[i].field && !strcmp(fn->vars.v[i].field, name))
      return true;
  return false;
}

/* Is there, before v in its block or in a scope around it, a yc_foreach
 * or a cleanup variable the translator runs? */
static bool outer_cleanups(const ir_func *fn, const ir_var *v) {
  for (size_t i = 0; i < fn->vars.n; i++) {
    const ir_var *w = &fn->vars.v[i];
    if (w != v && w->scope == v->scope && w->cleanup && w->resident &&
        w->name_sp.b < v->name_sp.b)
      return true; /* declared before it in its block: cleaned up after it */
  }
  for (const ir_node *s = v->scope ? v->scope->parent : NULL; s; s = s->parent) {
    if (s->kind == IR_FOREACH || s->kind == IR_DEADLINE)
      return true;
    for (size_t i = 0; i < fn->vars.n; i++) {
      const ir_var *w = &fn->vars.v[i];
      if (w != v && w->scope == s && w->cleanup && w->resident)
        return true;
    }
  }
  return false;
}

/* Which variables get a frame slot, which live there, and what each
 * suspension point saves and restores. */
static void frame_rule(actx *a, ir_func *fn) {
  bool labels = has_label(fn->body_node);
  /* A channel await that usually completes without suspending makes a loop
   * around it run many times per resumption: there C locals (registers)
   * beat reading the frame. */
  bool fast_paths = false;
  for (size_t k = 0; k < fn->susps.n; k++)
    fast_paths = fast_paths || chan_try_of(&a->u->file, fn->susps.v[k]) != CHAN_TRY_NONE;
  node_vec *uses = xcalloc(fn->vars.n + 1, sizeof *uses);
  collect_uses(fn->body_node, uses);
  for (size_t i = 0; i < fn->vars.n; i++) {
    ir_var *v = &fn->vars.v[i];
    if (v->is_static)
      continue;
    if (v->is_param && !v->name[0])
      continue; /* an unnamed parameter cannot be used */
    bool stable = v->addr_taken || v->is_array || v->cleanup || v->deref_type ||
                  (v->is_register && v->copy_bytes);
    bool across = false, hidden = false;
    for (size_t k = 0; k < fn->susps.n; k++) {
      ir_node *s = fn->susps.v[k];
      if (stable) {
        across = across || in_scope_at(fn, v, s, labels);
        continue;
      }
      if (!in_scope_at(fn, v, s, false) || !live_at(v, &uses[i], s, labels))
        continue;
      across = true;
      if (hidden_at(fn, v, s))
        hidden = true;
    }
    if (v->scope && v->scope->kind == IR_FOREACH && stable && v->scope->has_susp)
      across = true;
    /* A cleanup variable with no suspension point in its scope after it
     * stays C's own (its attribute runs it), unless a scope around it has
     * cleanups the translator runs itself: then all run in its order. */
    bool own_cleanup = v->cleanup && !across && !outer_cleanups(fn, v);
    v->lifted = across || (v->cleanup && !own_cleanup) || v->is_param;
    v->resident = (across && (stable || hidden)) || (v->cleanup && !own_cleanup);
    /* A parameter the body never assigns is a constant of the frame: its
     * uses read the field (as fast as a hand-written iterator's), unless a
     * macro's body names it or the function has fast paths (then it is a C
     * local, read at entry). */
    if (v->is_param && !v->assigned && !v->macro_use && !v->macro_arg_use && !v->copy_bytes &&
        !fast_paths)
      v->resident = true;
    v->hidden = v->resident && !stable && !v->cleanup;
    if (v->lifted && v->is_vm) {
      char *m = xasprintf("variable-length array '%s' is live across a suspension point", v->name);
      err(a, v->name_sp.b,
          "give it a constant size, or allocate it with malloc and free it "
          "in a cleanup",
          m);
      free(m);
    }
    if (v->resident && v->cleanup && v->scope && v->scope->kind == IR_FOR) {
      err(a, v->name_sp.b, "declare it in the block around the loop",
          "a cleanup variable declared in a for statement's header of a coroutine");
    }
    if (v->resident && v->local_type &&
        (strstr(v->type, "(unnamed") || strstr(v->type, "(anonymous"))) {
      errf(a, v->name_sp.b, "give the type a tag or a typedef name",
           "'%s', of a type without a name declared in the function, lives in the frame (its "
           "address is taken or it is an array) across a suspension point",
           v->name);
    }
    if (v->resident && v->decl && v->decl->in_macro) {
      char *m = xasprintf(
          v->hidden ? "'%s' is declared by a macro and lives in the frame (a declaration of the "
                      "same name hides it at a suspension point where it is live)"
                    : "'%s' is declared by a macro and lives in the frame (its address is "
                      "taken, it is an array or it has a cleanup) across a suspension point",
          v->name);
      err(a, v->name_sp.b, "declare it in the function's own text", m);
      free(m);
    }
  }
  /* What each suspension point saves: the spilled variables live there. */
  for (size_t k = 0; k < fn->susps.n; k++) {
    ir_node *s = fn->susps.v[k];
    for (size_t i = 0; i < fn->vars.n; i++) {
      ir_var *v = &fn->vars.v[i];
      if (!v->lifted || v->resident || v->is_static)
        continue;
      if (v->is_param && !v->assigned)
        continue; /* its local is read from the frame on every resumption */
      if (in_scope_at(fn, v, s, false) && live_at(v, &uses[i], s, labels))
        add_live(s, (int)i);
    }
  }
  for (size_t i = 0; i < fn->vars.n; i++)
    free(uses[i].v);
  free(uses);
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
  frame_rule(a, fn);
  walk_foreach(a, fn->body_node);
  walk_deadline(a, fn->body_node);
  if (dl_count)
    check_goto_into_deadline(a, fn->body_node);
  if (any_sub)
    add_synthetic(fn, "yc__sub", "yc_coro *", NULL, NULL, 0);
  /* One wait record per frame: a task waits on one thing at a time. */
  bool parks = false;
  for (size_t i = 0; i < fn->susps.n; i++)
    parks = parks || chan_try_of(&a->u->file, fn->susps.v[i]) != CHAN_TRY_NONE;
  if (parks)
    add_synthetic(fn, "yc__w", "yc__wait", NULL, NULL, 0);
  /* Field names: the variable's own, numbered where scopes shadow it. */
  for (size_t i = 0; i < fn->vars.n; i++) {
    ir_var *v = &fn->vars.v[i];
    if (!v->lifted)
      continue;
    char *name = xstrdup(v->name);
    for (unsigned k = 2;
         field_taken(fn, i, name) || !strcmp(name, "yc_hdr") || !strcmp(name, "yc_result") ||
         !strcmp(name, "yc_aux");
         k++) {
      free(name);
      name = xasprintf("%s_%u", v->name, k);
    }
    v->field = name;
  }
  /* The frame pointer's name: short, unless the function or a macro it
   * uses names it. */
  fn->fp = NULL;
  for (size_t i = 0; i < 4 && !fn->fp; i++)
    if (!(fn->macro_names & (1u << i)) &&
        !lex_uses_ident(a->u->file.text, fn->whole.b, fn->whole.e, frame_pointer_names[i]))
      fn->fp = xstrdup(frame_pointer_names[i]);
  if (!fn->fp)
    fn->fp = xstrdup("yc__frame");
  walk_checks(a, fn->body_node);
}

/* A variable of variably modified type (a VLA, a pointer to one...) or a
 * typedef of one, in scope at a suspension point: the resume jump would
 * enter its scope, which C forbids, and a frame cannot hold it.  Plain
 * VLAs (is_vm) are refused with the frame rule in analyse_func. */
static bool suspends_in_scope(const ir_func *fn, const ir_node *scope, unsigned from) {
  for (size_t i = 0; i < fn->susps.n; i++) {
    const ir_node *s = fn->susps.v[i];
    if (s->sp.b >= from && (!scope || ir_encloses(scope, s)))
      return true;
  }
  return false;
}

static const char vm_note[] = "a frame cannot hold a type whose size is computed at run time: "
                              "give the array a constant size, or use a pointer to its "
                              "elements and compute the index";

/* Is v such a variable (a parameter is in scope in the whole body)? */
static bool vm_var_refused(const ir_func *fn, const ir_var *v) {
  if (!v->vm_deep || v->is_vm || v->is_static)
    return false;
  const ir_node *scope = v->is_param ? fn->body_node : v->scope;
  unsigned from = v->decl ? v->decl->sp.b : scope ? scope->sp.b : 0;
  return scope && suspends_in_scope(fn, scope, from);
}

static bool vm_typedef_refused(const ir_func *fn, const ir_node *t) {
  if (!t->vm_type)
    return false;
  const ir_node *scope = t->parent;
  while (scope && !ir_is_scope(scope))
    scope = scope->parent;
  return scope && suspends_in_scope(fn, scope, t->sp.b);
}

static void check_vm_in_scope(actx *a, ir_func *fn) {
  /* variables and typedefs, each in source order: report them merged */
  size_t i = 0, k = 0;
  while (i < fn->vars.n || k < fn->typedecls.n) {
    const ir_var *v = i < fn->vars.n ? &fn->vars.v[i] : NULL;
    const ir_node *t = k < fn->typedecls.n ? fn->typedecls.v[k] : NULL;
    if (v && (!t || v->name_sp.b <= t->sp.b)) {
      i++;
      if (!vm_var_refused(fn, v))
        continue;
      char *m = xasprintf("%s '%s' of variably modified type '%s' is live across a "
                          "suspension point",
                          v->is_param ? "parameter" : "variable", v->name, v->type);
      err(a, v->name_sp.b, vm_note, m);
      free(m);
    } else {
      k++;
      if (!vm_typedef_refused(fn, t))
        continue;
      char *m = xasprintf("typedef '%s' of variably modified type '%s' is in scope across a "
                          "suspension point",
                          t->tag ? t->tag : "", t->vm_type);
      err(a, t->sp.b, vm_note, m);
      free(m);
    }
  }
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

/* The generator defined in the file before offset before whose direct
 * call is the text at sp, or NULL. */
static ir_func *same_file_call(ir_unit *u, span sp, unsigned before) {
  const char *t = u->file.text;
  span id = lex_ident_at(t, u->file.len, sp.b);
  unsigned after = lex_skip_ws(t, u->file.len, id.e);
  if (id.e == id.b || after >= u->file.len || t[after] != '(')
    return NULL;
  for (size_t i = 0; i < u->funcs.n; i++) {
    ir_func *fn = &u->funcs.v[i];
    if (fn->kind == FN_GENERATOR && strlen(fn->name) == id.e - id.b &&
        !strncmp(fn->name, t + id.b, id.e - id.b) && fn->whole.e <= before)
      return fn;
  }
  return NULL;
}

/* Generator expressions: a yc_foreach over one resumes its generator
 * function directly (it is defined before the function), and so does its
 * loop over a source that is a call of a generator defined earlier in the
 * file. */
static void find_known_genexpr(ir_unit *u, ir_node *n) {
  if (!n)
    return;
  if (n->kind == IR_FOREACH && !n->fe_known)
    for (size_t i = 0; i < u->genexprs.n; i++) {
      ir_genexpr *g = u->genexprs.v[i];
      if (g->sp.b == n->fe_expr.b && g->sp.e == n->fe_expr.e && g->clauses.n)
        n->fe_known = xstrdup(g->name);
    }
  for (unsigned i = 0; i < n->nkids; i++)
    find_known_genexpr(u, n->kids[i]);
}

static void find_known_sources(ir_unit *u) {
  for (size_t i = 0; i < u->genexprs.n; i++) {
    ir_genexpr *g = u->genexprs.v[i];
    for (size_t k = 0; k < g->clauses.n; k++) {
      ir_func *fn = g->clauses.v[k].kind == GX_IN
                        ? same_file_call(u, g->clauses.v[k].args[0], g->at)
                        : NULL;
      if (fn) {
        g->clauses.v[k].known = xstrdup(fn->name);
        fn->inline_resume = true;
      }
    }
  }
}

bool analyse_unit(ir_unit *u) {
  actx a = {u, NULL, false};
  fe_count = 0;
  dl_count = 0;
  for (size_t i = 0; i < u->funcs.n; i++)
    analyse_func(&a, &u->funcs.v[i]);
  for (size_t i = 0; i < u->funcs.n; i++)
    check_vm_in_scope(&a, &u->funcs.v[i]);
  for (size_t i = 0; i < u->funcs.n; i++)
    find_known_genexpr(u, u->funcs.v[i].body_node);
  for (size_t i = 0; i < u->foreachs.n; i++)
    find_known_genexpr(u, u->foreachs.v[i]);
  find_known_sources(u);
  for (size_t i = 0; i < u->funcs.n; i++)
    find_known_foreach(u, u->funcs.v[i].body_node);
  for (size_t i = 0; i < u->foreachs.n; i++)
    find_known_foreach(u, u->foreachs.v[i]);
  return !a.failed;
}

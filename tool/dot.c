/* dot.c - the state picture (--emit=dot).
 *
 * For each coroutine function the picture has a node for its start, one
 * for each suspension point and one for each way it ends (finished,
 * failed, closed), and an edge A -> B exactly when execution resumed at A
 * can reach B without passing another suspension point.  That is a
 * question about control flow, so it is answered on a control-flow graph
 * built from the IR here: points joined by edges, some edges carrying a
 * token that names the construct taken (a branch of an if, a loop back, a
 * break, a case, a goto, a catch...).  A search from each resume point
 * stops at the suspension points and ends it reaches; the label of a
 * picture edge lists the tokens of its simplest paths.
 *
 * Conditions are not evaluated (both branches of an if are possible),
 * except literal constants (while (1), do ... while (0)), whose other
 * branch is not a real path.  An error can arrive at every suspension
 * point (a throw, a failing sub or awaited task, a cancellation, a
 * deadline) and a close can end any of them, so those paths are drawn
 * too, as lowering.md says they run: an error to the catch block of the
 * enclosing yc_try (or past a yc_move_on_after that swallows its own
 * timeout, or out of the function), a close straight to the end. */
#include "dot.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- the control-flow graph ------------------------------------------ */

typedef struct {
  int to, tok; /* tok: index into the function's tokens, or -1 */
} cedge;

typedef struct {
  VEC(cedge) out;
  int target; /* a suspension point (its index in fn->susps) or an end
                 (END_*), where a search stops; -1 for any other point */
} cpoint;

enum { END_DONE, END_FAILED, END_CLOSED, NENDS };

/* Where break and continue go: the innermost loop or switch. */
typedef struct {
  bool is_switch;
  int brk, cont;    /* cont: loops only */
  int cond;         /* switch: the point after its controlling expression */
  bool has_default; /* switch: a default label was seen */
} jump_ctx;

typedef struct {
  const ir_node *n;
  int pt;
} node_pt;
typedef VEC(node_pt) node_pt_vec;

typedef struct {
  const ir_unit *u;
  const ir_func *fn;
  VEC(cpoint) pts;
  VEC(char *) toks;
  VEC(jump_ctx) jumps;
  node_pt_vec catches;  /* yc_try -> the start of its catch block */
  node_pt_vec dl_exits; /* deadline scope -> the point after it */
  VEC(char *) label_names;
  VEC(int) label_pts;
  int *susp_pt;   /* per suspension point: the point that reaches it */
  int *resume_pt; /* per suspension point: where its resumption continues */
  int ends[NENDS];
} dctx;

static int new_pt(dctx *d) {
  cpoint p = {{0}, -1};
  VEC_PUSH(d->pts, p);
  return (int)d->pts.n - 1;
}

static void add_edge(dctx *d, int from, int to, int tok) {
  cedge e = {to, tok};
  VEC_PUSH(d->pts.v[from].out, e);
}

/* The token named by the text, the same index for the same text. */
static int tok(dctx *d, const char *text) {
  for (size_t i = 0; i < d->toks.n; i++)
    if (!strcmp(d->toks.v[i], text))
      return (int)i;
  VEC_PUSH(d->toks, xstrdup(text));
  return (int)d->toks.n - 1;
}

/* The source text of sp on one line, white space runs as one space, cut
 * at max characters. */
static char *short_text(const src_file *f, span sp, size_t max) {
  char *t = span_text(f, sp);
  buf b = {0};
  bool space = false;
  for (const char *p = t; *p; p++) {
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
      space = b.len > 0;
      continue;
    }
    if (space)
      buf_putc(&b, ' ');
    space = false;
    buf_putc(&b, *p);
  }
  free(t);
  if (b.len > max) {
    b.len = max;
    b.s[b.len] = 0;
    buf_puts(&b, "...");
  }
  if (!b.s)
    buf_puts(&b, "");
  return buf_take(&b);
}

static int tok_with(dctx *d, const char *what, const ir_node *e) {
  char *t = short_text(&d->u->file, e->sp, 24);
  char *s = xasprintf("%s (%s)", what, t);
  int id = tok(d, s);
  free(s);
  free(t);
  return id;
}

static int lookup_pt(dctx *d, node_pt_vec *v, const ir_node *n) {
  for (size_t i = 0; i < v->n; i++)
    if (v->v[i].n == n)
      return v->v[i].pt;
  node_pt np = {n, new_pt(d)};
  VEC_PUSH(*v, np);
  return np.pt;
}

static int label_pt(dctx *d, const char *name) {
  for (size_t i = 0; i < d->label_names.n; i++)
    if (!strcmp(d->label_names.v[i], name))
      return d->label_pts.v[i];
  VEC_PUSH(d->label_names, (char *)name);
  VEC_PUSH(d->label_pts, new_pt(d));
  return d->label_pts.v[d->label_pts.n - 1];
}

/* A literal condition: 1 (always true), 0 (always false), -1 (not known). */
static int const_cond(dctx *d, const ir_node *e) {
  char *t = short_text(&d->u->file, e->sp, 64);
  char *s = t;
  size_t n = strlen(s);
  while (n >= 2 && s[0] == '(' && s[n - 1] == ')') {
    s++;
    n -= 2;
  }
  int r = -1;
  if (n == 4 && !strncmp(s, "true", 4))
    r = 1;
  else if (n == 5 && !strncmp(s, "false", 5))
    r = 0;
  else if (n && s[0] >= '0' && s[0] <= '9') {
    char *end;
    unsigned long long v = strtoull(s, &end, 0);
    while (end < s + n && strchr("uUlL", *end))
      end++;
    if (end == s + n)
      r = v != 0;
  }
  free(t);
  return r;
}

/* Nothing in n changes where control goes: no suspension point, no label
 * or case a jump may enter by, no jump out of it.  Such a statement is
 * one step of the graph, so its inner ifs and loops label no edge. */
static bool plain_rec(const ir_node *n, bool in_loop, bool in_switch) {
  if (n->has_susp)
    return false;
  switch (n->kind) {
  case IR_LABEL:
  case IR_GOTO:
  case IR_RETURN:   /* also yc_raise */
  case IR_DEADLINE: /* its entry may fail */
    return false;
  case IR_BREAK:
    return in_loop || in_switch;
  case IR_CONTINUE:
    return in_loop;
  case IR_CASE:
  case IR_DEFAULT:
    if (!in_switch)
      return false;
    break;
  case IR_FOR:
  case IR_WHILE:
  case IR_DO:
  case IR_FOREACH:
    in_loop = true;
    break;
  case IR_SWITCH:
    in_switch = true;
    break;
  default:
    break;
  }
  for (unsigned i = 0; i < n->nkids; i++)
    if (n->kids[i] && !plain_rec(n->kids[i], in_loop, in_switch))
      return false;
  return true;
}

static int susp_index(dctx *d, const ir_node *n) {
  for (size_t k = 0; k < d->fn->susps.n; k++)
    if (d->fn->susps.v[k] == n)
      return (int)k;
  return -1;
}

/* The error in flight at `from` (reached with token t) unwinds from n: to
 * the catch block of the yc_try whose try block holds n, on the way past
 * each yc_move_on_after, which may swallow its own timeout (execution goes
 * on after it), or out of the function.  As enclosing_try in lower.c. */
static void unwind(dctx *d, const ir_node *n, int from, int t) {
  int u = new_pt(d);
  add_edge(d, from, u, t);
  for (const ir_node *c = n, *p = n->parent; p; c = p, p = p->parent) {
    if (p->kind == IR_TRY && p->nkids && p->kids[0] == c) {
      add_edge(d, u, lookup_pt(d, &d->catches, p), tok(d, "catch"));
      return;
    }
    if (p->kind == IR_DEADLINE && !p->dl_fail && p->for_body >= 0 && p->kids[p->for_body] == c)
      add_edge(d, u, lookup_pt(d, &d->dl_exits, p), tok(d, "timeout"));
  }
  add_edge(d, u, d->ends[END_FAILED], -1);
}

static int flow(dctx *d, const ir_node *n, int in);

static int flow_seq(dctx *d, const ir_node *n, unsigned from, unsigned to, int in) {
  for (unsigned i = from; i < to && i < n->nkids; i++)
    if (n->kids[i])
      in = flow(d, n->kids[i], in);
  return in;
}

static int join(dctx *d, int a, int b) {
  int out = new_pt(d);
  add_edge(d, a, out, -1);
  add_edge(d, b, out, -1);
  return out;
}

static jump_ctx *innermost(dctx *d, bool loop_only, bool switch_only) {
  for (size_t i = d->jumps.n; i-- > 0;) {
    jump_ctx *j = &d->jumps.v[i];
    if ((!loop_only || !j->is_switch) && (!switch_only || j->is_switch))
      return j;
  }
  return NULL;
}

static int flow_expr(dctx *d, const ir_node *n, int in) {
  switch (n->ck) {
  case CK_NOEVAL:
    return in;
  case CK_LAND:
  case CK_LOR:
    if (n->nkids == 2) {
      int a = flow(d, n->kids[0], in);
      return join(d, a, flow(d, n->kids[1], a));
    }
    break;
  case CK_COND:
    if (n->nkids == 3) {
      int c = flow(d, n->kids[0], in);
      return join(d, flow(d, n->kids[1], c), flow(d, n->kids[2], c));
    }
    if (n->nkids == 2) { /* GNU a ?: b */
      int c = flow(d, n->kids[0], in);
      return join(d, c, flow(d, n->kids[1], c));
    }
    break;
  default:
    break;
  }
  return flow_seq(d, n, 0, n->nkids, in);
}

static int flow_if(dctx *d, const ir_node *n, int in) {
  if (n->nkids < 2)
    return flow_seq(d, n, 0, n->nkids, in);
  int c = flow(d, n->kids[0], in);
  /* A suspending condition with branches that change nothing: the if
   * is no choice of the picture's */
  if (plain_rec(n->kids[1], false, false) && (n->nkids < 3 || plain_rec(n->kids[2], false, false)))
    return c;
  int cv = const_cond(d, n->kids[0]);
  int t_in = new_pt(d), e_in = new_pt(d);
  if (cv != 0)
    add_edge(d, c, t_in, cv == 1 ? -1 : tok_with(d, "if", n->kids[0]));
  if (cv != 1)
    add_edge(d, c, e_in, cv == 0 ? -1 : tok_with(d, "else", n->kids[0]));
  int t_out = flow(d, n->kids[1], t_in);
  int e_out = n->nkids > 2 ? flow(d, n->kids[2], e_in) : e_in;
  return join(d, t_out, e_out);
}

static void push_loop(dctx *d, int brk, int cont) {
  jump_ctx j = {false, brk, cont, -1, false};
  VEC_PUSH(d->jumps, j);
}

/* while (cond) body; for (init; cond; inc) body; yc_foreach (decl, expr)
 * body: the body is entered without a token, left by "loop exit" when the
 * condition may be false, and its end goes back with "loop back". */
static int flow_loop(dctx *d, const ir_node *n, int in) {
  const ir_node *cond = NULL, *inc = NULL, *body = NULL;
  int p = in;
  if (n->kind == IR_WHILE) {
    cond = n->nkids > 0 ? n->kids[0] : NULL;
    body = n->nkids > 1 ? n->kids[1] : NULL;
  } else if (n->kind == IR_FOR) {
    if (n->for_init >= 0)
      p = flow(d, n->kids[n->for_init], p);
    cond = n->for_cond >= 0 ? n->kids[n->for_cond] : NULL;
    inc = n->for_inc >= 0 ? n->kids[n->for_inc] : NULL;
    body = n->for_body >= 0 ? n->kids[n->for_body] : NULL;
  } else { /* IR_FOREACH: its expression, then the loop over its items */
    unsigned nexpr = n->for_body >= 0 ? (unsigned)n->for_body : n->nkids;
    p = flow_seq(d, n, 0, nexpr, p);
    body = n->for_body >= 0 ? n->kids[n->for_body] : NULL;
  }
  int head = new_pt(d);
  add_edge(d, p, head, -1);
  int c = cond ? flow(d, cond, head) : head;
  /* yc_foreach: the next item or none; for (;;): always on */
  int cv = cond ? const_cond(d, cond) : n->kind == IR_FOREACH ? -1 : 1;
  int b_in = new_pt(d), exit = new_pt(d), cont = inc ? new_pt(d) : head;
  if (cv != 0)
    add_edge(d, c, b_in, -1);
  if (cv != 1)
    add_edge(d, c, exit, cv == 0 ? -1 : tok(d, "loop exit"));
  push_loop(d, exit, cont);
  int b_out = body ? flow(d, body, b_in) : b_in;
  d->jumps.n--;
  add_edge(d, b_out, cont, tok(d, "loop back"));
  if (inc)
    add_edge(d, flow(d, inc, cont), head, -1);
  return exit;
}

/* do body while (cond): the body is entered first; "loop back" when the
 * condition may be true. */
static int flow_do(dctx *d, const ir_node *n, int in) {
  const ir_node *body = n->nkids > 0 ? n->kids[0] : NULL, *cond = n->nkids > 1 ? n->kids[1] : NULL;
  int b_in = new_pt(d), condpt = new_pt(d), exit = new_pt(d);
  add_edge(d, in, b_in, -1);
  push_loop(d, exit, condpt);
  int b_out = body ? flow(d, body, b_in) : b_in;
  d->jumps.n--;
  add_edge(d, b_out, condpt, -1);
  int c = cond ? flow(d, cond, condpt) : condpt;
  int cv = cond ? const_cond(d, cond) : 0;
  if (cv != 0)
    add_edge(d, c, b_in, tok(d, "loop back"));
  if (cv != 1)
    add_edge(d, c, exit, cv == 0 ? -1 : tok(d, "loop exit"));
  return exit;
}

static int flow_switch(dctx *d, const ir_node *n, int in) {
  if (n->nkids < 1)
    return in;
  int c = flow(d, n->kids[0], in);
  int exit = new_pt(d);
  jump_ctx j = {true, exit, -1, c, false};
  VEC_PUSH(d->jumps, j);
  /* the body is entered only by its case labels */
  int b_out = n->nkids > 1 ? flow(d, n->kids[1], new_pt(d)) : new_pt(d);
  bool has_default = d->jumps.v[d->jumps.n - 1].has_default;
  d->jumps.n--;
  add_edge(d, b_out, exit, -1);
  if (!has_default)
    add_edge(d, c, exit, tok(d, "no case"));
  return exit;
}

/* case V: stmt / default: stmt.  Reached from the switch with "case V"
 * and from the statement before it with "fallthrough" (none between two
 * labels of one statement). */
static int flow_case(dctx *d, const ir_node *n, int in) {
  int pt = new_pt(d);
  bool stacked = n->parent && (n->parent->kind == IR_CASE || n->parent->kind == IR_DEFAULT);
  add_edge(d, in, pt, stacked ? -1 : tok(d, "fallthrough"));
  const ir_node *stmt = n->nkids ? n->kids[n->nkids - 1] : NULL;
  jump_ctx *sw = innermost(d, false, true);
  if (sw) {
    if (n->kind == IR_DEFAULT) {
      sw->has_default = true;
      add_edge(d, sw->cond, pt, tok(d, "default"));
    } else {
      span sp = {n->sp.b, stmt ? stmt->sp.b : n->sp.e};
      char *t = short_text(&d->u->file, sp, 24);
      size_t l = strlen(t);
      while (l && (t[l - 1] == ':' || t[l - 1] == ' '))
        t[--l] = 0;
      add_edge(d, sw->cond, pt, tok(d, t));
      free(t);
    }
  }
  if (n->kind == IR_DEFAULT)
    return flow_seq(d, n, 0, n->nkids, pt);
  return stmt ? flow(d, stmt, pt) : pt;
}

static int flow_stmt(dctx *d, const ir_node *n, int in) {
  switch (n->kind) {
  case IR_IF:
    return flow_if(d, n, in);
  case IR_WHILE:
  case IR_FOR:
  case IR_FOREACH:
    return flow_loop(d, n, in);
  case IR_DO:
    return flow_do(d, n, in);
  case IR_SWITCH:
    return flow_switch(d, n, in);
  case IR_CASE:
  case IR_DEFAULT:
    return flow_case(d, n, in);
  case IR_LABEL: {
    int pt = n->name ? label_pt(d, n->name) : new_pt(d);
    add_edge(d, in, pt, -1);
    return flow_seq(d, n, 0, n->nkids, pt);
  }
  case IR_GOTO:
    if (n->name) {
      char *t = xasprintf("goto %s", n->name);
      add_edge(d, in, label_pt(d, n->name), tok(d, t));
      free(t);
    }
    return new_pt(d);
  case IR_BREAK:
  case IR_CONTINUE: {
    bool brk = n->kind == IR_BREAK;
    jump_ctx *j = innermost(d, !brk, false);
    if (j)
      add_edge(d, in, brk ? j->brk : j->cont, tok(d, brk ? "break" : "continue"));
    return new_pt(d);
  }
  case IR_RETURN: {
    int p = flow_seq(d, n, 0, n->nkids, in);
    if (n->ret == RET_RAISE)
      unwind(d, n, p, tok(d, "yc_raise"));
    else
      add_edge(d, p, d->ends[END_DONE], tok(d, n->ret == RET_YC_RETURN ? "yc_return" : "return"));
    return new_pt(d);
  }
  case IR_TRY: {
    int cp = lookup_pt(d, &d->catches, n);
    int t_out = n->nkids > 0 ? flow(d, n->kids[0], in) : in;
    int c_out = n->nkids > 1 ? flow(d, n->kids[1], cp) : cp;
    return join(d, t_out, c_out);
  }
  case IR_DEADLINE: {
    unsigned nargs = n->for_body >= 0 ? (unsigned)n->for_body : n->nkids;
    int p = flow_seq(d, n, 0, nargs, in);
    /* entering the scope may fail (no memory for its timer) */
    unwind(d, n, p, tok(d, "error"));
    int ex = lookup_pt(d, &d->dl_exits, n);
    add_edge(d, n->for_body >= 0 ? flow(d, n->kids[n->for_body], p) : p, ex, -1);
    return ex;
  }
  default:
    return flow_seq(d, n, 0, n->nkids, in);
  }
}

static int flow(dctx *d, const ir_node *n, int in) {
  if (plain_rec(n, false, false))
    return in;
  if (n->kind == IR_SUSPEND) {
    int k = susp_index(d, n);
    int p = flow_seq(d, n, 0, n->nkids, in);
    if (k < 0)
      return p;
    add_edge(d, p, d->susp_pt[k], -1);
    return d->resume_pt[k];
  }
  if (n->kind == IR_EXPR || n->kind == IR_ASSIGN || n->kind == IR_VARREF)
    return flow_expr(d, n, in);
  return flow_stmt(d, n, in);
}

/* ---- the search ------------------------------------------------------- */

/* A state of the search: a point and the set of tokens on the way to it
 * (a bit set of nw words at mask_at), with the state it came from. */
typedef struct {
  int pt, parent, tok;
  size_t mask_at;
} sstate;

typedef VEC(int) int_vec;

typedef struct {
  VEC(sstate) st;
  VEC(uint64_t) masks;
  size_t nw;
  int_vec *seen;  /* per point: the states that reached it */
  int_vec *found; /* per target: its minimal states */
  size_t ntargets;
  int err_tok; /* the token of an arriving error */
} search;

/* More states than this for one resume point and the labels stop being
 * refined (the edges are still all there: see reach_plain). */
#define MAX_STATES 50000
/* At most this many sets of tokens per point (see keep_minimal). */
#define MAX_WAYS 16

/* a's tokens are a subset of b's, and both are ways of an arriving error
 * or both are not: a way the body goes when an error arrives is shown
 * even when the normal way reaches the same place (a catch that goes
 * back into the loop, a timeout swallowed by its scope). */
static bool dominates(const search *s, size_t a_at, size_t b_at) {
  const uint64_t *a = &s->masks.v[a_at], *b = &s->masks.v[b_at];
  for (size_t i = 0; i < s->nw; i++)
    if (a[i] & ~b[i])
      return false;
  if (s->err_tok < 0)
    return true;
  uint64_t bit = (uint64_t)1 << (s->err_tok % 64);
  size_t w = (size_t)s->err_tok / 64;
  return (a[w] & bit) == (b[w] & bit);
}

/* Adds the state unless one with a subset of its tokens is there; drops
 * the ones with a superset from the list.  True when added.  A list of cap
 * states takes no more: a file whose choices multiply (forty ifs in a row
 * with a return in each branch) is searched in bounded time, its labels
 * then real ways but not all the simplest. */
static bool keep_minimal(search *s, int_vec *l, int idx, size_t cap) {
  size_t m = s->st.v[idx].mask_at;
  for (size_t i = 0; i < l->n; i++)
    if (dominates(s, s->st.v[l->v[i]].mask_at, m))
      return false;
  size_t w = 0;
  for (size_t i = 0; i < l->n; i++)
    if (!dominates(s, m, s->st.v[l->v[i]].mask_at))
      l->v[w++] = l->v[i];
  l->n = w;
  if (l->n >= cap)
    return false;
  VEC_PUSH(*l, idx);
  return true;
}

static int target_index(const dctx *d, int pt) { return d->pts.v[pt].target; }

static void run_search(dctx *d, search *s, int src) {
  sstate first = {src, -1, -1, 0};
  for (size_t i = 0; i < s->nw; i++)
    VEC_PUSH(s->masks, 0);
  VEC_PUSH(s->st, first);
  for (size_t q = 0; q < s->st.n && s->st.n < MAX_STATES; q++) {
    sstate cur = s->st.v[q];
    const cpoint *p = &d->pts.v[cur.pt];
    for (size_t e = 0; e < p->out.n; e++) {
      cedge ed = p->out.v[e];
      sstate nx = {ed.to, (int)q, ed.tok, s->masks.n};
      for (size_t i = 0; i < s->nw; i++)
        VEC_PUSH(s->masks, s->masks.v[cur.mask_at + i]);
      if (ed.tok >= 0)
        s->masks.v[nx.mask_at + (size_t)ed.tok / 64] |= (uint64_t)1 << (ed.tok % 64);
      VEC_PUSH(s->st, nx);
      int idx = (int)s->st.n - 1;
      int t = target_index(d, ed.to);
      /* a target is kept in found and never expanded (it has no out
       * edges); a state no simpler than one seen at its point is dropped */
      bool keep = t >= 0 ? keep_minimal(s, &s->found[t], idx, (size_t)-1)
                         : keep_minimal(s, &s->seen[ed.to], idx, MAX_WAYS);
      if (!keep) {
        s->st.n--;
        s->masks.n -= s->nw;
      }
    }
  }
}

/* Which targets src reaches at all, by a plain walk: the edges of the
 * picture, whatever the bounds of the labelled search left out. */
static void reach_plain(const dctx *d, int src, bool *reached) {
  bool *seen = xcalloc(d->pts.n, 1);
  int *stack = xmalloc(d->pts.n * sizeof *stack);
  size_t n = 0;
  stack[n++] = src;
  seen[src] = true;
  while (n) {
    int pt = stack[--n];
    const cpoint *p = &d->pts.v[pt];
    if (p->target >= 0 && pt != src) {
      reached[p->target] = true;
      continue;
    }
    for (size_t e = 0; e < p->out.n; e++)
      if (!seen[p->out.v[e].to]) {
        seen[p->out.v[e].to] = true;
        stack[n++] = p->out.v[e].to;
      }
  }
  free(stack);
  free(seen);
}

/* ---- the picture ------------------------------------------------------ */

static void put_escaped(buf *out, const char *s) {
  for (; *s; s++) {
    if (*s == '"' || *s == '\\')
      buf_putc(out, '\\');
    buf_putc(out, *s);
  }
}

static void node_name(buf *out, const ir_func *fn, int target, size_t nsusp) {
  static const char *const ends[] = {"done", "failed", "closed"};
  if (target < 0)
    buf_printf(out, "%s__start", fn->name);
  else if ((size_t)target < nsusp)
    buf_printf(out, "%s__s%d", fn->name, fn->susps.v[target]->state);
  else
    buf_printf(out, "%s__%s", fn->name, ends[(size_t)target - nsusp]);
}

/* The tokens of the path to state idx, in the order taken, each once. */
static void path_label(const dctx *d, const search *s, int idx, buf *out, bool *error,
                       bool *close) {
  VEC(int) toks = {0};
  for (int i = idx; i >= 0; i = s->st.v[i].parent)
    if (s->st.v[i].tok >= 0)
      VEC_PUSH(toks, s->st.v[i].tok);
  bool any = false;
  for (size_t i = toks.n; i-- > 0;) {
    bool dup = false;
    for (size_t j = toks.n; --j > i;)
      dup |= toks.v[j] == toks.v[i];
    if (dup)
      continue;
    const char *t = d->toks.v[toks.v[i]];
    /* "loop back, loop exit": the loop is left; the way back to its
     * condition says nothing more */
    if (!strcmp(t, "loop back") && i > 0 && !strcmp(d->toks.v[toks.v[i - 1]], "loop exit"))
      continue;
    if (!strcmp(t, "error") || !strcmp(t, "yc_raise"))
      *error = true;
    if (!strcmp(t, "close"))
      *close = true;
    if (any)
      buf_puts(out, ", ");
    put_escaped(out, t);
    any = true;
  }
  free(toks.v);
}

/* Shorter ways first, then in text order: the same picture every time. */
static int by_text(const void *a, const void *b) {
  const char *x = *(char *const *)a, *y = *(char *const *)b;
  size_t lx = strlen(x), ly = strlen(y);
  return lx != ly ? (lx < ly ? -1 : 1) : strcmp(x, y);
}

/* At most this many ways are listed on one edge. */
#define MAX_ALTS 4

/* The edges from one resume point (src; from names it in the picture). */
static void emit_edges(dctx *d, int src, int from, buf *out) {
  size_t nsusp = d->fn->susps.n, ntargets = nsusp + NENDS;
  search s = {0};
  s.nw = d->toks.n / 64 + 1;
  s.seen = xcalloc(d->pts.n, sizeof *s.seen);
  s.found = xcalloc(ntargets, sizeof *s.found);
  s.ntargets = ntargets;
  s.err_tok = -1;
  for (size_t i = 0; i < d->toks.n; i++)
    if (!strcmp(d->toks.v[i], "error"))
      s.err_tok = (int)i;
  run_search(d, &s, src);
  bool *reached = xcalloc(ntargets, 1);
  reach_plain(d, src, reached);
  for (size_t t = 0; t < ntargets; t++) {
    if (!reached[t])
      continue;
    buf_puts(out, "    ");
    node_name(out, d->fn, from, nsusp);
    buf_puts(out, " -> ");
    node_name(out, d->fn, (int)t, nsusp);
    size_t nalt = s.found[t].n;
    char **alts = xcalloc(nalt + 1, sizeof *alts);
    bool all_error = nalt > 0, all_close = nalt > 0;
    for (size_t i = 0; i < nalt; i++) {
      buf one = {0};
      bool error = false, close = false;
      path_label(d, &s, s.found[t].v[i], &one, &error, &close);
      alts[i] = one.s ? buf_take(&one) : xstrdup("");
      all_error &= error;
      all_close &= close;
    }
    qsort(alts, nalt, sizeof *alts, by_text);
    buf label = {0};
    /* the straight way is unlabelled, or "next" beside other ways */
    for (size_t i = 0; i < nalt && i < MAX_ALTS; i++)
      buf_printf(&label, "%s%s", i ? " | " : "", *alts[i] || nalt == 1 ? alts[i] : "next");
    if (nalt > MAX_ALTS)
      buf_puts(&label, " | ...");
    if (!nalt) /* the search gave up before it: the edge is real */
      buf_puts(&label, "...");
    for (size_t i = 0; i < nalt; i++)
      free(alts[i]);
    free(alts);
    if (label.len) {
      buf_printf(out, " [label=\"%s\"", label.s);
      if (all_close)
        buf_puts(out, ", style=dotted, color=gray50");
      else if (all_error)
        buf_puts(out, ", style=dashed, color=red3");
      buf_putc(out, ']');
    }
    buf_puts(out, ";\n");
    buf_free(&label);
  }
  free(reached);
  for (size_t i = 0; i < d->pts.n; i++)
    free(s.seen[i].v);
  for (size_t t = 0; t < ntargets; t++)
    free(s.found[t].v);
  free(s.seen);
  free(s.found);
  free(s.st.v);
  free(s.masks.v);
}

static void emit_function(const ir_unit *u, const ir_func *fn, buf *out) {
  static const char *const kinds[] = {"generator", "async", "async generator"};
  static const char *const sk[] = {"yield", "yield_from", "await", "await_next"};
  size_t nsusp = fn->susps.n;
  dctx d = {0};
  d.u = u;
  d.fn = fn;
  d.susp_pt = xcalloc(nsusp + 1, sizeof *d.susp_pt);
  d.resume_pt = xcalloc(nsusp + 1, sizeof *d.resume_pt);
  for (int e = 0; e < NENDS; e++) {
    d.ends[e] = new_pt(&d);
    d.pts.v[d.ends[e]].target = (int)nsusp + e;
  }
  for (size_t k = 0; k < nsusp; k++) {
    d.susp_pt[k] = new_pt(&d);
    d.pts.v[d.susp_pt[k]].target = (int)k;
    d.resume_pt[k] = new_pt(&d);
  }
  /* The start: the first resume runs the body; a throw or a close before
   * it ends the coroutine without running any of it. */
  int start = new_pt(&d), entry = new_pt(&d);
  add_edge(&d, start, entry, -1);
  add_edge(&d, start, d.ends[END_FAILED], tok(&d, "error"));
  add_edge(&d, start, d.ends[END_CLOSED], tok(&d, "close"));
  if (fn->body_node)
    add_edge(&d, flow(&d, fn->body_node, entry), d.ends[END_DONE], -1);
  else
    add_edge(&d, entry, d.ends[END_DONE], -1);
  /* A suspension point resumes after it, or with an error arriving there,
   * or closed. */
  int *src = xcalloc(nsusp + 1, sizeof *src);
  for (size_t k = 0; k < nsusp; k++) {
    src[k] = new_pt(&d);
    add_edge(&d, src[k], d.resume_pt[k], -1);
    unwind(&d, fn->susps.v[k], src[k], tok(&d, "error"));
    add_edge(&d, src[k], d.ends[END_CLOSED], tok(&d, "close"));
  }

  buf_printf(out, "  subgraph cluster_%s {\n    label=\"%s (%s)\";\n", fn->name, fn->name,
             kinds[fn->kind]);
  buf_printf(out, "    %s__start [label=\"%s()\\nnot started\", shape=oval];\n", fn->name,
             fn->name);
  for (size_t k = 0; k < nsusp; k++) {
    const ir_node *s = fn->susps.v[k];
    unsigned l, c;
    diag_line_col(&u->file, s->sp.b, &l, &c);
    char *text = short_text(&u->file, s->sp, 60);
    buf_printf(out, "    %s__s%d [label=\"state %d: %s\\nline %u: ", fn->name, s->state, s->state,
               sk[s->susp], l);
    put_escaped(out, text);
    buf_puts(out, "\"];\n");
    free(text);
  }
  buf_printf(out, "    %s__done [label=\"finished\", shape=oval];\n", fn->name);
  buf_printf(out, "    %s__failed [label=\"failed\", shape=oval, color=red3];\n", fn->name);
  buf_printf(out, "    %s__closed [label=\"closed\", shape=oval, color=gray50];\n", fn->name);
  emit_edges(&d, start, -1, out);
  for (size_t k = 0; k < nsusp; k++)
    emit_edges(&d, src[k], (int)k, out);
  buf_puts(out, "  }\n");

  free(src);
  for (size_t i = 0; i < d.pts.n; i++)
    free(d.pts.v[i].out.v);
  free(d.pts.v);
  for (size_t i = 0; i < d.toks.n; i++)
    free(d.toks.v[i]);
  free(d.toks.v);
  free(d.jumps.v);
  free(d.catches.v);
  free(d.dl_exits.v);
  free(d.label_names.v);
  free(d.label_pts.v);
  free(d.susp_pt);
  free(d.resume_pt);
}

static int by_position(const void *a, const void *b) {
  const ir_func *x = *(const ir_func *const *)a, *y = *(const ir_func *const *)b;
  return x->whole.b < y->whole.b ? -1 : x->whole.b > y->whole.b;
}

bool dot_emit(const ir_unit *u, const char *only, buf *out) {
  const ir_func **fns = xcalloc(u->funcs.n + 1, sizeof *fns);
  size_t n = 0;
  for (size_t i = 0; i < u->funcs.n; i++)
    if (!only || !strcmp(u->funcs.v[i].name, only))
      fns[n++] = &u->funcs.v[i];
  if (only && !n) {
    free(fns);
    return false;
  }
  qsort(fns, n, sizeof *fns, by_position);
  const char *base = strrchr(u->file.path, '/');
  base = base ? base + 1 : u->file.path;
  buf_puts(out, "digraph \"");
  put_escaped(out, base);
  buf_puts(out, "\" {\n  rankdir=TB;\n  node [shape=box, fontname=\"monospace\"];\n"
                "  edge [fontname=\"monospace\", fontsize=10];\n");
  for (size_t i = 0; i < n; i++)
    emit_function(u, fns[i], out);
  buf_puts(out, "}\n");
  free(fns);
  return true;
}

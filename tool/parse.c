/* parse.c - the one file that talks to libclang.
 *
 * It parses the input (authoring view), reports clang's own errors in
 * clang's format, finds the coroutine functions by their annotation, and
 * builds the IR of ir.h for them: statements, declarations, suspension
 * forms and uses of locals, each as a byte span of the input.  It also
 * finds yc_foreach loops and suspension forms outside coroutine functions.
 *
 * Locations: a construct written in the file has its span in the file; one
 * produced by a macro (yield(...) itself) gets the span of the macro's
 * invocation; a token that came from a macro argument keeps its spelling in
 * the file.  Hence span_of(): the spelling when it lies in the function
 * being built, else the expansion. */
#include "parse.h"

#include <clang-c/Index.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"

typedef VEC(CXCursor) cursor_vec;

typedef struct {
  CXTranslationUnit tu;
  CXFile main;
  ir_unit *u;
  ir_func *fn;            /* coroutine being built, NULL elsewhere */
  span limit;             /* text of the function being built */
  cursor_vec var_decls; /* the declaration of fn->vars[i] */
  bool failed;
} pctx;

static const src_file *F(pctx *p) { return &p->u->file; }

/* ---- locations -------------------------------------------------------- */

static bool loc_in_main(pctx *p, CXSourceLocation loc, bool spelling, unsigned *off) {
  CXFile f;
  unsigned o;
  if (spelling)
    clang_getSpellingLocation(loc, &f, NULL, NULL, &o);
  else
    clang_getExpansionLocation(loc, &f, NULL, NULL, &o);
  *off = o;
  return f && clang_File_isEqual(f, p->main);
}

static unsigned loc_off(pctx *p, CXSourceLocation loc) {
  unsigned off;
  if (loc_in_main(p, loc, true, &off) && off >= p->limit.b && off <= p->limit.e)
    return off;
  loc_in_main(p, loc, false, &off);
  return off;
}

/* Is loc a token spelled in the text of the function being built? */
static bool loc_in_body(pctx *p, CXSourceLocation loc) {
  unsigned off;
  return loc_in_main(p, loc, true, &off) && off >= p->limit.b && off <= p->limit.e;
}

/* Does c's extent end at a token written in the file itself (not inside
 * any macro invocation)? */
static bool plain_end(pctx *p, CXCursor c) {
  CXSourceLocation end = clang_getRangeEnd(clang_getCursorExtent(c));
  unsigned s, e;
  loc_in_main(p, end, true, &s);
  loc_in_main(p, end, false, &e);
  return s == e;
}

static span span_of(pctx *p, CXCursor c) {
  CXSourceRange r = clang_getCursorExtent(c);
  span s = {loc_off(p, clang_getRangeStart(r)), loc_off(p, clang_getRangeEnd(r))};
  if (s.e < s.b)
    s.e = s.b;
  return s;
}

static span exp_span_of(pctx *p, CXCursor c) {
  CXSourceRange r = clang_getCursorExtent(c);
  unsigned b, e;
  loc_in_main(p, clang_getRangeStart(r), false, &b);
  loc_in_main(p, clang_getRangeEnd(r), false, &e);
  span s = {b, e < b ? b : e};
  return s;
}

static bool cursor_in_main(pctx *p, CXCursor c) {
  unsigned off;
  return loc_in_main(p, clang_getCursorLocation(c), false, &off);
}

static char *cx_take(CXString s) {
  const char *c = clang_getCString(s);
  char *r = xstrdup(c ? c : "");
  clang_disposeString(s);
  return r;
}

static void error_at(pctx *p, unsigned off, const char *note, const char *msg) {
  diag_error(F(p), off, note, "%s", msg);
}

/* ---- children --------------------------------------------------------- */

static enum CXChildVisitResult collect(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  cursor_vec *v = d;
  VEC_PUSH(*v, c);
  return CXChildVisit_Continue;
}

static cursor_vec children(CXCursor c) {
  cursor_vec v = {0};
  clang_visitChildren(c, collect, &v);
  return v;
}

/* Looks through implicit conversions and parentheses. */
static CXCursor unwrap(CXCursor c) {
  for (;;) {
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k != CXCursor_UnexposedExpr && k != CXCursor_ParenExpr)
      return c;
    cursor_vec kids = children(c);
    if (kids.n != 1) {
      free(kids.v);
      return c;
    }
    c = kids.v[0];
    free(kids.v);
  }
}

/* The name of the function a call calls, or NULL. */
static char *callee_name(CXCursor call) {
  if (clang_getCursorKind(call) != CXCursor_CallExpr)
    return NULL;
  CXCursor ref = clang_getCursorReferenced(call);
  if (clang_Cursor_isNull(ref))
    return NULL;
  return cx_take(clang_getCursorSpelling(ref));
}

static bool is_marker(const char *name) { return name && !strncmp(name, "yc__mark_", 9); }

/* Finds a call of a marker inside c (c itself or through wrappers). */
static bool find_marker(CXCursor c, const char *marker, CXCursor *out);

typedef struct {
  const char *marker;
  CXCursor found;
  bool ok;
} find_state;

static enum CXChildVisitResult find_visit(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  find_state *st = d;
  char *name = callee_name(c);
  bool hit = name && !strcmp(name, st->marker);
  free(name);
  if (hit) {
    st->found = c;
    st->ok = true;
    return CXChildVisit_Break;
  }
  return CXChildVisit_Recurse;
}

static bool find_marker(CXCursor c, const char *marker, CXCursor *out) {
  find_state st = {marker, clang_getNullCursor(), false};
  char *name = callee_name(c);
  if (name && !strcmp(name, marker)) {
    free(name);
    *out = c;
    return true;
  }
  free(name);
  clang_visitChildren(c, find_visit, &st);
  if (st.ok)
    *out = st.found;
  return st.ok;
}

/* ---- variables -------------------------------------------------------- */

static int var_index(pctx *p, CXCursor decl) {
  if (!p->fn)
    return -1;
  for (size_t i = p->var_decls.n; i-- > 0;)
    if (clang_equalCursors(p->var_decls.v[i], decl))
      return (int)i;
  return -1;
}

static char *cleanup_of(CXCursor decl) {
  CXPrintingPolicy pol = clang_getCursorPrintingPolicy(decl);
  char *text = cx_take(clang_getCursorPrettyPrinted(decl, pol));
  clang_PrintingPolicy_dispose(pol);
  char *r = NULL;
  char *at = strstr(text, "cleanup(");
  if (at) {
    at += 8;
    size_t n = 0;
    while (is_ident_char((unsigned char)at[n]))
      n++;
    if (n)
      r = xstrndup(at, n);
  }
  free(text);
  return r;
}

static bool is_expr_kind(enum CXCursorKind k) { return clang_isExpression(k) != 0; }

static ir_node *build_expr(pctx *p, CXCursor c, ir_node *parent);
static ir_node *build_stmt(pctx *p, CXCursor c, ir_node *parent);

/* The type a variable has in the frame, spelled so that it means the same
 * at file scope: typeof(local) resolved; parameters written as arrays or
 * functions are the pointers C makes them. */
static char *frame_type(CXType t, bool is_param) {
  if (is_param && (t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
                   t.kind == CXType_VariableArray || t.kind == CXType_DependentSizedArray)) {
    char *elem = cx_take(clang_getTypeSpelling(clang_getArrayElementType(t)));
    char *r = xasprintf("__typeof__(%s) *", elem);
    free(elem);
    return r;
  }
  if (is_param && (t.kind == CXType_FunctionProto || t.kind == CXType_FunctionNoProto)) {
    char *fn = cx_take(clang_getTypeSpelling(t));
    char *r = xasprintf("__typeof__(%s) *", fn);
    free(fn);
    return r;
  }
  char *spelled = cx_take(clang_getTypeSpelling(t));
  if (strstr(spelled, "typeof")) {
    free(spelled);
    return cx_take(clang_getTypeSpelling(clang_getCanonicalType(t)));
  }
  return spelled;
}

static int add_var(pctx *p, CXCursor decl, ir_node *scope, ir_node *declnode, bool is_param) {
  ir_var v = {0};
  v.name = cx_take(clang_getCursorSpelling(decl));
  CXType t = clang_getCursorType(decl);
  v.type = frame_type(t, is_param);
  v.is_param = is_param;
  enum CX_StorageClass sc = clang_Cursor_getStorageClass(decl);
  v.is_static = sc == CX_SC_Static || sc == CX_SC_Extern;
  v.is_vm = t.kind == CXType_VariableArray || t.kind == CXType_DependentSizedArray;
  v.is_array = t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray || v.is_vm;
  v.scope = scope;
  v.decl = declnode;
  v.cleanup = is_param ? NULL : cleanup_of(decl);
  unsigned soff;
  loc_in_main(p, clang_getCursorLocation(decl), true, &soff);
  v.name_sp = (span){soff, soff + (unsigned)strlen(v.name)};
  VEC_PUSH(p->fn->vars, v);
  VEC_PUSH(p->var_decls, decl);
  int idx = (int)p->fn->vars.n - 1;
  if (!is_param && declnode) {
    /* The initialiser is the expression after the declarator's '=': an
     * array's size is an expression child of the declaration too (and
     * libclang 14's clang_Cursor_getVarDeclInitializer returns it). */
    CXCursor init = clang_getNullCursor();
    unsigned eq =
        lex_initialiser_eq(F(p)->text, F(p)->len, soff + (unsigned)strlen(p->fn->vars.v[idx].name));
    cursor_vec kids = children(decl);
    for (size_t i = 0; eq && i < kids.n; i++)
      if (is_expr_kind(clang_getCursorKind(kids.v[i])) && span_of(p, kids.v[i]).b > eq)
        init = kids.v[i];
    free(kids.v);
    if (!clang_Cursor_isNull(init)) {
      ir_var *vp = &p->fn->vars.v[idx];
      vp->has_init = true;
      vp->init = span_of(p, init);
      vp->braced_init = clang_getCursorKind(init) == CXCursor_InitListExpr;
      ir_node *e = build_expr(p, init, declnode);
      if (e)
        ir_add_kid(declnode, e);
    }
  }
  return idx;
}

/* ---- suspension forms ------------------------------------------------- */

static const struct {
  const char *marker;
  susp_kind kind;
  bool value;
} markers[] = {
    {"yc__mark_yield", SUSP_YIELD, false},
    {"yc__mark_yield_value", SUSP_YIELD, true},
    {"yc__mark_yield_from", SUSP_YIELD_FROM, false},
    {"yc__mark_yield_from_value", SUSP_YIELD_FROM, true},
    {"yc__mark_await", SUSP_AWAIT, false},
    {"yc__mark_await_value", SUSP_AWAIT, true},
    {"yc__mark_await_next", SUSP_AWAIT_NEXT, true},
};

static const char *const form_names[][2] = {
    [SUSP_YIELD] = {"yield", "yc_yield"},
    [SUSP_YIELD_FROM] = {"yield_from", "yc_yield_from"},
    [SUSP_AWAIT] = {"await", "yc_await"},
    [SUSP_AWAIT_NEXT] = {"await_next", "yc_await_next"},
};

/* Reads the invocation "NAME ( args )" at off; false if the text there is
 * not an invocation of one of names. */
static bool read_invocation(pctx *p, unsigned off, const char *const *names, unsigned nnames,
                            span *args, unsigned maxargs, unsigned *nargs, unsigned *end) {
  const src_file *f = F(p);
  span id = lex_ident_at(f->text, f->len, off);
  if (id.e == id.b)
    return false;
  bool known = false;
  for (unsigned i = 0; i < nnames; i++)
    if (strlen(names[i]) == id.e - id.b && !strncmp(f->text + id.b, names[i], id.e - id.b))
      known = true;
  if (!known)
    return false;
  return lex_call_args(f->text, f->len, id.e, args, maxargs, nargs, end);
}

static ir_node *build_suspend(pctx *p, CXCursor call, const char *name, ir_node *parent) {
  size_t mi = 0;
  while (mi < sizeof markers / sizeof markers[0] && strcmp(markers[mi].marker, name))
    mi++;
  span sp = exp_span_of(p, call);
  ir_node *n = ir_new(IR_SUSPEND, sp, parent);
  n->susp = markers[mi].kind;
  n->value_form = markers[mi].value;
  n->has_susp = true;
  unsigned end;
  /* Where the form is written: found from its first argument, which is
   * spelled in the file even when the form stands inside another macro's
   * arguments (yc_return(yield(v, T)), yield(yield(v, T), U)); else the
   * expansion of the outermost macro. */
  cursor_vec ak = children(call);
  size_t first_arg = n->susp == SUSP_YIELD ? 2 : 1;
  bool found = false;
  if (ak.n > first_arg) {
    span a = span_of(p, ak.v[first_arg]);
    unsigned at = lex_form_before(F(p)->text, a.b);
    if (at != a.b && read_invocation(p, at, form_names[n->susp], 2, n->args, 2, &n->nargs, &end)) {
      sp.b = at;
      n->sp.b = at;
      found = true;
    }
  }
  free(ak.v);
  if (!found && !read_invocation(p, sp.b, form_names[n->susp], 2, n->args, 2, &n->nargs, &end)) {
    char *note = xasprintf("write %s(...) directly in the coroutine function's body; "
                           "a macro cannot hide a suspension point",
                           form_names[n->susp][0]);
    error_at(p, sp.b, note, "suspension form comes from the body of a macro");
    free(note);
    n->tag = xstrdup("unreadable");
    return n;
  }
  n->sp.e = end;
  if (n->value_form)
    n->ctype = n->susp == SUSP_AWAIT_NEXT || n->nargs < 2
                   ? xstrdup("bool")
                   : lex_squash(F(p)->text + n->args[1].b, n->args[1].e - n->args[1].b);
  cursor_vec kids = children(call);
  /* kid 0 is the callee; yield's first argument is the argument count. */
  size_t first = n->susp == SUSP_YIELD ? 2 : 1;
  for (size_t i = first; i < kids.n; i++) {
    ir_node *e = build_expr(p, kids.v[i], n);
    if (e)
      ir_add_kid(n, e);
  }
  free(kids.v);
  return n;
}

/* ---- expressions ------------------------------------------------------ */

static bool is_literal(enum CXCursorKind k) {
  return k == CXCursor_IntegerLiteral || k == CXCursor_FloatingLiteral ||
         k == CXCursor_ImaginaryLiteral || k == CXCursor_StringLiteral ||
         k == CXCursor_CharacterLiteral;
}

static char *type_of(CXCursor c) { return cx_take(clang_getTypeSpelling(clang_getCursorType(c))); }

static ir_node *expr_leaf(pctx *p, CXCursor c, ir_node *parent, expr_kind ck) {
  ir_node *n = ir_new(IR_EXPR, span_of(p, c), parent);
  n->ck = ck;
  return n;
}

/* Most expressions contain no suspension point: for them the lowering
 * needs only the uses of locals and the compound literals inside, so one
 * recursive visit collects those as the leaves of a single node.  It falls
 * back to the full tree (flat_state.full) at the first thing that needs it:
 * a yieldc marker, a statement expression, alloca or setjmp. */
typedef struct {
  pctx *p;
  ir_node *n;
  bool full;
} flat_state;

static bool needs_full_tree(const char *callee) {
  static const char *const names[] = {"alloca", "__builtin_alloca", "setjmp", "_setjmp",
                                      "sigsetjmp", "__sigsetjmp", "longjmp", "_longjmp",
                                      "siglongjmp", "__builtin_setjmp", "__builtin_longjmp"};
  if (!callee)
    return false;
  if (is_marker(callee))
    return true;
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (!strcmp(callee, names[i]))
      return true;
  return false;
}

static ir_node *build_expr(pctx *p, CXCursor c, ir_node *parent);

static enum CXChildVisitResult flat_visit(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  flat_state *st = d;
  enum CXCursorKind k = clang_getCursorKind(c);
  if (k == CXCursor_CallExpr) {
    char *name = callee_name(c);
    bool full = needs_full_tree(name);
    free(name);
    if (full) {
      st->full = true;
      return CXChildVisit_Break;
    }
  }
  if (k == CXCursor_StmtExpr || k == CXCursor_CompoundStmt || clang_isDeclaration(k)) {
    st->full = true;
    return CXChildVisit_Break;
  }
  if (k == CXCursor_DeclRefExpr) {
    ir_node *r = build_expr(st->p, c, st->n);
    if (r && r->kind == IR_VARREF)
      ir_add_kid(st->n, r);
    else
      ir_node_free(r);
    return CXChildVisit_Continue;
  }
  if (k == CXCursor_CompoundLiteralExpr) {
    ir_node *lit = ir_new(IR_EXPR, span_of(st->p, c), st->n);
    lit->tag = xstrdup("compound-literal");
    lit->ctype = type_of(c);
    ir_add_kid(st->n, lit); /* the uses inside it follow as its siblings */
  }
  return CXChildVisit_Recurse;
}

/* The flat node of c, or NULL when c needs the full tree. */
static ir_node *build_flat(pctx *p, CXCursor c, ir_node *parent) {
  flat_state st = {p, ir_new(IR_EXPR, span_of(p, c), parent), false};
  clang_visitChildren(c, flat_visit, &st);
  if (st.full) {
    ir_node_free(st.n);
    return NULL;
  }
  return st.n;
}

/* Every expression becomes a node: the lowering of a suspension inside an
 * expression needs each operand's span, type and place in the order of
 * evaluation. */
static ir_node *build_expr(pctx *p, CXCursor c, ir_node *parent) {
  enum CXCursorKind k = clang_getCursorKind(c);
  if (k == CXCursor_DeclRefExpr) {
    CXCursor ref = clang_getCursorReferenced(c);
    enum CXCursorKind rk = clang_getCursorKind(ref);
    int vi = (rk == CXCursor_VarDecl || rk == CXCursor_ParmDecl) ? var_index(p, ref) : -1;
    if (vi < 0)
      return expr_leaf(p, c, parent,
                       rk == CXCursor_FunctionDecl || rk == CXCursor_EnumConstantDecl ? CK_PURE
                                                                                      : CK_GENERIC);
    unsigned off;
    bool in_body = loc_in_main(p, clang_getCursorLocation(c), true, &off) && off >= p->limit.b &&
                   off < p->limit.e;
    ir_node *n = ir_new(IR_VARREF, in_body ? (span){off, off} : span_of(p, c), parent);
    n->var = vi;
    if (!in_body) {
      n->sp.e = n->sp.b; /* marks a use we cannot rewrite */
    } else {
      n->sp = (span){off, off + (unsigned)strlen(p->fn->vars.v[vi].name)};
    }
    return n;
  }
  if (is_literal(k))
    return expr_leaf(p, c, parent, CK_PURE);
  if (k == CXCursor_CallExpr) {
    char *name = callee_name(c);
    if (name && (!strcmp(name, "yc__mark_catch") || !strcmp(name, "yc__mark_try") ||
                 !strcmp(name, "yc__mark_foreach"))) {
      /* parts of yc_try / yc_catch / yc_foreach, read by their statements */
      free(name);
      return NULL;
    }
    if (p->fn && name &&
        (!strcmp(name, "setjmp") || !strcmp(name, "_setjmp") || !strcmp(name, "sigsetjmp") ||
         !strcmp(name, "__sigsetjmp") || !strcmp(name, "longjmp") || !strcmp(name, "_longjmp") ||
         !strcmp(name, "siglongjmp") || !strcmp(name, "__builtin_setjmp") ||
         !strcmp(name, "__builtin_longjmp"))) {
      char *msg = xasprintf("%s cannot be used in a coroutine function", name);
      error_at(p, exp_span_of(p, c).b,
               "a coroutine's frame outlives its C stack; report failures with yc_raise(code)",
               msg);
      free(msg);
    }
    if (p->fn && name && (!strcmp(name, "alloca") || !strcmp(name, "__builtin_alloca"))) {
      ir_node *n = expr_leaf(p, c, parent, CK_GENERIC);
      n->tag = xstrdup("alloca");
      free(name);
      return n;
    }
    if (is_marker(name)) {
      ir_node *n = NULL;
      for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++)
        if (!strcmp(markers[i].marker, name))
          n = build_suspend(p, c, name, parent);
      if (!n) {
        n = ir_new(IR_EXPR, exp_span_of(p, c), parent);
        error_at(p, n->sp.b,
                 "use yc_return/yc_raise as statements and yc_try/yc_catch/yc_foreach as written "
                 "in SPEC",
                 "this yieldc form cannot stand here");
      }
      free(name);
      return n;
    }
    free(name);
  }
  if (k == CXCursor_StmtExpr || k == CXCursor_CompoundStmt) {
    ir_node *s = build_stmt(p, c, parent);
    if (s && s->has_susp)
      error_at(p, s->sp.b, "move the suspension out of the statement expression",
               "a suspension point inside a GNU statement expression cannot be resumed");
    return s;
  }
  if (p->fn && k != CXCursor_CompoundLiteralExpr) {
    ir_node *flat = build_flat(p, c, parent);
    if (flat)
      return flat;
  }
  ir_node *n = ir_new(IR_EXPR, span_of(p, c), parent);
  /* a ?: and a compound literal may need a temporary of their own type */
  if (p->fn && (k == CXCursor_ConditionalOperator || k == CXCursor_CompoundLiteralExpr))
    n->ctype = type_of(c);
  if (k == CXCursor_UnaryExpr || k == CXCursor_GenericSelectionExpr)
    n->ck = CK_NOEVAL;
  if (k == CXCursor_CompoundLiteralExpr)
    n->tag = xstrdup("compound-literal");
  if (k == CXCursor_ConditionalOperator)
    n->ck = CK_COND;
  cursor_vec kids = children(c);
  cursor_vec kid_cursors = {0};
  for (size_t i = 0; i < kids.n; i++) {
    enum CXCursorKind kk = clang_getCursorKind(kids.v[i]);
    ir_node *e = NULL;
    if (is_expr_kind(kk))
      e = build_expr(p, kids.v[i], n);
    else if (clang_isStatement(kk))
      e = build_stmt(p, kids.v[i], n);
    if (e) {
      ir_add_kid(n, e);
      VEC_PUSH(kid_cursors, kids.v[i]);
    }
  }
  /* Operands of an expression that suspends may be saved in temporaries of
   * their type; spelling types is costly, so only for those. */
  if (p->fn && n->has_susp)
    for (unsigned i = 0; i < n->nkids; i++)
      if (!n->kids[i]->ctype)
        n->kids[i]->ctype = type_of(kid_cursors.v[i]);
  free(kid_cursors.v);
  /* A value form is wrapped in (*(T *)marker(...)), tokens of yieldc.h's
   * macros, which libclang places where the form starts: one node, not four. */
  /* (libclang up to 15 reports a macro body's tokens at the start of the
   * invocation that produced them; later ones in the macro's own file.) */
  CXSourceRange ext = clang_getCursorExtent(c);
  bool start_in_body = loc_in_body(p, clang_getRangeStart(ext));
  if (n->nkids == 1 && n->kids[0]->kind == IR_SUSPEND &&
      (n->kids[0]->sp.b == n->sp.b || !start_in_body)) {
    ir_node *kid = n->kids[0];
    kid->parent = parent;
    n->kids[0] = NULL;
    ir_node_free(n);
    free(kids.v);
    return kid;
  }
  /* When such a form stands inside another macro's arguments (yc_return(
   * yield(v, T) * 2)), libclang ends the expressions that end with it at the
   * end of the outer macro.  Their end is then their last operand's end and
   * their own closing token. */
  if (n->has_susp && n->nkids && !start_in_body) {
    /* the first token is a macro's: the expression starts with its first
     * operand */
    unsigned lo = n->kids[0]->sp.b;
    for (unsigned i = 1; i < n->nkids; i++)
      if (n->kids[i]->sp.b < lo) lo = n->kids[i]->sp.b;
    n->sp.b = lo;
  }
  if (n->has_susp && n->nkids && !plain_end(p, c)) {
    unsigned hi = 0;
    for (unsigned i = 0; i < n->nkids; i++)
      if (n->kids[i]->sp.e > hi)
        hi = n->kids[i]->sp.e;
    n->sp.e = lex_own_end(F(p)->text, F(p)->len, hi,
                          k == CXCursor_ParenExpr || k == CXCursor_CallExpr ||
                              k == CXCursor_ArraySubscriptExpr || k == CXCursor_InitListExpr ||
                              k == CXCursor_CompoundLiteralExpr,
                          k == CXCursor_UnaryOperator, k == CXCursor_MemberRefExpr);
  }
  if (k == CXCursor_ConditionalOperator && kids.n != 3)
    n->ck = CK_GENERIC; /* a ?: b */
  /* a function name seen through its conversion to a pointer */
  if (k == CXCursor_UnexposedExpr && n->nkids == 1 && n->kids[0]->kind == IR_EXPR &&
      n->kids[0]->ck == CK_PURE)
    n->ck = CK_PURE;
  if ((k == CXCursor_BinaryOperator || k == CXCursor_CompoundAssignOperator) && kids.n == 2) {
    span l = span_of(p, kids.v[0]), r = span_of(p, kids.v[1]);
    char *op = lex_operator_between(F(p)->text, l.e, r.b);
    if (op && strlen(op) < sizeof n->op && strchr(op, '=') && strcmp(op, "==") &&
        strcmp(op, "!=") && strcmp(op, "<=") && strcmp(op, ">=")) {
      n->kind = IR_ASSIGN;
      strcpy(n->op, op);
      n->args[0] = l;
      n->args[1] = r;
    } else if (op && !strcmp(op, "&&")) {
      n->ck = CK_LAND;
    } else if (op && !strcmp(op, "||")) {
      n->ck = CK_LOR;
    } else if (op && !strcmp(op, ",")) {
      n->ck = CK_COMMA;
    }
    free(op);
  }
  free(kids.v);
  return n;
}

/* ---- statements ------------------------------------------------------- */

/* Is child i of n (of count kids) a statement, or an expression such as a
 * condition or a case value? */
static bool stmt_position(ir_kind k, size_t i, size_t count) {
  switch (k) {
  case IR_COMPOUND:
  case IR_DEFAULT:
  case IR_LABEL:
    return true;
  case IR_IF:
  case IR_WHILE:
  case IR_SWITCH:
    return i > 0;
  case IR_DO:
    return i == 0;
  case IR_CASE:
    return i + 1 == count;
  default:
    return false;
  }
}

static ir_node *stmt_kids(pctx *p, ir_node *n, CXCursor c) {
  cursor_vec kids = children(c);
  for (size_t i = 0; i < kids.n; i++) {
    enum CXCursorKind kk = clang_getCursorKind(kids.v[i]);
    ir_node *e = NULL;
    if (stmt_position(n->kind, i, kids.n) || !is_expr_kind(kk))
      e = build_stmt(p, kids.v[i], n);
    else
      e = build_expr(p, kids.v[i], n);
    if (e)
      ir_add_kid(n, e);
  }
  free(kids.v);
  return n;
}

static ir_node *build_decl(pctx *p, CXCursor c, ir_node *parent) {
  ir_node *n = ir_new(IR_DECL, exp_span_of(p, c), parent);
  /* The block (or for statement) the declaration lives in. */
  ir_node *scope = parent;
  while (scope && scope->kind != IR_COMPOUND && scope->kind != IR_FOR)
    scope = scope->parent;
  cursor_vec kids = children(c);
  for (size_t i = 0; i < kids.n; i++) {
    enum CXCursorKind k = clang_getCursorKind(kids.v[i]);
    if (k == CXCursor_VarDecl) {
      int vi = add_var(p, kids.v[i], scope, n, false);
      n->decl_vars = xrealloc(n->decl_vars, (n->ndecl + 1) * sizeof *n->decl_vars);
      n->decl_vars[n->ndecl++] = vi;
    } else if (k == CXCursor_StructDecl || k == CXCursor_UnionDecl || k == CXCursor_EnumDecl ||
               k == CXCursor_TypedefDecl) {
      if (k != CXCursor_TypedefDecl && !clang_isCursorDefinition(kids.v[i]))
        continue;
      ir_node *t = ir_new(IR_TYPEDECL, exp_span_of(p, kids.v[i]), n);
      t->tag = cx_take(clang_getCursorSpelling(kids.v[i]));
      if (clang_Cursor_isAnonymous(kids.v[i])) {
        free(t->tag);
        t->tag = NULL;
      }
      t->var = -1;
      ir_add_kid(n, t);
      VEC_PUSH(p->fn->typedecls, t);
    }
  }
  free(kids.v);
  return n;
}

/* Is the for statement c a yc_foreach, i.e. is its condition a call of
 * yc__mark_foreach?  Only its own children are looked at: a search of the
 * whole body would make nested loops quadratic. */
static bool foreach_marker(CXCursor c, CXCursor *mark) {
  cursor_vec kids = children(c);
  bool found = false;
  for (size_t i = 0; i + 1 < kids.n && !found; i++) {
    CXCursor k = unwrap(kids.v[i]);
    char *name = callee_name(k);
    if (name && !strcmp(name, "yc__mark_foreach")) {
      *mark = k;
      found = true;
    }
    free(name);
  }
  free(kids.v);
  return found;
}

static ir_node *build_for(pctx *p, CXCursor c, ir_node *parent) {
  ir_node *n = ir_new(IR_FOR, exp_span_of(p, c), parent);
  n->for_init = n->for_cond = n->for_inc = n->for_body = -1;
  CXCursor mark;
  /* yc_foreach (decl, expr) body */
  if (foreach_marker(c, &mark)) {
    static const char *const names[] = {"yc_foreach"};
    span args[2];
    unsigned nargs, end;
    if (!read_invocation(p, n->sp.b, names, 1, args, 2, &nargs, &end) || nargs != 2) {
      error_at(p, n->sp.b, "write yc_foreach (T x, expr) directly",
               "yc_foreach comes from the body of a macro");
      return n;
    }
    n->kind = IR_FOREACH;
    n->fe_decl = args[0];
    n->fe_expr = args[1];
    n->fe_head = (span){n->sp.b, end};
    n->fe_var = -1;
    cursor_vec kids = children(c);
    for (size_t i = 0; i < kids.n; i++) {
      enum CXCursorKind k = clang_getCursorKind(kids.v[i]);
      if (k == CXCursor_DeclStmt) {
        cursor_vec dk = children(kids.v[i]);
        for (size_t j = 0; j < dk.n; j++)
          if (clang_getCursorKind(dk.v[j]) == CXCursor_VarDecl) {
            n->tag = cx_take(clang_getCursorSpelling(dk.v[j]));
            if (p->fn)
              n->fe_var = add_var(p, dk.v[j], n, NULL, false);
          }
        free(dk.v);
      }
    }
    /* the expression: the marker's argument */
    cursor_vec mk = children(mark);
    for (size_t i = 1; i < mk.n; i++) {
      ir_node *e = build_expr(p, mk.v[i], n);
      if (e)
        ir_add_kid(n, e);
    }
    free(mk.v);
    /* the body: the last child */
    if (kids.n) {
      ir_node *body = build_stmt(p, kids.v[kids.n - 1], n);
      if (body) {
        ir_add_kid(n, body);
        n->for_body = (int)n->nkids - 1;
      }
    }
    free(kids.v);
    if (p->fn && n->fe_var >= 0) {
      p->fn->vars.v[n->fe_var].has_init = false;
    }
    return n;
  }
  /* Which child is which: compare each child's start with the header's
   * semicolons, since libclang leaves absent parts out. */
  unsigned semi1 = 0, semi2 = 0, rparen = 0;
  bool header = lex_for_header(F(p)->text, F(p)->len, n->sp.b, &semi1, &semi2, &rparen);
  cursor_vec kids = children(c);
  for (size_t i = 0; i < kids.n; i++) {
    enum CXCursorKind k = clang_getCursorKind(kids.v[i]);
    bool last = i + 1 == kids.n;
    span ks = exp_span_of(p, kids.v[i]);
    ir_node *e;
    if (k == CXCursor_DeclStmt) {
      e = build_decl(p, kids.v[i], n);
    } else if (last) {
      e = build_stmt(p, kids.v[i], n);
    } else {
      e = build_expr(p, kids.v[i], n);
    }
    if (!e)
      continue;
    ir_add_kid(n, e);
    int idx = (int)n->nkids - 1;
    if (last)
      n->for_body = idx;
    else if (!header)
      n->for_cond = n->for_cond < 0 ? idx : n->for_cond;
    else if (ks.b < semi1)
      n->for_init = idx;
    else if (ks.b < semi2)
      n->for_cond = idx;
    else if (ks.b < rparen)
      n->for_inc = idx;
  }
  free(kids.v);
  return n;
}

static ir_node *build_return(pctx *p, CXCursor c, ir_node *parent) {
  ir_node *n = ir_new(IR_RETURN, exp_span_of(p, c), parent);
  n->ret = RET_PLAIN;
  cursor_vec kids = children(c);
  if (kids.n) {
    CXCursor e = unwrap(kids.v[0]);
    char *name = callee_name(e);
    if (name && (!strcmp(name, "yc__mark_return") || !strcmp(name, "yc__mark_raise"))) {
      bool raise = !strcmp(name, "yc__mark_raise");
      static const char *const rn[] = {"yc_return"};
      static const char *const xn[] = {"yc_raise"};
      span args[2];
      unsigned nargs, end;
      if (!read_invocation(p, n->sp.b, raise ? xn : rn, 1, args, 2, &nargs, &end)) {
        error_at(p, n->sp.b, "write yc_return(v) / yc_raise(code) directly",
                 "yc_return or yc_raise comes from the body of a macro");
      } else {
        n->sp.e = end;
        n->ret = raise ? RET_RAISE : (nargs ? RET_YC_RETURN : RET_PLAIN);
        if (nargs)
          n->ret_arg = args[0];
        cursor_vec mk = children(e);
        for (size_t i = raise ? 1 : 2; i < mk.n; i++) {
          ir_node *x = build_expr(p, mk.v[i], n);
          if (x)
            ir_add_kid(n, x);
        }
        free(mk.v);
      }
    } else {
      n->ret = RET_VALUE;
      n->ret_arg = span_of(p, kids.v[0]);
      ir_node *x = build_expr(p, kids.v[0], n);
      if (x)
        ir_add_kid(n, x);
    }
    free(name);
  }
  free(kids.v);
  return n;
}

static ir_node *build_if(pctx *p, CXCursor c, ir_node *parent) {
  cursor_vec kids = children(c);
  CXCursor mark;
  if (kids.n >= 1 && find_marker(unwrap(kids.v[0]), "yc__mark_try", &mark)) {
    ir_node *n = ir_new(IR_TRY, exp_span_of(p, c), parent);
    n->var = -1;
    if (kids.n >= 2) {
      ir_node *t = build_stmt(p, kids.v[1], n);
      if (t)
        ir_add_kid(n, t);
    }
    if (kids.n >= 3) {
      /* else for (int err = yc__mark_catch(); err; err = 0) block */
      cursor_vec fk = children(kids.v[2]);
      for (size_t i = 0; i < fk.n; i++) {
        if (clang_getCursorKind(fk.v[i]) == CXCursor_DeclStmt) {
          cursor_vec dk = children(fk.v[i]);
          if (dk.n && clang_getCursorKind(dk.v[0]) == CXCursor_VarDecl) {
            n->name = cx_take(clang_getCursorSpelling(dk.v[0]));
            if (p->fn) {
              n->var = add_var(p, dk.v[0], n, NULL, false);
              p->fn->vars.v[n->var].has_init = false;
            }
          }
          free(dk.v);
        }
      }
      if (fk.n) {
        ir_node *cb = build_stmt(p, fk.v[fk.n - 1], n);
        if (cb)
          ir_add_kid(n, cb);
      }
      free(fk.v);
    }
    free(kids.v);
    return n;
  }
  free(kids.v);
  return stmt_kids(p, ir_new(IR_IF, exp_span_of(p, c), parent), c);
}

static ir_node *build_stmt(pctx *p, CXCursor c, ir_node *parent) {
  enum CXCursorKind k = clang_getCursorKind(c);
  span sp = exp_span_of(p, c);
  switch (k) {
  case CXCursor_CompoundStmt:
    return stmt_kids(p, ir_new(IR_COMPOUND, sp, parent), c);
  case CXCursor_IfStmt:
    return build_if(p, c, parent);
  case CXCursor_ForStmt:
    return build_for(p, c, parent);
  case CXCursor_WhileStmt:
    return stmt_kids(p, ir_new(IR_WHILE, sp, parent), c);
  case CXCursor_DoStmt:
    return stmt_kids(p, ir_new(IR_DO, sp, parent), c);
  case CXCursor_SwitchStmt:
    return stmt_kids(p, ir_new(IR_SWITCH, sp, parent), c);
  case CXCursor_CaseStmt:
    return stmt_kids(p, ir_new(IR_CASE, sp, parent), c);
  case CXCursor_DefaultStmt:
    return stmt_kids(p, ir_new(IR_DEFAULT, sp, parent), c);
  case CXCursor_LabelStmt: {
    ir_node *n = ir_new(IR_LABEL, sp, parent);
    n->name = cx_take(clang_getCursorSpelling(c));
    return stmt_kids(p, n, c);
  }
  case CXCursor_GotoStmt: {
    ir_node *n = ir_new(IR_GOTO, sp, parent);
    cursor_vec kids = children(c);
    if (kids.n)
      n->name = cx_take(clang_getCursorSpelling(kids.v[0]));
    free(kids.v);
    return n;
  }
  case CXCursor_IndirectGotoStmt:
    if (p->fn)
      error_at(p, sp.b, "use a switch on a state variable instead",
               "computed goto cannot be used in a coroutine function");
    return ir_new(IR_OTHER, sp, parent);
  case CXCursor_BreakStmt:
    return ir_new(IR_BREAK, sp, parent);
  case CXCursor_ContinueStmt:
    return ir_new(IR_CONTINUE, sp, parent);
  case CXCursor_ReturnStmt:
    return build_return(p, c, parent);
  case CXCursor_DeclStmt:
    return build_decl(p, c, parent);
  case CXCursor_NullStmt:
    return ir_new(IR_NULL, sp, parent);
  default:
    break;
  }
  if (is_expr_kind(k)) {
    ir_node *n = ir_new(IR_EXPR_STMT, sp, parent);
    ir_node *e = build_expr(p, c, n);
    if (e)
      ir_add_kid(n, e);
    return n;
  }
  return stmt_kids(p, ir_new(IR_OTHER, sp, parent), c);
}

/* ---- functions -------------------------------------------------------- */

static bool annotation(CXCursor fn, fn_kind *kind) {
  cursor_vec kids = children(fn);
  bool found = false;
  for (size_t i = 0; i < kids.n && !found; i++) {
    if (clang_getCursorKind(kids.v[i]) != CXCursor_AnnotateAttr)
      continue;
    char *s = cx_take(clang_getCursorSpelling(kids.v[i]));
    if (!strcmp(s, "yieldc:generator"))
      *kind = FN_GENERATOR, found = true;
    else if (!strcmp(s, "yieldc:async"))
      *kind = FN_ASYNC, found = true;
    else if (!strcmp(s, "yieldc:async_generator"))
      *kind = FN_ASYNC_GEN, found = true;
    free(s);
  }
  free(kids.v);
  return found;
}

static char *type_arg(pctx *p, span sp) {
  char *t = lex_squash(F(p)->text + sp.b, sp.e - sp.b);
  if (!*t || !strcmp(t, "void")) {
    free(t);
    return NULL;
  }
  return t;
}

static void build_function(pctx *p, CXCursor c, fn_kind kind) {
  ir_func fn = {0};
  fn.kind = kind;
  fn.name = cx_take(clang_getCursorSpelling(c));
  fn.exported = clang_getCursorLinkage(c) == CXLinkage_External;
  fn.whole = exp_span_of(p, c);
  cursor_vec kids = children(c);
  CXCursor body = clang_getNullCursor();
  for (size_t i = 0; i < kids.n; i++)
    if (clang_getCursorKind(kids.v[i]) == CXCursor_CompoundStmt)
      body = kids.v[i];
  fn.body = exp_span_of(p, body);
  fn.head = (span){fn.whole.b, fn.body.b};
  /* The declaration macro and its type arguments. */
  static const char *const gen[] = {"yc_generator"}, *const as[] = {"yc_async"},
                           *const ag[] = {"yc_async_generator"};
  const char *const *names = kind == FN_GENERATOR ? gen : kind == FN_ASYNC ? as : ag;
  span args[3] = {{0, 0}, {0, 0}, {0, 0}};
  unsigned nargs = 0, end = 0;
  bool found = false;
  for (unsigned off = fn.head.b; off < fn.head.e && !found; off++) {
    if (off > fn.head.b && is_ident_char((unsigned char)F(p)->text[off - 1]))
      continue;
    if (read_invocation(p, off, names, 1, args, 3, &nargs, &end)) {
      fn.macro = (span){off, end};
      found = true;
    }
  }
  if (!found) {
    error_at(p, fn.whole.b,
             "write yc_generator(Y), yc_async(R) or yc_async_generator(Y) "
             "directly before the function's name",
             "coroutine function declared through another macro");
    free(kids.v);
    free(fn.name);
    return;
  }
  if (kind == FN_GENERATOR) {
    fn.y = nargs > 0 ? type_arg(p, args[0]) : NULL;
    fn.s = nargs > 1 ? type_arg(p, args[1]) : NULL;
    fn.r = nargs > 2 ? type_arg(p, args[2]) : NULL;
  } else if (kind == FN_ASYNC) {
    fn.r = nargs > 0 ? type_arg(p, args[0]) : NULL;
  } else {
    fn.y = nargs > 0 ? type_arg(p, args[0]) : NULL;
  }
  VEC_PUSH(p->u->funcs, fn);
  p->fn = &p->u->funcs.v[p->u->funcs.n - 1];
  p->var_decls.n = 0;
  p->limit = fn.whole;
  if (clang_Cursor_isVariadic(c))
    error_at(p, fn.whole.b, "pass a va_list or an array and a count instead",
             "a coroutine function cannot take variable arguments (...)");
  for (size_t i = 0; i < kids.n; i++)
    if (clang_getCursorKind(kids.v[i]) == CXCursor_ParmDecl) {
      add_var(p, kids.v[i], NULL, NULL, true);
      p->fn->nparams++;
    }
  p->fn->body_node = build_stmt(p, body, NULL);
  free(kids.v);
  p->fn = NULL;
}

/* Remembers a coroutine declaration's return type, to check the T of
 * yield_from(f(...), T) and await(f(...), T) against it. */
static void record_sig(pctx *p, CXCursor c, fn_kind kind) {
  static const char *const gen[] = {"yc_generator"}, *const as[] = {"yc_async"},
                           *const ag[] = {"yc_async_generator"};
  const char *const *names = kind == FN_GENERATOR ? gen : kind == FN_ASYNC ? as : ag;
  span whole = exp_span_of(p, c);
  unsigned name_off;
  loc_in_main(p, clang_getCursorLocation(c), false, &name_off);
  span args[3];
  unsigned nargs = 0, end = 0;
  for (unsigned off = whole.b; off < name_off && off < F(p)->len; off++) {
    if (off > whole.b && is_ident_char((unsigned char)F(p)->text[off - 1]))
      continue;
    if (read_invocation(p, off, names, 1, args, 3, &nargs, &end)) {
      ir_sig sg = {0};
      sg.name = cx_take(clang_getCursorSpelling(c));
      sg.kind = kind;
      sg.exported = clang_getCursorLinkage(c) == CXLinkage_External;
      unsigned ri = kind == FN_GENERATOR ? 2 : 0;
      sg.r = kind != FN_ASYNC_GEN && nargs > ri ? type_arg(p, args[ri]) : NULL;
      VEC_PUSH(p->u->sigs, sg);
      return;
    }
  }
}

/* Outside coroutine functions: yc_foreach is rewritten, other forms are
 * errors. */
typedef struct {
  pctx *p;
} scan_state;

static enum CXChildVisitResult scan_plain(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  pctx *p = d;
  enum CXCursorKind k = clang_getCursorKind(c);
  if (k == CXCursor_ForStmt) {
    CXCursor mark;
    if (foreach_marker(c, &mark)) {
      ir_node *n = build_for(p, c, NULL);
      if (n->kind == IR_FOREACH)
        VEC_PUSH(p->u->foreachs, n);
      return CXChildVisit_Continue;
    }
  }
  char *name = callee_name(c);
  if (is_marker(name) && strcmp(name, "yc__mark_foreach")) {
    span sp = exp_span_of(p, c);
    error_at(p, sp.b,
             "declare the function with yc_generator(Y), yc_async(R) or yc_async_generator(Y)",
             "suspension form used outside a coroutine function");
    free(name);
    return CXChildVisit_Continue;
  }
  free(name);
  return CXChildVisit_Recurse;
}

static enum CXChildVisitResult top_level(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  pctx *p = d;
  enum CXCursorKind k = clang_getCursorKind(c);
  if (!cursor_in_main(p, c)) {
    /* A generator an included header declares: a yc_foreach over it may
     * resume it directly (analyse.c).  Its types are not read here. */
    fn_kind kind;
    if (k == CXCursor_FunctionDecl && clang_Cursor_hasAttrs(c) && annotation(c, &kind) &&
        kind == FN_GENERATOR && clang_getCursorLinkage(c) == CXLinkage_External) {
      ir_sig sg = {0};
      sg.name = cx_take(clang_getCursorSpelling(c));
      sg.kind = kind;
      sg.exported = sg.in_header = true;
      VEC_PUSH(p->u->sigs, sg);
    }
    return CXChildVisit_Continue;
  }
  if (k == CXCursor_FunctionDecl) {
    fn_kind kind;
    if (annotation(c, &kind))
      record_sig(p, c, kind);
  }
  if (k == CXCursor_FunctionDecl && clang_isCursorDefinition(c)) {
    fn_kind kind;
    if (annotation(c, &kind)) {
      build_function(p, c, kind);
      return CXChildVisit_Continue;
    }
    p->limit = exp_span_of(p, c);
  } else {
    p->limit = exp_span_of(p, c);
  }
  clang_visitChildren(c, scan_plain, p);
  return CXChildVisit_Continue;
}

/* ---- entry ------------------------------------------------------------ */

static void report_clang(pctx *p, CXDiagnostic d) {
  enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
  if (sev < CXDiagnostic_Error)
    return;
  CXFile file;
  unsigned line, col, off;
  clang_getSpellingLocation(clang_getDiagnosticLocation(d), &file, &line, &col, &off);
  char *msg = cx_take(clang_getDiagnosticSpelling(d));
  char *path = file ? cx_take(clang_getFileName(file)) : xstrdup(F(p)->path);
  const char *line_text = NULL;
  char *other = NULL;
  if (file && clang_File_isEqual(file, p->main)) {
    free(path);
    path = xstrdup(F(p)->path);
    unsigned s = off;
    while (s > 0 && F(p)->text[s - 1] != '\n')
      s--;
    line_text = F(p)->text + s;
  } else if (file) {
    size_t len;
    other = read_file(path, &len);
    if (other) {
      line_text = other;
      for (unsigned l = 1; l < line && line_text; l++) {
        line_text = strchr(line_text, '\n');
        if (line_text)
          line_text++;
      }
    }
  }
  diag_at(path, line, col, sev == CXDiagnostic_Fatal ? "fatal error" : "error", msg, line_text);
  free(other);
  free(msg);
  free(path);
  p->failed = true;
}

bool parse_unit(ir_unit *u, const char *const *args, int nargs) {
  pctx p = {0};
  p.u = u;
  CXIndex index = clang_createIndex(0, 0);
  struct CXUnsavedFile unsaved = {u->file.path, u->file.text, u->file.len};
  enum CXErrorCode err = clang_parseTranslationUnit2(
      index, u->file.path, args, nargs, &unsaved, 1,
      CXTranslationUnit_KeepGoing | CXTranslationUnit_SkipFunctionBodies * 0, &p.tu);
  if (err != CXError_Success) {
    fprintf(stderr, "%s: error: libclang could not parse the file (error %d)\n", u->file.path,
            (int)err);
    clang_disposeIndex(index);
    return false;
  }
  p.main = clang_getFile(p.tu, u->file.path);
  unsigned nd = clang_getNumDiagnostics(p.tu);
  for (unsigned i = 0; i < nd; i++) {
    CXDiagnostic d = clang_getDiagnostic(p.tu, i);
    report_clang(&p, d);
    clang_disposeDiagnostic(d);
  }
  if (!p.failed)
    clang_visitChildren(clang_getTranslationUnitCursor(p.tu), top_level, &p);
  free(p.var_decls.v);
  clang_disposeTranslationUnit(p.tu);
  clang_disposeIndex(index);
  return !p.failed;
}

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
  cursor_vec indexed;   /* array expressions seen as the base of a [] */
  bool failed;
  CXCursor fn_cursor; /* the declaration of fn */
  /* generator expressions: the function they are written in, where it
   * starts, and how many it has so far */
  char *gx_owner;
  unsigned gx_owner_at, gx_count;
  cursor_vec gx_seen; /* the statement expressions built as one */
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

static cursor_vec children(CXCursor c);
static char *cx_take(CXString s);

static span span_of(pctx *p, CXCursor c) {
  CXSourceRange r = clang_getCursorExtent(c);
  CXSourceLocation start = clang_getRangeStart(r);
  span s = {loc_off(p, start), loc_off(p, clang_getRangeEnd(r))};
  /* An expression that a macro's body begins (its invocation's name is at
   * s.b, an identifier): libclang 14 places both its ends at the
   * invocation's start; the expression is the whole invocation. */
  const src_file *f = F(p);
  if (s.e <= s.b + 1 && s.b < f->len && is_ident_char((unsigned char)f->text[s.b]) &&
      !(f->text[s.b] >= '0' && f->text[s.b] <= '9') &&
      !clang_equalLocations(start, clang_getLocationForOffset(p->tu, p->main, s.b))) {
    /* a token of a macro's body, or of a macro's argument: the text at s.b
     * is then the macro's name, or the expression's own first token */
    CXCursor leaf = c;
    for (int depth = 0; depth < 64; depth++) {
      cursor_vec kids = children(leaf);
      if (!kids.n) {
        free(kids.v);
        break;
      }
      leaf = kids.v[0];
      free(kids.v);
    }
    span id = lex_ident_at(f->text, f->len, s.b);
    char *name = cx_take(clang_getCursorSpelling(leaf));
    bool own = id.e - id.b == strlen(name) && !strncmp(f->text + id.b, name, id.e - id.b);
    free(name);
    if (!own) {
      unsigned end = id.e;
      span args[16];
      unsigned nargs, e;
      unsigned open = lex_skip_ws(f->text, f->len, id.e);
      if (open < f->len && f->text[open] == '(' &&
          lex_call_args(f->text, f->len, id.e, args, 16, &nargs, &e))
        end = e;
      s.e = end;
    }
  }
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

static enum CXChildVisitResult any_marker_visit(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  char *name = callee_name(c);
  bool hit = is_marker(name);
  free(name);
  if (hit) {
    *(bool *)d = true;
    return CXChildVisit_Break;
  }
  return CXChildVisit_Recurse;
}

/* Is there a call of any yieldc marker in c? */
static bool has_any_marker(CXCursor c) {
  bool found = false;
  char *name = callee_name(c);
  found = is_marker(name);
  free(name);
  if (!found)
    clang_visitChildren(c, any_marker_visit, &found);
  return found;
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
static bool is_vm_type(CXType t);

/* The type a variable has in the frame, spelled so that it means the same
 * at file scope: typeof(local) resolved; parameters written as arrays or
 * functions are the pointers C makes them. */
static char *frame_type(CXType t, bool is_param) {
  if (is_param && t.kind != CXType_ConstantArray && t.kind != CXType_IncompleteArray) {
    /* an array typedef (va_list, typedef int vec3[3]) is adjusted too:
     * the pointer to its first element, named through the typedef */
    CXType c = clang_getCanonicalType(t);
    if (c.kind == CXType_ConstantArray || c.kind == CXType_IncompleteArray) {
      char *spelled = cx_take(clang_getTypeSpelling(t));
      char *r = xasprintf("__typeof__(&(*(%s *)0)[0])", spelled);
      free(spelled);
      return r;
    }
  }
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

/* Is t (or a type it is made of) declared inside a function, so that it
 * cannot be named at file scope, where the frame struct is? */
static bool type_is_local(CXType t) {
  for (int depth = 0; depth < 32; depth++) {
    switch (t.kind) {
    case CXType_Pointer:
      t = clang_getPointeeType(t);
      continue;
    case CXType_ConstantArray:
    case CXType_IncompleteArray:
    case CXType_VariableArray:
    case CXType_DependentSizedArray:
      t = clang_getArrayElementType(t);
      continue;
    case CXType_FunctionProto:
    case CXType_FunctionNoProto: {
      if (type_is_local(clang_getResultType(t)))
        return true;
      int n = clang_getNumArgTypes(t);
      for (int i = 0; i < n; i++)
        if (type_is_local(clang_getArgType(t, (unsigned)i)))
          return true;
      return false;
    }
    case CXType_Elaborated:
      t = clang_Type_getNamedType(t);
      continue;
    case CXType_Typedef:
    case CXType_Record:
    case CXType_Enum: {
      CXCursor d = clang_getTypeDeclaration(t);
      for (CXCursor sp = clang_getCursorSemanticParent(d); !clang_Cursor_isNull(sp) &&
                                                           clang_getCursorKind(sp) != CXCursor_TranslationUnit;
           sp = clang_getCursorSemanticParent(sp))
        if (clang_getCursorKind(sp) == CXCursor_FunctionDecl)
          return true;
      if (t.kind != CXType_Typedef)
        return false;
      t = clang_getTypedefDeclUnderlyingType(d);
      continue;
    }
    default:
      if (clang_getCursorKind(clang_getTypeDeclaration(t)) == CXCursor_NoDeclFound)
        return false;
      t = clang_getCanonicalType(t);
      if (t.kind == CXType_Record || t.kind == CXType_Enum)
        continue;
      return false;
    }
  }
  return false;
}

typedef struct {
  bool found;
  int depth;
} const_state;

static bool type_has_const_at(CXType t, int depth);

static enum CXVisitorResult const_field(CXCursor c, CXClientData d) {
  const_state *st = d;
  if (type_has_const_at(clang_getCursorType(c), st->depth + 1)) {
    st->found = true;
    return CXVisit_Break;
  }
  return CXVisit_Continue;
}

/* Is t const-qualified, or an array of such, or a struct or union with a
 * member that is: an object a plain assignment cannot restore. */
static bool type_has_const_at(CXType t, int depth) {
  if (depth > 16)
    return false;
  if (clang_isConstQualifiedType(t))
    return true;
  CXType c = clang_getCanonicalType(t);
  if (clang_isConstQualifiedType(c))
    return true;
  if (c.kind == CXType_ConstantArray || c.kind == CXType_IncompleteArray)
    return type_has_const_at(clang_getArrayElementType(c), depth + 1);
  if (c.kind == CXType_Record) {
    const_state st = {false, depth};
    clang_Type_visitFields(c, const_field, &st);
    return st.found;
  }
  return false;
}

static bool type_has_const(CXType t) { return type_has_const_at(t, 0); }

/* The alignment a declaration asks for (_Alignas, alignas, the aligned
 * attribute), as a specifier for the frame field, or NULL. */
static char *align_of_decl(CXCursor decl) {
  CXPrintingPolicy pol = clang_getCursorPrintingPolicy(decl);
  char *text = cx_take(clang_getCursorPrettyPrinted(decl, pol));
  clang_PrintingPolicy_dispose(pol);
  char *r = NULL;
  const char *at = NULL;
  if ((at = strstr(text, "_Alignas(")) || (at = strstr(text, "alignas(")))
    at = strchr(at, '(');
  else if ((at = strstr(text, "aligned(")))
    at = strchr(at, '(');
  if (at) {
    int depth = 0;
    const char *q = at;
    for (; *q; q++) {
      if (*q == '(')
        depth++;
      else if (*q == ')' && --depth == 0)
        break;
    }
    if (*q == ')' && q > at + 1)
      r = xasprintf("_Alignas%.*s", (int)(q - at + 1), at);
  }
  free(text);
  return r;
}

/* The type of the C local that holds a parameter in the resume function:
 * as declared (qualifiers kept), arrays and functions as the pointers C
 * makes them. */
static char *param_local_type(CXType t) {
  CXType canon = clang_getCanonicalType(t);
  if (canon.kind == CXType_ConstantArray || canon.kind == CXType_IncompleteArray ||
      t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
      t.kind == CXType_VariableArray || t.kind == CXType_DependentSizedArray ||
      t.kind == CXType_FunctionProto || t.kind == CXType_FunctionNoProto)
    return NULL; /* the frame type is the adjusted one */
  char *spelled = cx_take(clang_getTypeSpelling(t));
  if (strstr(spelled, "typeof")) {
    free(spelled);
    return cx_take(clang_getTypeSpelling(clang_getCanonicalType(t)));
  }
  return spelled;
}

static enum CXChildVisitResult find_tag_definition(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  enum CXCursorKind k = clang_getCursorKind(c);
  if ((k == CXCursor_StructDecl || k == CXCursor_UnionDecl || k == CXCursor_EnumDecl) &&
      clang_isCursorDefinition(c)) {
    *(bool *)d = true;
    return CXChildVisit_Break;
  }
  return CXChildVisit_Continue;
}

/* Does the declaration of decl define a tag type (struct s {...} x, or a
 * macro that expands to one)? */
static bool decl_defines_type(CXCursor decl) {
  bool found = false;
  clang_visitChildren(decl, find_tag_definition, &found);
  return found;
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
  v.is_register = sc == CX_SC_Register;
  v.scope = scope;
  v.decl = declnode;
  /* attributes are read from clang's printing of the declaration: only
   * for one that has any */
  bool attrs = !is_param && clang_Cursor_hasAttrs(decl);
  v.cleanup = attrs ? cleanup_of(decl) : NULL;
  v.align_spec = attrs ? align_of_decl(decl) : NULL;
  v.local_type = type_is_local(t);
  v.defines_type = !is_param && v.local_type && decl_defines_type(decl);
  v.copy_bytes = v.is_array || v.local_type || type_has_const(t);
  long long sz = clang_Type_getSizeOf(t), al = clang_Type_getAlignOf(t);
  v.size = sz > 0 ? (unsigned long long)sz : 0;
  v.align = al > 0 ? (unsigned long long)al : 1;
  if (is_param) {
    v.decl_type = param_local_type(t);
    CXType canon = clang_getCanonicalType(t);
    if (canon.kind == CXType_ConstantArray || canon.kind == CXType_IncompleteArray ||
        canon.kind == CXType_FunctionProto || canon.kind == CXType_FunctionNoProto) {
      /* adjusted to a pointer: none of the array's properties */
      v.is_array = false;
      v.copy_bytes = false;
      /* va_list: va_arg needs an lvalue of type va_list, the caller's */
      CXType elem = clang_getArrayElementType(canon);
      char *es = cx_take(clang_getTypeSpelling(clang_getCanonicalType(elem)));
      if (strstr(es, "__va_list_tag"))
        v.deref_type = cx_take(clang_getTypeSpelling(t));
      free(es);
    }
  }
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
    /* A declaration that a macro's body writes has no '=' in the file's
     * text: its initialiser is not lowered, but a suspension point in it
     * (from the macro's argument) must still be seen, so that analyse.c
     * refuses it instead of leaving the marker in the output. */
    for (size_t i = 0; !eq && i < kids.n; i++) {
      if (!is_expr_kind(clang_getCursorKind(kids.v[i])) || !has_any_marker(kids.v[i]))
        continue;
      ir_node *e = build_expr(p, kids.v[i], declnode);
      if (e)
        ir_add_kid(declnode, e);
    }
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

/* ---- types, as libclang resolves them --------------------------------- */

/* What analyse.c refuses about types is decided here, where the types are
 * clang's: two spellings of one type are one type, a typedef is its type.
 * yieldc.h's authoring view writes the handle type of yc_generator(Y, S, R)
 * as __typeof__(yc__generator_of(0, (__typeof__(Y) *)0, (__typeof__(S) *)0,
 * (__typeof__(R) *)0)) (yc_async(R), yc_async_generator(Y) likewise), and
 * passes a value form's T as a last marker argument (__typeof__(T) *)0. */

static const CXType no_type = {CXType_Invalid, {NULL, NULL}};

/* void, or absent */
static bool type_is_void(CXType t) {
  return t.kind == CXType_Invalid || clang_getCanonicalType(t).kind == CXType_Void;
}

static bool same_type(CXType a, CXType b) {
  return clang_equalTypes(clang_getCanonicalType(a), clang_getCanonicalType(b)) != 0;
}

/* c without the conversions clang wraps around it (an unexposed expression
 * with one child and the same extent) and without parentheses. */
static CXCursor strip_implicit(CXCursor c) {
  for (;;) {
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k != CXCursor_UnexposedExpr && k != CXCursor_ParenExpr)
      return c;
    cursor_vec kids = children(c);
    CXCursor kid = kids.n == 1 ? kids.v[0] : clang_getNullCursor();
    free(kids.v);
    if (clang_Cursor_isNull(kid) ||
        (k == CXCursor_UnexposedExpr &&
         !clang_equalRanges(clang_getCursorExtent(c), clang_getCursorExtent(kid))))
      return c;
    c = kid;
  }
}

typedef struct {
  CXCursor call;
  int slot[3]; /* which of Y, S, R the call's arguments 1, 2, 3 are */
} types_call;

static enum CXChildVisitResult find_types_call(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  types_call *st = d;
  enum CXCursorKind k = clang_getCursorKind(c);
  if (k == CXCursor_CompoundStmt || k == CXCursor_ParmDecl)
    return CXChildVisit_Continue;
  char *name = callee_name(c);
  int y = -1, s = -1, r = -1; /* which argument names Y, S, R */
  if (name && !strcmp(name, "yc__generator_of"))
    y = 0, s = 1, r = 2;
  else if (name && !strcmp(name, "yc__async_of"))
    r = 0;
  else if (name && !strcmp(name, "yc__async_generator_of"))
    y = 0;
  free(name);
  if (y < 0 && r < 0)
    return CXChildVisit_Recurse;
  st->call = c;
  for (int i = 0; i < 3; i++)
    st->slot[i] = i == y ? 0 : i == s ? 1 : i == r ? 2 : -1;
  return CXChildVisit_Break;
}

/* The Y, S and R a coroutine declaration names, no_type where absent;
 * false if decl is not written with yieldc.h's macros. */
static bool coro_types(CXCursor decl, CXType t[3]) {
  types_call st = {clang_getNullCursor(), {-1, -1, -1}};
  t[0] = t[1] = t[2] = no_type;
  if (clang_Cursor_isNull(decl))
    return false;
  clang_visitChildren(decl, find_types_call, &st);
  if (clang_Cursor_isNull(st.call))
    return false;
  int n = clang_Cursor_getNumArguments(st.call);
  for (int i = 1; i < n && i <= 3; i++)
    if (st.slot[i - 1] >= 0)
      t[st.slot[i - 1]] =
          clang_getPointeeType(clang_getCursorType(clang_Cursor_getArgument(st.call, (unsigned)i)));
  return true;
}

/* clang's spelling of t; the canonical one where the spelling shows the
 * __typeof__(yc__generator_of(...)) of a coroutine's declaration, which
 * means nothing in the translated view. */
static char *plain_spelling(CXType t) {
  char *s = cx_take(clang_getTypeSpelling(t));
  if (strstr(s, "yc__generator_of") || strstr(s, "yc__async_of") ||
      strstr(s, "yc__async_generator_of")) {
    free(s);
    s = cx_take(clang_getTypeSpelling(clang_getCanonicalType(t)));
  }
  return s;
}

/* A type for a message: plain_spelling, with yc_gen * for struct yc_gen *. */
static char *type_text(CXType t) {
  char *s = plain_spelling(t);
  char *at = strstr(s, "struct yc_");
  if (at)
    memmove(at, at + 7, strlen(at + 7) + 1);
  return s;
}

/* t's canonical spelling when it is not written (the text at w, squashed). */
static char *aka_of(const char *written, CXType t) {
  if (t.kind == CXType_Invalid)
    return NULL;
  char *canon = type_text(clang_getCanonicalType(t));
  char *w = lex_squash(written, strlen(written));
  bool same = !strcmp(w, canon);
  free(w);
  if (same) {
    free(canon);
    return NULL;
  }
  return canon;
}

/* Is t (a pointer) a handle of the struct called name, or void *? */
static bool is_handle(CXType t, const char *name) {
  t = clang_getCanonicalType(t);
  if (t.kind != CXType_Pointer)
    return false;
  CXType pt = clang_getCanonicalType(clang_getPointeeType(t));
  if (pt.kind == CXType_Void)
    return true;
  if (pt.kind != CXType_Record)
    return false;
  char *n = cx_take(clang_getCursorSpelling(clang_getTypeDeclaration(pt)));
  bool ok = !strcmp(n, name);
  free(n);
  return ok;
}

typedef enum { TC_OTHER, TC_ARITH, TC_POINTER, TC_RECORD } type_class;

static type_class class_of(CXType t) {
  t = clang_getCanonicalType(t);
  if (t.kind == CXType_Pointer)
    return TC_POINTER;
  if (t.kind == CXType_Record)
    return TC_RECORD;
  if (t.kind == CXType_Enum || t.kind == CXType_Complex ||
      (t.kind > CXType_Void && t.kind <= CXType_LastBuiltin && t.kind != CXType_NullPtr &&
       t.kind != CXType_Overload && t.kind != CXType_Dependent))
    return TC_ARITH;
  return TC_OTHER;
}

static bool same_decl(CXType a, CXType b) {
  return clang_equalCursors(clang_getCanonicalCursor(clang_getTypeDeclaration(a)),
                            clang_getCanonicalCursor(clang_getTypeDeclaration(b))) != 0;
}

static bool same_quals(CXType a, CXType b) {
  return !clang_isConstQualifiedType(a) == !clang_isConstQualifiedType(b) &&
         !clang_isVolatileQualifiedType(a) == !clang_isVolatileQualifiedType(b);
}

static bool is_integer(CXType t) {
  t = clang_getCanonicalType(t);
  return t.kind == CXType_Enum || (t.kind >= CXType_Bool && t.kind <= CXType_Int128);
}

/* Are the (canonical) types a and b compatible in C's sense, their own
 * qualifiers aside?  True where unsure: only a certain mismatch counts. */
static bool compatible(CXType a, CXType b) {
  a = clang_getCanonicalType(a);
  b = clang_getCanonicalType(b);
  if (clang_equalTypes(a, b))
    return true;
  bool arr_a = a.kind == CXType_ConstantArray || a.kind == CXType_IncompleteArray ||
               a.kind == CXType_VariableArray || a.kind == CXType_DependentSizedArray;
  bool arr_b = b.kind == CXType_ConstantArray || b.kind == CXType_IncompleteArray ||
               b.kind == CXType_VariableArray || b.kind == CXType_DependentSizedArray;
  if (arr_a && arr_b) {
    CXType ea = clang_getArrayElementType(a), eb = clang_getArrayElementType(b);
    if (a.kind == CXType_ConstantArray && b.kind == CXType_ConstantArray &&
        clang_getArraySize(a) != clang_getArraySize(b))
      return false;
    return same_quals(ea, eb) && compatible(ea, eb);
  }
  if (a.kind != b.kind) {
    /* an enum is compatible with an integer type; a function type without
     * a prototype with one with */
    if ((a.kind == CXType_Enum && is_integer(b)) || (b.kind == CXType_Enum && is_integer(a)))
      return true;
    if ((a.kind == CXType_FunctionProto || a.kind == CXType_FunctionNoProto) &&
        (b.kind == CXType_FunctionProto || b.kind == CXType_FunctionNoProto))
      return true;
    /* vector, atomic and other types: not judged */
    return class_of(a) == TC_OTHER || class_of(b) == TC_OTHER;
  }
  switch (a.kind) {
  case CXType_Pointer: {
    CXType pa = clang_getPointeeType(a), pb = clang_getPointeeType(b);
    return same_quals(pa, pb) && compatible(pa, pb);
  }
  case CXType_Record:
  case CXType_Enum:
    return same_decl(a, b);
  case CXType_FunctionProto: {
    int na = clang_getNumArgTypes(a), nb = clang_getNumArgTypes(b);
    if (na != nb || !clang_isFunctionTypeVariadic(a) != !clang_isFunctionTypeVariadic(b) ||
        !compatible(clang_getResultType(a), clang_getResultType(b)))
      return false;
    for (int i = 0; i < na; i++)
      if (!compatible(clang_getArgType(a, (unsigned)i), clang_getArgType(b, (unsigned)i)))
        return false;
    return true;
  }
  case CXType_FunctionNoProto:
    return compatible(clang_getResultType(a), clang_getResultType(b));
  default:
    /* builtin types of one kind differ in qualifiers only; others are not
     * judged */
    return true;
  }
}

/* Does C assign the value v, of type from, to an object of type to without
 * a cast (C11 6.5.16.1)?  Conservative: true where unsure. */
static bool assignable(CXType to, CXType from, CXCursor v) {
  to = clang_getCanonicalType(to);
  from = clang_getCanonicalType(from);
  type_class ct = class_of(to), cf = class_of(from);
  if (ct == TC_OTHER || cf == TC_OTHER)
    return true;
  if (ct == TC_ARITH && cf == TC_ARITH)
    return true;
  if (to.kind == CXType_Bool && cf == TC_POINTER)
    return true;
  if (ct == TC_RECORD || cf == TC_RECORD)
    return ct == cf && same_decl(to, from);
  if (ct == TC_POINTER && cf == TC_ARITH) {
    /* a null pointer constant */
    if (!is_integer(from))
      return false;
    CXEvalResult r = clang_Cursor_Evaluate(v);
    bool zero =
        r && clang_EvalResult_getKind(r) == CXEval_Int && clang_EvalResult_getAsLongLong(r) == 0;
    if (r)
      clang_EvalResult_dispose(r);
    return zero;
  }
  if (ct != TC_POINTER || cf != TC_POINTER)
    return false; /* a pointer to an arithmetic type */
  CXType pt = clang_getCanonicalType(clang_getPointeeType(to));
  CXType pf = clang_getCanonicalType(clang_getPointeeType(from));
  /* the pointed-to type of the left has all the qualifiers of the right's */
  if ((clang_isConstQualifiedType(pf) && !clang_isConstQualifiedType(pt)) ||
      (clang_isVolatileQualifiedType(pf) && !clang_isVolatileQualifiedType(pt)))
    return false;
  if (pt.kind == CXType_Void || pf.kind == CXType_Void)
    return true;
  return compatible(pt, pf);
}

/* The facts analyse.c checks about suspension point n (the marker call
 * call) in the coroutine being built: the operand's type (yield: can it be
 * assigned to Y; yield_from, await, await_next: is it the right handle),
 * and for a value form whether T is S or the called coroutine's R. */
static void suspend_types(pctx *p, CXCursor call, ir_node *n) {
  if (!p->fn || clang_Cursor_isNull(p->fn_cursor))
    return;
  CXType own[3];
  bool have_own = coro_types(p->fn_cursor, own);
  int na = clang_Cursor_getNumArguments(call);
  const src_file *f = F(p);
  bool typed = n->value_form && n->susp != SUSP_AWAIT_NEXT && n->nargs == 2;
  char *written = typed ? lex_squash(f->text + n->args[1].b, n->args[1].e - n->args[1].b) : NULL;
  CXType t = typed && na >= 2 ? clang_getPointeeType(clang_getCursorType(
                                    clang_Cursor_getArgument(call, (unsigned)na - 1)))
                              : no_type;
  if (n->susp == SUSP_YIELD) {
    /* yc__mark_yield(1, v), yc__mark_yield_value(2, v, (T *)0) */
    if (n->nargs >= 1 && na >= 2 && have_own && !type_is_void(own[0])) {
      CXCursor v = clang_Cursor_getArgument(call, 1);
      CXType vt = clang_getCursorType(v);
      if (!assignable(own[0], vt, v))
        n->bad_operand = type_text(vt);
    }
    if (typed && have_own && t.kind != CXType_Invalid) {
      n->types_known = true;
      n->t_differs = type_is_void(own[1]) || !same_type(t, own[1]);
      n->t_aka = aka_of(written, t);
      if (p->fn->s) {
        n->want = xstrdup(p->fn->s);
        n->want_aka = aka_of(p->fn->s, own[1]);
      }
    }
    free(written);
    return;
  }
  if (na < 1) {
    free(written);
    return;
  }
  /* yield_from(g), await(a), await_next(s, &x): g, a, s */
  static const char *const handles[] = {
      [SUSP_YIELD_FROM] = "yc_gen", [SUSP_AWAIT] = "yc_task", [SUSP_AWAIT_NEXT] = "yc_agen"};
  CXCursor op = strip_implicit(clang_Cursor_getArgument(call, 0));
  CXType ot = clang_getCursorType(op);
  if (!is_handle(ot, handles[n->susp])) {
    n->bad_operand = type_text(ot);
  } else if (typed && t.kind != CXType_Invalid && clang_getCursorKind(op) == CXCursor_CallExpr) {
    /* T of yield_from(f(...), T) / await(f(...), T) is f's R */
    CXCursor callee = clang_getCursorReferenced(op);
    CXType ct[3];
    if (clang_getCursorKind(callee) == CXCursor_FunctionDecl && coro_types(callee, ct)) {
      n->types_known = true;
      n->callee = cx_take(clang_getCursorSpelling(callee));
      n->t_differs = type_is_void(ct[2]) || !same_type(t, ct[2]);
      n->t_aka = aka_of(written, t);
      const char *r = NULL;
      for (size_t i = 0; i < p->u->sigs.n && !r; i++)
        if (!p->u->sigs.v[i].in_header && !strcmp(p->u->sigs.v[i].name, n->callee))
          r = p->u->sigs.v[i].r;
      if (r) {
        n->want = xstrdup(r);
        n->want_aka = aka_of(r, ct[2]);
      } else if (!type_is_void(ct[2])) {
        /* declared in a header: clang's spelling of __typeof__(R) */
        n->want = type_text(ct[2]);
        size_t len = strlen(n->want);
        if (!strncmp(n->want, "typeof(", 7) && len > 8 && n->want[len - 1] == ')') {
          memmove(n->want, n->want + 7, len - 8);
          n->want[len - 8] = 0;
        }
        n->want_aka = aka_of(n->want, ct[2]);
      }
    }
  }
  free(written);
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
  /* kid 0 is the callee; yield's first argument is the argument count; a
   * value form's last, (T *)0, only names T. */
  size_t first = n->susp == SUSP_YIELD ? 2 : 1;
  size_t last = kids.n - (n->value_form && n->susp != SUSP_AWAIT_NEXT && kids.n > first);
  for (size_t i = first; i < last; i++) {
    ir_node *e = build_expr(p, kids.v[i], n);
    if (e)
      ir_add_kid(n, e);
  }
  free(kids.v);
  suspend_types(p, call, n);
  return n;
}

/* ---- generator expressions -------------------------------------------- */

/* yc_genexpr(T, value, clauses...) is a statement expression whose last
 * statement calls yc__mark_genexpr. */
static bool is_genexpr(CXCursor c) {
  if (clang_getCursorKind(c) != CXCursor_StmtExpr)
    return false;
  cursor_vec kids = children(c);
  bool hit = false;
  if (kids.n == 1) {
    cursor_vec st = children(kids.v[0]);
    CXCursor m;
    hit = st.n && find_marker(st.v[st.n - 1], "yc__mark_genexpr", &m);
    free(st.v);
  }
  free(kids.v);
  return hit;
}

/* The offset of a declaration: where its name is written in the file, or
 * the invocation of the macro that wrote it. */
static unsigned decl_off(pctx *p, CXCursor d) {
  unsigned off;
  if (loc_in_main(p, clang_getCursorLocation(d), true, &off))
    return off;
  loc_in_main(p, clang_getCursorLocation(d), false, &off);
  return off;
}

/* Is declaration d inside a function (not at file scope)? */
static bool decl_in_function(CXCursor d) {
  for (CXCursor s = clang_getCursorSemanticParent(d); !clang_Cursor_isNull(s);
       s = clang_getCursorSemanticParent(s)) {
    enum CXCursorKind k = clang_getCursorKind(s);
    if (k == CXCursor_TranslationUnit)
      return false;
    if (k == CXCursor_FunctionDecl)
      return true;
  }
  return false;
}

typedef struct {
  pctx *p;
  ir_genexpr *g;
  size_t gi;
  span src; /* the first source's arguments */
} gx_state;

static ir_node *build_genexpr(pctx *p, CXCursor c, ir_node *parent);

/* Adds a copy of cap to g's captures (once per name). */
static void add_capture(ir_genexpr *g, const gx_capture *cap, unsigned use) {
  for (size_t i = 0; i < g->caps.n; i++)
    if (!strcmp(g->caps.v[i].name, cap->name))
      return;
  gx_capture c = *cap;
  c.name = xstrdup(cap->name);
  c.type = xstrdup(cap->type);
  VEC_PUSH(g->caps, c);
  if (c.var >= 0) {
    /* a use of the enclosing coroutine's variable, for analyse.c (the
     * lowering writes the expression as a whole) */
    ir_node *r = ir_new(IR_VARREF, (span){use, use}, g->node);
    r->var = c.var;
    ir_add_kid(g->node, r);
  }
}

static void capture_var(gx_state *st, CXCursor ref, unsigned use) {
  pctx *p = st->p;
  ir_genexpr *g = st->g;
  unsigned at = decl_off(p, ref);
  if (!decl_in_function(ref) || (at >= g->sp.b && at < g->sp.e))
    return; /* a global, or declared inside the expression */
  char *name = cx_take(clang_getCursorSpelling(ref));
  for (size_t i = 0; i < g->caps.n; i++)
    if (!strcmp(g->caps.v[i].name, name)) {
      free(name);
      return;
    }
  CXType t = clang_getCursorType(ref);
  bool param = clang_getCursorKind(ref) == CXCursor_ParmDecl;
  CXType canon = clang_getCanonicalType(t);
  if (type_is_local(t) || canon.kind == CXType_VariableArray || is_vm_type(t)) {
    char *msg = xasprintf("generator expression captures '%s', whose type %s", name,
                          type_is_local(t) ? "is declared inside the function"
                                           : "is variably modified");
    error_at(p, use,
             "the expression is a generator function of its own at file scope, and captures "
             "by value: declare the type at file scope, or capture a pointer",
             msg);
    free(msg);
  }
  gx_capture cap = {0};
  cap.name = name;
  cap.type = frame_type(t, param);
  cap.is_array = !param && canon.kind == CXType_ConstantArray;
  cap.var = var_index(p, ref);
  cap.decl_at = at;
  add_capture(g, &cap, use);
  free(cap.name);
  free(cap.type);
}

static enum CXChildVisitResult gx_visit(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  gx_state *st = d;
  pctx *p = st->p;
  enum CXCursorKind k = clang_getCursorKind(c);
  /* The first source is evaluated where the expression is created: what
   * it names is used there, not captured. */
  unsigned at;
  bool first = st->g->clauses.n && loc_in_main(p, clang_getCursorLocation(c), true, &at) &&
               at >= st->src.b && at < st->src.e;
  if (first && k == CXCursor_DeclRefExpr) {
    if (p->fn) {
      ir_node *r = build_expr(p, c, st->g->node);
      if (r && r->kind == IR_VARREF) {
        r->tag = xstrdup("gx-src");
        ir_add_kid(st->g->node, r);
      } else {
        ir_node_free(r);
      }
    }
    return CXChildVisit_Continue;
  }
  if (first && is_genexpr(c)) {
    ir_node *inner = build_genexpr(p, c, st->g->node);
    if (inner)
      ir_add_kid(st->g->node, inner);
    return CXChildVisit_Continue;
  }
  if (is_genexpr(c)) {
    /* a nested one: its own function, created by this one's code (or,
     * inside the first source, where this one is created) */
    ir_node *inner = build_genexpr(p, c, st->g->node);
    if (inner)
      ir_add_kid(st->g->node, inner);
    /* its captures declared outside this one are this one's too: this
     * one's code creates it with them */
    ir_genexpr *ig = inner ? p->u->genexprs.v[inner->var] : NULL;
    ir_genexpr *g = p->u->genexprs.v[st->gi];
    for (size_t i = 0; ig && i < ig->caps.n; i++)
      if (ig->caps.v[i].decl_at < g->sp.b || ig->caps.v[i].decl_at >= g->sp.e)
        add_capture(g, &ig->caps.v[i], inner->sp.b);
    return CXChildVisit_Continue;
  }
  if (k == CXCursor_CallExpr) {
    char *name = callee_name(c);
    bool bad = is_marker(name) && strcmp(name, "yc__mark_genexpr") && strcmp(name, "yc__mark_in") &&
               strcmp(name, "yc__mark_in_range") && strcmp(name, "yc__mark_where");
    if (bad) {
      bool susp = false;
      for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++)
        susp |= !strcmp(markers[i].marker, name);
      /* point at the form: the name before its first argument */
      unsigned where = exp_span_of(p, c).b;
      cursor_vec ak = children(c);
      size_t first = !strcmp(name, "yc__mark_yield") || !strcmp(name, "yc__mark_yield_value") ||
                             !strcmp(name, "yc__mark_return")
                         ? 2
                         : 1;
      if (ak.n > first) {
        span a = span_of(p, ak.v[first]);
        unsigned at = lex_form_before(F(p)->text, a.b);
        if (at != a.b && at >= st->g->sp.b && at < st->g->sp.e)
          where = at;
      }
      free(ak.v);
      error_at(p, where,
               "a generator expression is a generator of its own, which cannot suspend the "
               "function it is written in; write a generator function with "
               "yc_generator(Y) and yield in it",
               susp ? "suspension form inside a generator expression"
                    : "this yieldc form cannot stand inside a generator expression");
      free(name);
      return CXChildVisit_Continue;
    }
    free(name);
  }
  if (k == CXCursor_DeclRefExpr || k == CXCursor_TypeRef) {
    CXCursor ref = clang_getCursorReferenced(c);
    enum CXCursorKind rk = clang_getCursorKind(ref);
    unsigned use = exp_span_of(p, c).b;
    unsigned sp_off;
    if (loc_in_main(p, clang_getCursorLocation(c), true, &sp_off) && sp_off >= st->g->sp.b &&
        sp_off < st->g->sp.e)
      use = sp_off;
    if (rk == CXCursor_VarDecl || rk == CXCursor_ParmDecl) {
      capture_var(st, ref, use);
    } else if (!clang_Cursor_isNull(ref) && rk != CXCursor_FunctionDecl &&
               decl_in_function(ref)) {
      unsigned at = decl_off(p, ref);
      if (at < st->g->sp.b || at >= st->g->sp.e) {
        char *nm = cx_take(clang_getCursorSpelling(ref));
        char *msg = xasprintf("generator expression uses '%s', which is declared inside the "
                              "function",
                              nm);
        error_at(p, use,
                 "the expression is a generator function of its own at file scope: declare it "
                 "at file scope",
                 msg);
        free(msg);
        free(nm);
      }
    }
  }
  return CXChildVisit_Recurse;
}

/* The invocation "yc_genexpr ( ... )" that statement expression c comes
 * from: the first one not taken yet within the text c expands from. */
static bool find_gx_invocation(pctx *p, CXCursor c, span *args, unsigned *nargs, span *sp) {
  static const char *const names[] = {"yc_genexpr"};
  span e = exp_span_of(p, c);
  const src_file *f = F(p);
  /* libclang places the tokens of a macro's body at the start of the
   * outermost invocation: search all of that invocation */
  span id = lex_ident_at(f->text, f->len, e.b);
  span ia[16];
  unsigned na, ie;
  if (id.e > id.b && lex_call_args(f->text, f->len, id.e, ia, 16, &na, &ie) && ie > e.e)
    e.e = ie;
  for (unsigned off = e.b; off + 10 <= f->len && off <= e.e; off++) {
    /* literals and comments name nothing */
    char ch = f->text[off];
    if (ch == '"' || ch == '\'') {
      for (off++; off < f->len && f->text[off] != ch && f->text[off] != '\n'; off++)
        if (f->text[off] == '\\')
          off++;
      continue;
    }
    if (ch == '/' && off + 1 < f->len && (f->text[off + 1] == '/' || f->text[off + 1] == '*')) {
      off = lex_skip_ws(f->text, f->len, off) - 1;
      continue;
    }
    if ((off > 0 && is_ident_char((unsigned char)f->text[off - 1])) ||
        strncmp(f->text + off, "yc_genexpr", 10))
      continue;
    bool taken = false;
    for (size_t i = 0; i < p->u->genexprs.n; i++)
      taken |= p->u->genexprs.v[i]->sp.b == off;
    unsigned end;
    if (!taken && read_invocation(p, off, names, 1, args, 16, nargs, &end)) {
      *sp = (span){off, end};
      return true;
    }
  }
  return false;
}

static bool span_is(pctx *p, span s, const char *w) {
  return s.e - s.b == strlen(w) && !strncmp(F(p)->text + s.b, w, s.e - s.b);
}

/* Reads clause a: "yc_in(U, x, g)", "yc_in_range(U, i, ...)", "yc_where(c)". */
static bool read_clause(pctx *p, span a, gx_clause *cl) {
  const src_file *f = F(p);
  span id = lex_ident_at(f->text, f->len, a.b);
  span in[6];
  unsigned n, end;
  if (id.e == id.b || !lex_call_args(f->text, f->len, id.e, in, 6, &n, &end) || end != a.e)
    return false;
  if (span_is(p, id, "yc_where") && n == 1) {
    cl->kind = GX_WHERE;
    cl->args[0] = in[0];
    cl->nargs = 1;
    return true;
  }
  bool range = span_is(p, id, "yc_in_range");
  if (!(range ? n >= 3 && n <= 5 : span_is(p, id, "yc_in") && n == 3))
    return false;
  cl->kind = range ? GX_RANGE : GX_IN;
  cl->type = in[0];
  cl->var = in[1];
  cl->nargs = n - 2;
  for (unsigned i = 2; i < n; i++)
    cl->args[i - 2] = in[i];
  return true;
}

/* yc_in / yc_in_range / yc_where outside a generator expression. */
static bool stray_clause(pctx *p, CXCursor c, const char *name) {
  if (!name || (strcmp(name, "yc__mark_in") && strcmp(name, "yc__mark_in_range") &&
                strcmp(name, "yc__mark_where") && strcmp(name, "yc__mark_genexpr")))
    return false;
  error_at(p, exp_span_of(p, c).b,
           "write the clause inside yc_genexpr(T, value, clauses...), as the first source or "
           "after it",
           "a clause of a generator expression outside yc_genexpr");
  return true;
}

static ir_node *build_genexpr(pctx *p, CXCursor c, ir_node *parent) {
  span args[16], sp;
  unsigned nargs = 0;
  for (size_t i = 0; i < p->gx_seen.n; i++)
    if (clang_equalRanges(clang_getCursorExtent(p->gx_seen.v[i]), clang_getCursorExtent(c)))
      return NULL;
  if (!find_gx_invocation(p, c, args, &nargs, &sp)) {
    error_at(p, exp_span_of(p, c).b,
             "write yc_genexpr(...) directly in the function's text; a macro cannot hide the "
             "generator function it becomes",
             "generator expression comes from the body of a macro");
    return NULL;
  }
  VEC_PUSH(p->gx_seen, c);
  ir_genexpr *g = xcalloc(1, sizeof *g);
  g->sp = sp;
  g->in_coro = p->fn != NULL;
  g->type = args[0];
  g->value = nargs > 1 ? args[1] : (span){sp.e, sp.e};
  g->at = p->gx_owner_at;
  g->name = xasprintf("%s__genexpr%u", p->gx_owner ? p->gx_owner : "file", ++p->gx_count);
  g->owner = xstrdup(p->gx_owner ? p->gx_owner : "");
  size_t gi = p->u->genexprs.n;
  VEC_PUSH(p->u->genexprs, g);
  ir_node *n = ir_new(IR_EXPR, sp, parent);
  n->tag = xstrdup("genexpr");
  n->ctype = xstrdup("yc_gen *");
  n->var = (int)gi;
  g->node = n;
  if (nargs < 3)
    error_at(p, sp.b, "write yc_genexpr(T, value, yc_in(U, x, g), ...)",
             "generator expression without a source");
  for (unsigned i = 2; i < nargs; i++) {
    gx_clause cl = {0};
    if (!read_clause(p, args[i], &cl)) {
      error_at(p, args[i].b,
               "each clause is yc_in(U, x, g), yc_in_range(U, i, [lo,] hi[, step]) or "
               "yc_where(cond), written directly",
               "not a clause of a generator expression");
      continue;
    }
    if (i == 2 && cl.kind == GX_WHERE)
      error_at(p, args[i].b, "begin with yc_in(...) or yc_in_range(...), as Python's 'for'",
               "a generator expression's first clause must be a source");
    VEC_PUSH(g->clauses, cl);
  }
  gx_state st = {p, g, gi, {0, 0}};
  if (g->clauses.n && g->clauses.v[0].kind != GX_WHERE) {
    gx_clause *c0 = &g->clauses.v[0];
    st.src = (span){c0->args[0].b, c0->args[c0->nargs - 1].e};
  }
  clang_visitChildren(c, gx_visit, &st);
  /* An inner source is evaluated again for each item of the sources
   * before it, and each handle it gives is freed when its loop ends: a
   * variable's handle would be freed, then used again. */
  for (size_t i = 1; i < g->clauses.n; i++) {
    gx_clause *cl = &g->clauses.v[i];
    if (cl->kind != GX_IN)
      continue;
    span s = lex_ident_at(F(p)->text, F(p)->len, cl->args[0].b);
    if (s.b == cl->args[0].b && s.e == cl->args[0].e)
      for (size_t k = 0; k < g->caps.n; k++)
        if (span_is(p, s, g->caps.v[k].name))
          error_at(p, s.b,
                   "an inner source is evaluated for each item of the sources before it and "
                   "its generator freed after: write a call that makes a new generator, or "
                   "make this source the first",
                   "inner source of a generator expression is a variable");
  }
  return n;
}

/* ---- expressions ------------------------------------------------------ */

static bool is_literal(enum CXCursorKind k) {
  return k == CXCursor_IntegerLiteral || k == CXCursor_FloatingLiteral ||
         k == CXCursor_ImaginaryLiteral || k == CXCursor_StringLiteral ||
         k == CXCursor_CharacterLiteral;
}

static bool type_is_local(CXType t);

/* The type of expression c spelled for a frame temporary at file scope: a
 * typedef declared in the body is spelled as what it stands for. */
static char *type_of(CXCursor c) {
  CXType t = clang_getCursorType(c);
  if (type_is_local(t))
    t = clang_getCanonicalType(t);
  return plain_spelling(t);
}

static ir_node *expr_leaf(pctx *p, CXCursor c, ir_node *parent, expr_kind ck) {
  ir_node *n = ir_new(IR_EXPR, span_of(p, c), parent);
  n->ck = ck;
  return n;
}

/* Is the identifier at t (n bytes) a keyword of C that starts a statement
 * or a declaration? */
static bool is_c_keyword(const char *t, size_t n) {
  static const char *const kw[] = {
      "if",       "for",      "while",  "do",       "switch",   "return",    "break",
      "continue", "goto",     "case",   "default",  "int",      "char",      "long",
      "short",    "unsigned", "signed", "float",    "double",   "void",      "struct",
      "union",    "enum",     "const",  "volatile", "static",   "extern",    "typedef",
      "register", "_Bool",    "sizeof", "_Alignas", "__typeof__", "typeof", "__extension__",
      "_Static_assert", "__attribute__", "auto", "inline", "restrict", "_Atomic", "asm",
      "__asm__"};
  for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
    if (strlen(kw[i]) == n && !strncmp(t, kw[i], n))
      return true;
  return false;
}

/* Is the identifier at t (n bytes) one of yieldc's own forms? */
static bool is_yieldc_form(const char *t, size_t n) {
  static const char *const forms[] = {"yield",      "yc_yield",   "yield_from", "yc_yield_from",
                                      "await",      "yc_await",   "await_next", "yc_await_next",
                                      "yc_return",  "yc_raise",   "yc_try",     "yc_catch",
                                      "yc_foreach", "yc_genexpr"};
  for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
    if (strlen(forms[i]) == n && !strncmp(t, forms[i], n))
      return true;
  return false;
}

/* Is the expression c inside the expansion of a macro of the user's (not
 * one of yieldc's forms): does it begin with a token of a macro's
 * expansion, and end within that invocation? */
static bool inside_user_macro_at(pctx *p, CXCursor c, unsigned off);

static bool inside_user_macro(pctx *p, CXCursor c) {
  unsigned off;
  if (!loc_in_main(p, clang_getRangeStart(clang_getCursorExtent(c)), false, &off))
    return false;
  return inside_user_macro_at(p, c, off);
}

/* The same, for c whose expansion begins at off. */
static bool inside_user_macro_at(pctx *p, CXCursor c, unsigned off) {
  /* a macro invocation begins with its name: a construct whose text there
   * is not an identifier, or is a keyword, is written in the file */
  const src_file *f = F(p);
  span id = lex_ident_at(f->text, f->len, off);
  if (id.e == id.b || id.b != off || is_c_keyword(f->text + id.b, id.e - id.b))
    return false;
  CXSourceRange r = clang_getCursorExtent(c);
  CXSourceLocation start = clang_getRangeStart(r);
  unsigned end;
  if (clang_equalLocations(start, clang_getLocationForOffset(p->tu, p->main, off)))
    return false; /* written in the file */
  loc_in_main(p, clang_getRangeEnd(r), false, &end);
  if (is_yieldc_form(f->text + id.b, id.e - id.b))
    return false;
  unsigned inv_end = id.e;
  unsigned open = lex_skip_ws(f->text, f->len, id.e);
  if (open < f->len && f->text[open] == '(') {
    span args[8];
    unsigned nargs, e;
    if (lex_call_args(f->text, f->len, id.e, args, 8, &nargs, &e))
      inv_end = e;
  }
  return end <= inv_end;
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

static void note_use(pctx *p, CXCursor c, enum CXCursorKind k);

static enum CXChildVisitResult flat_visit(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  flat_state *st = d;
  enum CXCursorKind k = clang_getCursorKind(c);
  if (is_genexpr(c)) {
    st->full = true;
    return CXChildVisit_Break;
  }
  note_use(st->p, c, k);
  if (k == CXCursor_CallExpr) {
    char *name = callee_name(c);
    bool full = needs_full_tree(name);
    free(name);
    if (full) {
      st->full = true;
      return CXChildVisit_Break;
    }
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
  if (p->fn)
    note_use(p, c, k);
  if (k == CXCursor_DeclRefExpr) {
    CXCursor ref = clang_getCursorReferenced(c);
    enum CXCursorKind rk = clang_getCursorKind(ref);
    int vi = (rk == CXCursor_VarDecl || rk == CXCursor_ParmDecl) ? var_index(p, ref) : -1;
    if (vi < 0)
      return expr_leaf(p, c, parent,
                       rk == CXCursor_FunctionDecl || rk == CXCursor_EnumConstantDecl ? CK_PURE
                                                                                      : CK_GENERIC);
    unsigned off, eoff;
    CXSourceLocation at = clang_getCursorLocation(c);
    /* written in the function's text: in the file itself, or in a macro
     * argument there (not a token of a macro's body, which libclang 14
     * places at the invocation) */
    bool in_body = loc_in_main(p, at, true, &off) && off >= p->limit.b && off < p->limit.e &&
                   loc_in_main(p, at, false, &eoff) &&
                   (off != eoff || clang_equalLocations(at, clang_getLocationForOffset(p->tu, p->main, off)));
    if (in_body) {
      /* a macro's body expanded inside another macro's argument is placed
       * at its invocation: the text there must be the name itself */
      span id = lex_ident_at(F(p)->text, F(p)->len, off);
      const char *nm = p->fn->vars.v[vi].name;
      in_body = id.b == off && id.e - id.b == strlen(nm) && !strncmp(F(p)->text + off, nm, id.e - id.b);
    }
    ir_node *n = ir_new(IR_VARREF, in_body ? (span){off, off} : exp_span_of(p, c), parent);
    n->var = vi;
    if (in_body && off != eoff) {
      /* in an argument of the macro invoked at eoff (not one of yieldc's
       * forms, whose arguments the lowering takes apart itself) */
      span inv = lex_ident_at(F(p)->text, F(p)->len, eoff);
      if (!is_yieldc_form(F(p)->text + inv.b, inv.e - inv.b)) {
        n->macro_inv = eoff + 1;
        p->fn->vars.v[vi].macro_arg_use = true;
      }
    }
    if (!in_body) {
      /* a macro's body names it: the node spans the invocation, whose text
       * cannot be rewritten */
      n->in_macro = true;
      p->fn->vars.v[vi].macro_use = true;
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
    if (is_marker(name) && stray_clause(p, c, name)) {
      free(name);
      return ir_new(IR_EXPR, exp_span_of(p, c), parent);
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
  if (is_genexpr(c))
    return build_genexpr(p, c, parent);
  if (k == CXCursor_StmtExpr) {
    /* ({ ... }): its statements are the compound inside */
    ir_node *n = ir_new(IR_EXPR, span_of(p, c), parent);
    cursor_vec kids = children(c);
    for (size_t i = 0; i < kids.n; i++) {
      ir_node *s = build_stmt(p, kids.v[i], n);
      if (s)
        ir_add_kid(n, s);
    }
    free(kids.v);
    if (n->has_susp)
      error_at(p, n->sp.b, "compute the value in statements before the expression",
               "a suspension point inside a GNU statement expression cannot be resumed");
    return n;
  }
  if (k == CXCursor_CompoundStmt)
    return build_stmt(p, c, parent);
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
  if (k == CXCursor_InitListExpr)
    n->ck = CK_INIT;
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
  if (n->has_susp && inside_user_macro(p, c))
    n->in_macro = true;
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
    if (!p->fn) {
      /* in a yc_foreach outside coroutine functions: plain C, kept as written */
      continue;
    } else if (k == CXCursor_VarDecl) {
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
      if (e && inside_user_macro_at(p, kids.v[i], e->sp.b))
        e->in_macro = true; /* a loop macro's declaration */
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
        n->name = xstrdup("yc-form");
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

/* yc_move_on_after(ms[, &expired]) / yc_fail_after(ms) statement: in the
 * authoring view `if (!yc__mark_deadline(fail, (ms), (e))) {} else stmt`
 * (an if, so that break and continue mean the loop around it, and an else
 * of the user's cannot attach to it).  The arguments are read from the
 * invocation; the marker's arguments give their expressions. */
static ir_node *build_deadline(pctx *p, CXCursor c, ir_node *parent, CXCursor mark,
                               cursor_vec kids) {
  ir_node *n = ir_new(IR_DEADLINE, exp_span_of(p, c), parent);
  n->for_body = n->fe_var = -1;
  static const char *const names[] = {"yc_move_on_after", "yc_fail_after"};
  span args[2];
  unsigned nargs, end;
  if (!read_invocation(p, n->sp.b, names, 2, args, 2, &nargs, &end) || nargs < 1) {
    error_at(p, n->sp.b, "write yc_move_on_after(ms) / yc_fail_after(ms) directly",
             "a deadline scope comes from the body of a macro");
    return n;
  }
  n->dl_fail = F(p)->text[n->sp.b + 3] == 'f'; /* yc_fail_after */
  n->nargs = nargs;
  n->args[0] = args[0];
  n->args[1] = nargs > 1 ? args[1] : (span){0, 0};
  n->fe_head = (span){n->sp.b, end};
  if (p->fn && p->fn->kind == FN_GENERATOR)
    error_at(p, n->sp.b,
             "a deadline belongs to a task: use it in a yc_async or yc_async_generator function",
             "deadline scope in a generator");
  /* the marker's arguments 2 (ms) and 3 (the expiry flag, when written) */
  cursor_vec mk = children(mark);
  for (size_t i = 2; i < mk.n && i < 2 + (size_t)nargs; i++) {
    ir_node *e = build_expr(p, mk.v[i], n);
    /* (a suspension point in it is refused as in any macro's argument) */
    if (e)
      ir_add_kid(n, e);
  }
  free(mk.v);
  ir_node *body = build_stmt(p, kids.v[2], n);
  if (body) {
    ir_add_kid(n, body);
    n->for_body = (int)n->nkids - 1;
  }
  return n;
}

static ir_node *build_if(pctx *p, CXCursor c, ir_node *parent) {
  cursor_vec kids = children(c);
  CXCursor mark;
  if (kids.n >= 3 && find_marker(unwrap(kids.v[0]), "yc__mark_deadline", &mark)) {
    ir_node *n = build_deadline(p, c, parent, mark, kids);
    free(kids.v);
    return n;
  }
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

static ir_node *build_stmt_kind(pctx *p, CXCursor c, ir_node *parent);

static ir_node *build_stmt(pctx *p, CXCursor c, ir_node *parent) {
  ir_node *n = build_stmt_kind(p, c, parent);
  bool in_macro = n && inside_user_macro_at(p, c, n->sp.b);
  /* yieldc's own forms are read from their invocations */
  if (n && in_macro && n->kind != IR_TRY && n->kind != IR_FOREACH && n->kind != IR_DEADLINE &&
      !(n->kind == IR_RETURN && n->name && !strcmp(n->name, "yc-form")))
    n->in_macro = true;
  return n;
}

static ir_node *build_stmt_kind(pctx *p, CXCursor c, ir_node *parent) {
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

/* ---- how variables are used ---------------------------------------- */

static enum CXChildVisitResult collect_two(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  cursor_vec *v = d;
  VEC_PUSH(*v, c);
  return v->n < 2 ? CXChildVisit_Continue : CXChildVisit_Break;
}

/* The (at most two) operands of an operator. */
static cursor_vec operands(CXCursor c) {
  cursor_vec v = {0};
  clang_visitChildren(c, collect_two, &v);
  return v;
}

/* The variable an lvalue expression designates (x, (x), x.m, a[i] of an
 * array a), or -1. */
static int lvalue_var(pctx *p, CXCursor e) {
  for (int depth = 0; depth < 64; depth++) {
    e = unwrap(e);
    enum CXCursorKind k = clang_getCursorKind(e);
    if (k == CXCursor_DeclRefExpr) {
      CXCursor ref = clang_getCursorReferenced(e);
      enum CXCursorKind rk = clang_getCursorKind(ref);
      return rk == CXCursor_VarDecl || rk == CXCursor_ParmDecl ? var_index(p, ref) : -1;
    }
    if (k != CXCursor_MemberRefExpr && k != CXCursor_ArraySubscriptExpr)
      return -1;
    cursor_vec kids = children(e);
    if (!kids.n) {
      free(kids.v);
      return -1;
    }
    CXCursor base = kids.v[0];
    free(kids.v);
    CXType bt = clang_getCanonicalType(clang_getCursorType(unwrap(base)));
    if (k == CXCursor_MemberRefExpr && bt.kind == CXType_Pointer)
      return -1; /* p->m: a place the variable points at */
    if (k == CXCursor_ArraySubscriptExpr && bt.kind != CXType_ConstantArray &&
        bt.kind != CXType_IncompleteArray) {
      /* the base as written may still be an array that decayed */
      CXCursor u = unwrap(base);
      CXType ut = clang_getCanonicalType(clang_getCursorType(u));
      if (ut.kind != CXType_ConstantArray && ut.kind != CXType_IncompleteArray)
        return -1;
    }
    e = base;
  }
  return -1;
}

/* The first characters of the token at loc, when it is written in the
 * file; NULL otherwise. */
static char *token_text_at(pctx *p, CXSourceLocation loc) {
  unsigned so, eo;
  /* written in the file, or an argument of a macro invocation there (its
   * spelling is in the file, away from the invocation's start) */
  if (loc_in_main(p, loc, true, &so) && loc_in_main(p, loc, false, &eo) &&
      (so != eo || clang_equalLocations(loc, clang_getLocationForOffset(p->tu, p->main, so))))
    return xstrndup(F(p)->text + so, so + 2 <= F(p)->len ? 2 : F(p)->len - so);
  return NULL; /* a macro's body: not in this file's text */
}

static void mark(pctx *p, int vi, bool addr) {
  if (vi < 0)
    return;
  if (addr)
    p->fn->vars.v[vi].addr_taken = true;
  else
    p->fn->vars.v[vi].assigned = true;
}

/* What expression c (of kind k) tells about the variables it uses: an
 * address taken, an assignment, a name a macro's body uses. */
static void note_use(pctx *p, CXCursor c, enum CXCursorKind k) {
  if (k == CXCursor_StringLiteral) {
    /* a literal a macro wrote (#x): what it spells may name a variable */
    CXSourceLocation at = clang_getCursorLocation(c);
    unsigned eoff;
    if (loc_in_main(p, at, false, &eoff) &&
        !clang_equalLocations(at, clang_getLocationForOffset(p->tu, p->main, eoff))) {
      VEC_PUSH(p->fn->macro_str_at, eoff + 1);
      VEC_PUSH(p->fn->macro_strs, cx_take(clang_getCursorSpelling(c)));
    }
    return;
  }
  if (k == CXCursor_UnaryOperator || k == CXCursor_BinaryOperator ||
      k == CXCursor_CompoundAssignOperator) {
    cursor_vec kids = operands(c);
    if (kids.n) {
      int vi = lvalue_var(p, kids.v[0]);
      if (vi >= 0 && k == CXCursor_CompoundAssignOperator) {
        mark(p, vi, false);
      } else if (vi >= 0 && k == CXCursor_UnaryOperator) {
        CXSourceLocation at = clang_getRangeStart(clang_getCursorExtent(c));
        CXSourceLocation opnd = clang_getRangeStart(clang_getCursorExtent(kids.v[0]));
        char *op = clang_equalLocations(at, opnd) ? NULL : token_text_at(p, at);
        if (!op) {
          /* x++ or x-- (the operand comes first), or an operator a macro's
           * body wrote, which only the types tell apart: &x is a pointer to
           * x's type; anything else may write x */
          CXType rt = clang_getCanonicalType(clang_getCursorType(c));
          CXType ot = clang_getCanonicalType(clang_getCursorType(kids.v[0]));
          bool addr = !clang_equalLocations(at, opnd) && rt.kind == CXType_Pointer &&
                      clang_equalTypes(clang_getCanonicalType(clang_getPointeeType(rt)), ot);
          mark(p, vi, addr);
        } else if (op[0] == '&' && op[1] != '&') {
          mark(p, vi, true);
        } else if ((op[0] == '+' && op[1] == '+') || (op[0] == '-' && op[1] == '-')) {
          mark(p, vi, false);
        }
        free(op);
      } else if (vi >= 0 && kids.n == 2 && p->fn->vars.v[vi].is_param &&
                 !p->fn->vars.v[vi].assigned) {
        /* x = e (or a comparison, when it cannot be told apart); only a
         * parameter's assignments matter (analyse.c) */
        span l = span_of(p, kids.v[0]), r = span_of(p, kids.v[1]);
        char *op = l.e <= r.b ? lex_operator_between(F(p)->text, l.e, r.b) : NULL;
        if (!op || (op[0] == '=' && op[1] == 0))
          mark(p, vi, false);
        free(op);
      }
    }
    free(kids.v);
  } else if (k == CXCursor_DeclRefExpr && !loc_in_body(p, clang_getCursorLocation(c))) {
    /* a name a macro's body uses: the frame pointer must not hide it */
    char *name = cx_take(clang_getCursorSpelling(c));
    for (unsigned i = 0; i < 4; i++)
      if (!strcmp(name, frame_pointer_names[i]))
        p->fn->macro_names |= 1u << i;
    free(name);
  } else if (k == CXCursor_ArraySubscriptExpr) {
    /* s.arr[i]: the array decays only to be indexed */
    cursor_vec kids = children(c);
    if (kids.n)
      VEC_PUSH(p->indexed, unwrap(kids.v[0]));
    free(kids.v);
  } else if (k == CXCursor_MemberRefExpr) {
    /* s.arr decays to a pointer into s, unless it is indexed at once */
    CXType t = clang_getCanonicalType(clang_getCursorType(c));
    bool indexed = false;
    for (size_t i = 0; i < p->indexed.n && !indexed; i++)
      indexed = clang_getCursorKind(p->indexed.v[i]) == k &&
                clang_equalRanges(clang_getCursorExtent(p->indexed.v[i]), clang_getCursorExtent(c));
    if (!indexed && (t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray))
      mark(p, lvalue_var(p, c), true);
  }
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
  p->indexed.n = 0;
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

/* ---- variably modified declarations ----------------------------------- */

/* A VLA, or a type derived from one: a pointer to it, an array of those, a
 * function returning one. */
static bool is_vm_type(CXType t) {
  t = clang_getCanonicalType(t);
  switch (t.kind) {
  case CXType_VariableArray:
  case CXType_DependentSizedArray:
    return true;
  case CXType_Pointer:
    return is_vm_type(clang_getPointeeType(t));
  case CXType_ConstantArray:
  case CXType_IncompleteArray:
    return is_vm_type(clang_getArrayElementType(t));
  case CXType_FunctionProto:
  case CXType_FunctionNoProto:
    if (is_vm_type(clang_getResultType(t)))
      return true;
    for (int i = 0, n = clang_getNumArgTypes(t); i < n; i++)
      if (is_vm_type(clang_getArgType(t, (unsigned)i)))
        return true;
    return false;
  default:
    return false;
  }
}

typedef struct {
  pctx *p;
  ir_func *fn;
} vm_state;

static enum CXChildVisitResult vm_visit(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  vm_state *st = d;
  enum CXCursorKind k = clang_getCursorKind(c);
  if ((k == CXCursor_VarDecl || k == CXCursor_ParmDecl) && is_vm_type(clang_getCursorType(c))) {
    for (size_t i = 0; i < st->p->var_decls.n && i < st->fn->vars.n; i++)
      if (clang_equalCursors(st->p->var_decls.v[i], c))
        st->fn->vars.v[i].vm_deep = true;
  } else if (k == CXCursor_TypedefDecl && is_vm_type(clang_getTypedefDeclUnderlyingType(c))) {
    unsigned at = exp_span_of(st->p, c).b;
    for (size_t i = 0; i < st->fn->typedecls.n; i++) {
      ir_node *t = st->fn->typedecls.v[i];
      if (t->sp.b == at && !t->vm_type)
        t->vm_type = cx_take(clang_getTypeSpelling(clang_getTypedefDeclUnderlyingType(c)));
    }
  }
  return CXChildVisit_Recurse;
}

/* Marks the variables (vm_deep) and typedefs (vm_type) of fn, built from
 * the definition c, whose types are variably modified; analyse.c refuses
 * those in scope at a suspension point. */
static void mark_vm_decls(pctx *p, CXCursor c, ir_func *fn) {
  vm_state st = {p, fn};
  clang_visitChildren(c, vm_visit, &st);
}

/* ---- errors in other files -------------------------------------------- */

/* Reports an error at c's location in an included file. */
static void error_in_include(pctx *p, CXCursor c, const char *note, const char *msg) {
  CXFile file;
  unsigned line, col;
  clang_getExpansionLocation(clang_getCursorLocation(c), &file, &line, &col, NULL);
  char *path = file ? cx_take(clang_getFileName(file)) : xstrdup(F(p)->path);
  size_t size = 0;
  const char *text = file ? clang_getFileContents(p->tu, file, &size) : NULL;
  char *copy = text ? xstrndup(text, size) : NULL;
  const char *line_text = copy;
  for (unsigned l = 1; l < line && line_text; l++) {
    line_text = strchr(line_text, '\n');
    if (line_text)
      line_text++;
  }
  diag_at(path, line, col, "error", msg, line_text);
  if (note)
    diag_at(path, line, col, "note", note, NULL);
  free(copy);
  free(path);
}

/* A generator expression outside coroutine functions (once: a yc_foreach's
 * head is built by build_for, then scanned). */
static void plain_genexpr(pctx *p, CXCursor c) {
  for (size_t i = 0; i < p->gx_seen.n; i++)
    if (clang_equalRanges(clang_getCursorExtent(p->gx_seen.v[i]), clang_getCursorExtent(c)))
      return;
  ir_node *n = build_genexpr(p, c, NULL);
  if (n)
    p->u->genexprs.v[n->var]->owns_node = true;
}

/* Inside a yc_foreach outside coroutine functions: every other yieldc form
 * is an error (scan_plain does not enter the loop it rewrites). */
static enum CXChildVisitResult scan_foreach_body(CXCursor c, CXCursor parent, CXClientData d) {
  (void)parent;
  pctx *p = d;
  if (is_genexpr(c)) {
    plain_genexpr(p, c);
    return CXChildVisit_Continue;
  }
  char *name = callee_name(c);
  if (stray_clause(p, c, name)) {
    free(name);
    return CXChildVisit_Continue;
  }
  bool form = is_marker(name) && strcmp(name, "yc__mark_foreach");
  free(name);
  if (form) {
    error_at(p, exp_span_of(p, c).b,
             "declare the function with yc_generator(Y), yc_async(R) or yc_async_generator(Y)",
             "suspension form used outside a coroutine function");
    return CXChildVisit_Continue;
  }
  return CXChildVisit_Recurse;
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
  if (is_genexpr(c)) {
    plain_genexpr(p, c);
    return CXChildVisit_Continue;
  }
  if (k == CXCursor_ForStmt) {
    CXCursor mark;
    if (foreach_marker(c, &mark)) {
      ir_node *n = build_for(p, c, NULL);
      if (n->kind == IR_FOREACH)
        VEC_PUSH(p->u->foreachs, n);
      clang_visitChildren(c, scan_foreach_body, p);
      return CXChildVisit_Continue;
    }
  }
  char *name = callee_name(c);
  if (stray_clause(p, c, name)) {
    free(name);
    return CXChildVisit_Continue;
  }
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
    if (k == CXCursor_FunctionDecl && clang_isCursorDefinition(c) && clang_Cursor_hasAttrs(c) &&
        annotation(c, &kind)) {
      char *name = cx_take(clang_getCursorSpelling(c));
      char *msg = xasprintf("coroutine function '%s' is defined in an included file, which "
                            "yieldc does not translate",
                            name);
      error_in_include(p, c, "define it in a .c file and keep only its declaration in the header",
                       msg);
      free(msg);
      free(name);
      return CXChildVisit_Continue;
    }
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
    free(p->gx_owner);
    p->gx_owner = cx_take(clang_getCursorSpelling(c));
    p->gx_owner_at = exp_span_of(p, c).b;
    p->gx_count = 0;
  }
  if (k == CXCursor_FunctionDecl && clang_isCursorDefinition(c)) {
    fn_kind kind;
    if (annotation(c, &kind)) {
      size_t built = p->u->funcs.n;
      p->fn_cursor = c;
      build_function(p, c, kind);
      p->fn_cursor = clang_getNullCursor();
      if (p->u->funcs.n > built)
        mark_vm_decls(p, c, &p->u->funcs.v[built]);
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
  diag_at_relayed(path, line, col, sev == CXDiagnostic_Fatal ? "fatal error" : "error", msg,
                  line_text);
  free(other);
  free(msg);
  free(path);
  p->failed = true;
}

/* ---- the files read, and a forgotten #include <yieldc.h> ------------------ */

typedef struct {
  file_list *l;
  bool has_yieldc_h;
  CXTranslationUnit tu;
} incl_state;

static void add_inclusion(CXFile f, CXSourceLocation *stack, unsigned depth, CXClientData d) {
  (void)stack;
  (void)depth;
  incl_state *st = d;
  char *name = cx_take(clang_getFileName(f));
  const char *base = strrchr(name, '/');
  base = base ? base + 1 : name;
  if (!strcmp(base, "yieldc.h"))
    st->has_yieldc_h = true;
  for (size_t i = 0; i < st->l->path.n; i++)
    if (!strcmp(st->l->path.v[i], name)) {
      free(name);
      return;
    }
  VEC_PUSH(st->l->path, name);
  VEC_PUSH(st->l->system, clang_Location_isInSystemHeader(clang_getLocation(st->tu, f, 1, 1)) != 0);
}

void file_list_free(file_list *l) {
  for (size_t i = 0; i < l->path.n; i++)
    free(l->path.v[i]);
  free(l->path.v);
  free(l->system.v);
  l->path.v = NULL;
  l->system.v = NULL;
  l->path.n = l->path.cap = l->system.n = l->system.cap = 0;
}

/* The names whose meaning comes from yieldc.h. */
static bool is_yieldc_name(const char *s) {
  static const char *const names[] = {"yc_generator",  "yc_async",      "yc_async_generator",
                                      "yield",         "yc_yield",      "yield_from",
                                      "yc_yield_from", "await",         "yc_await",
                                      "await_next",    "yc_await_next", "yc_foreach",
                                      "yc_return",     "yc_raise",      "yc_try",
                                      "yc_catch"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (!strcmp(s, names[i]))
      return true;
  return false;
}

/* Does the name at tok refer to a declaration of the program's own (a
 * function of its own named await, say) rather than to nothing or to the
 * implicit declaration a call of an undeclared function makes? */
static bool declared_elsewhere(pctx *p, CXToken tok) {
  CXSourceLocation at = clang_getTokenLocation(p->tu, tok);
  CXCursor ref = clang_getCursorReferenced(clang_getCursor(p->tu, at));
  if (clang_Cursor_isNull(ref) || !clang_isDeclaration(clang_getCursorKind(ref)))
    return false;
  return !clang_equalLocations(clang_getCursorLocation(ref), at);
}

/* The first use of a yieldc form in the file as a call ("NAME("); its
 * offset in *off and its name, or NULL.  A name the program declares
 * itself (some use of it refers to a declaration elsewhere) is not one. */
static char *first_form_use(pctx *p, unsigned *off) {
  CXSourceRange all = clang_getRange(clang_getLocationForOffset(p->tu, p->main, 0),
                                     clang_getLocationForOffset(p->tu, p->main, F(p)->len));
  CXToken *toks = NULL;
  unsigned n = 0;
  clang_tokenize(p->tu, all, &toks, &n);
  VEC(unsigned) uses = {0};
  VEC(char *) own = {0};
  for (unsigned i = 0; i + 1 < n; i++) {
    if (clang_getTokenKind(toks[i]) != CXToken_Identifier ||
        clang_getTokenKind(toks[i + 1]) != CXToken_Punctuation)
      continue;
    char *name = cx_take(clang_getTokenSpelling(p->tu, toks[i]));
    char *next = cx_take(clang_getTokenSpelling(p->tu, toks[i + 1]));
    if (is_yieldc_name(name) && !strcmp(next, "(")) {
      VEC_PUSH(uses, i);
      if (declared_elsewhere(p, toks[i]))
        VEC_PUSH(own, xstrdup(name));
    }
    free(name);
    free(next);
  }
  char *found = NULL;
  for (size_t k = 0; k < uses.n && !found; k++) {
    char *name = cx_take(clang_getTokenSpelling(p->tu, toks[uses.v[k]]));
    bool mine = false;
    for (size_t j = 0; j < own.n; j++)
      mine |= !strcmp(own.v[j], name);
    if (mine) {
      free(name);
      continue;
    }
    clang_getSpellingLocation(clang_getTokenLocation(p->tu, toks[uses.v[k]]), NULL, NULL, NULL,
                              off);
    found = name;
  }
  for (size_t j = 0; j < own.n; j++)
    free(own.v[j]);
  free(own.v);
  free(uses.v);
  clang_disposeTokens(p->tu, toks, n);
  return found;
}

/* A file that uses yieldc's forms without including yieldc.h reads to
 * clang as plain C that cannot parse ("expected function body after
 * function declarator") or calls undeclared functions: say why. */
static void note_missing_include(pctx *p) {
  unsigned off = 0;
  char *name = first_form_use(p, &off);
  if (!name)
    return;
  unsigned line, col;
  diag_line_col(F(p), off, &line, &col);
  unsigned start = off;
  while (start > 0 && F(p)->text[start - 1] != '\n')
    start--;
  char *msg = xasprintf("'%s' is a yieldc form from <yieldc.h>, which this file does not "
                        "include; add at the top of the file:",
                        name);
  diag_at(F(p)->path, line, col, "note", msg, F(p)->text + start);
  diag_fixit("#include <yieldc.h>");
  free(msg);
  free(name);
}

/* clang's implicit declaration of a yieldc form's name (the file called
 * yield(...) without yieldc.h): a warning, as the compiler's is. */
static bool implicit_yieldc_form(CXDiagnostic d) {
  char *opt = cx_take(clang_getDiagnosticOption(d, NULL));
  bool implicit = !strcmp(opt, "-Wimplicit-function-declaration");
  free(opt);
  if (!implicit)
    return false;
  char *msg = cx_take(clang_getDiagnosticSpelling(d));
  char *q = strchr(msg, '\'');
  char *e = q ? strchr(q + 1, '\'') : NULL;
  bool ours = false;
  if (e) {
    *e = 0;
    ours = is_yieldc_name(q + 1);
  }
  free(msg);
  return ours;
}

static void report_implicit_form(pctx *p, CXDiagnostic d) {
  unsigned off;
  CXFile file;
  clang_getSpellingLocation(clang_getDiagnosticLocation(d), &file, NULL, NULL, &off);
  if (!file || !clang_File_isEqual(file, p->main))
    return;
  char *msg = cx_take(clang_getDiagnosticSpelling(d));
  unsigned line, col;
  diag_line_col(F(p), off, &line, &col);
  unsigned start = off;
  while (start > 0 && F(p)->text[start - 1] != '\n')
    start--;
  diag_at_relayed(F(p)->path, line, col, "warning", msg, F(p)->text + start);
  note_missing_include(p);
  free(msg);
}

static parse_warning_fn warning_hook;
static void *warning_ctx;

void parse_set_warning_hook(parse_warning_fn fn, void *ctx) {
  warning_hook = fn;
  warning_ctx = ctx;
}

static void pass_warning(pctx *p, CXDiagnostic d) {
  CXFile file;
  unsigned off;
  clang_getSpellingLocation(clang_getDiagnosticLocation(d), &file, NULL, NULL, &off);
  if (!file || !clang_File_isEqual(file, p->main))
    return;
  char *opt = cx_take(clang_getDiagnosticOption(d, NULL));
  char *msg = cx_take(clang_getDiagnosticSpelling(d));
  warning_hook(warning_ctx, off, opt, msg);
  free(msg);
  free(opt);
}

bool parse_unit(ir_unit *u, const char *const *args, int nargs) {
  return parse_unit_reading(u, args, nargs, NULL);
}

bool parse_unit_reading(ir_unit *u, const char *const *args, int nargs, file_list *read) {
  pctx p = {0};
  p.u = u;
  p.fn_cursor = clang_getNullCursor();
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
  file_list files = {0};
  incl_state incl = {read ? read : &files, false, p.tu};
  clang_getInclusions(p.tu, add_inclusion, &incl);
  file_list_free(&files);
  unsigned nd = clang_getNumDiagnostics(p.tu);
  bool implicit_noted = false;
  for (unsigned i = 0; i < nd; i++) {
    CXDiagnostic d = clang_getDiagnostic(p.tu, i);
    if (!incl.has_yieldc_h && !implicit_noted &&
        clang_getDiagnosticSeverity(d) == CXDiagnostic_Warning && implicit_yieldc_form(d)) {
      report_implicit_form(&p, d);
      implicit_noted = true;
    }
    if (warning_hook && clang_getDiagnosticSeverity(d) == CXDiagnostic_Warning)
      pass_warning(&p, d);
    report_clang(&p, d);
    clang_disposeDiagnostic(d);
  }
  if (p.failed && !incl.has_yieldc_h && !implicit_noted)
    note_missing_include(&p);
  if (!p.failed)
    clang_visitChildren(clang_getTranslationUnitCursor(p.tu), top_level, &p);
  free(p.var_decls.v);
  free(p.indexed.v);
  free(p.gx_owner);
  free(p.gx_seen.v);
  clang_disposeTranslationUnit(p.tu);
  clang_disposeIndex(index);
  return !p.failed;
}

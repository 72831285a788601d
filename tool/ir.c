/* ir.c - building and printing the IR (--dump-after=parse|analyse). */
#include "ir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const frame_pointer_names[4] = {"f", "fr", "frame", "yc_f"};

ir_node *ir_new(ir_kind kind, span sp, ir_node *parent) {
  ir_node *n = xcalloc(1, sizeof *n);
  n->kind = kind;
  n->sp = sp;
  n->parent = parent;
  n->var = -1;
  n->fe_var = -1;
  n->for_init = n->for_cond = n->for_inc = n->for_body = -1;
  return n;
}

bool ir_encloses(const ir_node *outer, const ir_node *n) {
  for (; n; n = n->parent)
    if (n == outer)
      return true;
  return false;
}

void ir_add_kid(ir_node *parent, ir_node *kid) {
  parent->kids = xrealloc(parent->kids, (parent->nkids + 1) * sizeof *parent->kids);
  parent->kids[parent->nkids++] = kid;
  kid->parent = parent;
  if (kid->has_susp)
    parent->has_susp = true;
}

const char *ir_kind_name(ir_kind k) {
  static const char *const names[] = {
      "compound", "if",      "for",      "while",    "do",      "switch", "case",      "default",
      "label",    "goto",    "break",    "continue", "return",  "decl",   "expr-stmt", "null",
      "try",      "foreach", "deadline", "typedecl", "other",    "suspend", "varref", "assign",    "expr"};
  return names[k];
}

char *span_text(const src_file *f, span sp) {
  if (sp.e > f->len)
    sp.e = f->len;
  if (sp.b > sp.e)
    sp.b = sp.e;
  return xstrndup(f->text + sp.b, sp.e - sp.b);
}

static void dump_node(const ir_unit *u, const ir_func *fn, const ir_node *n, int depth, buf *out) {
  unsigned l, c;
  diag_line_col(&u->file, n->sp.b, &l, &c);
  buf_printf(out, "%*s%s %u:%u%s", depth * 2, "", ir_kind_name(n->kind), l, c,
             n->has_susp ? " susp" : "");
  if (n->kind == IR_SUSPEND) {
    static const char *const sk[] = {"yield", "yield_from", "await", "await_next"};
    buf_printf(out, " %s%s state=%d", sk[n->susp], n->value_form ? " value" : "", n->state);
    if (fn && n->nlive) {
      buf_puts(out, " saves");
      for (unsigned i = 0; i < n->nlive; i++)
        buf_printf(out, " %s", fn->vars.v[n->live[i]].name);
    }
  }
  if (n->in_macro)
    buf_puts(out, " macro");
  if (n->kind == IR_VARREF && fn) {
    const ir_var *v = &fn->vars.v[n->var];
    buf_printf(out, " %s%s", v->name, v->resident ? " resident" : v->lifted ? " spilled" : "");
  }
  if (n->kind == IR_ASSIGN)
    buf_printf(out, " '%s'", n->op);
  if (n->name)
    buf_printf(out, " %s", n->name);
  buf_putc(out, '\n');
  for (unsigned i = 0; i < n->nkids; i++)
    dump_node(u, fn, n->kids[i], depth + 1, out);
}

void ir_dump(const ir_unit *u, const ir_func *fn, buf *out) {
  static const char *const kinds[] = {"generator", "async", "async generator"};
  buf_printf(out, "function %s (%s) Y=%s S=%s R=%s\n", fn->name, kinds[fn->kind],
             fn->y ? fn->y : "void", fn->s ? fn->s : "void", fn->r ? fn->r : "void");
  for (size_t i = 0; i < fn->vars.n; i++) {
    const ir_var *v = &fn->vars.v[i];
    buf_printf(out, "  var %s : %s%s%s%s%s%s%s%s\n", v->name, v->type, v->is_param ? " param" : "",
               v->is_static ? " static" : "", v->addr_taken ? " address-taken" : "",
               v->resident ? " resident" : v->lifted ? " spilled" : "", v->copy_bytes ? " bytes" : "",
               v->field ? " as " : "", v->field ? v->field : "");
  }
  if (fn->body_node)
    dump_node(u, fn, fn->body_node, 1, out);
}

void ir_node_free(ir_node *n) {
  if (!n)
    return;
  for (unsigned i = 0; i < n->nkids; i++)
    if (n->kids[i])
      ir_node_free(n->kids[i]);
  free(n->kids);
  free(n->decl_vars);
  free(n->name);
  free(n->tag);
  free(n->ctype);
  free(n->fe_known);
  free(n->live);
  free(n->t_aka);
  free(n->want);
  free(n->want_aka);
  free(n->callee);
  free(n->bad_operand);
  free(n->vm_type);
  free(n);
}

void ir_unit_free(ir_unit *u) {
  for (size_t i = 0; i < u->funcs.n; i++) {
    ir_func *fn = &u->funcs.v[i];
    for (size_t k = 0; k < fn->vars.n; k++) {
      ir_var *v = &fn->vars.v[k];
      free(v->name);
      free(v->type);
      free(v->cleanup);
      free(v->field);
      free(v->align_spec);
      free(v->decl_type);
      free(v->deref_type);
    }
    free(fn->vars.v);
    free(fn->name);
    free(fn->y);
    free(fn->s);
    free(fn->r);
    free(fn->fp);
    free(fn->susps.v);
    for (size_t k = 0; k < fn->macro_strs.n; k++)
      free(fn->macro_strs.v[k]);
    free(fn->macro_strs.v);
    free(fn->macro_str_at.v);
    free(fn->typedecls.v); /* the nodes belong to the body */
    ir_node_free(fn->body_node);
  }
  free(u->funcs.v);
  for (size_t i = 0; i < u->sigs.n; i++) {
    free(u->sigs.v[i].name);
    free(u->sigs.v[i].r);
  }
  free(u->sigs.v);
  u->sigs.v = NULL;
  u->sigs.n = 0;
  for (size_t i = 0; i < u->foreachs.n; i++)
    ir_node_free(u->foreachs.v[i]);
  free(u->foreachs.v);
  for (size_t i = 0; i < u->imports.n; i++)
    free(u->imports.v[i]);
  free(u->imports.v);
  u->imports.v = NULL;
  u->imports.n = 0;
  for (size_t i = 0; i < u->genexprs.n; i++) {
    ir_genexpr *g = u->genexprs.v[i];
    for (size_t k = 0; k < g->caps.n; k++) {
      free(g->caps.v[k].name);
      free(g->caps.v[k].type);
    }
    free(g->caps.v);
    for (size_t k = 0; k < g->clauses.n; k++)
      free(g->clauses.v[k].known);
    free(g->clauses.v);
    free(g->name);
    free(g->owner);
    if (g->owns_node)
      ir_node_free(g->node);
    free(g);
  }
  free(u->genexprs.v);
  u->genexprs.v = NULL;
  u->genexprs.n = 0;
  u->funcs.v = NULL;
  u->foreachs.v = NULL;
  u->funcs.n = u->foreachs.n = 0;
}

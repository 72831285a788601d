/* lsp_analyse.c - yieldc's analysis of an editor's buffer, as the
 * language server publishes it: the same messages as the command line
 * (collected through diag.c's sink instead of printed), their notes as
 * related information, the fixes that are mechanical as edits, and for
 * each suspension form the text a hover on it shows. */
#include <stdlib.h>
#include <string.h>

#include "analyse.h"
#include "launcher.h"
#include "lex.h"
#include "lsp.h"
#include "parse.h"

typedef struct {
  char *path; /* NULL: the tool's own message */
  unsigned line, col;
  char *severity, *message;
  bool relayed;
} record;

typedef VEC(record) records;

static void collect(void *ctx, const char *path, unsigned line, unsigned col,
                    const char *severity, const char *message, bool relayed) {
  records *r = ctx;
  record x = {path ? xstrdup(path) : NULL, line, col, xstrdup(severity), xstrdup(message),
              relayed};
  VEC_PUSH(*r, x);
}

typedef struct {
  const char *uri, *path, *text;
  size_t len;
  bool utf8;
} doc;

/* Byte offset of 1-based line and byte column. */
static size_t offset_of(const doc *d, unsigned line, unsigned col) {
  size_t i = 0;
  for (unsigned l = 1; l < line && i < d->len; i++)
    if (d->text[i] == '\n')
      l++;
  for (unsigned c = 1; c < col && i < d->len && d->text[i] != '\n'; c++)
    i++;
  return i;
}

/* What a message points at: the identifier there, else one character. */
static size_t token_end(const doc *d, size_t off) {
  size_t e = off;
  while (e < d->len && is_ident_char((unsigned char)d->text[e]))
    e++;
  if (e == off && off < d->len && d->text[off] != '\n')
    e++;
  return e;
}

/* The end of the macro argument starting at off (before the ',' or ')'
 * closing it, trailing blanks left out), or (size_t)-1. */
static size_t argument_end(const doc *d, size_t off) {
  int depth = 0;
  for (size_t i = off; i < d->len; i++) {
    char c = d->text[i];
    if (c == '"' || c == '\'') {
      for (i++; i < d->len && d->text[i] != c; i++)
        if (d->text[i] == '\\')
          i++;
    } else if (c == '(' || c == '[' || c == '{') {
      depth++;
    } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
      depth--;
    } else if (depth == 0 && (c == ',' || c == ')')) {
      size_t e = i;
      while (e > off && strchr(" \t\r\n", d->text[e - 1]))
        e--;
      return e > off ? e : (size_t)-1;
    } else if (c == ';') {
      return (size_t)-1;
    }
  }
  return (size_t)-1;
}

static json_val *edit(const doc *d, size_t b, size_t e, const char *text) {
  json_val *x = json_object();
  json_set(x, "range", lsp_range(d->text, d->len, b, e, d->utf8));
  json_set(x, "newText", json_string(text));
  return x;
}

static void set_fix(json_val *diag, const char *title, json_val *edit) {
  json_val *fix = json_object();
  json_set(fix, "title", json_string(title));
  json_val *edits = json_array();
  json_push(edits, edit);
  json_set(fix, "edits", edits);
  json_val *data = json_object();
  json_set(data, "fix", fix);
  json_set(diag, "data", data);
}

/* A note saying what to write instead, where the replacement is the type
 * argument the message points at: "write yield(v, T): ..." and
 * "write yield_from(f(...), T)" (analyse.c). */
static void fix_from_note(const doc *d, json_val *diag, size_t off, const char *note) {
  char *type = NULL;
  if (!strncmp(note, "write yield(v, ", 15)) {
    const char *end = strstr(note, "): ");
    if (end)
      type = xstrndup(note + 15, (size_t)(end - note - 15));
  } else if (!strncmp(note, "write ", 6)) {
    const char *mid = strstr(note, "(...), ");
    size_t n = strlen(note);
    if (mid && n && note[n - 1] == ')')
      type = xstrndup(mid + 7, (size_t)(note + n - 1 - (mid + 7)));
  }
  if (!type || !*type || off >= d->len) {
    free(type);
    return;
  }
  size_t e = argument_end(d, off);
  if (e != (size_t)-1) {
    char *title = xasprintf("%s", note);
    char *colon = strstr(title, ": ");
    if (colon)
      *colon = 0; /* "write yield(v, T)" */
    set_fix(diag, title, edit(d, off, e, type));
    free(title);
  }
  free(type);
}

static json_val *new_diag(const doc *d, size_t b, size_t e, int severity, const char *msg) {
  json_val *x = json_object();
  json_set(x, "range", lsp_range(d->text, d->len, b, e, d->utf8));
  json_set(x, "severity", json_num(severity));
  json_set(x, "source", json_string("yieldc"));
  json_set(x, "message", json_string(msg));
  return x;
}

static json_val *diagnostics(const doc *d, const records *rs) {
  json_val *out = json_array();
  json_val *cur = NULL; /* the diagnostic notes attach to */
  size_t cur_off = 0;
  for (size_t i = 0; i < rs->n; i++) {
    const record *r = &rs->v[i];
    bool main_file = r->path && !strcmp(r->path, d->path);
    size_t off = main_file ? offset_of(d, r->line, r->col) : 0;
    if (!strcmp(r->severity, "fixit")) {
      /* the line diag.c shows under a note: the missing #include */
      if (cur) {
        /* the note it belongs to ends "...:" - the line completes it */
        json_val *rel = json_get(cur, "relatedInformation");
        json_val *owner = rel && rel->n ? rel->items[rel->n - 1] : cur;
        char *m = xasprintf("%s %s", json_str(owner, "message"), r->message);
        json_set(owner, "message", json_string(m));
        free(m);
      }
      if (cur && !strncmp(r->message, "#include", 8)) {
        char *line = xasprintf("%s\n", r->message);
        char *title = xasprintf("add '%s'", r->message);
        set_fix(cur, title, edit(d, 0, 0, line));
        free(title);
        free(line);
      }
      continue;
    }
    if (!strcmp(r->severity, "note")) {
      if (cur) {
        json_val *rel = json_get(cur, "relatedInformation");
        if (!rel) {
          rel = json_array();
          json_set(cur, "relatedInformation", rel);
        }
        json_val *info = json_object();
        json_val *loc = json_object();
        json_set(loc, "uri", json_string(d->uri));
        json_set(loc, "range", lsp_range(d->text, d->len, off, token_end(d, off), d->utf8));
        json_set(info, "location", loc);
        json_set(info, "message", json_string(r->message));
        json_push(rel, info);
        if (!json_get(cur, "data"))
          fix_from_note(d, cur, cur_off, r->message);
      } else {
        /* yieldc's note on a compiler message clangd shows: on its own */
        cur = new_diag(d, off, token_end(d, off), 3, r->message);
        cur_off = off;
        json_push(out, cur);
      }
      continue;
    }
    if (r->relayed) {
      cur = NULL; /* clangd's to show; notes after it stand alone */
      continue;
    }
    int sev = !strcmp(r->severity, "warning") ? 2 : 1;
    if (main_file) {
      cur = new_diag(d, off, token_end(d, off), sev, r->message);
    } else {
      char *m = r->path ? xasprintf("in included file %s:%u:%u: %s", r->path, r->line, r->col,
                                    r->message)
                        : xasprintf("yieldc: %s", r->message);
      cur = new_diag(d, 0, 0, sev, m);
      free(m);
    }
    cur_off = off;
    json_push(out, cur);
  }
  return out;
}

/* ---- hovers ------------------------------------------------------------ */

static const char *kind_name(fn_kind k) {
  return k == FN_GENERATOR ? "generator" : k == FN_ASYNC ? "async function" : "async generator";
}

static void code(buf *b, const char *s) {
  buf_printf(b, "`%s`", s);
}

static void code_span(buf *b, const src_file *f, span sp) {
  char *t = lex_squash(f->text + sp.b, sp.e - sp.b);
  code(b, t);
  free(t);
}

static void var_list(buf *b, const ir_func *fn, const int *vars, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const ir_var *v = &fn->vars.v[vars[i]];
    buf_printf(b, "%s`%s` (%s)", i ? ", " : "", v->name, v->type ? v->type : "?");
  }
}

static char *suspend_text(const ir_unit *u, const ir_func *fn, const ir_node *s) {
  const src_file *f = &u->file;
  static const char *const form[] = {"yield", "yield_from", "await", "await_next"};
  buf b = {0};
  buf_printf(&b, "**%s** — resume point %d of %s `%s`\n\n", form[s->susp], s->state,
             kind_name(fn->kind), fn->name);
  switch (s->susp) {
  case SUSP_YIELD:
    if (s->nargs >= 1) {
      buf_puts(&b, "Yields ");
      code_span(&b, f, s->args[0]);
      buf_puts(&b, " as a value of the element type ");
      code(&b, fn->y ? fn->y : "void");
    } else {
      buf_puts(&b, "Yields without a value");
    }
    if (s->nargs == 2) {
      buf_puts(&b, "; receives the value sent back, of type ");
      code_span(&b, f, s->args[1]);
    }
    buf_puts(&b, ".\n\n");
    break;
  case SUSP_YIELD_FROM:
  case SUSP_AWAIT:
    buf_puts(&b, s->susp == SUSP_AWAIT ? "Waits for the task " : "Delegates to the generator ");
    code_span(&b, f, s->args[0]);
    buf_puts(&b, s->susp == SUSP_AWAIT ? " to finish" : ": what it yields is yielded from here");
    if (s->nargs == 2) {
      buf_puts(&b, "; receives its result, of type ");
      code_span(&b, f, s->args[1]);
    }
    buf_puts(&b, ".\n\n");
    break;
  case SUSP_AWAIT_NEXT:
    buf_puts(&b, "Waits for the next item of the async generator ");
    code_span(&b, f, s->args[0]);
    if (s->nargs == 2) {
      buf_puts(&b, ", stored through ");
      code_span(&b, f, s->args[1]);
    }
    buf_puts(&b, "; false once it is exhausted.\n\n");
    break;
  }
  if (s->chan_try != CHAN_TRY_NONE)
    buf_puts(&b, "A channel operation: tried first without suspending.\n\n");
  VEC(int) saved = {0}, resident = {0}, params = {0};
  for (unsigned i = 0; i < s->nlive; i++)
    if (!fn->vars.v[s->live[i]].is_param && strncmp(fn->vars.v[s->live[i]].name, "yc__", 4))
      VEC_PUSH(saved, s->live[i]);
  for (size_t i = 0; i < fn->vars.n; i++) {
    const ir_var *v = &fn->vars.v[i];
    if (!strncmp(v->name, "yc__", 4))
      continue; /* the translator's own (a deadline scope's record) */
    if (v->is_param && v->lifted && v->name[0])
      VEC_PUSH(params, (int)i);
    else if (!v->is_param && v->resident && v->scope && ir_encloses(v->scope, s) &&
             v->name_sp.b < s->sp.b)
      VEC_PUSH(resident, (int)i);
  }
  buf_puts(&b, "Live across it (saved in the frame, restored on resumption): ");
  if (saved.n)
    var_list(&b, fn, saved.v, saved.n);
  else
    buf_puts(&b, "none");
  buf_puts(&b, "  \n");
  if (resident.n) {
    buf_puts(&b, "Living in the frame: ");
    var_list(&b, fn, resident.v, resident.n);
    buf_puts(&b, "  \n");
  }
  if (params.n) {
    buf_puts(&b, "Parameters (in the frame): ");
    var_list(&b, fn, params.v, params.n);
    buf_puts(&b, "\n");
  }
  free(saved.v);
  free(resident.v);
  free(params.v);
  return buf_take(&b);
}

static char *foreach_text(const ir_unit *u, const ir_func *fn, const ir_node *n) {
  buf b = {0};
  buf_puts(&b, "**yc_foreach** — iterates the generator ");
  code_span(&b, &u->file, n->fe_expr);
  buf_puts(&b, " with ");
  code_span(&b, &u->file, n->fe_decl);
  buf_puts(&b, ", one resumption per item");
  if (n->fe_known)
    buf_printf(&b, "; resumes `%s` directly, without the consumer API", n->fe_known);
  buf_puts(&b, ".");
  if (fn && n->has_susp)
    buf_printf(&b, "\n\nIts body suspends `%s`: the loop's state lives in the frame.", fn->name);
  return buf_take(&b);
}

static char *deadline_text(const ir_func *fn, const ir_node *n) {
  buf b = {0};
  buf_printf(&b, "**%s** — a deadline scope of `%s`: what runs inside is cancelled with "
                 "`YC_ETIMEDOUT` when the time is up; ",
             n->dl_fail ? "yc_fail_after" : "yc_move_on_after", fn->name);
  buf_puts(&b, n->dl_fail ? "the function then fails with `YC_ETIMEDOUT` after the statement."
                          : "execution then carries on after the statement.");
  return buf_take(&b);
}

static void add_hover(json_val *hovers, span sp, char *md) {
  json_val *h = json_object();
  json_set(h, "b", json_num(sp.b));
  json_set(h, "e", json_num(sp.e));
  json_set(h, "md", json_string(md));
  json_push(hovers, h);
  free(md);
}

static void hover_walk(const ir_unit *u, const ir_func *fn, const ir_node *n, json_val *hovers) {
  if (!n)
    return;
  if (n->kind == IR_FOREACH && n->fe_head.e > n->fe_head.b)
    add_hover(hovers, n->fe_head, foreach_text(u, fn, n));
  else if (n->kind == IR_DEADLINE && fn && n->fe_head.e > n->fe_head.b)
    add_hover(hovers, n->fe_head, deadline_text(fn, n));
  for (unsigned i = 0; i < n->nkids; i++)
    hover_walk(u, fn, n->kids[i], hovers);
}

static json_val *hovers(const ir_unit *u) {
  json_val *h = json_array();
  for (size_t i = 0; i < u->funcs.n; i++) {
    const ir_func *fn = &u->funcs.v[i];
    for (size_t k = 0; k < fn->susps.n; k++)
      add_hover(h, fn->susps.v[k]->sp, suspend_text(u, fn, fn->susps.v[k]));
    hover_walk(u, fn, fn->body_node, h);
  }
  for (size_t i = 0; i < u->foreachs.n; i++)
    if (u->foreachs.v[i]->fe_head.e > u->foreachs.v[i]->fe_head.b)
      add_hover(h, u->foreachs.v[i]->fe_head, foreach_text(u, NULL, u->foreachs.v[i]));
  return h;
}

/* ---- clang's -Wreturn-type outside coroutine functions -------------------- */

/* clangd sees yieldc.h turn -Wreturn-type off from the first coroutine
 * function on, since `return;` and falling off the end are right in
 * coroutine bodies; this parse sees it on everywhere (no pragma, not an
 * error), and what it says about the plain functions joins yieldc's
 * diagnostics, so that the editor shows clang's every warning outside
 * coroutine functions.  lsp.c leaves out the ones clangd also shows. */
typedef struct {
  VEC(unsigned) off;
  VEC(char *) msg;
} warnings;

static void collect_warning(void *ctx, unsigned off, const char *option, const char *message) {
  warnings *w = ctx;
  if (strcmp(option, "-Wreturn-type"))
    return;
  VEC_PUSH(w->off, off);
  VEC_PUSH(w->msg, xstrdup(message));
}

static void return_type_warnings(const doc *d, const ir_unit *u, const warnings *w,
                                 json_val *out) {
  for (size_t i = 0; i < w->off.n; i++) {
    unsigned off = w->off.v[i];
    bool in_coroutine = false;
    for (size_t k = 0; k < u->funcs.n; k++)
      in_coroutine |= off >= u->funcs.v[k].whole.b && off <= u->funcs.v[k].whole.e;
    if (in_coroutine)
      continue;
    /* clangd's capitalisation, so that the editor shows one text */
    char *m = xstrdup(w->msg.v[i]);
    if (m[0] >= 'a' && m[0] <= 'z')
      m[0] = (char)(m[0] - 'a' + 'A');
    json_val *x = new_diag(d, off, token_end(d, off), 2, m);
    json_set(x, "code", json_string("-Wreturn-type"));
    json_push(out, x);
    free(m);
  }
}

json_val *lsp_analyse(const char *uri, const char *path, const char *text, size_t len,
                      char *const *flags, int nflags, bool utf8) {
  records rs = {0};
  diag_set_sink(collect, &rs);
  ir_unit u = {0};
  u.file = (src_file){path, text, (unsigned)len};
  const char **args = xcalloc((size_t)nflags + 6, sizeof *args);
  int na = 0;
  char *inc = xasprintf("-I%s", yieldc_include_dir());
  args[na++] = "-Wno-unknown-warning-option";
  for (int i = 0; i < nflags; i++)
    args[na++] = flags[i];
  args[na++] = "-DYIELDC_NO_WARNING_PRAGMAS";
  args[na++] = "-Wreturn-type";
  args[na++] = "-Wno-error=return-type";
  args[na++] = inc;
  warnings w = {0};
  parse_set_warning_hook(collect_warning, &w);
  /* As translate.c: the analysis runs when clang parsed the file (yieldc's
   * own errors in the parse do not stop it), and its states and frame are
   * known even where it refused something. */
  bool analysed = parse_unit(&u, args, na);
  if (analysed)
    analyse_unit(&u);
  doc d = {uri, path, text, len, utf8};
  json_val *res = json_object();
  json_val *diags = diagnostics(&d, &rs);
  if (analysed)
    return_type_warnings(&d, &u, &w, diags);
  json_set(res, "diagnostics", diags);
  parse_set_warning_hook(NULL, NULL);
  for (size_t i = 0; i < w.msg.n; i++)
    free(w.msg.v[i]);
  free(w.msg.v);
  free(w.off.v);
  json_set(res, "hovers", analysed ? hovers(&u) : json_array());
  diag_set_sink(NULL, NULL);
  for (size_t i = 0; i < rs.n; i++) {
    free(rs.v[i].path);
    free(rs.v[i].severity);
    free(rs.v[i].message);
  }
  free(rs.v);
  ir_unit_free(&u);
  diag_release();
  free(inc);
  free(args);
  return res;
}

/* ir.h - the translator's own small IR.
 *
 * parse.c builds it from libclang; analyse.c decides what is lifted into
 * the frame and numbers the resume points; lower.c and emit.c turn it back
 * into text.  Only parse.c knows libclang: everything here is byte spans of
 * the input file and plain data.
 *
 * The IR is deliberately coarse.  A statement or expression that contains
 * no suspension point and no reference to a lifted variable is never looked
 * into again; it is copied through as the user wrote it. */
#ifndef YC_IR_H
#define YC_IR_H

#include <stdbool.h>

#include "diag.h"
#include "util.h"

/* A half-open byte range [b, e) of the input file. */
typedef struct {
  unsigned b, e;
} span;

typedef enum {
  /* statements */
  IR_COMPOUND,
  IR_IF,
  IR_FOR,
  IR_WHILE,
  IR_DO,
  IR_SWITCH,
  IR_CASE,
  IR_DEFAULT,
  IR_LABEL,
  IR_GOTO,
  IR_BREAK,
  IR_CONTINUE,
  IR_RETURN, /* return; return e; yc_return(v); yc_raise(code); */
  IR_DECL,   /* a declaration statement */
  IR_EXPR_STMT,
  IR_NULL,
  IR_TRY,      /* yc_try { kid 0 } yc_catch (err) { kid 1 } */
  IR_FOREACH,  /* yc_foreach (decl, expr) kid 0 */
  IR_DEADLINE, /* yc_move_on_after(ms[, &expired]) / yc_fail_after(ms) statement:
                  args and nargs as written, fe_head the invocation, kids the
                  arguments' expressions and the body (for_body), name the
                  frame field of its scope record (analyse.c) */
  IR_TYPEDECL, /* struct/union/enum/typedef declared in the body */
  IR_OTHER,    /* any other statement, copied through */
  /* expressions */
  IR_SUSPEND, /* yield / yield_from / await / await_next */
  IR_VARREF,  /* a use of a local or parameter */
  IR_ASSIGN,  /* lhs op= rhs (kids 0 and 1), op in op */
  IR_EXPR     /* any other expression; kids are its subexpressions */
} ir_kind;

/* What kind of expression an IR_EXPR is, as far as evaluation order goes. */
typedef enum {
  CK_GENERIC, /* operands evaluated left to right (our rule where C leaves it open) */
  CK_PURE,    /* a literal or function name: nothing to evaluate early */
  CK_LAND,    /* && */
  CK_LOR,     /* || */
  CK_COND,    /* ?: */
  CK_COMMA,   /* , */
  CK_NOEVAL,  /* sizeof, _Alignof, _Generic: operand not evaluated */
  CK_INIT     /* { ... }: initialisers indeterminately sequenced (C11 6.7.9) */
} expr_kind;

typedef enum { SUSP_YIELD, SUSP_YIELD_FROM, SUSP_AWAIT, SUSP_AWAIT_NEXT } susp_kind;
/* An await of a channel operation (or a select over several) that may
 * complete without suspending, and otherwise parks the task in the frame's
 * own wait record (yc__w) without an operation frame. */
typedef enum { CHAN_TRY_NONE, CHAN_TRY_SEND, CHAN_TRY_RECV, CHAN_TRY_SELECT } chan_try;
typedef enum { RET_PLAIN, RET_VALUE, RET_YC_RETURN, RET_RAISE } ret_kind;
typedef enum { FN_GENERATOR, FN_ASYNC, FN_ASYNC_GEN } fn_kind;

typedef struct ir_node ir_node;
struct ir_node {
  ir_kind kind;
  span sp; /* the whole construct, as written in the file */
  ir_node *parent;
  ir_node **kids;
  unsigned nkids;
  bool has_susp; /* this subtree contains a suspension point */
  /* A statement or expression produced by a macro expansion: its span is
   * the invocation's, and its own text cannot be rewritten. */
  bool in_macro;

  /* IR_VARREF: index of the variable; sp is the identifier token. */
  int var;
  unsigned macro_inv; /* IR_VARREF in a macro's argument: 1 + the offset
                         of the (outermost) invocation, else 0 */
  /* IR_SUSPEND */
  susp_kind susp;
  bool value_form; /* T x = yield(v, T): used for its value */
  unsigned nargs;  /* the macro's arguments as written */
  span args[2];
  int state; /* resume point number (analyse.c), from 1 */
  /* the C locals saved before it suspends and restored after (analyse.c) */
  int *live;
  unsigned nlive;
  chan_try chan_try; /* tried first without suspending (analyse.c) */
  /* IR_RETURN */
  ret_kind ret;
  span ret_arg; /* the value, when there is one */
  /* IR_ASSIGN */
  char op[4];
  /* expressions: evaluation kind and clang's spelling of the type */
  expr_kind ck;
  char *ctype;
  /* IR_DECL: variables declared, in order */
  int *decl_vars;
  unsigned ndecl;
  /* IR_LABEL, IR_GOTO: the label; IR_TRY: the catch variable */
  char *name;
  /* IR_FOR: the spans of the header's parts (empty when absent) */
  int for_init, for_cond, for_inc, for_body; /* kid index or -1 */
  /* IR_FOREACH: the declaration and expression text, the loop variable */
  span fe_decl, fe_expr;
  int fe_var;
  span fe_head;   /* "yc_foreach (...)" without the body */
  bool dl_fail;   /* IR_DEADLINE: yc_fail_after */
  bool fe_extern; /* fe_known is declared here but defined in another file */
  char *fe_known; /* the generator it iterates when that is a direct call of
                     one defined earlier in this file, or of an exported one
                     defined in another file (analyse.c) */
  /* IR_TYPEDECL: the defined type's name (NULL if anonymous) */
  char *tag;

  /* IR_SUSPEND: its types as libclang resolves them (parse.c), refused by
   * check_suspend (analyse.c).  types_known: the value form's T was
   * compared as a type with the type it must be, want (S, or the R of the
   * coroutine called, callee; NULL for void); t_differs: it is not that
   * type.  The *_aka are canonical spellings, set when they differ from
   * the text as written. */
  bool types_known, t_differs;
  char *t_aka, *want, *want_aka, *callee;
  /* IR_SUSPEND: the operand's type when it cannot be the operand: a value
   * C does not assign to Y without a cast (yield), not a yc_gen *
   * (yield_from), yc_task * (await), yc_agen * (await_next). */
  char *bad_operand;
  /* IR_TYPEDECL: the type, when the typedef names a variably modified type
   * (parse.c), NULL otherwise. */
  char *vm_type;
};

typedef struct {
  char *name;
  char *type; /* clang's spelling of the type */
  bool is_param;
  bool is_static; /* static or extern: stays a plain C declaration */
  bool is_vm;     /* variably modified (VLA) */
  bool vm_deep;   /* variably modified at any depth: a VLA, a pointer to
                     one, an array of those... (parse.c, mark_vm_decls) */
  bool has_init;
  span init;        /* the initialiser's text */
  bool braced_init; /* = { ... } */
  bool is_array;
  span name_sp;   /* the declarator's identifier */
  char *cleanup;  /* __attribute__((cleanup(fn))): fn, or NULL */
  ir_node *scope; /* the block (or for statement) it lives in */
  ir_node *decl;  /* its IR_DECL (NULL for parameters) */
  bool is_register; /* register storage: no address */
  bool addr_taken;  /* & applied to it (or to a part), or an array of it decays */
  bool assigned;    /* written after its declaration (=, op=, ++, --) */
  bool macro_use;   /* used inside the body of a macro */
  bool macro_arg_use; /* used in an argument of a macro of the user's */
  bool local_type;  /* its type cannot be named at file scope */
  bool defines_type; /* its declaration defines a struct, union or enum
                        (also through a macro such as TAILQ_HEAD) */
  bool copy_bytes;  /* saved and restored by copying bytes: arrays, const
                       objects or members, types local to the body */
  unsigned long long size, align; /* of its type, from libclang */
  char *align_spec; /* an _Alignas / aligned attribute of the declaration */
  char *decl_type;  /* parameters: the type a C local of it has */
  char *deref_type; /* a va_list parameter: lives in the frame, and a use
                       is the caller's va_list, (*(va_list *)f->ap) */
  /* analyse.c */
  bool lifted;   /* has a frame slot: spilled or resident */
  bool resident; /* lives in the frame: uses are rewritten to the field */
  bool hidden;   /* resident because a declaration of its name hides it at
                    a suspension point where it is live */
  char *field;   /* name in the frame */
} ir_var;

typedef struct {
  fn_kind kind;
  char *name;
  span whole;       /* from the declaration's start to the closing brace */
  span head;        /* declaration up to (not including) the body's '{' */
  span body;        /* the body, braces included */
  span macro;       /* "yc_generator(...)" */
  char *y, *s, *r;  /* element types as written; NULL for void/absent */
  VEC(ir_var) vars; /* parameters first */
  unsigned nparams;
  ir_node *body_node;
  VEC(ir_node *) susps; /* suspension points, source order */
  VEC(ir_node *) typedecls;
  /* analyse.c */
  char *fp;           /* name of the frame pointer in the resume function */
  bool inline_resume; /* a yc_foreach in this file resumes it directly */
  bool exported;      /* external linkage: NAME__type and NAME__xresume are
                         visible to other files of the program */
  bool needs_result;
  /* string literals macros wrote in the body (a stringized argument):
   * 1 + the invocation's offset, and the literal */
  VEC(unsigned) macro_str_at;
  VEC(char *) macro_strs;
  /* names a macro's body in the function refers to, which the frame
   * pointer must not hide (bit i: frame_pointer_names[i]) */
  unsigned macro_names;
} ir_func;

/* The names the frame pointer of a resume function may take, in order. */
extern const char *const frame_pointer_names[4];

/* A coroutine function declared (or defined) in the file: its types. */
typedef struct {
  char *name;
  fn_kind kind;
  char *r; /* return type as written, NULL for void */
  bool exported;  /* external linkage */
  bool in_header; /* declared in an included file: r is not known */
} ir_sig;

/* A generator expression, yc_genexpr(T, value, clauses...) (parse.c builds
 * it, genexpr.c lowers it to a generator function of its own). */
typedef enum { GX_IN, GX_RANGE, GX_WHERE } gx_clause_kind;
typedef struct {
  gx_clause_kind kind;
  span type, var;  /* GX_IN, GX_RANGE: U and the loop variable as written */
  span args[3];    /* GX_IN: the source; GX_RANGE: the bounds; GX_WHERE: cond */
  unsigned nargs;
  char *known;     /* GX_IN: the source is a direct call of this generator,
                      defined earlier in the file: resumed directly (analyse.c) */
} gx_clause;
typedef struct {
  char *name;
  char *type;    /* spelled for file scope */
  bool is_array; /* passed by address, copied as bytes */
  int var;       /* in a coroutine function: its variable, else -1 */
  unsigned decl_at; /* where it is declared */
} gx_capture;
typedef struct {
  span sp;          /* yc_genexpr( ... ) */
  span type, value; /* T and the value expression as written */
  VEC(gx_clause) clauses;
  VEC(gx_capture) caps;
  char *name;       /* OWNER__genexprK: its generator function */
  char *owner;      /* the function it is written in */
  unsigned at;      /* where its definitions go: the start of its function */
  ir_node *node;    /* the expression's node (IR_EXPR, tag "genexpr") */
  bool owns_node;   /* outside coroutine functions: not in any tree */
  bool in_coro;     /* written in a coroutine function */
} ir_genexpr;

typedef struct {
  src_file file;
  VEC(ir_sig) sigs;
  VEC(ir_func) funcs;
  VEC(ir_node *) foreachs; /* yc_foreach outside coroutine functions */
  VEC(char *) imports;     /* generators of other files that a yc_foreach
                              here resumes directly (see fe_extern) */
  VEC(ir_genexpr *) genexprs; /* source order (an outer one first) */
} ir_unit;

ir_node *ir_new(ir_kind kind, span sp, ir_node *parent);
/* n is outer or inside it. */
bool ir_encloses(const ir_node *outer, const ir_node *n);
/* A scope of block-scope variables: a block, a for or a yc_foreach. */
static inline bool ir_is_scope(const ir_node *n) {
  return n->kind == IR_COMPOUND || n->kind == IR_FOR || n->kind == IR_FOREACH ||
         n->kind == IR_DEADLINE;
}
/* yield_from or await: the suspension point delegates to a sub. */
static inline bool ir_delegates(const ir_node *s) {
  return s->susp == SUSP_YIELD_FROM || s->susp == SUSP_AWAIT;
}
void ir_add_kid(ir_node *parent, ir_node *kid);
const char *ir_kind_name(ir_kind k);
void ir_dump(const ir_unit *u, const ir_func *fn, buf *out);
/* Frees n and everything below it. */
void ir_node_free(ir_node *n);
/* Frees everything the unit owns (not the file text). */
void ir_unit_free(ir_unit *u);
char *span_text(const src_file *f, span sp);

#endif

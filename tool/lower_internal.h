/* lower_internal.h - what lower.c (statements, functions) and
 * lower_expr.c (suspension points inside expressions) share. */
#ifndef YC_LOWER_INTERNAL_H
#define YC_LOWER_INTERNAL_H

#include "lower.h"

/* Placeholder for "#line <this output line> <output>", fixed up by emit.c
 * once the output's line numbers are known. */
#define LINE_OUT "\001yc-line-out\n"

typedef struct {
  const lower_opts *o;
  ir_func *fn; /* NULL outside coroutine functions */
  const src_file *f;
  buf *out;
  buf unwinds; /* unwind blocks, emitted after the body */
  unsigned ncatch;
  unsigned nplain_fe;
  ir_node **refs; /* uses of lifted variables and compound literals to
                     move into the frame, sorted by position */
  size_t nrefs;
  VEC(char *) temp_names; /* frame temporaries made while lowering */
  VEC(char *) temp_types;
  VEC(bool) temp_local; /* a C local of the resume function, not a frame field */
  unsigned explode_depth;
  bool single_susp; /* the expression being exploded has one suspension point */
  unsigned ncont;
  unsigned nstore; /* declarations made of stores into the frame */
} lctx;

/* Generated code that puts statements before a declaration of the user
 * (a suspending initialiser) turns -Wdeclaration-after-statement off
 * around the two. */
#define DECL_AFTER_STMT_OFF                                                                        \
  "_Pragma(\"GCC diagnostic push\") "                                                              \
  "_Pragma(\"GCC diagnostic ignored \\\"-Wdeclaration-after-statement\\\"\") "
#define DECL_AFTER_STMT_ON "_Pragma(\"GCC diagnostic pop\") "

/* After generated code: a #line back to the input's offset pos, and spaces
 * that keep the rest of that line in its column (with o->lines only). */
void line_back_to(const lower_opts *o, unsigned pos, buf *out);
/* A new frame temporary of the given type; its name (owned by lc). */
char *new_temp(lctx *lc, const char *type, const char *prefix);
/* Copies input text [b, e) to lc->out, lifted variables as frame fields. */
void put_src(lctx *lc, unsigned b, unsigned e);
/* The name of the frame pointer. */
const char *fp(lctx *lc);
/* qsort order of nodes by position. */
int by_start(const void *a, const void *b);
/* The text of n's span sp, its kids rendered. */
char *render_span(lctx *lc, ir_node *n, span sp);
/* Renders statement n to lc->out; returns where its text ended. */
unsigned render(lctx *lc, ir_node *n);
/* The code of suspension point s; lhs (may be NULL) gets its value by op. */
void emit_suspend(lctx *lc, ir_node *s, const char *lhs, const char *op);

/* genexpr.c */
/* Is n a generator expression's node? */
static inline bool is_genexpr_node(const ir_node *n) {
  return n && n->kind == IR_EXPR && n->tag && n->var >= 0 && !__builtin_strcmp(n->tag, "genexpr");
}
/* Writes the call that creates generator expression n, in lc's context. */
void gx_put_call(lctx *lc, ir_node *n);

/* lower_expr.c */
/* Writes the code that evaluates e up to its last suspension point and
 * returns the expression that finishes it. */
char *explode(lctx *lc, ir_node *e);
/* The kid of n lying within sp, outermost first. */
ir_node *kid_in(ir_node *n, span sp);
/* The text of n's span sp, lowered if it suspends. */
char *operand(lctx *lc, ir_node *n, span sp);

#endif

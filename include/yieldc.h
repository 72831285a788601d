/* yieldc.h - the one header a yieldc program includes.
 *
 * It serves two views of one source file (SPEC section 1):
 *  - the authoring view, what the user writes and clang/clangd parse: the
 *    annotations expand to calls of declared-but-never-defined marker
 *    functions, so an IDE type-checks their arguments and sees every name;
 *  - the translated view, what `yieldc` writes: it defines YIELDC_TRANSLATED
 *    before including this header, the suspension forms are gone, and the
 *    declaration macros reduce to the handle types.
 * The runtime's public API (consumer calls, scheduler, event loop, channels)
 * is the same in both views. */
#ifndef YIELDC_H
#define YIELDC_H

#include <stdbool.h>
#include <stddef.h>

#include "yieldc/coro.h"
#include "yieldc/sched.h"
#include "yieldc/loop.h"
#include "yieldc/chan.h"
#include "yieldc/deadline.h"
#include "yieldc/multiloop.h"

/* ---- Declaring coroutine functions (SPEC section 2) -------------------- */

#if defined(__clang__) && !defined(YIELDC_TRANSLATED)
/* The annotation tells the translator (and a reader of the AST) which
 * functions are coroutines; the element types are read from the macro's
 * arguments in the source.  The handle type is written as the type of a
 * call of a never-defined, never-evaluated function whose arguments are
 * null pointers to Y, S and R (to R; to Y), so that the translator can
 * compare those as types, as clang resolves them where they are written. */
yc_gen *yc__generator_of(int, ...) __attribute__((const));
yc_task *yc__async_of(int, ...) __attribute__((const));
yc_agen *yc__async_generator_of(int, ...) __attribute__((const));
#define YC__TYPE_PTRS_0()
#define YC__TYPE_PTRS_1(a) , (__typeof__(a) *)0
#define YC__TYPE_PTRS_2(a, b) , (__typeof__(a) *)0, (__typeof__(b) *)0
#define YC__TYPE_PTRS_3(a, b, c) , (__typeof__(a) *)0, (__typeof__(b) *)0, (__typeof__(c) *)0
#define YC__TYPE_PTRS(...) YC__CAT(YC__TYPE_PTRS_, YC__NARGS(__VA_ARGS__))(__VA_ARGS__)
/* In the authoring view a coroutine body uses `return;` and falls off its
 * end although its declared type is a handle; both are right there, so
 * the annotation turns -Wreturn-type off.  Only from the first coroutine
 * function on: clang decides at the function's name whether to check the
 * fall-off and at each `return;` whether to report it, and nothing the
 * header controls follows a function's closing brace to turn it back on.
 * A file without coroutine functions, and everything above the first one,
 * keep every warning; YIELDC_NO_WARNING_PRAGMAS keeps them all (see
 * docs/tooling.md, "Warnings in the authoring view"). */
#if defined(YIELDC_NO_WARNING_PRAGMAS) /* every warning; yieldc lsp's own parse */
#define YC__AUTHORING_PRAGMAS
#else
#define YC__AUTHORING_PRAGMAS _Pragma("clang diagnostic ignored \"-Wreturn-type\"")
#endif
#define yc_generator(...)                                                                          \
  YC__AUTHORING_PRAGMAS __attribute__((annotate("yieldc:generator")))                              \
  __typeof__(yc__generator_of(0 YC__TYPE_PTRS(__VA_ARGS__)))
#define yc_async(...)                                                                              \
  YC__AUTHORING_PRAGMAS __attribute__((annotate("yieldc:async")))                                  \
  __typeof__(yc__async_of(0 YC__TYPE_PTRS(__VA_ARGS__)))
#define yc_async_generator(...)                                                                    \
  YC__AUTHORING_PRAGMAS __attribute__((annotate("yieldc:async_generator")))                        \
  __typeof__(yc__async_generator_of(0 YC__TYPE_PTRS(__VA_ARGS__)))
#else
#define yc_generator(...) yc_gen *
#define yc_async(...) yc_task *
#define yc_async_generator(...) yc_agen *
#endif

/* ---- Suspension forms (SPEC section 3), authoring view ----------------- */

/* The markers are declared, never defined: a suspension form that reaches
 * the linker untranslated fails to link rather than misbehave. */
void yc__mark_yield(int nargs, ...);
void *yc__mark_yield_value(int nargs, ...);
void yc__mark_yield_from(yc_gen *g);
void *yc__mark_yield_from_value(yc_gen *g, ...);
void yc__mark_await(yc_task *a);
void *yc__mark_await_value(yc_task *a, ...);
bool yc__mark_await_next(yc_agen *s, void *item);
void *yc__mark_return(int nargs, ...);
void *yc__mark_raise(int code);
bool yc__mark_try(void);
int yc__mark_catch(void);
bool yc__mark_foreach(yc_gen *g);

/* Argument counting that treats yield() as zero arguments, in standard C
 * (no __VA_OPT__, so -std=c11 -pedantic accepts it): YC__ISEMPTY tells an
 * empty argument list from one argument by the four probes of the
 * well-known technique (a comma in the arguments; a comma once a macro
 * name before them is called by a parenthesis they start with; by the
 * parentheses after them; by both) - only "empty" gives 0001.  (A last
 * argument that is the bare name of a function-like macro would be
 * expanded by the probe: write yield((m)) then.) */
#define YC__ARG5(_0, _1, _2, _3, _4, ...) _4
#define YC__HAS_COMMA(...) YC__ARG5(__VA_ARGS__, 1, 1, 1, 0, 0)
#define YC__COMMA_IF_CALLED(...) ,
#define YC__ISEMPTY(...)                                                                           \
  YC__ISEMPTY_(YC__HAS_COMMA(__VA_ARGS__), YC__HAS_COMMA(YC__COMMA_IF_CALLED __VA_ARGS__),         \
               YC__HAS_COMMA(__VA_ARGS__()), YC__HAS_COMMA(YC__COMMA_IF_CALLED __VA_ARGS__()))
#define YC__ISEMPTY_(a, b, c, d) YC__HAS_COMMA(YC__CAT5(YC__EMPTY_CASE_, a, b, c, d))
#define YC__CAT5(p, a, b, c, d) p##a##b##c##d
#define YC__EMPTY_CASE_0001 ,
#define YC__NARGS(...) YC__CAT(YC__NARGS_, YC__ISEMPTY(__VA_ARGS__))(__VA_ARGS__)
#define YC__NARGS_1(...) 0
#define YC__NARGS_0(...) YC__ARG5(__VA_ARGS__, 4, 3, 2, 1, 0)
#define YC__CAT(a, b) YC__CAT_(a, b)
#define YC__CAT_(a, b) a##b

/* yield()  yield(v)  T x = yield(v, T) */
#define yc_yield(...) YC__CAT(YC__YIELD_, YC__NARGS(__VA_ARGS__))(__VA_ARGS__)
#define YC__YIELD_0() yc__mark_yield(0)
#define YC__YIELD_1(v) yc__mark_yield(1, v)
#define YC__YIELD_2(v, T) (*(__typeof__(T) *)yc__mark_yield_value(2, v, (__typeof__(T) *)0))

/* yield_from(g)  T r = yield_from(g, T) */
#define yc_yield_from(...) YC__CAT(YC__YIELD_FROM_, YC__NARGS(__VA_ARGS__))(__VA_ARGS__)
#define YC__YIELD_FROM_1(g) yc__mark_yield_from(g)
#define YC__YIELD_FROM_2(g, T) (*(__typeof__(T) *)yc__mark_yield_from_value(g, (__typeof__(T) *)0))

/* await(a)  T r = await(a, T) */
#define yc_await(...) YC__CAT(YC__AWAIT_, YC__NARGS(__VA_ARGS__))(__VA_ARGS__)
#define YC__AWAIT_1(a) yc__mark_await(a)
#define YC__AWAIT_2(a, T) (*(__typeof__(T) *)yc__mark_await_value(a, (__typeof__(T) *)0))

/* await_next(s, &x): true with the next item in x, false when exhausted */
#define yc_await_next(s, item) yc__mark_await_next(s, item)

/* yc_return(v) finishes with a return value; yc_return() with none. */
#define yc_return(...) return YC__CAT(YC__RETURN_, YC__ISEMPTY(__VA_ARGS__))(__VA_ARGS__)
#define YC__RETURN_1(...) yc__mark_return(0)
#define YC__RETURN_0(...) yc__mark_return(1, __VA_ARGS__)
/* yc_raise(code) fails the coroutine with code (non-zero). */
#define yc_raise(code) return yc__mark_raise(code)

/* yc_try { ... } yc_catch (err) { ... }: err is an int in the catch block. */
#define yc_try if (yc__mark_try())
#define yc_catch(err) else for (int err __attribute__((unused)) = yc__mark_catch(); err; err = 0)

/* yc_foreach (T x, expr) statement.  The translator rewrites it. */
#define yc_foreach(decl, expr) for (decl = {0}; yc__mark_foreach(expr);)

/* Deadline scopes (docs/reference.md, "Deadlines and timeouts"):
 *   yc_move_on_after(ms) statement
 *   yc_move_on_after(ms, &expired) statement   (bool expired: did it expire)
 *   yc_fail_after(ms) statement
 * Everything inside the statement is cancelled with YC_ETIMEDOUT once ms
 * milliseconds have passed; move_on then carries on after the statement,
 * fail_after raises YC_ETIMEDOUT there.  Written as an if whose else is the
 * statement: break and continue mean the loop around it, as in a block. */
bool yc__mark_deadline(int fail, long long ms, bool *expired);
#define yc_move_on_after(...) YC__CAT(YC__MOVE_ON_, YC__NARGS(__VA_ARGS__))(__VA_ARGS__)
#define YC__MOVE_ON_1(ms) if (!yc__mark_deadline(0, (ms), (bool *)0)) {} else
#define YC__MOVE_ON_2(ms, e) if (!yc__mark_deadline(0, (ms), (e))) {} else
#define yc_fail_after(ms) if (!yc__mark_deadline(1, (ms), (bool *)0)) {} else

/* Generator expressions (docs/reference.md, "Generator expressions"):
 *   yc_gen *g = yc_genexpr(T, value, clause, ...);
 * a lazy generator of the values (of type T) of value, for each binding of
 * the clauses, in Python's order (the first clause is a source):
 *   yc_in(U, x, g)              x takes each item (of type U) of generator g
 *   yc_in_range(U, i, [lo,] hi[, step])   i runs over Python's range()
 *   yc_where(cond)              only the bindings for which cond holds
 * Locals and parameters it mentions are captured by value when it is
 * created; the first source is evaluated then too, later ones once per
 * item of the sources before them.  It owns its source generators.  In the
 * authoring view it is a GNU statement expression that declares the loop
 * variables, so clang type-checks every part; the translator lowers it to
 * a generator function of its own. */
yc_gen *yc__mark_genexpr(size_t y_size);
void *yc__mark_in(yc_gen *g);
long long yc__mark_in_range(int nargs, ...);
void yc__mark_where(int cond);
#define yc_genexpr(T, value, ...)                                                                  \
  (__extension__({                                                                                 \
    YC__GX_CLAUSES(__VA_ARGS__)                                                                    \
    __typeof__(T) yc__gx_value __attribute__((unused)) = (value);                                  \
    yc__mark_genexpr(sizeof yc__gx_value);                                                         \
  }))
#define yc_in(T, x, g) __typeof__(T) x __attribute__((unused)) = *(__typeof__(T) *)yc__mark_in(g)
#define yc_in_range(T, i, ...)                                                                     \
  __typeof__(T) i __attribute__((unused)) =                                                        \
      (__typeof__(T))yc__mark_in_range(YC__NARGS(__VA_ARGS__), __VA_ARGS__)
#define yc_where(cond) yc__mark_where((cond) ? 1 : 0)
/* clause, clause, ... -> clause; clause; ... (up to 8 clauses) */
#define YC__GX_ARG9(_1, _2, _3, _4, _5, _6, _7, _8, _9, ...) _9
#define YC__GX_COUNT(...) YC__GX_ARG9(__VA_ARGS__, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define YC__GX_CLAUSES(...) YC__CAT(YC__GX_, YC__GX_COUNT(__VA_ARGS__))(__VA_ARGS__)
#define YC__GX_1(a) a;
#define YC__GX_2(a, ...) a; YC__GX_1(__VA_ARGS__)
#define YC__GX_3(a, ...) a; YC__GX_2(__VA_ARGS__)
#define YC__GX_4(a, ...) a; YC__GX_3(__VA_ARGS__)
#define YC__GX_5(a, ...) a; YC__GX_4(__VA_ARGS__)
#define YC__GX_6(a, ...) a; YC__GX_5(__VA_ARGS__)
#define YC__GX_7(a, ...) a; YC__GX_6(__VA_ARGS__)
#define YC__GX_8(a, ...) a; YC__GX_7(__VA_ARGS__)

#if !defined(YIELDC_NO_SHORT_NAMES)
#define yield yc_yield
#define yield_from yc_yield_from
#define await yc_await
#define await_next yc_await_next
#endif

#endif

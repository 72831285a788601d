/* yieldc/coro.h - coroutine frames and the consumer API of generators.
 *
 * Every coroutine function (generator, async function, async generator) is
 * translated into a frame struct that begins with a `yc_coro` header and a
 * resume function.  The runtime only ever sees the header; the handles the
 * user holds (`yc_gen *`, `yc_task *`, `yc_agen *`) are pointers to it under
 * distinct types so the compiler catches a task passed to yc_next.
 *
 * The part of this file below "Translator interface" is the contract
 * between the code `yieldc` writes and libyieldc; users never call it. */
#ifndef YIELDC_CORO_H
#define YIELDC_CORO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct yc_gen yc_gen;   /* a generator:        yc_generator(Y, S, R) */
typedef struct yc_task yc_task; /* an async function:  yc_async(R)           */
typedef struct yc_agen yc_agen; /* an async generator: yc_async_generator(Y) */

/* Error codes.  An error is a non-zero int; yieldc's own are negative and
 * far from the negative errno values that I/O results use. */
enum {
  YC_EJUSTSTARTED = -1001, /* a value sent to a generator that never ran   */
  YC_ERUNNING = -1002,     /* generator resumed from inside its own body   */
  YC_ESIZE = -1003,        /* out/in buffer size differs from Y / S        */
  YC_ECANCELLED = -1004,   /* the task was cancelled                       */
  YC_ENOMEM = -1005,       /* an allocation of the runtime failed          */
  YC_ECLOSED = -1006,      /* the channel or generator is closed           */
  YC_EINVAL = -1007,       /* misuse of the API (NULL handle, wrong kind)  */
  YC_ENORESULT = -1008,    /* no return value to read                      */
  YC_ETIMEDOUT = -1009     /* a deadline scope expired (yc_fail_after ...) */
};

/* A human-readable name of an error code (yieldc's own or an errno). */
const char *yc_strerror(int code);

/* ---- Consumer API (SPEC section 5) ------------------------------------- */

/* Advance g; store the yielded value in *out (out may be NULL).  False when
 * g is exhausted or failed (see yc_error).  sizeof *out must equal Y. */
#define yc_next(g, out) YC__NEXT((g), (out), yc__sizeof_ptr(out))
/* Resume g with the value *in (NULL sends "None").  A generator that never
 * ran accepts only NULL (YC_EJUSTSTARTED). */
#define yc_send(g, in, out)                                                    \
  yc__send((g), (in), yc__sizeof_ptr(in), (out), yc__sizeof_ptr(out))
/* Raise code at g's suspension point; true if g caught it and yielded. */
#define yc_throw(g, code, out)                                                 \
  yc__throw((g), (code), (out), yc__sizeof_ptr(out))
/* Store g's return value (R) in *r; false if g has not returned one. */
#define yc_result(g, r) yc__result((yc_coro *)(g), (r), yc__sizeof_ptr(r))

/* generator.close(): unwind a suspended g (cleanups run, catch blocks do
 * not), then mark it exhausted.  Closing an unstarted/finished g only marks
 * it exhausted. */
void yc_close(yc_gen *g);
/* Release any handle; a suspended generator is closed first. NULL is a no-op. */
#define yc_free(h) yc__free((yc_coro *)(h))
/* True once g is exhausted (returned, failed or closed). */
bool yc_done(const yc_gen *g);
/* The error g failed with, reported once; 0 when none. */
int yc_error(yc_gen *g);

/* yc_foreach (T x, expr) statement: for x in expr.  Defined in yieldc.h;
 * the translator rewrites it into a loop that frees the generator on every
 * exit, break and return included. */
void yc__foreach_cleanup(yc_gen **g);

/* ---- Translator interface (generated code only) ------------------------ */

typedef struct yc_coro yc_coro;

/* What a resume function reports to the runtime. */
enum yc__step {
  YC__YIELD = 0,    /* produced a value into *out and suspended            */
  YC__RETURN = 1,   /* finished; the return value (if any) is in the frame */
  YC__FAIL = 2,     /* finished with the error in c->error                 */
  YC__DELEGATE = 3, /* suspended delegating to c's sub (yc__delegate)      */
  YC__PENDING = 4   /* a runtime leaf waits for the event loop             */
};

/* Kinds of coroutine. */
enum yc__kind { YC__GENERATOR = 0, YC__ASYNC = 1, YC__ASYNC_GEN = 2, YC__LEAF = 3 };

/* Status of a frame (c->status). */
enum yc__status {
  YC__CREATED = 0,   /* bound, body not started */
  YC__SUSPENDED = 1, /* at a suspension point   */
  YC__RUNNING = 2,   /* executing its body      */
  YC__DONE = 3,      /* returned or closed      */
  YC__FAILED = 4     /* finished with an error  */
};

/* Flags a resume function reads on entry (c->flags). */
enum yc__flag {
  YC__F_THROW = 1u << 0,     /* c->error arrives at the suspension point   */
  YC__F_CLOSE = 1u << 1,     /* unwind for close: cleanups only, no catch  */
  YC__F_HAS_RESULT = 1u << 2,/* the frame holds a return value             */
  YC__F_DELEGATED = 1u << 3, /* c->link is c's delegator, not its innermost */
  YC__F_ERROR_SEEN = 1u << 4,/* yc_error already reported the failure      */
  YC__F_SPAWNED = 1u << 5,   /* a task running as a root of the event loop */
  YC__F_CANCELLED = 1u << 6, /* cancellation requested (level-triggered)  */
  /* Runtime-internal: c is delegated to by await_next; its yields go to the
   * item pointer kept in c->aux instead of the root's out. */
  YC__F_PARTIAL = 1u << 7
};

/* The static description of one coroutine function. */
typedef struct yc__coro_type {
  const char *name; /* the function's source name, for messages */
  /* Runs the body from c->state until it yields, delegates, finishes or
   * fails.  out receives a yielded value (may be NULL), in points at a sent
   * value (NULL for next). */
  int (*resume)(yc_coro *c, void *out, const void *in);
  unsigned frame_size;    /* bytes of the whole frame                */
  unsigned y_size;        /* sizeof Y, 0 for void                    */
  unsigned s_size;        /* sizeof S, 0 for void                    */
  unsigned r_size;        /* sizeof R, 0 for void                    */
  unsigned result_offset; /* where R lives in the frame              */
  unsigned char kind;     /* enum yc__kind                           */
  /* YC__STEER_BY_STATE (generated code): a throw or close arriving at
   * resume point k calls resume with c->state == YC__STEERED(k), so a plain
   * resumption tests no flags.  0 (the runtime's leaves): the state is left
   * alone and the resume function reads c->flags.  The bits above it hold
   * YC__FRAME_ALIGN of the frame: over-aligned frames (a local declared
   * _Alignas(64) that lives in the frame) are allocated aligned. */
  unsigned char steer;
} yc__coro_type;

#define YC__STEER_BY_STATE 1
/* The steer bits of a frame aligned to a: log2(a), when a is more than
 * malloc gives. */
#define YC__FRAME_ALIGN(a) ((a) > 16 ? (unsigned char)(__builtin_ctz(a) << 1) : 0)
/* The state a frame suspended at resume point k (k >= 1) is resumed with
 * when YC__F_THROW or YC__F_CLOSE is set: negative, and never -1 (done). */
#define YC__STEERED(k) (-1 - (k))

/* Linkage of what the translator exports for a generator with external
 * linkage (NAME__type, NAME__xresume), and of the declarations a consumer
 * in another file resumes it through: hidden (one program or library), and
 * weak in the consumer, so that a program without that definition (a
 * hand-written generator, another library) links and takes the generic
 * path (a NULL &NAME__type matches no frame). */
#if defined(__ELF__) || defined(__APPLE__)
#define YC__EXPORT __attribute__((visibility("hidden")))
#define YC__WEAK_IMPORT __attribute__((weak, visibility("hidden")))
#else
#define YC__EXPORT
#define YC__WEAK_IMPORT __attribute__((weak))
#endif

/* The header every frame begins with. */
struct yc_coro {
  const yc__coro_type *type;
  /* Not delegating: NULL.  On the root of a delegation chain: the innermost
   * active delegate.  On a delegate (YC__F_DELEGATED): its delegator. */
  yc_coro *link;
  int state;            /* resume point; 0 = not started */
  int error;            /* failure, or the error arriving at a resume */
  unsigned short flags; /* enum yc__flag */
  unsigned char spare;   /* runtime: a pending misuse error (YC_E* code
                           as -1000 - spare, 0 none), reported by yc_error */
  unsigned char pad;    /* zero */
  /* status and gate are one aligned 32-bit word (YC__GATE_WORD), which the
   * fast path of yc_next reads with one load and one compare and writes
   * with one store (a byte store followed by a wider load of the same
   * bytes would stall the CPU's store forwarding). */
  unsigned char status;  /* enum yc__status */
  unsigned char gate[3]; /* a generator's Y size + 1 (YC__GATE_WORD's
                            byte order) while it is not delegating and not
                            delegated to; 0 otherwise, and for other kinds
                            and a Y of 16 MiB or more */
};

/* Frames of async functions, async generators and the runtime's leaves
 * carry one more pointer right after the header: a task's record in the
 * event loop, or an async generator's item pointer during await_next.
 * Generators do without it, which keeps their frames small. */
typedef struct yc__coro_async {
  yc_coro hdr;
  void *aux;
} yc__coro_async;
#define yc__aux(c) (((yc__coro_async *)(c))->aux)

/* The root of the task the event loop of this thread is driving, while
 * that task is not cancelled; NULL otherwise (no task, or a cancelled one,
 * whose suspension points must raise).  Read by the inline fast paths of
 * channels. */
extern __thread yc_coro *yc__live_root;

/* Generated code: a C local of a coroutine function copied into its frame
 * slot before the function suspends (as bytes: a local that is not yet
 * initialised on every path is copied without being read as a value), and
 * back after it resumes. */
/* gcc at -O1 and above sees the copy of a local that is not initialised on
 * every path as a read of it: the diagnostic pragmas around the definition
 * switch -Wmaybe-uninitialized off for the copy alone (gcc judges a
 * macro's code by where the macro's text is, this line). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#define YC__SAVE(slot, var)                                                                        \
  __builtin_memcpy((void *)(__UINTPTR_TYPE__)&(slot), (const void *)(__UINTPTR_TYPE__)&(var),       \
                   sizeof(var))
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
/* (Through an integer: a const or volatile local is copied as bytes
 * without -Wcast-qual.) */
#define YC__RESTORE(var, slot)                                                                     \
  __builtin_memcpy((void *)(__UINTPTR_TYPE__)&(var), (const void *)(__UINTPTR_TYPE__)&(slot),       \
                   sizeof(var))

/* Allocate a zeroed frame of t->frame_size bytes with its header set up;
 * NULL (and errno ENOMEM) if allocation fails. */
void *yc__frame_new(const yc__coro_type *t);
/* c suspends delegating to sub (yield_from / await): records the link and
 * returns YC__DELEGATE for the resume function to return. */
int yc__delegate(yc_coro *c, yc_coro *sub);
/* After resuming from a delegation: the finished sub's return value (NULL
 * when R is void; zero if the sub finished without yc_return(v)).  Valid
 * until sub is freed. */
static inline void *yc__result_ptr(yc_coro *sub) {
  /* The R field whenever R is not void: a sub that finished without
   * yc_return(v) leaves it zeroed (frames start zeroed), so a value form
   * never dereferences NULL. */
  if (!sub || !sub->type->r_size)
    return NULL;
  return (char *)sub + sub->type->result_offset;
}
/* Size checks of value forms, used by generated code: 0, or YC_ESIZE after
 * a message on stderr (the generated code then raises it).  check_sent:
 * `T x = yield(v, T)` with in as received (NULL passes); check_result:
 * `T r = yield_from(g, T)` / `await(a, T)` before reading yc__result_ptr. */
int yc__check_sent(yc_coro *c, const void *in, size_t t_size);
int yc__check_result_slow(yc_coro *sub, size_t t_size);
static inline int yc__check_result(yc_coro *sub, size_t t_size) {
  if (__builtin_expect(sub && t_size == sub->type->r_size, 1))
    return 0;
  return yc__check_result_slow(sub, t_size);
}

/* Drive the delegation chain rooted at root: resume its innermost frame
 * with in (passed to the first resume only) and keep going through
 * delegations, returns and failures until the root yields (YC__YIELD, the
 * value in out), finishes (YC__RETURN / YC__FAIL) or a leaf waits for the
 * event loop (YC__PENDING).  Costs no C stack per level of delegation. */
int yc__drive(yc_coro *root, void *out, const void *in);
/* Like yc__drive, but code arrives at the innermost suspension point first
 * (yc_throw, cancellation). */
int yc__drive_throw(yc_coro *root, int code, void *out);
/* The event loop resumed cur, the innermost frame of root's chain (root
 * itself when it is not delegating), by a direct call of its resume
 * function with out and in NULL and the statuses yc__drive sets (root and
 * cur YC__RUNNING), and that returned r, not YC__PENDING: carry on as
 * yc__drive would have (delegation, return, failure); returns what
 * yc__drive returns.  up is cur's delegator (NULL for the root) as read
 * before the resume: a frame that delegates lends its link to the sub. */
int yc__drive_on(yc_coro *root, yc_coro *cur, yc_coro *up, int r);
/* await_next(s, &item): c delegates to the async generator s for one item,
 * which s yields into item.  On c's next resume, in points at a bool: true
 * when an item was stored, false when s is exhausted; an error of s arrives
 * as a throw.  c keeps owning s. */
int yc__await_next(yc_coro *c, yc_agen *s, void *item, size_t item_size);
/* Called by the engine when c delegates (awaits) to a task that runs on its
 * own (YC__F_SPAWNED): parks root until task finishes.  Defined by the event
 * loop (a weak default fails with YC_EINVAL).  Only called while task has
 * not finished (the engine resumes the awaiter itself for a finished one,
 * throwing the error of a failed one).  Returns YC__PENDING: yc__drive
 * returns YC__PENDING with awaiter as the chain's innermost frame; once
 * task finishes the loop drives root again (yc__drive: awaiter resumes and
 * reads yc__result_ptr(task)) or, if task failed, yc__drive_throw(root,
 * task's error).  0: task finished meanwhile, resumed as above at once.
 * Other: an error thrown into awaiter. */
int yc__await_spawned(yc_coro *root, yc_coro *awaiter, yc_coro *task);
/* yc_free of a frame with YC__F_SPAWNED calls this instead of freeing, so
 * the event loop can keep a task it still runs.  Weak default:
 * yc__free_frame.  yc__free_frame closes (if suspended) and frees c even
 * if YC__F_SPAWNED (still not a running or delegated frame). */
void yc__free_spawned(yc_coro *task);
void yc__free_frame(yc_coro *c);

bool yc__next(yc_gen *g, void *out, size_t out_size);
bool yc__send(yc_gen *g, const void *in, size_t in_size, void *out,
              size_t out_size);
bool yc__throw(yc_gen *g, int code, void *out, size_t out_size);
bool yc__result(yc_coro *c, void *r, size_t r_size);
void yc__free(yc_coro *c);

/* The out-of-line rest of yc__next_inline: r is what c's resume returned
 * (not YC__YIELD); carries on like yc__next (delegation, return, failure). */
bool yc__next_finish(yc_coro *c, void *out, int r);

/* The word of status st and gate g (yc_coro's status and gate bytes read as
 * one uint32_t). */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define YC__GATE_WORD(st, g) ((uint32_t)(st) << 24 | (uint32_t)(g))
#else
#define YC__GATE_WORD(st, g) ((uint32_t)(st) | (uint32_t)(g) << 8)
#endif
/* Y sizes below this have a gate (up to 16 MiB - 2 bytes). */
#define YC__GATE_MAX 0xffffffu
/* c's status and gate as one word, and the store of one. */
#define yc__gate_load(c)                                                                           \
  (__extension__({                                                                                 \
    uint32_t yc__gl_w;                                                                             \
    __builtin_memcpy(&yc__gl_w, (const char *)(c) + offsetof(yc_coro, status), sizeof yc__gl_w);  \
    yc__gl_w;                                                                                      \
  }))
#define yc__gate_store(c, w)                                                                       \
  (__extension__({                                                                                 \
    uint32_t yc__gs_w = (w);                                                                       \
    __builtin_memcpy((char *)(c) + offsetof(yc_coro, status), &yc__gs_w, sizeof yc__gs_w);         \
  }))
/* w with status CREATED (0) made SUSPENDED (1): the fast path takes both
 * (a created generator's first resume too: yc_foreach never enters the
 * runtime, which a debugger stepping through it would show). */
#define YC__GATE_STARTED(w) ((w) | YC__GATE_WORD(YC__SUSPENDED, 0))
/* The fast path may resume a frame whose word is w with out / out_size:
 * a created or suspended generator that is not delegating and not
 * delegated to (its gate is not 0), whose Y is out_size bytes (out NULL:
 * any Y). */
#define yc__gate_open(w, out, out_size)                                                            \
  ((out) ? (out_size) < YC__GATE_MAX &&                                                            \
               YC__GATE_STARTED(w) == YC__GATE_WORD(YC__SUSPENDED, (out_size) + 1)                \
         : (YC__GATE_STARTED(w) & YC__GATE_WORD(0xff, 0)) == YC__GATE_WORD(YC__SUSPENDED, 0) &&   \
               ((w) & ~YC__GATE_WORD(0xff, 0)) != 0)
/* The words of the same frame running and suspended, gate unchanged. */
#define YC__GATE_RUNNING(w) (YC__GATE_STARTED(w) + YC__GATE_WORD(YC__RUNNING - YC__SUSPENDED, 0))
#define YC__GATE_SUSPENDED(w) YC__GATE_STARTED(w)

/* The fast path of yc_next, inlined at every call: a created or suspended
 * root that is not delegating (a delegate always has a link too) and an out
 * of the right size costs a load, an or and a compare of the gate word, one
 * indirect call and two stores of it; all else goes to yc__next, with
 * identical semantics. */
static inline bool yc__next_inline(yc_gen *g, void *out, size_t out_size) {
  yc_coro *c = (yc_coro *)g;
  int r;
  uint32_t w = c ? yc__gate_load(c) : 0;
  if (__builtin_expect(c && yc__gate_open(w, out, out_size), 1)) {
    yc__gate_store(c, YC__GATE_RUNNING(w));
    r = c->type->resume(c, out, NULL);
    if (__builtin_expect(r == YC__YIELD, 1)) {
      yc__gate_store(c, YC__GATE_SUSPENDED(w));
      return true;
    }
    return yc__next_finish(c, out, r);
  }
  return yc__next(g, out, out_size);
}

/* yc__next_inline as a macro: the code of yc_next is on the user's line
 * for a debugger, which then never steps into this header. */
#define YC__NEXT(g, out, out_size)                                                                 \
  (__extension__({                                                                                 \
    yc_coro *yc__n_c = (yc_coro *)(g);                                                             \
    void *yc__n_out = (out);                                                                       \
    int yc__n_r;                                                                                   \
    uint32_t yc__n_w = yc__n_c ? yc__gate_load(yc__n_c) : 0;                                       \
    __builtin_expect(yc__n_c && yc__gate_open(yc__n_w, yc__n_out, (out_size)), 1)                  \
        ? (yc__gate_store(yc__n_c, YC__GATE_RUNNING(yc__n_w)),                                     \
           yc__n_r = yc__n_c->type->resume(yc__n_c, yc__n_out, NULL),                              \
           __builtin_expect(yc__n_r == YC__YIELD, 1)                                               \
               ? (yc__gate_store(yc__n_c, YC__GATE_SUSPENDED(yc__n_w)), true)                      \
               : yc__next_finish(yc__n_c, yc__n_out, yc__n_r))                                     \
        : yc__next((yc_gen *)yc__n_c, yc__n_out, (out_size));                                      \
  }))

/* yc__next_inline for a handle known to come from the generator function
 * whose type is t and whose resume function is resume, both defined in the
 * calling file: the translator emits it for yc_foreach over a direct call
 * of such a function, with out pointing at the loop variable (never NULL).
 * The gate word holds the frame's Y size, so the check is two compares
 * with constants (no load through t, which may be a weak declaration of
 * another file's type), and resume is a direct call the compiler can
 * inline.  A handle of another type takes the generic path.
 * A macro, not an inline function: resume is called by name (a resume
 * function declared always_inline cannot be called through a pointer:
 * gcc -O1 fails to inline it), and all of it is on the user's yc_foreach
 * line for a debugger. */
#define yc__next_known(g, out, out_size, t, resume)                                                \
  (__extension__({                                                                                 \
    yc_coro *yc__nk_c = (yc_coro *)(g);                                                            \
    int yc__nk_r;                                                                                  \
    __builtin_expect(yc__nk_c && yc__nk_c->type == (t) && (out_size) < YC__GATE_MAX &&             \
                         YC__GATE_STARTED(yc__gate_load(yc__nk_c)) ==                              \
                             YC__GATE_WORD(YC__SUSPENDED, (out_size) + 1),                         \
                     1)                                                                            \
        ? (yc__gate_store(yc__nk_c, YC__GATE_WORD(YC__RUNNING, (out_size) + 1)),                   \
           yc__nk_r = resume(yc__nk_c, (out), NULL),                                               \
           __builtin_expect(yc__nk_r == YC__YIELD, 1)                                              \
               ? (yc__gate_store(yc__nk_c, YC__GATE_WORD(YC__SUSPENDED, (out_size) + 1)), true)    \
               : yc__next_finish(yc__nk_c, (out), yc__nk_r))                                       \
        : yc__next((yc_gen *)yc__nk_c, (out), (out_size));                                         \
  }))

/* sizeof *p, or 0 for NULL (a void pointer). */
#define yc__sizeof_ptr(p)                                                      \
  _Generic((p), void *: (size_t)0, const void *: (size_t)0, default: sizeof *(p))

#ifdef __cplusplus
}
#endif
#endif

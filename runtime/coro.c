/* runtime/coro.c - the engine that drives coroutine frames, and the consumer
 * API of generators (yc_next / yc_send / yc_throw / yc_close / yc_free ...).
 *
 * A chain of delegations (yield_from / await) is kept as links in the frame
 * headers: the root's `link` is the innermost active frame, every delegate
 * (YC__F_DELEGATED) links to its delegator.  The engine resumes the
 * innermost frame directly and walks one link per finished frame, so a
 * resumed value costs O(1) whatever the depth, and no C stack is used per
 * level.  All resume functions are called from resume1() below, or from the
 * fast path of yc__next / yc__next_inline (coro.h), which is the same thing
 * inlined for the common case (a root that is not delegating). */
#include "yieldc/coro.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "alloc.h"

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

#define F_STEER (YC__F_THROW | YC__F_CLOSE)

_Static_assert(YC__F_PARTIAL > YC__F_CANCELLED, "internal flag overlaps");
_Static_assert(YC__CREATED < YC__SUSPENDED && YC__SUSPENDED < YC__RUNNING &&
                   YC__RUNNING < YC__DONE && YC__DONE < YC__FAILED,
               "status comparisons below rely on this order");

/* ---- Misuse errors ------------------------------------------------------
 * Misuse of the API (EJUSTSTARTED, ERUNNING, ESIZE ...) must not kill the
 * generator, so it cannot go to c->error (that is the failure, and the body
 * may be using it).  It is parked in the header's spare byte as the offset
 * of the yieldc code below -1000, and yc_error reports it once. */
static void misuse(yc_coro *c, int code) { c->spare = (unsigned char)(-1000 - code); }

/* ---- The gate (coro.h) ---------------------------------------------------
 * Invariant: a frame whose gate is not 0 and whose status is CREATED or
 * SUSPENDED is a generator that is neither delegating (link NULL) nor
 * delegated to, with Y of gate - 1 bytes: the inline fast path of yc_next
 * may resume it with one compare.  The gate is set when a generator's frame
 * is made, cleared when the frame starts delegating or is delegated to, and
 * set again when a root's delegation ends (unlink_sub).  Status changes need
 * no care: the fast path compares status and gate as one word. */
_Static_assert(offsetof(yc_coro, status) % 4 == 0 &&
                   offsetof(yc_coro, status) + 4 <= sizeof(yc_coro) &&
                   offsetof(yc_coro, gate) == offsetof(yc_coro, status) + 1,
               "status and gate must form one aligned word");

static uint32_t gate_of(const yc__coro_type *t) {
  return t->kind == YC__GENERATOR && t->y_size < YC__GATE_MAX ? t->y_size + 1u : 0;
}

static inline void set_gate(yc_coro *c, uint32_t g) {
  uint32_t w = yc__gate_load(c);
  yc__gate_store(c, (w & YC__GATE_WORD(0xff, 0)) | YC__GATE_WORD(0, g));
}

static const char *name_of(const yc_coro *c) {
  return c->type && c->type->name ? c->type->name : "?";
}

/* ---- Frames -------------------------------------------------------------- */

void *yc__frame_new(const yc__coro_type *t) {
  if (!t || t->frame_size < sizeof(yc_coro) || !t->resume) {
    errno = EINVAL;
    return NULL;
  }
  /* The one allocation of a generator; zeroed, so status is CREATED, state
   * 0, and an R that is never set reads as zero.  Small frames come from the
   * size-class pool (alloc.c); free_frame gives them back by
   * c->type->frame_size. */
  yc_coro *c;
  if (t->steer >> 1) {
    /* over-aligned (YC__FRAME_ALIGN): outside the pool, freed with free() */
    size_t a = (size_t)1 << (t->steer >> 1), n = (t->frame_size + a - 1) / a * a;
    c = aligned_alloc(a, n);
    if (c)
      memset(c, 0, n);
  } else {
    c = yc__frame_alloc(t->frame_size);
  }
  if (!c) {
    errno = ENOMEM;
    return NULL;
  }
  c->type = t;
  set_gate(c, gate_of(t));
  return c;
}

int yc__delegate(yc_coro *c, yc_coro *sub) {
  /* The sub is handed to the engine in c->link (c is running, so its link
   * is free to borrow: the engine saved c's delegator before resuming c and
   * puts it back).  A sub that cannot be delegated to is refused here with
   * link NULL and the reason in c->error; the engine throws it into c. */
  c->error = 0;
  if (!sub)
    c->error = YC_ENOMEM; /* the generator function could not allocate */
  else if (sub->status == YC__RUNNING)
    c->error = YC_ERUNNING; /* yield_from itself or its own root */
  else if (sub->flags & YC__F_DELEGATED)
    c->error = YC_EINVAL; /* already in some other chain */
  c->link = c->error ? NULL : sub;
  return YC__DELEGATE;
}

int yc__await_next(yc_coro *c, yc_agen *s_, void *item, size_t item_size) {
  yc_coro *s = (yc_coro *)s_;
  c->error = 0;
  if (!s)
    c->error = YC_EINVAL;
  else if (s->status == YC__RUNNING)
    c->error = YC_ERUNNING;
  else if (s->flags & YC__F_DELEGATED)
    c->error = YC_EINVAL;
  else if (item && item_size != s->type->y_size) {
    fprintf(stderr,
            "yieldc: await_next in %s: the item is %zu bytes but %s yields "
            "%u-byte values; pass the address of a variable of its item "
            "type\n",
            name_of(c), item_size, name_of(s), s->type->y_size);
    c->error = YC_ESIZE;
  }
  if (c->error) {
    c->link = NULL;
    return YC__DELEGATE;
  }
  /* A partial delegation: s's yields go to item, not the root's out. */
  yc__aux(s) = item;
  s->flags |= YC__F_PARTIAL;
  c->link = s;
  return YC__DELEGATE;
}

int yc__check_sent(yc_coro *c, const void *in, size_t t_size) {
  if (!in || t_size == c->type->s_size)
    return 0;
  fprintf(stderr,
          "yieldc: yield(v, T) in %s: T is %zu bytes but %s receives %u-byte "
          "values (its S); make T the generator's S\n",
          name_of(c), t_size, name_of(c), c->type->s_size);
  return YC_ESIZE;
}

int yc__check_result_slow(yc_coro *sub, size_t t_size) {
  if (!sub)
    return YC_EINVAL;
  if (t_size == sub->type->r_size)
    return 0;
  fprintf(stderr,
          "yieldc: yield_from/await of %s: the value's type is %zu bytes but "
          "%s returns %u-byte values (its R); make T its R\n",
          name_of(sub), t_size, name_of(sub), sub->type->r_size);
  return YC_ESIZE;
}

/* ---- The engine ---------------------------------------------------------- */

/* Default hooks of the event loop; runtime/loop*.c overrides them.  With a
 * static libyieldc the strong definitions win whenever the loop is linked,
 * and a program awaits spawned tasks only if it spawned one (loop linked). */
__attribute__((weak)) int yc__await_spawned(yc_coro *root, yc_coro *awaiter, yc_coro *task) {
  (void)root, (void)awaiter, (void)task;
  return YC_EINVAL;
}

static void free_frame(yc_coro *c);
int yc__cancel_code(yc_coro *root);

__attribute__((weak)) void yc__free_spawned(yc_coro *task) { free_frame(task); }

/* The error a suspension point of a root with YC__F_CANCELLED raises:
 * YC_ECANCELLED, or YC_ETIMEDOUT inside an expired deadline scope (the loop
 * knows which). */
__attribute__((weak)) int yc__cancel_code(yc_coro *root) {
  (void)root;
  return YC_ECANCELLED;
}

/* Resume one frame.  THROW / CLOSE never reach a frame that has not started
 * (generated code checks them at resume points only, state 0 would run the
 * body): like Python, such a frame finishes without running. */
static inline int resume1(yc_coro *c, void *out, const void *in) {
  if (UNLIKELY(c->flags & F_STEER)) {
    if (c->status == YC__CREATED) {
      int r = (c->flags & YC__F_THROW) ? YC__FAIL : YC__RETURN;
      c->flags &= (unsigned short)~F_STEER;
      c->state = -1;
      return r;
    }
    if ((c->type->steer & YC__STEER_BY_STATE) && c->state > 0)
      c->state = YC__STEERED(c->state);
  }
  c->status = YC__RUNNING;
  int r = c->type->resume(c, (c->flags & YC__F_PARTIAL) ? yc__aux(c) : out, in);
  c->flags &= (unsigned short)~F_STEER;
  return r;
}

/* cur (a delegate of up) has finished or, when partial, produced its item:
 * take it out of the chain so that up is the innermost again. */
static inline void unlink_sub(yc_coro *root, yc_coro *cur, yc_coro *up) {
  if (cur->flags & YC__F_PARTIAL)
    yc__aux(cur) = NULL; /* the item pointer is dead once up resumes */
  cur->flags &= (unsigned short)~(YC__F_DELEGATED | YC__F_PARTIAL);
  cur->link = NULL;
  if (up == root) {
    root->link = NULL;
    set_gate(root, gate_of(root->type)); /* not delegating any more */
  } else {
    root->link = up;
  }
}

static inline void throw_into(yc_coro *c, int err) {
  c->error = err;
  c->flags |= YC__F_THROW;
}

/* Reasons a valid sub still cannot run under cur, checked when it is
 * delegated to: cancellation (level-triggered: every new delegation of a
 * cancelled root fails) and a yield_from whose sub yields another Y. */
static int refuse_sub(yc_coro *root, yc_coro *cur, yc_coro *sub) {
  if (root->flags & YC__F_CANCELLED)
    return yc__cancel_code(root);
  if (!(sub->flags & YC__F_PARTIAL) && sub->type->kind == YC__GENERATOR &&
      sub->type->y_size != cur->type->y_size) {
    fprintf(stderr,
            "yieldc: yield_from in %s: %s yields %u-byte values but %s yields "
            "%u-byte values; their Y types must agree\n",
            name_of(cur), name_of(sub), sub->type->y_size, name_of(cur), cur->type->y_size);
    return YC_ESIZE;
  }
  return 0;
}

/* The loop of the engine: cur (whose delegator is up, NULL for the root)
 * has just returned r from its resume function; carry on until the root
 * yields or finishes, or a leaf waits.  Every step is O(1). */
static int run(yc_coro *root, yc_coro *cur, yc_coro *up, void *out, int r) {
  static const bool item_yes = true, item_no = false;
  for (;;) {
    const void *in = NULL;
    if (LIKELY(r == YC__YIELD)) {
      cur->status = YC__SUSPENDED;
      if (LIKELY(!(cur->flags & YC__F_PARTIAL))) {
        /* A delegate's value went straight into the consumer's out. */
        root->status = YC__SUSPENDED;
        return YC__YIELD;
      }
      /* await_next: the async generator produced one item. */
      unlink_sub(root, cur, up);
      cur = up;
      in = &item_yes;
    } else if (r == YC__DELEGATE) {
      yc_coro *sub = cur->link; /* lent by yc__delegate / yc__await_next */
      cur->link = up;
      /* The root stays RUNNING while its chain runs: resuming it from any
       * frame of the chain is ERUNNING, not a nested drive. */
      cur->status = cur == root ? YC__RUNNING : YC__SUSPENDED;
      if (!sub) {
        throw_into(cur, cur->error ? cur->error : YC_EINVAL);
      } else {
        bool partial = sub->flags & YC__F_PARTIAL;
        int err = refuse_sub(root, cur, sub);
        if (!err && sub->status < YC__DONE && !(sub->flags & YC__F_SPAWNED)) {
          /* The common case: sub (or the innermost of the chain sub already
           * heads, if it was partly consumed) becomes the innermost. */
          yc_coro *inner = sub->link ? sub->link : sub;
          sub->link = cur;
          sub->flags |= YC__F_DELEGATED;
          set_gate(sub, 0);
          root->link = inner;
          set_gate(root, 0);
          cur = inner;
        } else {
          if (partial) {
            sub->flags &= (unsigned short)~YC__F_PARTIAL;
            yc__aux(sub) = NULL;
          }
          if (!err && sub->status < YC__DONE) {
            /* A spawned task runs as its own root: the loop parks ours. */
            err = yc__await_spawned(root, cur, sub);
            if (err == YC__PENDING) {
              root->status = YC__SUSPENDED;
              return YC__PENDING;
            }
          }
          if (err)
            throw_into(cur, err);
          else if (sub->status == YC__FAILED &&
                   (sub->type->kind == YC__ASYNC || sub->type->kind == YC__LEAF))
            throw_into(cur, sub->error); /* awaiting a failed task re-raises */
          else if (partial)
            in = &item_no; /* an exhausted (or failed) async generator */
          /* else: yield_from of an exhausted generator returns at once */
        }
      }
    } else if (r == YC__PENDING) {
      /* The chain stays as it is: the next drive resumes this leaf. */
      cur->status = YC__SUSPENDED;
      root->status = YC__SUSPENDED;
      return YC__PENDING;
    } else {
      if (r == YC__RETURN) {
        cur->status = YC__DONE;
      } else {
        cur->status = YC__FAILED;
        if (!cur->error)
          cur->error = YC_EINVAL; /* a failure must be visible */
        r = YC__FAIL;
      }
      if (!up)
        return r; /* cur is the root */
      bool partial = cur->flags & YC__F_PARTIAL;
      unlink_sub(root, cur, up);
      if (cur->status == YC__FAILED) {
        cur->flags |= YC__F_ERROR_SEEN; /* it is reported by up now */
        throw_into(up, cur->error);
      } else if (partial) {
        in = &item_no;
      }
      cur = up;
    }
    up = (cur->flags & YC__F_DELEGATED) ? cur->link : NULL;
    r = resume1(cur, out, in);
  }
}

int yc__drive(yc_coro *root, void *out, const void *in) {
  if (root->status >= YC__DONE)
    return root->status == YC__DONE ? YC__RETURN : YC__FAIL;
  yc_coro *cur = root->link ? root->link : root;
  if (cur != root)
    root->status = YC__RUNNING;
  yc_coro *up = (cur->flags & YC__F_DELEGATED) ? cur->link : NULL;
  return run(root, cur, up, out, resume1(cur, out, in));
}

int yc__drive_on(yc_coro *root, yc_coro *cur, yc_coro *up, int r) {
  return run(root, cur, up, NULL, r);
}

int yc__drive_throw(yc_coro *root, int code, void *out) {
  if (root->status >= YC__DONE)
    return root->status == YC__DONE ? YC__RETURN : YC__FAIL;
  yc_coro *cur = root->link ? root->link : root;
  if (cur != root)
    root->status = YC__RUNNING;
  throw_into(cur, code ? code : YC_EINVAL);
  yc_coro *up = (cur->flags & YC__F_DELEGATED) ? cur->link : NULL;
  return run(root, cur, up, out, resume1(cur, out, NULL));
}

/* Close the chain headed by root, innermost first: each frame is resumed
 * with CLOSE and runs its cleanups; a delegator's unwind frees its sub,
 * which is already closed and unlinked by then, so that free is cheap and
 * nothing recurses. */
static void close_chain(yc_coro *root) {
  yc_coro *cur = root->link ? root->link : root;
  int err = 0;
  if (cur != root)
    root->status = YC__RUNNING;
  for (;;) {
    yc_coro *up = (cur->flags & YC__F_DELEGATED) ? cur->link : NULL;
    /* (the root shows RUNNING meanwhile, so that a cleanup resuming it
     * gets ERUNNING; it is suspended, since only those are closed) */
    if (cur == root || cur->status == YC__SUSPENDED || cur->status == YC__CREATED) {
      cur->flags |= YC__F_CLOSE;
      int r = resume1(cur, NULL, NULL);
      /* Generated code cannot refuse a close; a cleanup that raised is the
       * root's failure, like an exception escaping generator.close(). */
      if (r == YC__FAIL && !err)
        err = cur->error ? cur->error : YC_EINVAL;
    }
    cur->state = -1;
    cur->status = YC__DONE;
    cur->link = NULL;
    cur->flags &= (unsigned short)~(YC__F_DELEGATED | YC__F_PARTIAL);
    if (!up)
      break; /* cur is the root */
    root->link = up == root ? NULL : up;
    cur = up;
  }
  if (err) {
    root->status = YC__FAILED;
    root->error = err;
  }
}

/* ---- Consumer API -------------------------------------------------------- */

/* yc_next / yc_send / yc_throw on a handle that is not a generator's (a
 * cast, or a warning ignored): say what it is and what drives it instead. */
static void wrong_kind(yc_coro *c, const char *api) {
  const char *n = name_of(c);
  switch (c->type->kind) {
  case YC__ASYNC:
    fprintf(stderr,
            "yieldc: %s(%s): %s is a task (an async function, yc_async), not a "
            "generator; run it with yc_run(task, &result), or await it inside "
            "another async function\n",
            api, n, n);
    break;
  case YC__ASYNC_GEN:
    fprintf(stderr,
            "yieldc: %s(%s): %s is an async generator (yc_async_generator), not "
            "a generator; take its items with await_next(s, &item) inside an "
            "async function\n",
            api, n, n);
    break;
  default:
    fprintf(stderr,
            "yieldc: %s(%s): %s is an awaitable of the runtime, not a "
            "generator; await it inside an async function\n",
            api, n, n);
  }
  misuse(c, YC_EINVAL);
}

/* The checks every resume from outside makes; false when g cannot be
 * resumed (and, for misuse, the reason is parked for yc_error). */
static bool resumable(yc_coro *c, const char *api) {
  if (!c)
    return false;
  if (c->status == YC__RUNNING) {
    misuse(c, YC_ERUNNING); /* "generator already executing" */
    return false;
  }
  if (c->flags & YC__F_DELEGATED) {
    fprintf(stderr,
            "yieldc: %s(%s): it is being delegated to (yield_from / await) "
            "and belongs to its delegator now; resume the delegator\n",
            api, name_of(c));
    misuse(c, YC_EINVAL);
    return false;
  }
  if (c->status >= YC__DONE)
    return false;
  if (UNLIKELY(c->type->kind != YC__GENERATOR)) {
    wrong_kind(c, api);
    return false;
  }
  return true;
}

static bool out_ok(yc_coro *c, const char *api, const void *out, size_t out_size) {
  if (!out || out_size == c->type->y_size)
    return true;
  fprintf(stderr,
          "yieldc: %s(%s): out points at %zu bytes but %s yields %u-byte "
          "values (its Y); pass the address of a Y variable, or NULL\n",
          api, name_of(c), out_size, name_of(c), c->type->y_size);
  misuse(c, YC_ESIZE);
  return false;
}

/* yc_send, and yc_next off its fast path; api names the call in messages. */
static bool send_slow(yc_coro *c, const char *api, const void *in, size_t in_size, void *out,
                      size_t out_size) {
  if (!resumable(c, api) || !out_ok(c, api, out, out_size))
    return false;
  if (in) {
    if (c->status == YC__CREATED) {
      misuse(c, YC_EJUSTSTARTED); /* the generator is unaffected */
      return false;
    }
    /* PEP 380: the value goes to the innermost frame; check its S. */
    yc_coro *inner = c->link ? c->link : c;
    if (in_size != inner->type->s_size) {
      fprintf(stderr,
              "yieldc: yc_send(%s): in points at %zu bytes but %s receives "
              "%u-byte values (its S); send the address of an S variable, "
              "or NULL\n",
              name_of(c), in_size, name_of(inner), inner->type->s_size);
      misuse(c, YC_ESIZE);
      return false;
    }
  }
  return yc__drive(c, out, in) == YC__YIELD;
}

bool yc__send(yc_gen *g, const void *in, size_t in_size, void *out, size_t out_size) {
  return send_slow((yc_coro *)g, "yc_send", in, in_size, out, out_size);
}

bool yc__next(yc_gen *g, void *out, size_t out_size) {
  yc_coro *c = (yc_coro *)g;
  /* Fast path: a created or suspended root (not a delegate), right size.
   * Not delegating: one resume, no flags to set or clear. */
  if (LIKELY(c && c->status <= YC__SUSPENDED && !(c->flags & YC__F_DELEGATED) &&
             (!out || out_size == c->type->y_size))) {
    if (UNLIKELY(c->link != NULL))
      return yc__drive(c, out, NULL) == YC__YIELD; /* resume the innermost */
    c->status = YC__RUNNING;
    int r = c->type->resume(c, out, NULL);
    if (LIKELY(r == YC__YIELD)) {
      c->status = YC__SUSPENDED;
      return true;
    }
    return yc__next_finish(c, out, r); /* a task gets its message there */
  }
  return send_slow(c, "yc_next", NULL, 0, out, out_size);
}

bool yc__next_finish(yc_coro *c, void *out, int r) {
  bool yielded = run(c, c, NULL, out, r) == YC__YIELD;
  /* yc_next(task, NULL) passes the inline fast path's checks and runs a
   * step of the task (which never yields): say so once it is back. */
  if (UNLIKELY(c->type->kind != YC__GENERATOR))
    wrong_kind(c, "yc_next");
  return yielded;
}

bool yc__throw(yc_gen *g, int code, void *out, size_t out_size) {
  yc_coro *c = (yc_coro *)g;
  if (!resumable(c, "yc_throw") || !out_ok(c, "yc_throw", out, out_size))
    return false;
  if (!code) {
    misuse(c, YC_EINVAL); /* 0 is not an error */
    return false;
  }
  /* An unstarted generator fails with code without running (Python). */
  return yc__drive_throw(c, code, out) == YC__YIELD;
}

void yc_close(yc_gen *g) {
  yc_coro *c = (yc_coro *)g;
  if (!c)
    return;
  if (c->status == YC__RUNNING) {
    misuse(c, YC_ERUNNING);
  } else if (c->flags & YC__F_DELEGATED) {
    misuse(c, YC_EINVAL);
  } else if (c->status == YC__CREATED) {
    c->state = -1;
    c->status = YC__DONE;
  } else if (c->status == YC__SUSPENDED) {
    close_chain(c);
  }
}

static void free_frame(yc_coro *c) {
  if (c->status == YC__RUNNING || (c->flags & YC__F_DELEGATED)) {
    /* Freeing it would pull a frame out from under the engine: leak it
     * rather than corrupt memory. */
    fprintf(stderr, "yieldc: yc_free(%s): the frame is %s; not freed\n", name_of(c),
            c->status == YC__RUNNING ? "running" : "being delegated to");
    misuse(c, c->status == YC__RUNNING ? YC_ERUNNING : YC_EINVAL);
    return;
  }
  if (c->status == YC__SUSPENDED)
    close_chain(c);
  if (c->type->steer >> 1)
    free(c);
  else
    yc__frame_dealloc(c, c->type->frame_size);
}

void yc__free(yc_coro *c) {
  if (!c)
    return;
  if (UNLIKELY(c->flags & YC__F_SPAWNED))
    yc__free_spawned(c);
  else
    free_frame(c);
}

void yc__free_frame(yc_coro *c) {
  if (c)
    free_frame(c);
}

void yc__foreach_cleanup(yc_gen **g) {
  if (!g)
    return;
  yc__free((yc_coro *)*g);
  *g = NULL;
}

bool yc_done(const yc_gen *g) {
  const yc_coro *c = (const yc_coro *)g;
  return !c || c->status >= YC__DONE;
}

int yc_error(yc_gen *g) {
  yc_coro *c = (yc_coro *)g;
  if (!c)
    return YC_EINVAL;
  /* the failure first: a misuse recorded later must not hide it */
  if (c->status == YC__FAILED && !(c->flags & YC__F_ERROR_SEEN)) {
    c->flags |= YC__F_ERROR_SEEN;
    return c->error;
  }
  if (c->spare) {
    int code = -1000 - (int)c->spare;
    c->spare = 0;
    return code;
  }
  return 0;
}

bool yc__result(yc_coro *c, void *r, size_t r_size) {
  if (!c)
    return false;
  if (c->status != YC__DONE || !(c->flags & YC__F_HAS_RESULT)) {
    /* a failed generator has no result; its error stays the one to report */
    if (c->status != YC__FAILED)
      misuse(c, YC_ENORESULT);
    return false;
  }
  if (r && r_size != c->type->r_size) {
    fprintf(stderr,
            "yieldc: yc_result(%s): r points at %zu bytes but %s returns "
            "%u-byte values (its R); pass the address of an R variable\n",
            name_of(c), r_size, name_of(c), c->type->r_size);
    misuse(c, YC_ESIZE);
    return false;
  }
  if (r)
    memcpy(r, (const char *)c + c->type->result_offset, r_size);
  return true;
}

/* task.c - spawning, cancelling and awaiting root tasks, and task groups
 * (Trio nurseries / asyncio.TaskGroup).  The loop core (loop.c) keeps the
 * records; this file is the public face and the engine's two hooks. */
#include <errno.h>
#include <string.h>

#include "loop_internal.h"
#include "yieldc/loop.h"

yc_task *yc_spawn(yc_task *task) {
  yc_coro *c = (yc_coro *)task;
  yc__loop *l = yc__loop_current();
  if (!c)
    return NULL;
  if (c->flags & YC__F_SPAWNED)
    return task; /* already a root */
  if (!l || c->status != YC__CREATED || c->type->kind != YC__ASYNC || yc__task_adopt(l, c)) {
    yc__free(c);
    return NULL;
  }
  return task;
}

bool yc_cancel(yc_task *task) {
  yc_coro *c = (yc_coro *)task;
  if (!c || !(c->flags & YC__F_SPAWNED) || !yc__aux(c))
    return false;
  yc__task_cancel(yc__aux(c));
  return true;
}

void yc_detach(yc_task *task) {
  yc_coro *c = (yc_coro *)task;
  if (!c)
    return;
  yc__task *t = (c->flags & YC__F_SPAWNED) ? yc__aux(c) : NULL;
  if (t)
    t->detached = true;
  else
    yc__free_frame(c);
}

/* The engine's hook for `await` of a spawned task that has not finished:
 * park root on it.  finish() in loop.c wakes root, throwing task's error
 * into it if task failed. */
int yc__await_spawned(yc_coro *root, yc_coro *awaiter, yc_coro *task) {
  (void)awaiter;
  yc__task *r = yc__aux(root), *t = yc__aux(task);
  if (!t)
    return 0; /* finished: the engine resumes the awaiter now */
  if (!r || !(root->flags & YC__F_SPAWNED) || r->loop != t->loop || t->detached)
    return YC_EINVAL; /* not a task of this loop, or no longer awaitable */
  r->awaiting = t;
  /* Append: awaiters wake in the order they started waiting. */
  yc__task **p = &t->waiters;
  while (*p)
    p = &(*p)->next_waiter;
  r->next_waiter = NULL;
  *p = r;
  return YC__PENDING;
}

/* yc_free of a spawned task: a live one is cancelled and freed by the loop
 * when it has finished; a finished one is freed now. */
void yc__free_spawned(yc_coro *task) {
  yc__task *t = yc__aux(task);
  if (!t) {
    yc__free_frame(task);
    return;
  }
  if (t->group) {
    /* The group owns it; freeing it from outside would double-free. */
    yc__task_cancel(t);
    return;
  }
  t->detached = true;
  yc__task_cancel(t);
}

/* ---- Groups ---------------------------------------------------------------- */

typedef struct group_wait group_wait;

struct yc_group {
  yc_coro **kids; /* every child not yet freed, finished or not */
  size_t nkids, cap;
  size_t running;     /* children not finished */
  int error;          /* the first failure, until a wait reports it */
  bool failing;       /* children were cancelled because of it */
  group_wait *waiter; /* the yc_group_wait being awaited, if any */
};

struct group_wait {
  yc_coro hdr;
  void *aux; /* yc__aux: async frames carry it after the header */
  yc_group *g;
  yc__task *task;  /* the awaiting task, while registered */
  int cancel_code; /* a throw received while children still ran */
  int result;
};

yc_group *yc_group_new(void) {
  yc_group *g = yc__rt_realloc(NULL, sizeof *g);
  if (g)
    *g = (yc_group){0};
  return g;
}

static void cancel_kids(yc_group *g) {
  for (size_t i = 0; i < g->nkids; i++)
    if (yc__aux(g->kids[i]))
      yc__task_cancel(yc__aux(g->kids[i]));
}

void yc_group_cancel(yc_group *g) {
  if (g)
    cancel_kids(g);
}

int yc_group_spawn(yc_group *g, yc_task *task) {
  yc_coro *c = (yc_coro *)task;
  yc__loop *l = yc__loop_current();
  if (!c)
    return YC_ENOMEM;
  if (!g || !l || (c->flags & YC__F_SPAWNED) || c->status != YC__CREATED ||
      c->type->kind != YC__ASYNC) {
    if (!(c->flags & YC__F_SPAWNED))
      yc__free(c);
    return YC_EINVAL;
  }
  if (g->nkids == g->cap) {
    size_t cap = g->cap ? 2 * g->cap : 8;
    yc_coro **v = yc__rt_realloc(g->kids, cap * sizeof *v);
    if (!v) {
      yc__free(c);
      return YC_ENOMEM;
    }
    g->kids = v;
    g->cap = cap;
  }
  if (yc__task_adopt(l, c)) {
    yc__free(c);
    return YC_ENOMEM;
  }
  ((yc__task *)yc__aux(c))->group = g;
  g->kids[g->nkids++] = c;
  g->running++;
  if (g->failing)
    yc__task_cancel(yc__aux(c));
  return 0;
}

void yc__group_child_done(yc_group *g, yc_coro *child) {
  g->running--;
  /* A child cancelled (by the group or anyone) is no failure of the group. */
  if (child->status == YC__FAILED && child->error != YC_ECANCELLED) {
    child->flags |= YC__F_ERROR_SEEN;
    if (!g->error && !g->failing) {
      g->error = child->error;
      g->failing = true;
      cancel_kids(g);
    }
  }
  if (!g->running && g->waiter && g->waiter->task)
    yc__task_wake(g->waiter->task);
}

static void free_kids(yc_group *g) {
  for (size_t i = 0; i < g->nkids; i++) {
    yc_coro *c = g->kids[i];
    yc__task *t = yc__aux(c);
    if (t) {
      /* Still running: the loop frees it once it has finished. */
      t->group = NULL;
      t->detached = true;
      yc__task_cancel(t);
    } else {
      yc__free_frame(c);
    }
  }
  g->nkids = 0;
}

void yc_group_free(yc_group *g) {
  if (!g)
    return;
  if (g->waiter)
    g->waiter->g = NULL; /* the wait then fails with YC_EINVAL */
  free_kids(g);
  yc__rt_realloc(g->kids, 0);
  yc__rt_realloc(g, 0);
}

/* The wait completes: free the finished children, report the error once. */
static int group_wait_done(group_wait *w) {
  yc_group *g = w->g;
  g->waiter = NULL;
  w->task = NULL;
  free_kids(g);
  if (w->cancel_code)
    return yc__leaf_fail(&w->hdr, w->cancel_code);
  w->result = g->error;
  g->error = 0;
  g->failing = false;
  return yc__leaf_return(&w->hdr);
}

static int group_wait_resume(yc_coro *c, void *out, const void *in) {
  group_wait *w = (group_wait *)c;
  yc_group *g = w->g;
  (void)out, (void)in;
  if (c->flags & YC__F_CLOSE) {
    /* Torn down while waiting (its task is being freed): let go of g, whose
     * children the loop still finishes. */
    if (g && g->waiter == w)
      g->waiter = NULL;
    if (g)
      cancel_kids(g);
    return yc__leaf_fail(c, 0);
  }
  if (!g || (c->state == 0 && (g->waiter || !yc__task_current())))
    return yc__leaf_fail(c, c->flags & YC__F_THROW ? c->error : YC_EINVAL);
  if (c->flags & YC__F_THROW) {
    /* Cancelled (or thrown into) while children run: cancel them and keep
     * waiting, so no child outlives the wait. */
    if (!w->cancel_code)
      w->cancel_code = c->error;
    cancel_kids(g);
  }
  if (!g->running)
    return group_wait_done(w);
  if (c->state == 0) {
    g->waiter = w;
    w->task = yc__task_current();
    c->state = 1;
  }
  return YC__PENDING;
}

static const yc__coro_type group_wait_type = {"yc_group_wait",
                                              group_wait_resume,
                                              sizeof(group_wait),
                                              0,
                                              0,
                                              sizeof(int),
                                              offsetof(group_wait, result),
                                              YC__LEAF, 0};

yc_task *yc_group_wait(yc_group *g) {
  group_wait *w = yc__frame_new(&group_wait_type);
  if (w)
    w->g = g;
  return (yc_task *)w;
}

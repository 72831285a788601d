/* test/runtime/test_coro.c - the consumer API of single generators against
 * Python's semantics (PEP 255/342): counting and exhaustion, lazy start,
 * send, EJUSTSTARTED, ERUNNING, size checks, throw (caught, uncaught, into
 * unstarted / finished generators), close and free with cleanups, results.
 * The frames are written by hand in exactly the shape yieldc generates
 * (docs/design/runtime-abi.md), so the engine is tested without the tool. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "yieldc/coro.h"

static int failures;
#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                              \
    }                                                                          \
  } while (0)

/* ---- stderr capture, to check the size-mismatch messages ---------------- */
static FILE *cap_file;
static int cap_saved = -1;
static void capture_begin(void) {
  fflush(stderr);
  cap_file = tmpfile();
  cap_saved = dup(2);
  dup2(fileno(cap_file), 2);
}
/* Returns what was written to stderr since capture_begin (static buffer). */
static const char *capture_end(void) {
  static char buf[1024];
  fflush(stderr);
  dup2(cap_saved, 2);
  close(cap_saved);
  rewind(cap_file);
  size_t n = fread(buf, 1, sizeof buf - 1, cap_file);
  buf[n] = 0;
  fclose(cap_file);
  return buf;
}

/* ---- yc_generator(int) count_up(int limit) -------------------------------
 *   static int started;  started++;
 *   for (int i = 0; i < limit; i++) yield(i);                              */
static int count_up_started;
struct count_up__frame {
  yc_coro yc_hdr;
  int limit;
  int i;
};
static int count_up__resume(yc_coro *yc_c, void *yc_out, const void *yc_in);
static const yc__coro_type count_up__type = {
    "count_up", count_up__resume, sizeof(struct count_up__frame),
    sizeof(int), 0, 0, 0, YC__GENERATOR, 0};
static yc_gen *count_up(int limit) {
  struct count_up__frame *f = yc__frame_new(&count_up__type);
  if (!f)
    return NULL;
  f->limit = limit;
  return (yc_gen *)&f->yc_hdr;
}
static int count_up__resume(yc_coro *yc_c, void *yc_out, const void *yc_in) {
  struct count_up__frame *f = (struct count_up__frame *)yc_c;
  (void)yc_in;
  switch (yc_c->state) {
  case 0: break;
  case 1: goto yc_resume_1;
  default: return YC__RETURN;
  }
  count_up_started++;
  for (f->i = 0; f->i < f->limit; f->i++) {
    if (yc_out)
      *(int *)yc_out = f->i;
    yc_c->state = 1;
    return YC__YIELD;
  yc_resume_1:
    if (yc_c->flags & (YC__F_THROW | YC__F_CLOSE))
      goto yc_unwind_1;
  }
  yc_c->state = -1;
  return YC__RETURN;
yc_unwind_1:
  yc_c->state = -1;
  return (yc_c->flags & YC__F_CLOSE) ? YC__RETURN : YC__FAIL;
}

/* ---- yc_generator(int, int) acc(void) ------------------------------------
 *   int total = 0;
 *   for (;;) { int x = yield(total, int); total += x; }                    */
struct acc__frame {
  yc_coro yc_hdr;
  int total;
  int x;
};
static int acc__resume(yc_coro *yc_c, void *yc_out, const void *yc_in);
static const yc__coro_type acc__type = {
    "acc", acc__resume, sizeof(struct acc__frame), sizeof(int), sizeof(int),
    0, 0, YC__GENERATOR, 0};
static yc_gen *acc(void) {
  struct acc__frame *f = yc__frame_new(&acc__type);
  return f ? (yc_gen *)&f->yc_hdr : NULL;
}
static int acc__resume(yc_coro *yc_c, void *yc_out, const void *yc_in) {
  struct acc__frame *f = (struct acc__frame *)yc_c;
  switch (yc_c->state) {
  case 0: break;
  case 1: goto yc_resume_1;
  default: return YC__RETURN;
  }
  f->total = 0;
  for (;;) {
    if (yc_out)
      *(int *)yc_out = f->total;
    yc_c->state = 1;
    return YC__YIELD;
  yc_resume_1:
    if (yc_c->flags & (YC__F_THROW | YC__F_CLOSE))
      goto yc_unwind_1;
    if ((yc_c->error = yc__check_sent(yc_c, yc_in, sizeof(int))) != 0)
      goto yc_unwind_1;
    f->x = yc_in ? *(const int *)yc_in : 0;
    f->total += f->x;
  }
yc_unwind_1:
  yc_c->state = -1;
  return (yc_c->flags & YC__F_CLOSE) ? YC__RETURN : YC__FAIL;
}

/* ---- yc_generator(int) selfish(yc_gen **self) ------------------------------
 *   yield(1);
 *   int v;  bool ok = yc_next(*self, &v);  int err = yc_error(*self);
 *   yield(ok ? 1000 : err);
 *   yield(3);                                                              */
struct selfish__frame {
  yc_coro yc_hdr;
  yc_gen **self;
  int v;
  bool ok;
  int err;
};
static int selfish__resume(yc_coro *yc_c, void *yc_out, const void *yc_in);
static const yc__coro_type selfish__type = {
    "selfish", selfish__resume, sizeof(struct selfish__frame), sizeof(int), 0,
    0, 0, YC__GENERATOR, 0};
static yc_gen *selfish(yc_gen **self) {
  struct selfish__frame *f = yc__frame_new(&selfish__type);
  if (!f)
    return NULL;
  f->self = self;
  return (yc_gen *)&f->yc_hdr;
}
static int selfish__resume(yc_coro *yc_c, void *yc_out, const void *yc_in) {
  struct selfish__frame *f = (struct selfish__frame *)yc_c;
  (void)yc_in;
  switch (yc_c->state) {
  case 0: break;
  case 1: goto yc_resume_1;
  case 2: goto yc_resume_2;
  case 3: goto yc_resume_3;
  default: return YC__RETURN;
  }
  if (yc_out)
    *(int *)yc_out = 1;
  yc_c->state = 1;
  return YC__YIELD;
yc_resume_1:
  if (yc_c->flags & (YC__F_THROW | YC__F_CLOSE))
    goto yc_unwind;
  f->ok = yc_next(*f->self, &f->v);
  f->err = yc_error(*f->self);
  if (yc_out)
    *(int *)yc_out = f->ok ? 1000 : f->err;
  yc_c->state = 2;
  return YC__YIELD;
yc_resume_2:
  if (yc_c->flags & (YC__F_THROW | YC__F_CLOSE))
    goto yc_unwind;
  if (yc_out)
    *(int *)yc_out = 3;
  yc_c->state = 3;
  return YC__YIELD;
yc_resume_3:
  if (yc_c->flags & (YC__F_THROW | YC__F_CLOSE))
    goto yc_unwind;
  yc_c->state = -1;
  return YC__RETURN;
yc_unwind:
  yc_c->state = -1;
  return (yc_c->flags & YC__F_CLOSE) ? YC__RETURN : YC__FAIL;
}

/* ---- yc_generator(int) catcher(void) ---------------------------------------
 *   __attribute__((cleanup(bump))) int guard = 0;
 *   yc_try { yield(1); } yc_catch (err) { caught = err; yield(2); }
 *   yield(3);
 * bump counts cleanups; catch_runs counts entries into the catch block.  */
static int cleanups;
static int catch_runs;
static void bump(int *p) {
  (void)p;
  cleanups++;
}
struct catcher__frame {
  yc_coro yc_hdr;
  int guard;
  int err;
  int caught;
};
static int catcher__resume(yc_coro *yc_c, void *yc_out, const void *yc_in);
static const yc__coro_type catcher__type = {
    "catcher", catcher__resume, sizeof(struct catcher__frame), sizeof(int), 0,
    0, 0, YC__GENERATOR, 0};
static yc_gen *catcher(void) {
  struct catcher__frame *f = yc__frame_new(&catcher__type);
  return f ? (yc_gen *)&f->yc_hdr : NULL;
}
static int catcher__resume(yc_coro *yc_c, void *yc_out, const void *yc_in) {
  struct catcher__frame *f = (struct catcher__frame *)yc_c;
  (void)yc_in;
  switch (yc_c->state) {
  case 0: break;
  case 1: goto yc_resume_1;
  case 2: goto yc_resume_2;
  case 3: goto yc_resume_3;
  default: return YC__RETURN;
  }
  f->guard = 0;
  /* yc_try */
  if (yc_out)
    *(int *)yc_out = 1;
  yc_c->state = 1;
  return YC__YIELD;
yc_resume_1:
  if (yc_c->flags & (YC__F_THROW | YC__F_CLOSE))
    goto yc_unwind_1;
  goto yc_try_end_1;
yc_unwind_1:
  if (yc_c->flags & YC__F_CLOSE) /* close skips catch blocks */
    goto yc_unwind_out;
  /* yc_catch (err) */
  f->err = yc_c->error;
  catch_runs++;
  f->caught = f->err;
  if (yc_out)
    *(int *)yc_out = 2;
  yc_c->state = 2;
  return YC__YIELD;
yc_resume_2:
  if (yc_c->flags & (YC__F_THROW | YC__F_CLOSE))
    goto yc_unwind_out;
yc_try_end_1:
  if (yc_out)
    *(int *)yc_out = 3;
  yc_c->state = 3;
  return YC__YIELD;
yc_resume_3:
  if (yc_c->flags & (YC__F_THROW | YC__F_CLOSE))
    goto yc_unwind_out;
  bump(&f->guard);
  yc_c->state = -1;
  return YC__RETURN;
yc_unwind_out:
  bump(&f->guard);
  yc_c->state = -1;
  return (yc_c->flags & YC__F_CLOSE) ? YC__RETURN : YC__FAIL;
}

/* ---- yc_generator(int, void, long long) answer(int n) ----------------------
 *   __attribute__((cleanup(bump))) int guard = 0;
 *   for (int i = 0; i < n; i++) yield(i);
 *   if (n < 0) yc_raise(-n);
 *   yc_return(42);                                                          */
struct answer__frame {
  yc_coro yc_hdr;
  int n;
  int guard;
  int i;
  long long yc_ret;
};
static int answer__resume(yc_coro *yc_c, void *yc_out, const void *yc_in);
static const yc__coro_type answer__type = {
    "answer", answer__resume, sizeof(struct answer__frame), sizeof(int), 0,
    sizeof(long long), offsetof(struct answer__frame, yc_ret), YC__GENERATOR, 0};
static yc_gen *answer(int n) {
  struct answer__frame *f = yc__frame_new(&answer__type);
  if (!f)
    return NULL;
  f->n = n;
  return (yc_gen *)&f->yc_hdr;
}
static int answer__resume(yc_coro *yc_c, void *yc_out, const void *yc_in) {
  struct answer__frame *f = (struct answer__frame *)yc_c;
  (void)yc_in;
  switch (yc_c->state) {
  case 0: break;
  case 1: goto yc_resume_1;
  default: return YC__RETURN;
  }
  f->guard = 0;
  for (f->i = 0; f->i < f->n; f->i++) {
    if (yc_out)
      *(int *)yc_out = f->i;
    yc_c->state = 1;
    return YC__YIELD;
  yc_resume_1:
    if (yc_c->flags & (YC__F_THROW | YC__F_CLOSE))
      goto yc_unwind_1;
  }
  if (f->n < 0) {
    yc_c->error = -f->n;
    bump(&f->guard);
    yc_c->state = -1;
    return YC__FAIL;
  }
  f->yc_ret = 42;
  yc_c->flags |= YC__F_HAS_RESULT;
  bump(&f->guard);
  yc_c->state = -1;
  return YC__RETURN;
yc_unwind_1:
  bump(&f->guard);
  yc_c->state = -1;
  return (yc_c->flags & YC__F_CLOSE) ? YC__RETURN : YC__FAIL;
}

/* ---- tests --------------------------------------------------------------- */

static void test_count_and_exhaustion(void) {
  yc_gen *g = count_up(3);
  int v = -1;
  for (int want = 0; want < 3; want++) {
    CHECK(yc_next(g, &v));
    CHECK(v == want);
    CHECK(!yc_done(g));
  }
  v = -1;
  CHECK(!yc_next(g, &v));
  CHECK(v == -1); /* nothing written when exhausted */
  CHECK(yc_done(g));
  CHECK(yc_error(g) == 0);
  for (int k = 0; k < 3; k++) /* exhausted keeps returning false */
    CHECK(!yc_next(g, &v));
  CHECK(yc_error(g) == 0);
  CHECK(!yc_result(g, (long long *)NULL)); /* count_up returns nothing */
  CHECK(yc_error(g) == YC_ENORESULT);
  yc_free(g);

  /* out may be NULL: the value is dropped, the generator still advances. */
  g = count_up(2);
  CHECK(yc_next(g, NULL));
  CHECK(yc_next(g, &v) && v == 1);
  CHECK(!yc_next(g, NULL));
  yc_free(g);
}

static void test_lazy_start(void) {
  count_up_started = 0;
  yc_gen *g = count_up(5);
  CHECK(count_up_started == 0); /* calling runs none of the body */
  CHECK(!yc_done(g));
  int v;
  CHECK(yc_next(g, &v) && v == 0);
  CHECK(count_up_started == 1);
  yc_free(g); /* suspended: closed, then freed */

  /* Closing an unstarted generator only marks it exhausted. */
  count_up_started = 0;
  g = count_up(5);
  yc_close(g);
  CHECK(yc_done(g));
  CHECK(!yc_next(g, &v));
  CHECK(count_up_started == 0);
  CHECK(yc_error(g) == 0);
  yc_free(g);

  yc_free((yc_gen *)NULL); /* no-op */
}

static void test_send_accumulator(void) {
  yc_gen *g = acc();
  int v = -1, in = 5;
  /* A just-started generator accepts only a NULL send. */
  CHECK(!yc_send(g, &in, &v));
  CHECK(yc_error(g) == YC_EJUSTSTARTED);
  CHECK(yc_error(g) == 0); /* reported once */
  CHECK(!yc_done(g));      /* and the generator is unaffected */
  CHECK(v == -1);
  CHECK(yc_send(g, (const int *)NULL, &v) && v == 0);
  CHECK(yc_send(g, &in, &v) && v == 5);
  in = 3;
  CHECK(yc_send(g, &in, &v) && v == 8);
  CHECK(yc_next(g, &v) && v == 8); /* next sends "None": x reads 0 */
  in = -10;
  CHECK(yc_send(g, &in, &v) && v == -2);

  /* A sent value of the wrong size is refused with a message. */
  long long big = 1;
  capture_begin();
  bool ok = yc_send(g, &big, &v);
  const char *msg = capture_end();
  CHECK(!ok);
  CHECK(yc_error(g) == YC_ESIZE);
  CHECK(strstr(msg, "yc_send(acc)") && strstr(msg, "8 bytes") &&
        strstr(msg, "4-byte"));
  CHECK(!yc_done(g));
  in = 2;
  CHECK(yc_send(g, &in, &v) && v == 0); /* total unchanged by the refusal */

  /* yc_check_sent inside the body would catch a T that is not S. */
  capture_begin();
  int rc = yc__check_sent((yc_coro *)g, &big, sizeof big);
  msg = capture_end();
  CHECK(rc == YC_ESIZE && strstr(msg, "acc"));
  CHECK(yc__check_sent((yc_coro *)g, NULL, sizeof big) == 0);
  CHECK(yc__check_sent((yc_coro *)g, &in, sizeof in) == 0);
  yc_free(g);
}

static void test_running(void) {
  yc_gen *g = NULL;
  g = selfish(&g);
  int v = 0;
  CHECK(yc_next(g, &v) && v == 1);
  /* The body called yc_next on itself: false, and ERUNNING. */
  CHECK(yc_next(g, &v) && v == YC_ERUNNING);
  CHECK(!yc_done(g)); /* not killed */
  CHECK(yc_next(g, &v) && v == 3);
  CHECK(!yc_next(g, &v));
  CHECK(yc_error(g) == 0);
  yc_free(g);
}

static void test_size_mismatch(void) {
  yc_gen *g = count_up(3);
  long long wide = 77;
  capture_begin();
  bool ok = yc_next(g, &wide);
  const char *msg = capture_end();
  CHECK(!ok);
  CHECK(wide == 77); /* never an overwrite */
  CHECK(yc_error(g) == YC_ESIZE);
  CHECK(yc_error(g) == 0);
  CHECK(strstr(msg, "yc_next(count_up)") != NULL);
  CHECK(strstr(msg, "8 bytes") && strstr(msg, "4-byte"));
  CHECK(strchr(msg, '\n') == msg + strlen(msg) - 1); /* one line */
  int v = -1;
  CHECK(yc_next(g, &v) && v == 0); /* unaffected: starts from 0 */

  char narrow = 0;
  capture_begin();
  ok = yc_throw(g, 5, &narrow);
  msg = capture_end();
  CHECK(!ok && yc_error(g) == YC_ESIZE && strstr(msg, "yc_throw(count_up)"));
  CHECK(yc_next(g, &v) && v == 1);
  yc_free(g);

  g = answer(0);
  CHECK(!yc_next(g, NULL));
  int small;
  capture_begin();
  ok = yc_result(g, &small);
  msg = capture_end();
  CHECK(!ok && yc_error(g) == YC_ESIZE && strstr(msg, "yc_result(answer)"));
  long long r = 0;
  CHECK(yc_result(g, &r) && r == 42);
  yc_free(g);
}

static void test_throw(void) {
  /* Caught: the generator handles it and yields again. */
  cleanups = catch_runs = 0;
  yc_gen *g = catcher();
  int v = 0;
  CHECK(yc_next(g, &v) && v == 1);
  CHECK(yc_throw(g, 7, &v) && v == 2);
  CHECK(((struct catcher__frame *)g)->caught == 7);
  CHECK(catch_runs == 1);
  CHECK(yc_next(g, &v) && v == 3);
  CHECK(!yc_next(g, &v));
  CHECK(yc_error(g) == 0);
  CHECK(cleanups == 1);
  yc_free(g);
  CHECK(cleanups == 1);

  /* Uncaught: the generator fails with it; reported once. */
  cleanups = catch_runs = 0;
  g = catcher();
  CHECK(yc_next(g, &v) && v == 1);
  CHECK(yc_next(g, &v) && v == 3); /* past the try */
  CHECK(!yc_throw(g, 9, &v));
  CHECK(yc_done(g));
  CHECK(cleanups == 1);
  CHECK(catch_runs == 0);
  CHECK(yc_error(g) == 9);
  CHECK(yc_error(g) == 0);
  CHECK(!yc_next(g, &v));
  /* Throw into a finished generator: false, nothing runs. */
  CHECK(!yc_throw(g, 11, &v));
  CHECK(yc_error(g) == 0);
  yc_free(g);
  CHECK(cleanups == 1);

  /* Throw into an unstarted generator: it fails without running. */
  count_up_started = 0;
  g = count_up(3);
  CHECK(!yc_throw(g, -5, NULL));
  CHECK(count_up_started == 0);
  CHECK(yc_done(g));
  CHECK(yc_error(g) == -5);
  CHECK(!yc_next(g, &v));
  CHECK(count_up_started == 0);
  yc_free(g);

  /* A negative errno raised by the body (yc_raise). */
  cleanups = 0;
  g = answer(-4);
  CHECK(!yc_next(g, &v));
  CHECK(yc_error(g) == 4); /* yc_raise(-n) */
  CHECK(cleanups == 1);
  yc_free(g);
}

static void test_close_and_free(void) {
  /* Close a suspended generator: cleanups once, catch blocks not at all. */
  cleanups = catch_runs = 0;
  yc_gen *g = catcher();
  int v;
  CHECK(yc_next(g, &v) && v == 1); /* inside the try */
  yc_close(g);
  CHECK(cleanups == 1);
  CHECK(catch_runs == 0);
  CHECK(yc_done(g));
  CHECK(yc_error(g) == 0); /* closed is not failed */
  yc_close(g);             /* closing again does nothing */
  CHECK(cleanups == 1);
  CHECK(!yc_next(g, &v));
  CHECK(!yc_result(g, (long long *)NULL));
  yc_free(g);
  CHECK(cleanups == 1);

  /* Free while suspended runs the cleanup first. */
  cleanups = 0;
  g = answer(5);
  CHECK(yc_next(g, &v) && v == 0);
  CHECK(yc_next(g, &v) && v == 1);
  yc_free(g);
  CHECK(cleanups == 1);

  /* Free of an unstarted one runs nothing (the body never started). */
  cleanups = 0;
  g = answer(5);
  yc_free(g);
  CHECK(cleanups == 0);

  /* Free of a finished one does not run the cleanup again. */
  cleanups = 0;
  g = answer(1);
  while (yc_next(g, &v))
    ;
  CHECK(cleanups == 1);
  long long r = 0;
  CHECK(yc_result(g, &r) && r == 42);
  CHECK(yc_result(g, &r) && r == 42); /* readable again */
  yc_free(g);
  CHECK(cleanups == 1);

  /* yc_foreach's cleanup: frees (closing it) and clears the handle. */
  cleanups = 0;
  g = answer(3);
  CHECK(yc_next(g, &v));
  yc__foreach_cleanup(&g);
  CHECK(g == NULL);
  CHECK(cleanups == 1);
  yc__foreach_cleanup(&g); /* NULL: no-op */
}

static void test_results(void) {
  yc_gen *g = answer(2);
  long long r = -1;
  int v;
  CHECK(!yc_result(g, &r)); /* not finished yet */
  CHECK(yc_error(g) == YC_ENORESULT);
  CHECK(r == -1);
  CHECK(yc_next(g, &v) && yc_next(g, &v));
  CHECK(!yc_next(g, &v));
  CHECK(yc_result(g, &r) && r == 42);
  CHECK(yc_result(g, (long long *)NULL)); /* NULL: just asks */
  yc_free(g);

  /* A closed generator has no result. */
  g = answer(2);
  CHECK(yc_next(g, &v));
  yc_close(g);
  CHECK(!yc_result(g, &r));
  yc_free(g);
}

static void test_null_and_strerror(void) {
  int v;
  CHECK(!yc_next((yc_gen *)NULL, &v));
  CHECK(yc_done(NULL));
  CHECK(yc_error(NULL) == YC_EINVAL);
  yc_close(NULL);
  CHECK(strcmp(yc_strerror(YC_ERUNNING), "generator already executing") == 0);
  int codes[] = {YC_EJUSTSTARTED, YC_ERUNNING, YC_ESIZE, YC_ECANCELLED,
                 YC_ENOMEM, YC_ECLOSED, YC_EINVAL, YC_ENORESULT};
  for (size_t i = 0; i < sizeof codes / sizeof *codes; i++) {
    const char *s = yc_strerror(codes[i]);
    CHECK(s && *s && !strstr(s, "Unknown"));
    for (size_t j = 0; j < i; j++)
      CHECK(strcmp(s, yc_strerror(codes[j])) != 0); /* all distinct */
  }
  CHECK(strcmp(yc_strerror(-2), strerror(2)) == 0); /* -ENOENT */
  CHECK(strcmp(yc_strerror(0), "success") == 0);
}

int main(void) {
  test_count_and_exhaustion();
  test_lazy_start();
  test_send_accumulator();
  test_running();
  test_size_mismatch();
  test_throw();
  test_close_and_free();
  test_results();
  test_null_and_strerror();
  if (failures) {
    fprintf(stderr, "test_coro: %d check(s) failed\n", failures);
    return 1;
  }
  printf("test_coro: all passed\n");
  return 0;
}

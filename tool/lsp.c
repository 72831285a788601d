/* lsp.c - `yieldc lsp`: a language server for C that editors run in place
 * of clangd.  It runs clangd and relays every message both ways, and adds
 * what only yieldc knows: for each open .c file, the translator's
 * analysis of the buffer as it is (lsp_analyse.c), recomputed shortly after
 * the last change (debounced), published merged with clangd's diagnostics (a
 * publishDiagnostics replaces the set, so the last set of each is kept
 * per document and their union published whenever either changes); its
 * fixes as code actions; and on a suspension form a hover in yieldc's
 * terms instead of the marker macro's expansion.
 *
 * One thread, one poll loop.  Each analysis runs in a forked child that
 * writes its result as JSON to a pipe: libclang's time does not stall the
 * relay, an edit kills a stale analysis at once, and a crash in the
 * translator costs one result, never the editor's session.
 *
 * Without clangd it answers the protocol itself with yieldc's diagnostics
 * alone, and says so in the editor (window/showMessage) and on stderr,
 * which editors keep as the server's log. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "jsonrpc.h"
#include "lsp.h"

/* How long after the last change the analysis runs: a third of the time the
 * last analysis of the document took, within [50, 500] ms (200 before the
 * first).  Long enough not to parse on every keystroke (a change kills a
 * running analysis, so typing faster than that costs no work), short
 * enough that yieldc's diagnostics follow clangd's, which also scales
 * its debounce with its rebuild time (bench/lsp_latency.py). */
#define DEBOUNCE_FIRST_MS 200
#define DEBOUNCE_MIN_MS 50
#define DEBOUNCE_MAX_MS 500
/* An analysis still running after this long is stopped (and reported on
 * the log): the editor keeps clangd's diagnostics rather than wait. */
#define ANALYSIS_LIMIT_MS 30000

typedef struct document document;
struct document {
  char *uri, *path;
  buf text;
  long long gen;      /* bumped by every change */
  bool analyse;       /* a .c file: yieldc analyses it */
  json_val *clangd;   /* clangd's last diagnostics (NULL: none yet) */
  json_val *yc;       /* yieldc's last diagnostics */
  char *yc_text;      /* ... serialised, to publish only on a change */
  json_val *hovers;   /* of the analysis of generation analysed */
  long long analysed; /* -1: none yet */
  long long due;      /* when to analyse (ms), 0: not scheduled */
  long long took;     /* the last analysis's time (ms), 0: none yet */
  VEC(json_val *) deferred; /* hover requests waiting for the analysis */
  document *next;
};

static struct {
  rpc_reader client_in, clangd_in;
  rpc_writer client_out, clangd_out;
  pid_t clangd;
  bool have_clangd;
  const char *ccdir; /* clangd's --compile-commands-dir */
  bool utf8;         /* positions in bytes (negotiated by clangd) */
  char *init_id;     /* the initialize request's id, to read its result */
  document *docs;
  VEC(char *) action_ids; /* codeAction requests relayed: our fixes join clangd's answer */
  VEC(json_val *) action_reqs;
  /* the analysis running */
  pid_t child;
  int child_fd;
  buf child_out;
  document *child_doc;
  long long child_gen;
  long long child_start;
  bool shutdown, exit;
} S = {.child = -1, .child_fd = -1};

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void set_nonblock(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

static void send_client(const json_val *msg) {
  char *t = json_text(msg);
  rpc_queue(&S.client_out, t, strlen(t));
  free(t);
}

static void send_clangd_raw(const char *body, size_t n) {
  if (S.have_clangd)
    rpc_queue(&S.clangd_out, body, n);
}

static void send_clangd(const json_val *msg) {
  char *t = json_text(msg);
  send_clangd_raw(t, strlen(t));
  free(t);
}

static void reply(const json_val *id, json_val *result) {
  json_val *m = json_object();
  json_set(m, "jsonrpc", json_string("2.0"));
  json_set(m, "id", json_copy(id));
  json_set(m, "result", result);
  send_client(m);
  json_free(m);
}

static void reply_error(const json_val *id, int code, const char *message) {
  json_val *m = json_object();
  json_set(m, "jsonrpc", json_string("2.0"));
  json_set(m, "id", json_copy(id));
  json_val *e = json_object();
  json_set(e, "code", json_num(code));
  json_set(e, "message", json_string(message));
  json_set(m, "error", e);
  send_client(m);
  json_free(m);
}

static void notify(const char *method, json_val *params) {
  json_val *m = json_object();
  json_set(m, "jsonrpc", json_string("2.0"));
  json_set(m, "method", json_string(method));
  json_set(m, "params", params);
  send_client(m);
  json_free(m);
}

/* ---- documents ---------------------------------------------------------- */

static document *find_doc(const char *uri) {
  for (document *d = S.docs; uri && d; d = d->next)
    if (!strcmp(d->uri, uri))
      return d;
  return NULL;
}

static bool is_c_source(const char *path, const char *language) {
  size_t n = path ? strlen(path) : 0;
  bool dot_c = n > 2 && !strcmp(path + n - 2, ".c");
  return dot_c && (!language || !strcmp(language, "c"));
}

static void kill_child(void) {
  if (S.child < 0)
    return;
  kill(S.child, SIGKILL);
  waitpid(S.child, NULL, 0);
  close(S.child_fd);
  buf_free(&S.child_out);
  S.child = -1;
  S.child_fd = -1;
  S.child_doc = NULL;
}

static void free_doc(document *d) {
  if (S.child_doc == d)
    kill_child();
  for (size_t i = 0; i < d->deferred.n; i++)
    json_free(d->deferred.v[i]);
  free(d->deferred.v);
  json_free(d->clangd);
  json_free(d->yc);
  json_free(d->hovers);
  free(d->yc_text);
  buf_free(&d->text);
  free(d->uri);
  free(d->path);
  free(d);
}

/* A warning of clang's that yieldc's parse passes on (lsp_analyse.c,
 * -Wreturn-type) which clangd shows too: the same line and text. */
static bool shown_by_clangd(const document *d, const json_val *x) {
  if (!json_str(x, "code"))
    return false;
  long long line = json_int(json_at(x, "range", "start", "line", NULL), -1);
  for (size_t i = 0; d->clangd && i < d->clangd->n; i++) {
    const json_val *c = d->clangd->items[i];
    const char *a = json_str(c, "message"), *b = json_str(x, "message");
    if (a && b && !strcmp(a, b) && json_int(json_at(c, "range", "start", "line", NULL), -2) == line)
      return true;
  }
  return false;
}

/* The union of clangd's and yieldc's sets, as one publishDiagnostics. */
static void publish(document *d) {
  json_val *p = json_object();
  json_set(p, "uri", json_string(d->uri));
  json_val *all = json_array();
  for (size_t i = 0; d->clangd && i < d->clangd->n; i++)
    json_push(all, json_copy(d->clangd->items[i]));
  for (size_t i = 0; d->yc && i < d->yc->n; i++)
    if (!shown_by_clangd(d, d->yc->items[i]))
      json_push(all, json_copy(d->yc->items[i]));
  json_set(p, "diagnostics", all);
  notify("textDocument/publishDiagnostics", p);
}

/* ---- hover -------------------------------------------------------------- */

/* Answers a hover on a suspension form, else passes it to clangd. */
static void answer_hover(document *d, json_val *req) {
  const char *text = d->text.s ? d->text.s : "";
  size_t off = lsp_offset(text, d->text.len, json_at(req, "params", "position", NULL), S.utf8);
  const json_val *best = NULL;
  for (size_t i = 0; d->hovers && i < d->hovers->n; i++) {
    const json_val *h = d->hovers->items[i];
    long long b = json_int(json_get(h, "b"), 0), e = json_int(json_get(h, "e"), 0);
    if ((long long)off < b || (long long)off >= e)
      continue;
    if (!best || e - b < json_int(json_get(best, "e"), 0) - json_int(json_get(best, "b"), 0))
      best = h;
  }
  if (best) {
    json_val *r = json_object();
    json_val *c = json_object();
    json_set(c, "kind", json_string("markdown"));
    json_set(c, "value", json_string(json_str(best, "md")));
    json_set(r, "contents", c);
    json_set(r, "range", lsp_range(text, d->text.len, (size_t)json_int(json_get(best, "b"), 0),
                                   (size_t)json_int(json_get(best, "e"), 0), S.utf8));
    reply(json_get(req, "id"), r);
  } else if (S.have_clangd) {
    send_clangd(req);
  } else {
    reply(json_get(req, "id"), json_null());
  }
}

/* Hovers that waited for an analysis that will not come: clangd's. */
static void release_deferred(document *d) {
  for (size_t i = 0; i < d->deferred.n; i++) {
    if (S.have_clangd)
      send_clangd(d->deferred.v[i]);
    else
      reply(json_get(d->deferred.v[i], "id"), json_null());
    json_free(d->deferred.v[i]);
  }
  d->deferred.n = 0;
}

/* ---- code actions ------------------------------------------------------- */

static long long pos_key(const json_val *p) {
  return json_int(json_get(p, "line"), 0) * 1000000 + json_int(json_get(p, "character"), 0);
}

/* yieldc's fixes for the diagnostics that touch range. */
static void add_actions(json_val *actions, document *d, const json_val *range) {
  long long rb = pos_key(json_get(range, "start")), re = pos_key(json_get(range, "end"));
  for (size_t i = 0; d->yc && i < d->yc->n; i++) {
    json_val *diag = d->yc->items[i];
    json_val *fix = json_at(diag, "data", "fix", NULL);
    if (!fix)
      continue;
    long long db = pos_key(json_at(diag, "range", "start", NULL));
    long long de = pos_key(json_at(diag, "range", "end", NULL));
    if (de < rb || db > re)
      continue;
    json_val *a = json_object();
    json_set(a, "title", json_string(json_str(fix, "title")));
    json_set(a, "kind", json_string("quickfix"));
    json_val *ds = json_array();
    json_push(ds, json_copy(diag));
    json_set(a, "diagnostics", ds);
    json_set(a, "isPreferred", json_bool(true));
    json_val *changes = json_object();
    json_set(changes, d->uri, json_copy(json_get(fix, "edits")));
    json_val *edit = json_object();
    json_set(edit, "changes", changes);
    json_set(a, "edit", edit);
    json_push(actions, a);
  }
}

/* ---- the analysis --------------------------------------------------------- */

static void start_analysis(document *d) {
  int p[2];
  if (pipe(p) < 0) {
    fprintf(stderr, "yieldc lsp: pipe: %s\n", strerror(errno));
    d->due = 0;
    return;
  }
  fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) {
    fprintf(stderr, "yieldc lsp: fork: %s\n", strerror(errno));
    close(p[0]);
    close(p[1]);
    d->due = 0;
    return;
  }
  if (pid == 0) {
    /* stdout is the editor's protocol stream: nothing else may reach it */
    dup2(STDERR_FILENO, STDOUT_FILENO);
    close(p[0]);
    char **flags;
    int nflags;
    lsp_flags_for(d->path, S.ccdir, &flags, &nflags);
    json_val *r =
        lsp_analyse(d->uri, d->path, d->text.s ? d->text.s : "", d->text.len, flags, nflags, S.utf8);
    char *t = json_text(r);
    size_t n = strlen(t);
    for (size_t off = 0; off < n;) {
      ssize_t k = write(p[1], t + off, n - off);
      if (k < 0 && errno == EINTR)
        continue;
      if (k <= 0)
        _exit(1);
      off += (size_t)k;
    }
    _exit(0);
  }
  close(p[1]);
  set_nonblock(p[0]);
  S.child = pid;
  S.child_fd = p[0];
  S.child_doc = d;
  S.child_gen = d->gen;
  S.child_start = now_ms();
  d->due = 0;
}

static void apply_result(document *d, json_val *r) {
  json_free(d->hovers);
  d->hovers = json_take(r, "hovers");
  json_val *diags = json_take(r, "diagnostics");
  if (!diags)
    diags = json_array();
  char *t = json_text(diags);
  bool changed = !d->yc_text || strcmp(t, d->yc_text);
  /* an empty set where there was none changes nothing the editor shows */
  if (!d->yc_text && !diags->n)
    changed = false;
  free(d->yc_text);
  d->yc_text = t;
  json_free(d->yc);
  d->yc = diags;
  d->analysed = d->gen;
  if (changed)
    publish(d);
  for (size_t i = 0; i < d->deferred.n; i++) {
    answer_hover(d, d->deferred.v[i]);
    json_free(d->deferred.v[i]);
  }
  d->deferred.n = 0;
}

/* The child's pipe is readable: collect, and at its end take the result. */
static void child_readable(void) {
  char chunk[65536];
  ssize_t k = read(S.child_fd, chunk, sizeof chunk);
  if (k > 0) {
    buf_put(&S.child_out, chunk, (size_t)k);
    return;
  }
  if (k < 0 && (errno == EINTR || errno == EAGAIN))
    return;
  int status = 0;
  waitpid(S.child, &status, 0);
  close(S.child_fd);
  document *d = S.child_doc;
  json_val *r = S.child_out.s ? json_parse(S.child_out.s, S.child_out.len) : NULL;
  if (!r || !WIFEXITED(status) || WEXITSTATUS(status)) {
    fprintf(stderr, "yieldc lsp: the analysis of %s failed (%s %d)\n", d->path,
            WIFSIGNALED(status) ? "signal" : "status",
            WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
    json_free(r);
    r = json_object();
  }
  bool current = S.child_gen == d->gen;
  d->took = now_ms() - S.child_start;
  buf_free(&S.child_out);
  S.child = -1;
  S.child_fd = -1;
  S.child_doc = NULL;
  if (current)
    apply_result(d, r);
  json_free(r);
}

/* ---- from the editor ------------------------------------------------------ */

static void schedule(document *d, long long delay) {
  d->gen++;
  d->due = now_ms() + delay;
  if (!d->due)
    d->due = 1;
  if (S.child_doc == d)
    kill_child(); /* its text is stale */
}

static json_val *own_capabilities(void) {
  json_val *caps = json_object();
  json_val *sync = json_object();
  json_set(sync, "openClose", json_bool(true));
  json_set(sync, "change", json_num(2));
  json_set(caps, "textDocumentSync", sync);
  json_set(caps, "hoverProvider", json_bool(true));
  json_set(caps, "codeActionProvider", json_bool(true));
  json_val *r = json_object();
  json_set(r, "capabilities", caps);
  json_val *info = json_object();
  json_set(info, "name", json_string("yieldc lsp"));
  json_set(info, "version", json_string(YIELDC_VERSION));
  json_set(r, "serverInfo", info);
  return r;
}

static void from_client(const char *body, size_t n) {
  json_val *m = json_parse(body, n);
  const char *method = json_str(m, "method");
  json_val *id = json_get(m, "id");
  const char *uri = json_str(json_at(m, "params", "textDocument", NULL), "uri");
  document *d = find_doc(uri);
  bool relay = true;
  if (!method) {
    /* a response to clangd's request, or not JSON: clangd's */
  } else if (!strcmp(method, "initialize")) {
    if (S.have_clangd) {
      free(S.init_id);
      S.init_id = id ? json_text(id) : NULL;
    } else {
      reply(id, own_capabilities());
      relay = false;
    }
  } else if (!strcmp(method, "initialized") && !S.have_clangd) {
    json_val *p = json_object();
    json_set(p, "type", json_num(2));
    json_set(p, "message", json_string("yieldc lsp: clangd was not found; showing yieldc's "
                                       "diagnostics only (install clangd or pass "
                                       "--clangd=PATH)"));
    notify("window/showMessage", p);
  } else if (!strcmp(method, "textDocument/didOpen") && uri) {
    if (d) {
      d->text.len = 0;
    } else {
      d = xcalloc(1, sizeof *d);
      d->uri = xstrdup(uri);
      d->path = lsp_uri_to_path(uri);
      d->analysed = -1;
      d->next = S.docs;
      S.docs = d;
    }
    json_val *td = json_at(m, "params", "textDocument", NULL);
    const json_val *t = json_get(td, "text");
    buf_put(&d->text, t && t->kind == JSON_STR ? t->s : "", t && t->kind == JSON_STR ? t->len : 0);
    d->analyse = is_c_source(d->path, json_str(td, "languageId"));
    if (d->analyse)
      schedule(d, 0);
  } else if (!strcmp(method, "textDocument/didChange") && d) {
    const json_val *ch = json_at(m, "params", "contentChanges", NULL);
    for (size_t i = 0; ch && ch->kind == JSON_ARR && i < ch->n; i++)
      lsp_apply_change(&d->text, ch->items[i], S.utf8);
    if (d->analyse) {
      long long delay = d->took ? d->took / 3 : DEBOUNCE_FIRST_MS;
      schedule(d, delay < DEBOUNCE_MIN_MS   ? DEBOUNCE_MIN_MS
                  : delay > DEBOUNCE_MAX_MS ? DEBOUNCE_MAX_MS
                                            : delay);
    }
  } else if (!strcmp(method, "textDocument/didClose") && d) {
    for (document **p = &S.docs; *p; p = &(*p)->next)
      if (*p == d) {
        *p = d->next;
        break;
      }
    release_deferred(d);
    free_doc(d);
    if (!S.have_clangd) {
      json_val *p = json_object();
      json_set(p, "uri", json_string(uri));
      json_set(p, "diagnostics", json_array());
      notify("textDocument/publishDiagnostics", p);
    }
  } else if (!strcmp(method, "textDocument/hover") && d && d->analyse && id) {
    if (d->due || S.child_doc == d || d->analysed != d->gen)
      VEC_PUSH(d->deferred, json_copy(m));
    else
      answer_hover(d, m);
    relay = false;
  } else if (!strcmp(method, "textDocument/codeAction") && d && id) {
    if (S.have_clangd) {
      VEC_PUSH(S.action_ids, json_text(id));
      VEC_PUSH(S.action_reqs, json_copy(m));
    } else {
      json_val *actions = json_array();
      add_actions(actions, d, json_at(m, "params", "range", NULL));
      reply(id, actions);
      relay = false;
    }
  } else if (!strcmp(method, "shutdown")) {
    S.shutdown = true;
    if (!S.have_clangd) {
      reply(id, json_null());
      relay = false;
    }
  } else if (!strcmp(method, "exit")) {
    S.exit = true;
  } else if (!S.have_clangd && id) {
    reply_error(id, -32601, "yieldc lsp without clangd: method not supported");
    relay = false;
  }
  if (relay)
    send_clangd_raw(body, n);
  json_free(m);
}

/* ---- from clangd -------------------------------------------------------- */

static void from_clangd(const char *body, size_t n) {
  json_val *m = json_parse(body, n);
  const char *method = json_str(m, "method");
  json_val *id = json_get(m, "id");
  bool relay = true;
  if (method && !strcmp(method, "textDocument/publishDiagnostics")) {
    document *d = find_doc(json_str(json_get(m, "params"), "uri"));
    json_val *diags = json_at(m, "params", "diagnostics", NULL);
    if (d && d->analyse && diags) {
      json_free(d->clangd);
      d->clangd = json_copy(diags);
      publish(d);
      relay = false;
    }
  } else if (!method && id) {
    char *key = json_text(id);
    if (S.init_id && !strcmp(key, S.init_id)) {
      const json_val *r = json_get(m, "result");
      const char *enc = json_str(r, "offsetEncoding");
      if (!enc)
        enc = json_str(json_get(r, "capabilities"), "positionEncoding");
      S.utf8 = enc && !strcmp(enc, "utf-8");
      free(S.init_id);
      S.init_id = NULL;
    }
    for (size_t i = 0; i < S.action_ids.n; i++) {
      if (strcmp(S.action_ids.v[i], key))
        continue;
      json_val *req = S.action_reqs.v[i];
      document *d = find_doc(json_str(json_at(req, "params", "textDocument", NULL), "uri"));
      json_val *result = json_get(m, "result");
      if (d && (!result || result->kind == JSON_ARR || result->kind == JSON_NULL)) {
        json_val *actions = result && result->kind == JSON_ARR ? json_copy(result) : json_array();
        add_actions(actions, d, json_at(req, "params", "range", NULL));
        /* clangd's error (a range past the end, say) stands unless yieldc
         * has something to offer */
        if (!json_get(m, "error") || actions->n) {
          json_free(json_take(m, "error"));
          json_set(m, "result", actions);
          send_client(m);
          relay = false;
        } else {
          json_free(actions);
        }
      }
      free(S.action_ids.v[i]);
      json_free(req);
      S.action_ids.v[i] = S.action_ids.v[S.action_ids.n - 1];
      S.action_reqs.v[i] = S.action_reqs.v[S.action_reqs.n - 1];
      S.action_ids.n--;
      S.action_reqs.n--;
      break;
    }
    free(key);
  }
  if (relay)
    rpc_queue(&S.client_out, body, n);
  json_free(m);
}

/* ---- clangd --------------------------------------------------------------- */

static bool executable(const char *p) { return access(p, X_OK) == 0; }

/* PATH, or a versioned name as Debian installs it. */
static char *find_clangd(void) {
  static const char *const names[] = {"clangd",    "clangd-19", "clangd-18", "clangd-17",
                                      "clangd-16", "clangd-15", "clangd-14"};
  const char *path = getenv("PATH");
  for (size_t i = 0; path && i < sizeof names / sizeof *names; i++) {
    char *copy = xstrdup(path);
    for (char *dir = strtok(copy, ":"); dir; dir = strtok(NULL, ":")) {
      char *p = xasprintf("%s/%s", *dir ? dir : ".", names[i]);
      if (executable(p)) {
        free(copy);
        return p;
      }
      free(p);
    }
    free(copy);
  }
  return NULL;
}

static bool start_clangd(const char *prog, int argc, char **argv) {
  int to[2], from[2];
  if (pipe(to) < 0 || pipe(from) < 0)
    return false;
  pid_t pid = fork();
  if (pid < 0)
    return false;
  if (pid == 0) {
    dup2(to[0], STDIN_FILENO);
    dup2(from[1], STDOUT_FILENO);
    close(to[0]);
    close(to[1]);
    close(from[0]);
    close(from[1]);
    char **av = xcalloc((size_t)argc + 2, sizeof *av);
    av[0] = (char *)prog;
    for (int i = 0; i < argc; i++)
      av[i + 1] = argv[i];
    execv(prog, av);
    fprintf(stderr, "yieldc lsp: cannot run '%s': %s\n", prog, strerror(errno));
    _exit(127);
  }
  close(to[0]);
  close(from[1]);
  S.clangd = pid;
  S.clangd_out.fd = to[1];
  S.clangd_in.fd = from[0];
  set_nonblock(to[1]);
  set_nonblock(from[0]);
  return true;
}

static void usage(void) {
  fputs("usage: yieldc lsp [--clangd=PATH|none] [CLANGD-ARGS...]\n"
        "A language server for C: clangd with yieldc's diagnostics and hovers.\n"
        "Editors run it in place of clangd; CLANGD-ARGS go to clangd.\n",
        stdout);
}

int lsp_main(int argc, char **argv) {
  const char *clangd = NULL;
  VEC(char *) rest = {0};
  for (int i = 0; i < argc; i++) {
    if (!strncmp(argv[i], "--clangd=", 9)) {
      clangd = argv[i] + 9;
    } else if (!strcmp(argv[i], "--help")) {
      usage();
      return 0;
    } else {
      if (!strncmp(argv[i], "--compile-commands-dir=", 23))
        S.ccdir = argv[i] + 23;
      VEC_PUSH(rest, argv[i]);
    }
  }
  signal(SIGPIPE, SIG_IGN);
  char *found = NULL;
  if (!clangd)
    clangd = found = find_clangd();
  if (clangd && !strcmp(clangd, "none")) {
    clangd = NULL;
  } else if (!clangd) {
    fprintf(stderr, "yieldc lsp: error: clangd not found on PATH (nor clangd-19 ... clangd-14); "
                    "running with yieldc's diagnostics only. Install clangd or pass "
                    "--clangd=PATH.\n");
  } else if (!executable(clangd)) {
    fprintf(stderr, "yieldc lsp: error: cannot run clangd '%s': %s; running with yieldc's "
                    "diagnostics only\n",
            clangd, strerror(errno));
    clangd = NULL;
  }
  S.have_clangd = clangd && start_clangd(clangd, (int)rest.n, rest.v);
  free(found);
  free(rest.v);
  S.client_in.fd = STDIN_FILENO;
  S.client_out.fd = STDOUT_FILENO;
  set_nonblock(STDOUT_FILENO);
  bool clangd_gone = !S.have_clangd;
  while (!S.exit) {
    long long now = now_ms(), wait = -1;
    document *next = NULL;
    for (document *d = S.docs; d; d = d->next)
      if (d->due && (!next || d->due < next->due))
        next = d;
    if (next && S.child < 0) {
      if (next->due <= now) {
        start_analysis(next);
        continue;
      }
      wait = next->due - now;
    }
    if (S.child >= 0) {
      long long left = S.child_start + ANALYSIS_LIMIT_MS - now;
      if (left <= 0) {
        fprintf(stderr, "yieldc lsp: the analysis of %s took more than %d s; stopped\n",
                S.child_doc->path, ANALYSIS_LIMIT_MS / 1000);
        document *d = S.child_doc;
        d->took = ANALYSIS_LIMIT_MS;
        kill_child();
        /* no hovers of ours for this text: clangd's */
        json_free(d->hovers);
        d->hovers = NULL;
        d->analysed = d->gen;
        release_deferred(d);
        continue;
      }
      wait = left;
    }
    struct pollfd fds[5];
    int nf = 0, i_client = -1, i_clangd = -1, i_child = -1, i_cout = -1, i_dout = -1;
    if (!S.client_in.eof) {
      i_client = nf;
      fds[nf++] = (struct pollfd){STDIN_FILENO, POLLIN, 0};
    }
    if (!clangd_gone) {
      i_clangd = nf;
      fds[nf++] = (struct pollfd){S.clangd_in.fd, POLLIN, 0};
    }
    if (S.child >= 0) {
      i_child = nf;
      fds[nf++] = (struct pollfd){S.child_fd, POLLIN, 0};
    }
    if (rpc_pending(&S.client_out)) {
      i_cout = nf;
      fds[nf++] = (struct pollfd){STDOUT_FILENO, POLLOUT, 0};
    }
    if (rpc_pending(&S.clangd_out)) {
      i_dout = nf;
      fds[nf++] = (struct pollfd){S.clangd_out.fd, POLLOUT, 0};
    }
    if (i_client < 0 && i_cout < 0 && i_child < 0)
      break; /* the editor is gone and nothing is left to say */
    if (poll(fds, (nfds_t)nf, (int)wait) < 0) {
      if (errno == EINTR)
        continue;
      break;
    }
    if (i_client >= 0 && fds[i_client].revents) {
      rpc_fill(&S.client_in);
      char *msg;
      size_t n;
      while ((msg = rpc_next(&S.client_in, &n))) {
        from_client(msg, n);
        free(msg);
      }
    }
    if (i_clangd >= 0 && fds[i_clangd].revents) {
      if (!rpc_fill(&S.clangd_in)) {
        clangd_gone = true;
        if (!S.shutdown) {
          fprintf(stderr, "yieldc lsp: error: clangd exited\n");
          S.exit = true;
        }
      }
      char *msg;
      size_t n;
      while ((msg = rpc_next(&S.clangd_in, &n))) {
        from_clangd(msg, n);
        free(msg);
      }
    }
    if (i_child >= 0 && fds[i_child].revents)
      child_readable();
    if (i_cout >= 0 && fds[i_cout].revents)
      rpc_flush(&S.client_out);
    if (i_dout >= 0 && fds[i_dout].revents)
      rpc_flush(&S.clangd_out);
    if (S.client_in.eof && !S.exit) {
      S.exit = true; /* the editor closed our input without "exit" */
    }
  }
  /* what is left for the editor and clangd ("exit" itself), then wait
   * for clangd a moment before stopping it */
  kill_child();
  int flags = fcntl(STDOUT_FILENO, F_GETFL);
  fcntl(STDOUT_FILENO, F_SETFL, flags & ~O_NONBLOCK);
  rpc_flush(&S.client_out);
  if (S.have_clangd) {
    fcntl(S.clangd_out.fd, F_SETFL, fcntl(S.clangd_out.fd, F_GETFL) & ~O_NONBLOCK);
    rpc_flush(&S.clangd_out);
    close(S.clangd_out.fd);
    int status;
    for (int i = 0; i < 100 && waitpid(S.clangd, &status, WNOHANG) == 0; i++)
      usleep(20000);
    if (waitpid(S.clangd, &status, WNOHANG) == 0) {
      kill(S.clangd, SIGTERM);
      waitpid(S.clangd, &status, 0);
    }
  }
  while (S.docs) {
    document *d = S.docs;
    S.docs = d->next;
    free_doc(d);
  }
  return S.shutdown ? 0 : 1;
}

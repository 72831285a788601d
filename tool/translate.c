/* translate.c - runs the phases on one file: read the input, parse ->
 * analyse -> lower/emit, and write the output atomically (nothing is
 * written when anything was reported). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyse.h"
#include "dot.h"
#include "emit.h"
#include "launcher.h"
#include "parse.h"
#include "translate.h"

int yieldc_translate(const char *input, const char *output, const char *emit, bool lines,
                     const char *dump, const char *const *flags, int nflags) {
  return yieldc_translate_deps(input, output, emit, lines, dump, flags, nflags, NULL);
}

int yieldc_translate_deps(const char *input, const char *output, const char *emit, bool lines,
                          const char *dump, const char *const *flags, int nflags,
                          const depfile_opts *deps) {
  /* The compiler's colour flags colour yieldc's messages too (the last
   * one wins, as in the compiler). */
  for (int i = 0; i < nflags; i++) {
    diag_color_mode m;
    bool bad;
    if (diag_color_flag(flags[i], &m, &bad) && !bad)
      diag_set_color(m);
  }
  ir_unit u = {0};
  file_list read = {0};
  size_t len;
  char *text = read_file(input, &len);
  if (!text) {
    diag_tool("error", "cannot read '%s': %s", input, strerror(errno));
    return 2;
  }
  u.file = (src_file){input, text, (unsigned)len};

  const char **args = xcalloc((size_t)nflags + 5, sizeof *args);
  int na = 0;
  char *inc = xasprintf("-I%s", yieldc_include_dir());
  /* gcc-only warning options in a build's flags must not stop libclang */
  args[na++] = "-Wno-unknown-warning-option";
  for (int i = 0; i < nflags; i++)
    args[na++] = flags[i];
  args[na++] = inc;
  unsigned errors_before = diag_error_count();
  int rc = 0;
  bool ok = parse_unit_reading(&u, args, na, deps && deps->file ? &read : NULL);
  if (ok && dump && !strcmp(dump, "parse") && diag_error_count() == errors_before) {
    buf b = {0};
    for (size_t i = 0; i < u.funcs.n; i++)
      ir_dump(&u, &u.funcs.v[i], &b);
    fputs(b.s ? b.s : "", stdout);
    buf_free(&b);
    goto done;
  }
  if (ok)
    ok = analyse_unit(&u) && diag_error_count() == errors_before;
  if (!ok) {
    rc = 1;
    goto done;
  }
  if (dump) {
    buf b = {0};
    for (size_t i = 0; i < u.funcs.n; i++)
      ir_dump(&u, &u.funcs.v[i], &b);
    fputs(b.s ? b.s : "", stdout);
    buf_free(&b);
    goto done;
  }
  lower_opts o = {&u, input, output ? output : "-", lines};
  buf out = {0};
  if (!strncmp(emit, "dot", 3)) {
    /* --emit=dot=FUNC: that coroutine function only */
    const char *only = emit[3] == '=' ? emit + 4 : NULL;
    if (!dot_emit(&u, only, &out)) {
      diag_tool("error", "--emit=dot=%s: no coroutine function '%s' in '%s'", only, only, input);
      buf names = {0};
      for (size_t i = 0; i < u.funcs.n; i++)
        buf_printf(&names, "%s%s", i ? ", " : "", u.funcs.v[i].name);
      if (names.len)
        diag_tool("note", "its coroutine functions: %s", names.s);
      buf_free(&names);
      rc = 2;
      buf_free(&out);
      goto done;
    }
  } else {
    emit_c(&o, &out);
  }
  if (!output || !strcmp(output, "-")) {
    fwrite(out.s ? out.s : "", 1, out.len, stdout);
  } else if (!write_file_atomic(output, out.s ? out.s : "", out.len)) {
    diag_tool("error", "cannot write '%s': %s", output, strerror(errno));
    rc = 2;
  }
  if (rc == 0 && deps && deps->file && !depfile_write(deps, output ? output : "-", &read)) {
    diag_tool("error", "cannot write '%s': %s", deps->file, strerror(errno));
    rc = 2;
  }
  buf_free(&out);
done:
  file_list_free(&read);
  ir_unit_free(&u);
  diag_release();
  free(text);
  free(inc);
  free(args);
  return rc;
}

#!/usr/bin/env python3
"""bench/lsp_latency.py [YIELDC] [RUNS]: how soon `yieldc lsp` publishes
yieldc's diagnostics for a 2,000-line file, next to clangd's own, in the
same session (issue 18's target: yieldc's within 1.5x clangd's).

The file is bench/gen_large.py's (generators with loops, switches,
yield_from, cleanups, try/catch) cut to 2,000 lines, plus one function
with a yield outside a coroutine (a yieldc error) and an unused variable
(a clang warning), so that each side publishes something.  Per run, a
fresh server: open the file and time, from the didOpen, the first
publication holding clangd's warning and the first holding yieldc's
error; then change one line and time both again (yieldc's includes its
200 ms debounce; clangd debounces too).  Prints each run and the medians
and their ratios.  A measurement, not a test: nothing here asserts time."""
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "test", "tooling", "Inputs", "lsp"))
from lspclient import Client, yieldc_diags, other_diags  # noqa: E402

yieldc = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, "build", "bin", "yieldc")
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5

gen = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_large.py"), "60"],
                     capture_output=True, text=True, check=True).stdout.splitlines()
tail = ["", "int plain(int x) {", "  int unused_here;", "  yield(x);", "  return x;", "}"]
# whole generator functions up to 2,000 lines (each ends with a line "}")
body = []
for line in gen:
    body.append(line)
    if line == "}" and len(body) + len(tail) >= 1990:
        break
lines = body[:]
# gen_large's consumer is cut off: pad with comments to exactly 2,000
while len(lines) + len(tail) < 2000:
    lines.append("/* padding */")
lines += tail
text = "\n".join(lines) + "\n"
assert len(lines) == 2000

work = tempfile.mkdtemp(prefix="yc-lsp-bench-")
src = os.path.join(work, "large.c")
with open(src, "w") as f:
    f.write(text)
with open(os.path.join(work, "compile_flags.txt"), "w") as f:
    f.write("-std=gnu11\n-Wall\n-I%s\n" % os.path.join(ROOT, "include"))


def has_clang(ds):
    """clangd's warning"""
    return any("unused_here" in d["message"] for d in other_diags(ds))


def has_yieldc(ds):
    """yieldc's error"""
    return any("outside a coroutine" in d["message"] for d in yieldc_diags(ds))


def one_run():
    c = Client([yieldc, "lsp"], cwd=work, stderr=subprocess.DEVNULL)
    c.initialize(work)
    mark = c.count()
    t0 = time.monotonic()
    uri = c.open(src, text)
    _, tc, _ = c.diagnostics(uri, has_clang, timeout=300, start=mark)
    _, ty, _ = c.diagnostics(uri, has_yieldc, timeout=300, start=mark)
    opened = (tc - t0, ty - t0)
    # an edit: rename the unused variable and move the stray yield's line;
    # wait for both sides to show the new text
    n = len(lines)
    mark = c.count()
    t0 = time.monotonic()
    c.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": {"line": n - 4, "character": 0},
                                      "end": {"line": n - 3, "character": 0}},
                            "text": "  int unused_there;\n  (void)0; yield(x);\n"}]})

    def clang2(ds):
        """clangd's warning after the edit"""
        return any("unused_there" in d["message"] for d in other_diags(ds))

    def yieldc2(ds):
        """yieldc's error after the edit"""
        return any(d["range"]["start"]["character"] == 11 for d in yieldc_diags(ds))
    _, tc2, _ = c.diagnostics(uri, clang2, timeout=300, start=mark)
    _, ty2, _ = c.diagnostics(uri, yieldc2, timeout=300, start=mark)
    c.close()
    return opened, (tc2 - t0, ty2 - t0)


print("file: %d lines, %d bytes; yieldc lsp = %s" % (len(lines), len(text), yieldc))
opens, edits = [], []
for r in range(runs):
    o, e = one_run()
    opens.append(o)
    edits.append(e)
    print("run %d: open: clangd %.0f ms, yieldc %.0f ms; edit: clangd %.0f ms, yieldc %.0f ms"
          % (r + 1, o[0] * 1e3, o[1] * 1e3, e[0] * 1e3, e[1] * 1e3))
for name, xs in (("open", opens), ("edit", edits)):
    c = statistics.median(x[0] for x in xs)
    y = statistics.median(x[1] for x in xs)
    print("median %s: clangd %.0f ms, yieldc %.0f ms, ratio yieldc/clangd %.2f (target <= 1.5)"
          % (name, c * 1e3, y * 1e3, y / c))

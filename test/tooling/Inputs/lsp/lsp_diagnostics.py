"""test/tooling/lsp-diagnostics.c: drives `yieldc lsp` over stdio.

usage: lsp_diagnostics.py YIELDC INCLUDE_DIR WORK_DIR

Opens errors.c; clangd's warning and yieldc's two errors arrive, yieldc's
with the command line's lines, columns and texts; the yield_from fix is a
code action; editing the file as it says removes that error and keeps the
other; a hover on a yield is yieldc's, a hover elsewhere clangd's."""
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import Client, yieldc_diags, other_diags  # noqa: E402

yieldc, include, work = sys.argv[1:4]
os.makedirs(work, exist_ok=True)
src = os.path.join(work, "errors.c")
shutil.copy(os.path.join(os.path.dirname(os.path.abspath(__file__)), "errors.c"), src)
flags = ["-std=gnu11", "-Wall", "-I" + include]
with open(os.path.join(work, "compile_flags.txt"), "w") as f:
    f.write("\n".join(flags) + "\n")
text = open(src).read()

# What the command line says, for comparison.
cl = subprocess.run([yieldc, src, "-o", os.path.join(work, "out.c"), "--"] + flags,
                    capture_output=True, text=True)
assert cl.returncode == 1, cl
expected = []
for line in cl.stderr.splitlines():
    m = re.match(r"^(.*):(\d+):(\d+): (error|warning): (.*)$", line)
    if m and m.group(1) == src:
        expected.append((int(m.group(2)) - 1, int(m.group(3)) - 1, m.group(4), m.group(5)))
assert len(expected) == 2, cl.stderr
print("command line:", expected)

c = Client([yieldc, "lsp"], cwd=work, stderr=open(os.path.join(work, "server.log"), "w"))
init = c.initialize(work)
caps = init["result"]["capabilities"]
assert caps.get("hoverProvider") and caps.get("codeActionProvider"), caps
uri = c.open(src, text)


def complete(ds):
    """clangd's unused-variable warning and yieldc's two errors"""
    return (len(yieldc_diags(ds)) == 2
            and any("unused_here" in d["message"] for d in other_diags(ds)))


_, _, ds = c.diagnostics(uri, complete, timeout=120)
got = sorted((d["range"]["start"]["line"], d["range"]["start"]["character"],
              {1: "error", 2: "warning"}[d["severity"]], d["message"]) for d in yieldc_diags(ds))
print("lsp:", got)
assert got == sorted(expected), (got, expected)
for d in yieldc_diags(ds):
    assert d["relatedInformation"], d  # the note: what to write instead

# The yield_from mismatch: its fix is a code action replacing 'long'.
mismatch = [d for d in yieldc_diags(ds) if "yield_from" in d["message"]][0]
rid = c.request("textDocument/codeAction", {
    "textDocument": {"uri": uri}, "range": mismatch["range"],
    "context": {"diagnostics": [mismatch]}})
actions = c.response(rid, timeout=120)["result"]
fixes = [a for a in actions if a.get("edit") and a["title"].startswith("write yield_from")]
assert len(fixes) == 1, actions
edit = fixes[0]["edit"]["changes"][uri][0]
assert edit["newText"] == "int", edit
print("fix:", fixes[0]["title"], edit)

# Apply it as the editor would (an incremental change): the error goes,
# the other stays, clangd's warning stays.
mark = c.count()
c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                    "contentChanges": [{"range": edit["range"], "text": "int"}]})


def fixed(ds):
    """yield_from's error gone, the rest still there"""
    ys = yieldc_diags(ds)
    return (len(ys) == 1 and "outside a coroutine" in ys[0]["message"]
            and any("unused_here" in d["message"] for d in other_diags(ds)))


_, _, ds = c.diagnostics(uri, fixed, timeout=120, start=mark)
print("after the edit:", [d["message"] for d in ds])

# Hover on the yield in total(): yieldc's own text.
lines = text.splitlines()
yl = next(i for i, l in enumerate(lines) if l.strip() == "yield(i);")
rid = c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                       "position": {"line": yl, "character": lines[yl].index("yield") + 2}})
hover = c.response(rid, timeout=120)["result"]["contents"]["value"]
print("hover:", hover)
assert "resume point 1 of generator `total`" in hover, hover
assert "`sum` (int)" in hover and "`i` (int)" in hover, hover

# Hover on a variable: clangd's answer, relayed.
sl = next(i for i, l in enumerate(lines) if "sum += i" in l)
rid = c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                       "position": {"line": sl, "character": lines[sl].index("sum")}})
other = c.response(rid, timeout=120)["result"]["contents"]["value"]
print("clangd hover:", other.replace("\n", " | "))
assert "sum" in other and "resume point" not in other, other

# -Wreturn-type: clangd shows it above the coroutine (yieldc.h turns it off
# from the coroutine on); yieldc's own parse adds the one below; none in
# the coroutine, whose `return;` and fall-off are right.
rt = os.path.join(work, "return_type.c")
shutil.copy(os.path.join(os.path.dirname(os.path.abspath(__file__)), "return_type.c"), rt)
uri_rt = c.open(rt, open(rt).read())


def both(ds):
    """-Wreturn-type on lines 3 (clangd's) and 8 (yieldc's)"""
    lines = sorted((d["range"]["start"]["line"] + 1, d.get("source")) for d in ds
                   if d["message"].startswith("Non-void function does not return"))
    return lines == [(3, "clang"), (8, "yieldc")]


_, _, ds = c.diagnostics(uri_rt, both, timeout=120)
assert not [d for d in ds if 3 < d["range"]["start"]["line"] + 1 < 8], ds
print("return-type:", sorted((d["range"]["start"]["line"] + 1, d.get("source"), d["message"]) for d in ds))

assert c.close() == 0
print("ok")

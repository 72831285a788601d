"""test/tooling/lsp-plain.c: a file without coroutines gets exactly
clangd's diagnostics through `yieldc lsp`; without clangd, yieldc lsp
still answers with its own diagnostics and says clangd is missing.

usage: lsp_plain.py YIELDC INCLUDE_DIR WORK_DIR CLANGD"""
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import Client, yieldc_diags  # noqa: E402

yieldc, include, work, clangd = sys.argv[1:5]
here = os.path.dirname(os.path.abspath(__file__))
os.makedirs(work, exist_ok=True)
src = os.path.join(work, "plain.c")
shutil.copy(os.path.join(here, "plain.c"), src)
with open(os.path.join(work, "compile_flags.txt"), "w") as f:
    f.write("-std=gnu11\n-Wall\n-I%s\n" % include)
text = open(src).read()


def final_diagnostics(argv):
    c = Client(argv, cwd=work, stderr=open(os.path.join(work, "server.log"), "a"))
    c.initialize(work)
    uri = c.open(src, text)

    def two(ds):
        """clang's two warnings"""
        return len(ds) >= 2
    i, _, ds = c.diagnostics(uri, two, timeout=120)
    # whatever else comes before the answer to a later request is the final set
    rid = c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                           "position": {"line": 0, "character": 0}})
    c.response(rid, timeout=120)
    try:
        _, _, ds = c.diagnostics(uri, lambda ds: True, timeout=0.01, start=i + 1)
    except AssertionError:
        pass
    assert c.close() == 0
    return ds


def key(ds):
    return sorted(json.dumps(d, sort_keys=True) for d in ds)


direct = final_diagnostics([clangd])
relayed = final_diagnostics([yieldc, "lsp", "--clangd=" + clangd])
print("clangd:", [d["message"] for d in direct])
assert any("unused_here" in d["message"] for d in direct), direct
assert any(d.get("code") == "-Wreturn-type" or "return" in d["message"] for d in direct), direct
assert key(direct) == key(relayed), (direct, relayed)

# No clangd: a message in the editor, yieldc's diagnostics alone.
with open(src, "w") as f:
    f.write(text + "\nvoid g(void) { yield(1); }\n")
c = Client([yieldc, "lsp", "--clangd=none"], cwd=work,
           stderr=open(os.path.join(work, "server.log"), "a"))
caps = c.initialize(work)["result"]["capabilities"]
assert caps["hoverProvider"] and caps["codeActionProvider"], caps
uri = c.open(src, open(src).read())
_, _, ds = c.diagnostics(uri, lambda ds: len(ds) > 0, timeout=120)
# yieldc's error, and the -Wreturn-type its own parse reports (clangd's
# other warnings are missing with clangd)
assert sorted(d["message"] for d in ds) == [
    "Non-void function does not return a value in all control paths",
    "suspension form used outside a coroutine function"], ds
_, _, m = c.wait_for(lambda m: m.get("method") == "window/showMessage", timeout=60)
assert "clangd was not found" in m["params"]["message"], m
print("without clangd:", m["params"]["message"])

# A file that uses yield without yieldc.h: yieldc's note, with the line to
# add, is a quick fix inserting it (the compiler's warning is clangd's).
noinc = os.path.join(work, "noinc.c")
with open(noinc, "w") as f:
    f.write("int f(int x) {\n  yield(x);\n  return 0;\n}\n")
uri2 = c.open(noinc, open(noinc).read())
_, _, ds = c.diagnostics(uri2, lambda ds: len(ds) > 0, timeout=120)
assert len(ds) == 1 and ds[0]["severity"] == 3, ds
print("no include:", ds[0]["message"])
rid = c.request("textDocument/codeAction", {"textDocument": {"uri": uri2}, "range": ds[0]["range"],
                                            "context": {"diagnostics": ds}})
acts = c.response(rid, timeout=120)["result"]
assert [a["edit"]["changes"][uri2] for a in acts] == [[{
    "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
    "newText": "#include <yieldc.h>\n"}]], acts
print("fix:", acts[0]["title"])

# Positions are UTF-16 code units: a line with an accent and an emoji
# before the form, edited incrementally; the hover shows the new text.
utf = os.path.join(work, "utf.c")
line = "  /* h\u00e9llo \U0001F600 */ yield(x);"
with open(utf, "w", encoding="utf-8") as f:
    f.write("#include <yieldc.h>\nyc_generator(int) g(int x) {\n%s\n}\n" % line)
uri3 = c.open(utf, open(utf, encoding="utf-8").read())


def u16(s):
    return len(s.encode("utf-16-le")) // 2


at = u16(line[:line.index("yield(x)") + 6])
c.notify("textDocument/didChange", {"textDocument": {"uri": uri3, "version": 2}, "contentChanges": [
    {"range": {"start": {"line": 2, "character": at}, "end": {"line": 2, "character": at + 1}},
     "text": "x + 1"},
    {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
     "text": "/* \u00e9 */\n"}]})
rid = c.request("textDocument/hover", {"textDocument": {"uri": uri3},
                                       "position": {"line": 3, "character": u16(line[:line.index("yield")])}})
h = c.response(rid, timeout=120)["result"]
print("utf-16 hover:", h["contents"]["value"].splitlines()[2], h["range"])
assert c.close() == 0
print("ok")

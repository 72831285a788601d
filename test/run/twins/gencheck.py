#!/usr/bin/env python3
"""Regenerate the CHECK lines of test/run/NAME.c from test/run/twins/NAME.py output."""
import os, re, subprocess, sys
RUN = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
def esc(line):
    # escape FileCheck's {{ and [[ by putting them in regex blocks
    out = ""
    i = 0
    while i < len(line):
        if line.startswith("{{", i) or line.startswith("[[", i):
            out += "{{" + re.escape(line[i]) + "}}"
            i += 1
        else:
            out += line[i]; i += 1
    return out
for name in sys.argv[1:]:
    c = os.path.join(RUN, name + ".c")
    py = os.path.join(RUN, "twins", name + ".py")
    res = subprocess.run([sys.executable, py], capture_output=True, text=True, check=True)
    lines = res.stdout.split("\n")
    assert lines[-1] == "", "output must end with newline"
    lines = lines[:-1]
    checks = []
    for k, l in enumerate(lines):
        if l.strip() == "":
            assert k > 0
            checks.append("// CHECK-EMPTY:")
        else:
            checks.append(("// CHECK: " if k == 0 else "// CHECK-NEXT: ") + esc(l))
    checks.append("// CHECK-NOT: {{.}}")
    src = open(c).read().split("\n")
    keep = [l for l in src if not l.startswith("// CHECK")]
    # insert after the last RUN line
    idx = max(i for i, l in enumerate(keep) if l.startswith("// RUN:")) + 1
    new = keep[:idx] + checks + keep[idx:]
    open(c, "w").write("\n".join(new))
    print(f"{name}: {len(lines)} lines")

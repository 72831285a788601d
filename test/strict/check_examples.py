#!/usr/bin/env python3
"""check_examples.py CC YIELDC INCLUDE_DIR WORKDIR SOURCE... - strict builds
(docs/guide.md): translating a file adds no warning under the strict flag
set below.

Each SOURCE is compiled twice with CC and STRICT (at -O2, where gcc's flow
warnings run): as written (the authoring view, which compiles although it
does not link) and as yieldc translates it.  Every warning of the
translation must be one the source has too, at the same line of the user's
file with the same flag: a warning in the generated lines or in yieldc's
headers, or a new one at a user's line, fails.  (The sources themselves
need not be warning-free: only what the translation adds counts.)  Also
fails if either compile fails.  Prints every added warning."""
import collections
import os
import re
import subprocess
import sys

STRICT = ("-std=c11 -pedantic -Wall -Wextra -Wdeclaration-after-statement -Wc++-compat "
          "-Wshadow -Wcast-qual -Wconversion -Wsign-conversion -Wstrict-prototypes "
          "-Wmissing-prototypes -Wundef").split()
WARNING = re.compile(r"^(.*?):(\d+):\d+: warning: (.*) \[(-W[^\]]+)\]$")


def warnings(cc, include, path, extra):
    cmd = [cc] + STRICT + ["-O2", "-D_GNU_SOURCE", "-fdiagnostics-color=never", "-I" + include] + extra + [
        "-c", path, "-o", os.devnull]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if p.returncode != 0:
        sys.stdout.write(p.stdout)
        raise SystemExit("compile failed: " + " ".join(cmd))
    found = collections.Counter()
    text = {}
    for line in p.stdout.splitlines():
        m = WARNING.match(line)
        if m:
            key = (os.path.realpath(m.group(1)), int(m.group(2)), m.group(4).split("=")[0])
            found[key] += 1
            text[key] = line
    return found, text


def main():
    cc, yieldc, include, work = sys.argv[1:5]
    os.makedirs(work, exist_ok=True)
    added = 0
    for src in sys.argv[5:]:
        src = os.path.realpath(src)
        out = os.path.join(work, os.path.basename(src)[:-2] + ".yc.c")
        subprocess.run([yieldc, src, "-o", out, "--", "-I" + include], check=True)
        before, _ = warnings(cc, include, src, [])
        after, text = warnings(cc, include, out, [])
        for key, n in sorted(after.items()):
            if n > before.get(key, 0):
                added += 1
                print("added by the translation: " + text[key])
    print("%d source(s), %d warning(s) added" % (len(sys.argv) - 5, added))
    return 1 if added else 0


if __name__ == "__main__":
    sys.exit(main())

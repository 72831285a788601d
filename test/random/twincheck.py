#!/usr/bin/env python3
"""twincheck.py - check yrandom.py's Python twins against C itself.

run.py compares yieldc's translation with the twin, so a wrong twin looks
like a translator bug.  This checks the twins without yieldc: the authoring
view of each program is compiled by clang against shim/yieldc.h, which runs
generators as stackful coroutines (ucontext), with UBSan (the programs
promise no undefined behaviour), and its output is compared with the
twin's.  Only programs without errors, throw and close (no yc_try,
yc_raise, cleanup locals, or a plan with throw / close / free) can run on
the shim, about 30% of the seeds; the others are skipped.

clang, because C leaves the order of operands open and the twins (like
yieldc) take left to right, which is clang's; gcc evaluates call arguments
right to left.  Exit status 0 when every checked program matched, 1 when
one did not, 77 (skipped) without clang.

  twincheck.py --seeds 0:300               # all real-C features (default)
  twincheck.py --seeds 0:300 --no-real-c   # the programs of before
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import yrandom  # noqa: E402
from run import parse_seeds, sh, split  # noqa: E402

GEN = re.compile(r"^yc_generator\(int, int, int\) (\w+)\((.*)\) \{$", re.M)


def shim_c(text):
    """Each generator g becomes g(a, b) returning a coroutine that runs g__body."""
    def sub(m):
        n, params = m.group(1), m.group(2)
        return ("static int {n}__body({p});\n"
                "static void {n}__entry(yc_gen *g) {{ g->ret = {n}__body(g->a, g->b); }}\n"
                "static yc_gen *{n}(int a, int b) {{ return shim_new({n}__entry, a, b); }}\n"
                "static int {n}__body({p}) {{").format(n=n, p=params)
    return GEN.sub(sub, text)


def runs_on_shim(prog):
    text = "\n".join(yrandom.c_program(prog, 0))
    return not any(k in text for k in ("yc_try", "yc_raise", "cleanup(ycl)")) and not any(prog.plan)


def check(cc, progs, d, timeout):
    """Compile and run progs (list of (index, seed, Program)) on the shim;
    returns [(seed, what)] of those that differ from their twins."""
    pairs = [(i, p) for i, _, p in progs]
    c, py, exe = os.path.join(d, "t.c"), os.path.join(d, "t.py"), os.path.join(d, "t.exe")
    with open(c, "w") as f:
        f.write(shim_c(yrandom.c_file(pairs)))
    with open(py, "w") as f:
        f.write(yrandom.py_file(pairs))
    rc, exp, err = sh([sys.executable, py], timeout)
    if rc != 0:
        return [(s, "python: " + err.strip().splitlines()[-1]) for _, s, _ in progs]
    rc, _, err = sh([cc, "-std=gnu11", "-O1", "-g", "-w", "-fsanitize=undefined", "-fno-sanitize-recover=all",
                     "-I" + os.path.join(HERE, "shim"), c, "-o", exe], 300)
    if rc != 0:
        return [(s, "compile: " + err.strip()[:2000]) for _, s, _ in progs]
    rc, got, err = sh([exe], timeout)
    e, g = split(exp), split(got)
    bad = []
    for i, s, _ in progs:
        el, gl = e.get(i, []), g.get(i, [])
        if el != gl:
            n = next(n for n in range(max(len(el), len(gl))) if el[n:n + 1] != gl[n:n + 1])
            bad.append((s, "line %d: python %r, C %r" % (n + 1, (el[n:n + 1] or ["<end>"])[0],
                                                        (gl[n:n + 1] or ["<end>"])[0])))
    if rc != 0 and not bad:
        bad.append((progs[-1][1], "exit status %s: %s" % (rc, err.strip()[:2000])))
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", default="0:300", help="A:B (half open), or a comma list")
    ap.add_argument("--batch", type=int, default=50, help="programs per C file")
    ap.add_argument("--cc", default="clang")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--no-real-c", action="store_true", help="no real C in the bodies")
    ap.add_argument("--real-c", default="all", help="real-C feature groups: all, none or a comma list of "
                    + ", ".join(yrandom.REAL_GROUPS))
    ap.add_argument("--cleanup-init-yield", action="store_true", help="as run.py's (changes the programs)")
    a = ap.parse_args()
    if not shutil.which(a.cc):
        print("twincheck: no %s, skipped" % a.cc)
        return 77
    yrandom.CLEANUP_INIT_YIELD = a.cleanup_init_yield
    real = "none" if a.no_real_c else a.real_c
    chosen = []
    for s in parse_seeds(a.seeds):
        p = yrandom.make(s, len(chosen) % a.batch, real)
        if runs_on_shim(p):
            chosen.append((len(chosen) % a.batch, s, p))
    d = tempfile.mkdtemp(prefix="yc-twins-")
    bad = []
    for k in range(0, len(chosen), a.batch):
        bad += check(a.cc, chosen[k:k + a.batch], d, a.timeout)
    for s, what in bad:
        print("twin differs, seed %d: %s" % (s, what))
    feats = {}
    for _, _, p in chosen:
        for f in yrandom.features(p):
            feats[f] = feats.get(f, 0) + 1
    print("%d programs checked on the shim (of %d seeds), %d differ" % (len(chosen), len(parse_seeds(a.seeds)),
                                                                         len(bad)))
    if feats:
        print("with: " + ", ".join("%s %d" % (f, feats.get(f, 0)) for f in yrandom.REAL_FEATURES))
    if bad:
        print("files kept in %s" % d)
        return 1
    shutil.rmtree(d, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

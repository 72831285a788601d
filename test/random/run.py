#!/usr/bin/env python3
"""run.py - differential testing of yieldc against Python twins.

For every seed in a range, yrandom.py writes a random generator program in
the yieldc authoring view and its Python twin.  Programs are batched (several
per C file, each printing lines tagged with its index); each batch is
translated with yieldc, compiled with -Wall -Wextra -Werror, run, and its
output compared, program by program, with the twin's.  A program that fails
(translation or compile error, crash / sanitizer report, or different
output) is checked again on its own, written out as a reproducer and reduced
(statements deleted one at a time, compound statements replaced by their
bodies, while the same kind of failure persists and the program stays valid
C and valid Python).

  run.py --seeds 0:300                     # the ctest configuration
  run.py --seeds 0:10000 --jobs 2          # the long mode (docs/reliability.md)
  run.py --seeds 4711 --batch 1 --keep     # one program, files kept

Exit status: 0 when every program matched, 1 otherwise.
"""
import argparse
import concurrent.futures
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import yrandom  # noqa: E402

SRC = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Env:
    def __init__(self, a):
        self.yieldc = a.yieldc
        self.lib = a.lib
        self.include = a.include
        self.cc = a.cc
        self.cflags = a.cflags.split()
        self.timeout = a.timeout
        self.clang = shutil.which("clang")


def user_expr_flags(cc):
    """clang warns about some of the random expressions themselves (the
    user's code, copied through by yieldc): i < 2 && i == 43, 10 ^ 20."""
    if "clang" not in os.path.basename(cc):
        return []
    return ["-Wno-tautological-overlap-compare", "-Wno-xor-used-as-pow"]


def sh(cmd, timeout, **kw):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout, **kw)
        return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode(errors="replace")
        return "timeout", out, "timed out after %ss" % timeout


def split(out):
    """Output lines by program index ('p<i> ...')."""
    res = {}
    for line in out.splitlines():
        tag = line.split(" ", 1)[0]
        if tag.startswith("p") and tag[1:].isdigit():
            res.setdefault(int(tag[1:]), []).append(line)
    return res


def check(env, progs, d, name="b"):
    """Translate, compile and run progs (list of (index, Program)) in d.
    Returns (kind, detail, per-index verdicts) where kind is None when the
    whole batch passed; verdicts maps index -> None (passed) or a kind."""
    cpath, pypath = os.path.join(d, name + ".c"), os.path.join(d, name + ".py")
    tpath, exe = os.path.join(d, name + ".t.c"), os.path.join(d, name + ".exe")
    with open(cpath, "w") as f:
        f.write(yrandom.c_file(progs))
    with open(pypath, "w") as f:
        f.write(yrandom.py_file(progs))
    idx = [i for i, _ in progs]
    rc, exp, err = sh([sys.executable, pypath], env.timeout)
    if rc != 0:
        return "oracle", err[-2000:], {i: "oracle" for i in idx}
    rc, _, err = sh([env.yieldc, cpath, "-o", tpath], env.timeout)
    if rc != 0:
        return "translate", err[-4000:], {i: "translate" for i in idx}
    rc, _, err = sh([env.cc, "-std=gnu11", "-Wall", "-Wextra", "-Werror", "-g", "-I" + env.include]
                    + env.cflags + user_expr_flags(env.cc) + [tpath, "-o", exe, "-L" + env.lib, "-lyieldc"], 300)
    if rc != 0:
        return "compile", err[-4000:], {i: "compile" for i in idx}
    runenv = dict(os.environ)
    runenv.setdefault("ASAN_OPTIONS", "detect_leaks=1")
    runenv.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")
    rc, got, err = sh([exe], env.timeout, env=runenv)
    e, g = split(exp), split(got)
    verdict = {}
    crashed = rc != 0
    for i in idx:
        if e.get(i, []) == g.get(i, []):
            verdict[i] = None
        else:
            verdict[i] = "run" if crashed else "diff"
    if crashed and all(v is None for v in verdict.values()):
        verdict[idx[-1]] = "run"  # died after the last program's output
    bad = [i for i in idx if verdict[i]]
    if not bad:
        return None, "", verdict
    kind = verdict[bad[0]]
    detail = "exit status %s\n%s" % (rc, err[-4000:]) if crashed else ""
    if kind == "diff":
        el, gl = e.get(bad[0], []), g.get(bad[0], [])
        for n in range(max(len(el), len(gl))):
            a = el[n] if n < len(el) else "<end>"
            b = gl[n] if n < len(gl) else "<end>"
            if a != b:
                detail = "line %d: python %r, yieldc %r" % (n + 1, a, b)
                break
    return kind, detail, verdict


def valid(env, prog, d):
    """The reducer's guard: the candidate is valid C (clang parses the
    authoring view with -Wall -Wextra -Werror) and a terminating Python."""
    progs = [(0, prog)]
    c, py = os.path.join(d, "v.c"), os.path.join(d, "v.py")
    try:
        ctext, pytext = yrandom.c_file(progs), yrandom.py_file(progs)
    except IndexError:  # a break / continue left outside its loop
        return False
    with open(c, "w") as f:
        f.write(ctext)
    with open(py, "w") as f:
        f.write(pytext)
    rc, _, _ = sh([sys.executable, py], env.timeout)
    if rc != 0:
        return False
    if env.clang:
        rc, _, _ = sh([env.clang, "-std=gnu11", "-Wall", "-Wextra", "-Werror", "-fsyntax-only",
                       "-I" + env.include, c], 60)
        if rc != 0:
            return False
    return True


def reduce(env, prog, kind, d, budget):
    """Delete statements (and unwrap compound ones) while `kind` persists."""
    t0 = time.time()
    tries = 0

    def still(p):
        nonlocal tries
        tries += 1
        if not valid(env, p, d):
            return False
        k, _, _ = check(env, [(0, p)], d, "r")
        return k == kind

    changed = True
    while changed and time.time() - t0 < budget:
        changed = False
        # drop whole sub-generators that are the last ones (callees) first
        for lst in yrandom.stmt_lists(prog):
            i = 0
            while i < len(lst) and time.time() - t0 < budget:
                s = lst.pop(i)
                if still(prog):
                    changed = True
                    continue
                # replace a compound statement by one of its bodies
                replaced = False
                for b in s.blocks():
                    lst[i:i] = b
                    if still(prog):
                        replaced = changed = True
                        break
                    del lst[i:i + len(b)]
                if not replaced:
                    lst.insert(i, s)
                    i += 1
        # simplify final return expressions
        for g in prog.gens:
            old = g.final
            if not isinstance(old, yrandom.Lit):
                g.final = yrandom.Lit(0)
                if still(prog):
                    changed = True
                else:
                    g.final = old
        if prog.cap != 1000:
            old = prog.cap
            prog.cap = 1000
            if still(prog):
                changed = True
            else:
                prog.cap = old
    return tries


FEATURES = [("yc_try", "yc_try"), ("yc_raise", "yc_raise"), ("cleanup", "cleanup(ycl)"),
            ("yield_from", "yield_from")]
COUNTS = {}


def count_features(prog):
    text = "\n".join(yrandom.c_program(prog, 0))
    seen = [name for name, needle in FEATURES if needle in text]
    seen += [name for name, hit in (("throw", any(a > 0 for a in prog.plan)),
                                    ("close", -1 in prog.plan), ("free", -2 in prog.plan)) if hit]
    for name in seen:
        COUNTS[name] = COUNTS.get(name, 0) + 1


def run_batch(env, seeds, work, keep):
    d = tempfile.mkdtemp(prefix="batch-", dir=work)
    progs = [(n, yrandom.make(s, n)) for n, s in enumerate(seeds)]
    for _, p in progs:
        count_features(p)
    kind, detail, verdict = check(env, progs, d)
    failures = []
    if kind is not None:
        # a batch-wide failure: find the culprits program by program
        suspects = [n for n, v in verdict.items() if v]
        for n in suspects:
            s = seeds[n]
            p = yrandom.make(s, 0)
            k, det, _ = check(env, [(0, p)], d, "s%d" % s)
            if k is not None:
                failures.append((s, k, det))
    if not keep:
        shutil.rmtree(d, ignore_errors=True)
    return len(seeds), failures


def report(env, seed, kind, detail, out, do_reduce, budget):
    d = os.path.join(out, "seed-%d" % seed)
    os.makedirs(d, exist_ok=True)
    p = yrandom.make(seed, 0)
    with open(os.path.join(d, "orig.c"), "w") as f:
        f.write(yrandom.c_file([(0, p)]))
    with open(os.path.join(d, "orig.py"), "w") as f:
        f.write(yrandom.py_file([(0, p)]))
    msg = "seed %d: %s: %s" % (seed, kind, detail.strip().splitlines()[0] if detail.strip() else "")
    if do_reduce and kind != "oracle":
        tries = reduce(env, p, kind, d, budget)
        with open(os.path.join(d, "reduced.c"), "w") as f:
            f.write(yrandom.c_file([(0, p)]))
        with open(os.path.join(d, "reduced.py"), "w") as f:
            f.write(yrandom.py_file([(0, p)]))
        k, det, _ = check(env, [(0, p)], d, "final")
        with open(os.path.join(d, "reason.txt"), "w") as f:
            f.write("%s\n%s\n%s\n" % (msg, k, det))
        msg += " (reduced in %d tries: %s)" % (tries, os.path.join(d, "reduced.c"))
    else:
        with open(os.path.join(d, "reason.txt"), "w") as f:
            f.write("%s\n%s\n" % (msg, detail))
    return msg


def parse_seeds(spec):
    out = []
    for part in spec.split(","):
        if ":" in part:
            a, b = part.split(":")
            out += range(int(a), int(b))
        else:
            out.append(int(part))
    return out


def main():
    build = os.path.join(SRC, "build")
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", default="0:300", help="A:B (half open), or a comma list")
    ap.add_argument("--batch", type=int, default=30, help="programs per C file")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--yieldc", default=os.path.join(build, "bin", "yieldc"))
    ap.add_argument("--lib", default=os.path.join(build, "lib"))
    ap.add_argument("--include", default=os.path.join(SRC, "include"))
    ap.add_argument("--cc", default=os.environ.get("CC", "cc"))
    ap.add_argument("--cflags", default="", help="extra compiler flags (sanitizers)")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--work", default=None, help="scratch directory (default: a temp dir)")
    ap.add_argument("--out", default=None, help="where reproducers go (default: WORK/failures)")
    ap.add_argument("--no-reduce", action="store_true")
    ap.add_argument("--reduce-budget", type=float, default=300, help="seconds per failure")
    ap.add_argument("--keep", action="store_true", help="keep the batch files")
    ap.add_argument("--cleanup-init-yield", action="store_true",
                    help="allow suspension points in cleanup locals' initialisers (a known bug)")
    a = ap.parse_args()
    yrandom.CLEANUP_INIT_YIELD = a.cleanup_init_yield
    env = Env(a)
    seeds = parse_seeds(a.seeds)
    work = a.work or tempfile.mkdtemp(prefix="yieldc-random-")
    os.makedirs(work, exist_ok=True)
    out = a.out or os.path.join(work, "failures")
    # a broken set-up (stale library, wrong compiler) would fail every
    # program: check one trivial program first and stop with its error
    d = tempfile.mkdtemp(prefix="sanity-", dir=work)
    triv = yrandom.Program(0, [yrandom.Gen("p0_g0", [yrandom.YieldS(yrandom.Lit(1))], yrandom.Lit(2))], [0, 0], 1000)
    k, det, _ = check(env, [(0, triv)], d)
    if k is not None:
        print("set-up broken: a trivial program fails (%s):\n%s" % (k, det))
        return 2
    shutil.rmtree(d, ignore_errors=True)
    t0 = time.time()
    batches = [seeds[i:i + a.batch] for i in range(0, len(seeds), a.batch)]
    total, failures = 0, []
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as ex:
        for n, fails in ex.map(lambda b: run_batch(env, b, work, a.keep), batches):
            total += n
            failures += fails
            for s, k, det in fails:
                print("FAIL seed %d: %s" % (s, k), flush=True)
    print("%d programs compared in %.1f s, %d failed" % (total, time.time() - t0, len(failures)))
    print("programs with: " + ", ".join("%s %d" % (name, COUNTS.get(name, 0)) for name in
                                         [f for f, _ in FEATURES] + ["throw", "close", "free"]))
    for s, k, det in sorted(failures):
        print(report(env, s, k, det, out, not a.no_reduce, a.reduce_budget), flush=True)
    if failures:
        print("reproducers under %s" % out)
    elif not a.work and not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

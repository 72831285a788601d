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

The programs use real C in their bodies (macros naming locals, statement
expressions, types declared in the body, qualified and aligned locals) unless
--no-real-c; --real-c GROUPS picks some of the groups (yrandom.REAL_GROUPS).
A failure is reported with the real-C features its program uses and whether
the same seed without them passes ("real-C only"); failures are grouped by
the first line of their error, and at most --max-reduce of them are
reduced (one of each group first).  Each reproducer directory has a
repro.sh that translates, compiles, runs and diffs it by hand.

  run.py --seeds 0:300                     # the ctest configuration
  run.py --seeds 0:10000 --jobs 2          # the long mode (docs/reliability.md)
  run.py --seeds 4711 --batch 1 --keep     # one program, files kept
  run.py --seeds 0:200 --no-real-c         # the programs of before real C
  run.py --seeds 0:200 --real-c macros     # one group of real-C features

Exit status: 0 when every program matched, 1 otherwise.
"""
import argparse
import concurrent.futures
import os
import re
import shlex
import shutil
import signal
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
        self.real = yrandom.real_groups("none" if a.no_real_c else a.real_c)


def user_expr_flags(cc):
    """clang warns about some of the random expressions themselves (the
    user's code, copied through by yieldc): i < 2 && i == 43, 10 ^ 20."""
    if "clang" not in os.path.basename(cc):
        return []
    return ["-Wno-tautological-overlap-compare", "-Wno-xor-used-as-pow"]


def status(rc):
    """A process's exit status in words."""
    if rc == "timeout":
        return "timed out"
    if isinstance(rc, int) and rc < 0:
        try:
            return "killed by signal %d (%s)" % (-rc, signal.Signals(-rc).name)
        except ValueError:
            return "killed by signal %d" % -rc
    return "exit status %s" % rc


def cc_cmd(env, src, exe):
    return ([env.cc, "-std=gnu11", "-Wall", "-Wextra", "-Werror", "-g", "-I" + env.include]
            + env.cflags + user_expr_flags(env.cc) + [src, "-o", exe, "-L" + env.lib, "-lyieldc"])


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
        return "translate", "yieldc: %s\n%s" % (status(rc), err[-4000:]), {i: "translate" for i in idx}
    rc, _, err = sh(cc_cmd(env, tpath, exe), 300)
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
    detail = "%s\n%s" % (status(rc), err[-4000:]) if crashed else ""
    if kind == "diff":
        el, gl = e.get(bad[0], []), g.get(bad[0], [])
        for n in range(max(len(el), len(gl))):
            a = el[n] if n < len(el) else "<end>"
            b = gl[n] if n < len(gl) else "<end>"
            if a != b:
                # the lines both printed before it, then the rest of each
                detail = "line %d: python %r, yieldc %r\n" % (n + 1, a, b)
                detail += "".join("  both    %s\n" % x for x in el[max(0, n - 4):n])
                detail += "".join("  python  %s\n" % x for x in el[n:n + 4])
                detail += "".join("  yieldc  %s\n" % x for x in gl[n:n + 4])
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
        # the authoring view may leave a parameter unused (the translated
        # file keeps it in the frame); clang's warnings about the random
        # expressions themselves are off in the compile step too
        rc, _, _ = sh([env.clang, "-std=gnu11", "-Wall", "-Wextra", "-Werror", "-fsyntax-only",
                       "-Wno-unused-parameter", "-Wno-unused-but-set-parameter", "-I" + env.include]
                      + user_expr_flags(env.clang) + [c], 60)
        if rc != 0:
            return False
    return True


def expr_slots(holder):
    """(container, key) of each expression held directly by a statement or
    expression (an attribute, or an item of a list attribute)."""
    for k, v in vars(holder).items():
        if isinstance(v, yrandom.E):
            yield holder, k
        elif isinstance(v, list):
            for i, x in enumerate(v):
                if isinstance(x, yrandom.E):
                    yield v, i


def slot_get(cont, key):
    return cont[key] if isinstance(cont, list) else getattr(cont, key)


def slot_set(cont, key, val):
    if isinstance(cont, list):
        cont[key] = val
    else:
        setattr(cont, key, val)


def simplify_exprs(prog, still, deadline):
    """Replace expressions by 1, outermost first, while the failure
    persists (so a reduced program keeps only the operand that matters:
    a statement expression, a macro, a yield)."""
    changed = False

    def visit(holder):
        nonlocal changed
        for cont, key in list(expr_slots(holder)):
            if time.time() > deadline:
                return
            old = slot_get(cont, key)
            if not isinstance(old, yrandom.Lit):
                slot_set(cont, key, yrandom.Lit(1))
                if still(prog):
                    changed = True
                    continue
                slot_set(cont, key, old)
            visit(old)
    for lst in yrandom.stmt_lists(prog):
        for s in lst:
            visit(s)
    return changed


def reduce(env, prog, kind, d, budget):
    """Delete statements (and unwrap compound ones), then simplify
    expressions, while `kind` persists; last, drop unused macros."""
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
        # statements: delete, or replace a compound one by one of its bodies
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
        if prog.plan:
            old = prog.plan
            prog.plan = []
            if still(prog):
                changed = True
            else:
                prog.plan = old
        # sub-generators no other one calls any more
        for g in prog.gens[1:]:
            if time.time() - t0 >= budget:
                break
            text = "\n".join(yrandom.c_program(yrandom.Program(0, [h for h in prog.gens if h is not g], [0, 0],
                                                                  1000), 0))
            if re.search(r"\b%s\(" % g.name, text) is None:
                k = prog.gens.index(g)
                del prog.gens[k]
                if still(prog):
                    changed = True
                else:
                    prog.gens.insert(k, g)
        if not changed and time.time() - t0 < budget:
            changed = simplify_exprs(prog, still, t0 + budget)
    for m in list(prog.macros):
        if time.time() - t0 >= budget:
            break
        prog.macros.remove(m)
        if not still(prog):
            prog.macros.append(m)
    return tries


FEATURES = [("yc_try", "yc_try"), ("yc_raise", "yc_raise"), ("cleanup", "cleanup(ycl)"),
            ("yield_from", "yield_from")]
COUNTS = {}
FAILED_WITH = {}  # real-C feature -> failing programs that use it


def count_features(prog):
    text = "\n".join(yrandom.c_program(prog, 0))
    seen = [name for name, needle in FEATURES if needle in text]
    seen += [name for name, hit in (("throw", any(a > 0 for a in prog.plan)),
                                    ("close", -1 in prog.plan), ("free", -2 in prog.plan)) if hit]
    seen += yrandom.features(prog)
    for name in seen:
        COUNTS[name] = COUNTS.get(name, 0) + 1


class Failure:
    """A program that failed on its own: kind, detail (the first line says
    what), its real-C features, and whether it passes without them (None:
    not checked, it had none)."""

    def __init__(self, seed, kind, detail, feats, plain_ok):
        self.seed, self.kind, self.detail, self.feats, self.plain_ok = seed, kind, detail, feats, plain_ok

    def first(self):
        """The line that says what failed: the first error of a compiler or
        sanitizer, the exception of a Python traceback, else the first line
        ("yieldc: killed by signal 11")."""
        lines = self.detail.strip().splitlines()
        if self.kind == "diff" or not lines:
            return lines[0] if lines else ""
        if self.kind == "oracle":
            return lines[-1]  # the exception of the traceback
        return next((ln for pat in ("error:", "ERROR:", "runtime error", "Assertion")
                     for ln in lines if pat in ln), lines[0])

    def signature(self):
        """The kind and the first error line, without paths, positions and
        numbers: failures with the same signature are likely one bug."""
        if self.kind == "diff":
            return "diff"
        pick = re.sub(r"\S*/", "", self.first())
        pick = re.sub(r"\d+", "N", pick)
        return "%s: %s" % (self.kind, pick.strip()[:140])

    def tags(self):
        t = []
        if self.plain_ok is True:
            t.append("real-C only")
        elif self.plain_ok is False:
            t.append("fails without real C too")
        if self.feats:
            t.append(" ".join(self.feats))
        return "; ".join(t)


# A program that SPEC section 8 says must be refused is not a failure when
# yieldc refuses it with that section's message: a local that lives in the
# coroutine's frame, named in a macro's body or stringized by a macro (the
# generator avoids these, but cannot foresee every hiding declaration).
DOCUMENTED_REFUSAL = re.compile(r"error: '[A-Za-z_0-9]+' (lives in the coroutine's frame|is declared by a macro and lives in the frame)")
refused = []  # seeds


def documented_refusal(det):
    errors = [l for l in det.splitlines() if ": error: " in l]
    return errors and all(DOCUMENTED_REFUSAL.search(l) for l in errors)


def run_batch(env, seeds, work, keep):
    d = tempfile.mkdtemp(prefix="batch-", dir=work)
    progs = [(n, yrandom.make(s, n, env.real)) for n, s in enumerate(seeds)]
    for _, p in progs:
        count_features(p)
    kind, detail, verdict = check(env, progs, d)
    failures = []
    if kind is not None:
        # a batch-wide failure: find the culprits program by program
        suspects = [n for n, v in verdict.items() if v]
        for n in suspects:
            s = seeds[n]
            p = yrandom.make(s, 0, env.real)
            k, det, _ = check(env, [(0, p)], d, "s%d" % s)
            if k == "translate" and documented_refusal(det):
                refused.append(s)
                continue
            if k is not None:
                feats = yrandom.features(p)
                plain_ok = None
                if feats:  # the same seed without real C: is it theirs?
                    pk, _, _ = check(env, [(0, yrandom.make(s, 0, False))], d, "plain%d" % s)
                    plain_ok = pk is None
                failures.append(Failure(s, k, det, feats, plain_ok))
    if not keep:
        shutil.rmtree(d, ignore_errors=True)
    return len(seeds), failures


def write_repro(env, d, name):
    """d/repro.sh: translate, compile, run d/name.c and diff with d/name.py."""
    q = shlex.quote
    cmd = cc_cmd(env, name + ".t.c", name + ".exe")
    text = "\n".join([
        "#!/bin/sh",
        "# by hand: the steps run.py takes for this program (the first output difference is the bug)",
        "cd \"$(dirname \"$0\")\" || exit 2",
        "%s %s.c -o %s.t.c || exit 1" % (q(env.yieldc), name, name),
        " ".join(q(c) for c in cmd) + " || exit 1",
        "%s %s.py > %s.expected" % (q(sys.executable), name, name),
        "./%s.exe > %s.got; echo \"exit status $?\"" % (name, name),
        "diff %s.expected %s.got && echo same" % (name, name), ""])
    path = os.path.join(d, "repro.sh")
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, 0o755)


def report(env, fail, out, do_reduce, budget):
    seed, kind, detail = fail.seed, fail.kind, fail.detail
    d = os.path.join(out, "seed-%d" % seed)
    os.makedirs(d, exist_ok=True)
    p = yrandom.make(seed, 0, env.real)
    with open(os.path.join(d, "orig.c"), "w") as f:
        f.write(yrandom.c_file([(0, p)]))
    with open(os.path.join(d, "orig.py"), "w") as f:
        f.write(yrandom.py_file([(0, p)]))
    msg = "seed %d: %s: %s" % (seed, kind, fail.first())
    if fail.tags():
        msg += " [%s]" % fail.tags()
    head = "%s\nrepro: %s/repro.sh (%s); run.py --seeds %d --batch 1 --keep%s\n" % (
        msg, d, "reduced.c" if do_reduce and kind != "oracle" else "orig.c", seed,
        "" if env.real == set(yrandom.REAL_GROUPS) else
        " --no-real-c" if not env.real else " --real-c " + ",".join(sorted(env.real)))
    if do_reduce and kind != "oracle":
        tries = reduce(env, p, kind, d, budget)
        with open(os.path.join(d, "reduced.c"), "w") as f:
            f.write(yrandom.c_file([(0, p)]))
        with open(os.path.join(d, "reduced.py"), "w") as f:
            f.write(yrandom.py_file([(0, p)]))
        k, det, _ = check(env, [(0, p)], d, "final")
        write_repro(env, d, "reduced")
        feats = yrandom.features(p)
        with open(os.path.join(d, "reason.txt"), "w") as f:
            f.write("%sreduced: %s; real-C features left: %s\n%s\n\noriginal:\n%s\n" % (
                head, k, " ".join(feats) or "none", det, detail))
        msg += " (reduced in %d tries: %s%s)" % (tries, os.path.join(d, "reduced.c"),
                                                "; left: " + " ".join(feats) if feats else "")
    else:
        write_repro(env, d, "orig")
        with open(os.path.join(d, "reason.txt"), "w") as f:
            f.write("%s%s\n" % (head, detail))
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
    ap.add_argument("--max-reduce", type=int, default=10,
                    help="reduce at most this many failures (one of each kind of error first)")
    ap.add_argument("--cleanup-init-yield", action="store_true",
                    help="allow suspension points in cleanup locals' initialisers (a known bug)")
    ap.add_argument("--no-real-c", action="store_true",
                    help="no real C in the bodies: the programs of before (same seeds, same text)")
    ap.add_argument("--real-c", default="all",
                    help="real-C feature groups: all (default), none, or a comma list of "
                    + ", ".join(yrandom.REAL_GROUPS))
    a = ap.parse_args()
    yrandom.CLEANUP_INIT_YIELD = a.cleanup_init_yield
    try:
        env = Env(a)
    except ValueError as e:
        ap.error(str(e))
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
            for f in fails:
                print("FAIL seed %d: %s%s" % (f.seed, f.kind, " [%s]" % f.tags() if f.tags() else ""), flush=True)
                for name in f.feats:
                    FAILED_WITH[name] = FAILED_WITH.get(name, 0) + 1
    print("%d programs compared in %.1f s, %d failed" % (total, time.time() - t0, len(failures)))
    if refused:
        print("%d refused by yieldc as SPEC section 8 asks (a frame-resident local named by a macro): "
              "seeds %s" % (len(refused), " ".join(str(x) for x in sorted(refused)[:20])))
    print("programs with: " + ", ".join("%s %d" % (name, COUNTS.get(name, 0)) for name in
                                         [f for f, _ in FEATURES] + ["throw", "close", "free"]))
    if env.real:
        print("real C (failed/programs with it): " + ", ".join(
            "%s %d/%d" % (name, FAILED_WITH.get(name, 0), COUNTS.get(name, 0)) for name in yrandom.REAL_FEATURES))
    failures.sort(key=lambda f: f.seed)
    groups = {}
    for f in failures:
        groups.setdefault(f.signature(), []).append(f)
    if failures:
        print("failures by first error line:")
        for sig, fs in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            only = sum(1 for f in fs if f.plain_ok)
            print("  %4d  %s%s  seeds %s" % (len(fs), sig, " (%d real-C only)" % only if only else "",
                                            " ".join(str(f.seed) for f in fs[:12]) + (" ..." if len(fs) > 12 else "")))
    # reduce one failure of each group first, then the others in seed order
    firsts = [fs[0] for fs in groups.values()]
    order = sorted(firsts, key=lambda f: f.seed) + [f for f in failures if f not in firsts]
    for n, f in enumerate(order):
        reduce_it = not a.no_reduce and n < a.max_reduce
        print(report(env, f, out, reduce_it, a.reduce_budget), flush=True)
    if failures:
        print("reproducers under %s" % out)
    elif not a.work and not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

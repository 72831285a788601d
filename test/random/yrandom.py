"""yrandom.py - seeded random generator programs for yieldc and their Python twins.

One seed gives one *program*: a few generator functions written in the
yieldc authoring view (random structured control flow, shadowed locals,
yields as statements and inside expressions, value forms driven by send,
yield_from of sub-generators with return values) plus a consumer that drives
the first one.  The same tree is printed twice: as C (to translate with
yieldc) and as Python (the oracle; generators map 1:1).

Semantics kept identical in both languages:
  * every variable holds a value in [-1024, 1023] (assignments wrap with
    W(e) = ((e) & 2047) - 1024, identical for C ints and Python ints);
    products are masked, so no intermediate exceeds 2^27: no overflow, no UB;
  * `/` and `%` are C's (truncating) in C and emulated by cdiv/cmod in
    Python; divisors are ((e & 7) + 1), never zero;
  * relational and logical operators give 0/1 (int(...) in Python);
  * C has block scope, Python does not: every C declaration gets a unique
    Python name, so shadowing in C maps to distinct Python variables;
  * `for`, `while`, `do` and `switch` (with fall-through) are lowered to
    Python loops that run C's increment / condition on `continue`.
  * loops are bounded by hidden counters, the consumer by a step cap, so
    every program terminates.

Errors, throw, close and cleanup (SPEC section 4), in about 70% of the
programs: `yc_try { } yc_catch (err) { }` is Python's `try/except YErr`
(the catch variable is `err = exc.code`); `yc_raise(code)` is
`raise YErr(code)` (codes 1..64); a local declared
`int x __attribute__((cleanup(ycl)))` prints its value when its scope is
left, which in Python is a `try/finally` around the rest of its block; the
consumer follows a plan that, at given steps, throws a code (`yc_throw` /
`generator.throw`), closes the generator (`yc_close` / `close()`) or frees
it while suspended (`yc_free` / `close()`).
"""
import random
import re

WRAP_C = "(((%s) & 2047) - 1024)"

# Suspension points in the initialiser of a cleanup local.  Off by default:
# yieldc runs the cleanup of such a local when an error or a close arrives
# during its initialiser (C and Python: it never existed, no cleanup), on a
# zeroed or a stale value (docs/reliability.md, "Known bugs").  run.py
# --cleanup-init-yield turns them on.
CLEANUP_INIT_YIELD = False
WRAP_PY = "(((%s) & 2047) - 1024)"


# ---------------------------------------------------------------- expressions
class Var:
    def __init__(self, cname, pyname):
        self.cname, self.pyname = cname, pyname


class E:
    """An expression node; c() and py() print it fully parenthesised."""
    leaf = False
    boolean = False
    lit = False


class Lit(E):
    leaf = True
    lit = True

    def __init__(self, v):
        self.v = v

    def c(self):
        return "(%d)" % self.v if self.v < 0 else "%d" % self.v

    def py(self):
        return self.c()


class Ref(E):
    leaf = True

    def __init__(self, var):
        self.var = var

    def c(self):
        return self.var.cname

    def py(self):
        return self.var.pyname


class YieldE(E):
    """T x = yield(v, T) as an expression: the value sent next."""
    leaf = True

    def __init__(self, v):
        self.v = v

    def c(self):
        return "yield(%s, int)" % self.v.c()

    def py(self):
        return "(yield %s)" % self.v.py()


class YieldFromE(E):
    """yield_from(g(args), int): the sub-generator's return value."""
    leaf = True

    def __init__(self, gname, args):
        self.gname, self.args = gname, args

    def c(self):
        return "yield_from(%s(%s), int)" % (self.gname, ", ".join(a.c() for a in self.args))

    def py(self):
        return "(yield from %s(%s))" % (self.gname, ", ".join(a.py() for a in self.args))


class Call(E):
    """A plain helper call: mix3(a, b, c), arguments left to right."""
    leaf = True

    def __init__(self, args):
        self.args = args

    def c(self):
        return "mix3(%s)" % ", ".join(a.c() for a in self.args)

    def py(self):
        return "mix3(%s)" % ", ".join(a.py() for a in self.args)


class Bin(E):
    def __init__(self, op, l, r):
        self.op, self.l, self.r = op, l, r

    def c(self):
        l, r = self.l.c(), self.r.c()
        if self.op == "*":
            return "((%s * %s) & 4095)" % (l, r)
        if self.op in "/%":
            return "(%s %s ((%s & 7) + 1))" % (l, self.op, r)
        return "(%s %s %s)" % (l, self.op, r)

    def py(self):
        l, r = self.l.py(), self.r.py()
        if self.op == "*":
            return "((%s * %s) & 4095)" % (l, r)
        if self.op == "/":
            return "cdiv(%s, ((%s & 7) + 1))" % (l, r)
        if self.op == "%":
            return "cmod(%s, ((%s & 7) + 1))" % (l, r)
        return "(%s %s %s)" % (l, self.op, r)


class Neg(E):
    def __init__(self, e):
        self.e = e

    def c(self):
        return "(-%s)" % self.e.c()

    def py(self):
        return "(-%s)" % self.e.py()


class Cmp(E):
    boolean = True

    def __init__(self, op, l, r):
        self.op, self.l, self.r = op, l, r

    def c(self):
        return "(%s %s %s)" % (self.l.c(), self.op, self.r.c())

    def py(self):
        return "int(%s %s %s)" % (self.l.py(), self.op, self.r.py())


class Logic(E):
    boolean = True

    def __init__(self, op, l, r):
        self.op, self.l, self.r = op, l, r

    def c(self):
        return "(%s %s %s)" % (self.l.c(), "&&" if self.op == "and" else "||", self.r.c())

    def py(self):
        return "int(bool(%s %s %s))" % (self.l.py(), self.op, self.r.py())


class Not(E):
    boolean = True

    def __init__(self, e):
        self.e = e

    def c(self):
        return "(!%s)" % self.e.c()

    def py(self):
        return "int(not %s)" % self.e.py()


class Cond(E):
    def __init__(self, k, a, b):
        self.k, self.a, self.b = k, a, b

    def c(self):
        return "(%s ? %s : %s)" % (self.k.c(), self.a.c(), self.b.c())

    def py(self):
        return "(%s if %s else %s)" % (self.a.py(), self.k.py(), self.b.py())


def bare(text):
    """text without one enclosing pair of parentheses, if it has one."""
    if not (text.startswith("(") and text.endswith(")")):
        return text
    depth = 0
    for n, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and n < len(text) - 1:
            return text
    return text[1:-1]


def is_const(e):
    """No variable, yield or call: gcc may fold it."""
    return re.search(r"[a-z]", e.c()) is None


# ----------------------------------------------------------------- statements
class S:
    """A statement; blocks() lists its child statement lists (for the reducer)."""

    def blocks(self):
        return []


class Decl(S):
    """int x = e;  with cleanup: its value is printed when its scope is left
    (Python: the rest of the block goes into try/finally, see py_body)."""

    def __init__(self, var, e, cleanup=False):
        self.var, self.e, self.cleanup = var, e, cleanup

    def c(self, o, ind, ctx):
        attr = " __attribute__((cleanup(ycl)))" if self.cleanup else ""
        o.append(ind + "int %s%s = %s;" % (self.var.cname, attr, WRAP_C % self.e.c()))
        o.append(ind + "(void)%s;" % self.var.cname)

    def py(self, o, ind, ctx):
        o.append(ind + "%s = %s" % (self.var.pyname, WRAP_PY % self.e.py()))


class Assign(S):
    def __init__(self, var, e, compound):
        self.var, self.e, self.compound = var, e, compound

    def c(self, o, ind, ctx):
        n = self.var.cname
        if self.compound:
            o.append(ind + "%s += %s;" % (n, self.e.c()))
            o.append(ind + "%s = %s;" % (n, WRAP_C % n))
        else:
            o.append(ind + "%s = %s;" % (n, WRAP_C % self.e.c()))

    def py(self, o, ind, ctx):
        n = self.var.pyname
        if self.compound:
            o.append(ind + "%s += %s" % (n, self.e.py()))
            o.append(ind + "%s = %s" % (n, WRAP_PY % n))
        else:
            o.append(ind + "%s = %s" % (n, WRAP_PY % self.e.py()))


class YieldS(S):
    def __init__(self, e):
        self.e = e

    def c(self, o, ind, ctx):
        o.append(ind + "yield(%s);" % self.e.c())

    def py(self, o, ind, ctx):
        o.append(ind + "yield %s" % self.e.py())


class YieldFromS(S):
    def __init__(self, gname, args):
        self.gname, self.args = gname, args

    def c(self, o, ind, ctx):
        o.append(ind + "yield_from(%s(%s));" % (self.gname, ", ".join(a.c() for a in self.args)))

    def py(self, o, ind, ctx):
        o.append(ind + "yield from %s(%s)" % (self.gname, ", ".join(a.py() for a in self.args)))


class Trace(S):
    def __init__(self, e):
        self.e = e

    def c(self, o, ind, ctx):
        o.append(ind + "trace(P, %s);" % self.e.c())

    def py(self, o, ind, ctx):
        o.append(ind + "trace(%s)" % self.e.py())


class Return(S):
    def __init__(self, e):
        self.e = e

    def c(self, o, ind, ctx):
        o.append(ind + "yc_return(%s);" % (WRAP_C % self.e.c()))

    def py(self, o, ind, ctx):
        o.append(ind + "return %s" % (WRAP_PY % self.e.py()))


class Break(S):
    def c(self, o, ind, ctx):
        o.append(ind + "break;")

    def py(self, o, ind, ctx):
        o.append(ind + "break")


def py_continue(o, ind, ctx):
    """continue in Python: from a switch wrapper, set its flag and leave it."""
    kind, flag = ctx[-1]
    if kind == "loop":
        o.append(ind + "continue")
    else:
        o.append(ind + "%s = True" % flag)
        o.append(ind + "break")


class Continue(S):
    def c(self, o, ind, ctx):
        o.append(ind + "continue;")

    def py(self, o, ind, ctx):
        py_continue(o, ind, ctx)


class Raise(S):
    """yc_raise(code): code in 1..64, never zero."""

    def __init__(self, e):
        self.e = e

    def c(self, o, ind, ctx):
        o.append(ind + "yc_raise((%s & 63) + 1);" % self.e.c())

    def py(self, o, ind, ctx):
        o.append(ind + "raise YErr((%s & 63) + 1)" % self.e.py())


class Try(S):
    """yc_try { body } yc_catch (err) { handler }  /  try/except YErr."""

    def __init__(self, body, var, handler, uid):
        self.body, self.var, self.handler, self.uid = body, var, handler, uid

    def blocks(self):
        return [self.body, self.handler]

    def c(self, o, ind, ctx):
        o.append(ind + "yc_try {")
        c_body(self.body, o, ind + "  ", ctx)
        o.append(ind + "} yc_catch (%s) {" % self.var.cname)
        c_body(self.handler, o, ind + "  ", ctx)
        o.append(ind + "}")

    def py(self, o, ind, ctx):
        o.append(ind + "try:")
        py_body(self.body, o, ind + "    ", ctx)
        o.append(ind + "except YErr as ex%d:" % self.uid)
        o.append(ind + "    %s = ex%d.code" % (self.var.pyname, self.uid))
        py_body(self.handler, o, ind + "    ", ctx)


def c_body(stmts, o, ind, ctx):
    for s in stmts:
        s.c(o, ind, ctx)


def py_body(stmts, o, ind, ctx):
    o.append(ind + "pass")
    for k, s in enumerate(stmts):
        s.py(o, ind, ctx)
        if isinstance(s, Decl) and s.cleanup:
            # C runs the cleanup when the block is left by any path
            o.append(ind + "try:")
            py_body(stmts[k + 1:], o, ind + "    ", ctx)
            o.append(ind + "finally:")
            o.append(ind + "    ycl(%s)" % s.var.pyname)
            return


class Block(S):
    def __init__(self, body):
        self.body = body

    def blocks(self):
        return [self.body]

    def c(self, o, ind, ctx):
        o.append(ind + "{")
        c_body(self.body, o, ind + "  ", ctx)
        o.append(ind + "}")

    def py(self, o, ind, ctx):
        py_body(self.body, o, ind, ctx)


class If(S):
    def __init__(self, k, then, els):
        self.k, self.then, self.els = k, then, els

    def blocks(self):
        return [self.then] + ([self.els] if self.els is not None else [])

    def c(self, o, ind, ctx):
        o.append(ind + "if (%s) {" % bare(self.k.c()))
        c_body(self.then, o, ind + "  ", ctx)
        if self.els is not None:
            o.append(ind + "} else {")
            c_body(self.els, o, ind + "  ", ctx)
        o.append(ind + "}")

    def py(self, o, ind, ctx):
        o.append(ind + "if %s:" % self.k.py())
        py_body(self.then, o, ind + "    ", ctx)
        if self.els is not None:
            o.append(ind + "else:")
            py_body(self.els, o, ind + "    ", ctx)


class For(S):
    """for (int i = 0; i < K && cond; i++) body  (cond may be None)."""

    def __init__(self, var, k, cond, body, uid):
        self.var, self.k, self.cond, self.body, self.uid = var, k, cond, body, uid

    def blocks(self):
        return [self.body]

    def c(self, o, ind, ctx):
        i = self.var.cname
        cond = "%s < %d" % (i, self.k)
        if self.cond is not None:
            cond += " && %s" % self.cond.c()
        o.append(ind + "for (int %s = 0; %s; %s++) {" % (i, cond, i))
        c_body(self.body, o, ind + "  ", ctx + [("loop", None)])
        o.append(ind + "}")

    def py(self, o, ind, ctx):
        i, first = self.var.pyname, "first%d" % self.uid
        cond = "%s < %d" % (i, self.k)
        if self.cond is not None:
            cond = "(%s) and %s" % (cond, self.cond.py())
        o += [ind + "%s = 0" % i, ind + "%s = True" % first, ind + "while True:",
              ind + "    if not %s:" % first, ind + "        %s += 1" % i,
              ind + "    %s = False" % first, ind + "    if not (%s):" % cond,
              ind + "        break"]
        py_body(self.body, o, ind + "    ", ctx + [("loop", None)])


class While(S):
    """int wN = 0; while (wN++ < K && cond) body"""

    def __init__(self, k, cond, body, uid):
        self.k, self.cond, self.body, self.uid = k, cond, body, uid

    def blocks(self):
        return [self.body]

    def c(self, o, ind, ctx):
        w = "w%d" % self.uid
        cond = "%s++ < %d" % (w, self.k)
        if self.cond is not None:
            cond += " && %s" % self.cond.c()
        o.append(ind + "int %s = 0;" % w)
        o.append(ind + "while (%s) {" % cond)
        c_body(self.body, o, ind + "  ", ctx + [("loop", None)])
        o.append(ind + "}")

    def py(self, o, ind, ctx):
        w = "w%d" % self.uid
        cond = "%s - 1 < %d" % (w, self.k)
        if self.cond is not None:
            cond = "(%s) and %s" % (cond, self.cond.py())
        o += [ind + "%s = 0" % w, ind + "while True:", ind + "    %s += 1" % w,
              ind + "    if not (%s):" % cond, ind + "        break"]
        py_body(self.body, o, ind + "    ", ctx + [("loop", None)])


class DoWhile(S):
    """int dN = 0; do body while (++dN < K && cond);"""

    def __init__(self, k, cond, body, uid):
        self.k, self.cond, self.body, self.uid = k, cond, body, uid

    def blocks(self):
        return [self.body]

    def c(self, o, ind, ctx):
        d = "d%d" % self.uid
        cond = "++%s < %d" % (d, self.k)
        if self.cond is not None:
            cond += " && %s" % self.cond.c()
        o.append(ind + "int %s = 0;" % d)
        o.append(ind + "do {")
        c_body(self.body, o, ind + "  ", ctx + [("loop", None)])
        o.append(ind + "} while (%s);" % cond)

    def py(self, o, ind, ctx):
        d, first = "d%d" % self.uid, "first%d" % self.uid
        cond = "%s < %d" % (d, self.k)
        if self.cond is not None:
            cond = "(%s) and %s" % (cond, self.cond.py())
        o += [ind + "%s = 0" % d, ind + "%s = True" % first, ind + "while True:",
              ind + "    if not %s:" % first, ind + "        %s += 1" % d,
              ind + "        if not (%s):" % cond, ind + "            break",
              ind + "    %s = False" % first]
        py_body(self.body, o, ind + "    ", ctx + [("loop", None)])


def falls_through(stmts):
    """Whether control can reach the end of stmts (conservative: True)."""
    if not stmts:
        return True
    last = stmts[-1]
    if isinstance(last, (Break, Continue, Return, Raise)):
        return False
    if isinstance(last, If) and last.els is not None:
        return falls_through(last.then) or falls_through(last.els)
    if isinstance(last, Block):
        return falls_through(last.body)
    return True


class Switch(S):
    """switch (e & 3) with cases (values, body); default (if any) last."""

    def __init__(self, e, cases, uid):
        self.e, self.cases, self.uid = e, cases, uid

    def blocks(self):
        return [body for _, body in self.cases]

    def c(self, o, ind, ctx):
        o.append(ind + "switch (%s & 3) {" % self.e.c())
        for n, (labels, body) in enumerate(self.cases):
            for lab in labels:
                o.append(ind + ("default:" if lab is None else "case %d:" % lab))
            if body:  # braces: a case's declarations stay in its own scope
                o.append(ind + "  {")
                c_body(body, o, ind + "    ", ctx + [("switch", None)])
                o.append(ind + "  }")
            if n + 1 < len(self.cases) and body and falls_through(body):
                o.append(ind + "  __attribute__((fallthrough));")
        if self.cases and self.cases[-1][1] == []:
            o.append(ind + "  break;")
        o.append(ind + "}")

    def py(self, o, ind, ctx):
        sv, m, flag = "sw%d" % self.uid, "m%d" % self.uid, "cf%d" % self.uid
        in_loop = any(k == "loop" for k, _ in ctx)
        o += [ind + "%s = %s & 3" % (sv, self.e.py()), ind + "%s = False" % m]
        if in_loop:
            o.append(ind + "%s = False" % flag)
        o.append(ind + "while True:")
        inner = ctx + [("switch", flag)]
        for labels, body in self.cases:
            tests = ["%s == %d" % (sv, lab) for lab in labels if lab is not None]
            if None in labels:
                tests = ["True"]
            o.append(ind + "    if %s or %s:" % (m, " or ".join(tests)))
            o.append(ind + "        %s = True" % m)
            py_body(body, o, ind + "        ", inner)
        o.append(ind + "    break")
        if in_loop:
            o.append(ind + "if %s:" % flag)
            py_continue(o, ind + "    ", ctx)


# ------------------------------------------------------------------ generator
class Gen:
    def __init__(self, name, body, final):
        self.name, self.body, self.final = name, body, final


class Program:
    """plan: the consumer's action at each step: 0 send, c > 0 throw c,
    -1 close, -2 free while suspended (steps past the plan send)."""

    def __init__(self, seed, gens, args, cap, plan=()):
        self.seed, self.gens, self.args, self.cap = seed, gens, args, cap
        self.plan = list(plan)


class Builder:
    def __init__(self, seed, prefix):
        self.r = random.Random(seed)
        self.seed = seed
        self.prefix = prefix
        self.uid = 0
        self.names = ["x", "y", "z", "t", "u", "x", "y", "i"]
        self.taken = set()

    def fresh(self):
        self.uid += 1
        return self.uid

    # expressions: scope is the list of visible Vars (innermost last);
    # sub is the list of generator names callable from here.
    def leaf(self, scope, allow_yield, depth=0):
        """A leaf; depth > 0 lets it nest one smaller expression (a yield's
        value, a call's arguments)."""
        r = self.r
        ch = r.random()
        if allow_yield and ch < self.p_yield:
            return YieldE(self.expr(scope, depth - 1, allow_yield) if depth > 0 else
                          self.leaf(scope, False))
        if allow_yield and self.sub and ch < self.p_yield + self.p_yf:
            return self.yf_expr(scope, depth)
        if ch < 0.55 and scope:
            return Ref(r.choice(scope))
        if ch < 0.62 and depth > 0:
            return Call([self.expr(scope, depth - 1, allow_yield) for _ in range(3)])
        return Lit(r.randint(-20, 40))

    def yf_expr(self, scope, depth=1):
        g = self.r.choice(self.sub)
        return YieldFromE(g, [self.expr(scope, depth - 1, self.r.random() < 0.3) if depth > 0
                              else self.leaf(scope, False) for _ in range(2)])

    def expr(self, scope, depth, allow_yield=True):
        r = self.r
        if depth <= 0 or r.random() < 0.3:
            return self.leaf(scope, allow_yield, depth)
        ch = r.random()
        if ch < 0.6:
            op = r.choice(["+", "-", "*", "^", "&", "|", "/", "%", "+", "-"])
            return Bin(op, self.expr(scope, depth - 1, allow_yield),
                       self.expr(scope, depth - 1, allow_yield))
        if ch < 0.7:
            return Neg(self.leaf(scope, allow_yield))
        if ch < 0.85:
            return Cond(self.cond(scope, depth - 1, allow_yield),
                        self.expr(scope, depth - 1, allow_yield),
                        self.expr(scope, depth - 1, allow_yield))
        return self.cond(scope, depth - 1, allow_yield)

    def cond(self, scope, depth, allow_yield=True):
        """A boolean expression (comparisons joined by && || !)."""
        r = self.r
        if depth > 0 and r.random() < 0.35:
            if r.random() < 0.2:
                return Not(self.cond(scope, depth - 1, allow_yield))
            l = self.cond(scope, depth - 1, allow_yield)
            rr = self.cond(scope, depth - 1, allow_yield)
            if isinstance(l, Cmp) and isinstance(rr, Cmp) and l.l.c() == rr.l.c():
                # clang: -Wtautological-overlap-compare
                if not allow_yield:
                    return l
                rr = Cmp(rr.op, rr.l, YieldE(Lit(3)))
            return Logic(r.choice(["and", "or"]), l, rr)
        op = r.choice(["<", "<=", "==", "!=", ">", ">="])
        l = self.expr(scope, max(depth - 1, 0), allow_yield)
        if r.random() < 0.5 or l.lit:
            rr = self.expr(scope, max(depth - 1, 0), allow_yield)
        else:
            rr = Lit(r.randint(-20, 60))
        # gcc's -Wtautological-compare / -Wbool-compare: a literal only
        # against a plain leaf; never the same text on both sides.
        if is_const(l) or is_const(rr):
            # gcc folds constant sides (-Wtautological-compare)
            if not l.leaf or is_const(l):
                l = Ref(r.choice(scope)) if scope else YieldE(Lit(1))
            if not rr.leaf or is_const(rr):
                rr = Lit(r.randint(-20, 60))
        if (rr.lit and not l.leaf) or (l.lit and not rr.leaf) or (l.lit and rr.lit):
            l = Ref(r.choice(scope)) if scope else YieldE(Lit(1))
            rr = Lit(r.randint(-20, 60))
        if l.c() == rr.c():
            rr = Lit(r.randint(-20, 60)) if l.leaf else YieldE(Lit(2))
        return Cmp(op, l, rr)

    def newvar(self, scope, name=None):
        if name is None:
            free = [n for n in self.names if n not in self.taken]
            if not free:
                name = "v%d" % self.uid
            else:
                name = self.r.choice(free)
        return Var(name, "%s_%d" % (name, self.fresh()))

    # statements
    def stmts(self, scope, depth, ctx, n):
        out = []
        scope = list(scope)
        here = set()  # names declared in this block: C forbids redeclaring them
        for _ in range(n):
            self.taken = here
            s = self.stmt(scope, depth, ctx)
            if isinstance(s, Decl):
                here.add(s.var.cname)
            out.append(s)
            if isinstance(s, Decl):
                # shadow: drop an outer variable of the same name
                scope = [v for v in scope if v.cname != s.var.cname] + [s.var]
            if isinstance(s, (Break, Continue, Return, Raise)):
                break
        return out

    def stmt(self, scope, depth, ctx):
        r = self.r
        loops = sum(1 for k in ctx if k == "loop")
        ch = r.random()
        if depth > 0 and ch < 0.32:
            k = r.random()
            n = r.randint(1, 4)
            if self.exc and r.random() < 0.18:
                ev = Var(r.choice(["err", "e"]), "err_%d" % self.fresh())
                body = self.stmts(scope, depth - 1, ctx, n)
                hscope = [w for w in scope if w.cname != ev.cname] + [ev]
                handler = self.stmts(hscope, depth - 1, ctx, r.randint(0, 3))
                if r.random() < 0.7:
                    handler.insert(0, Trace(Ref(ev)))
                return Try(body, ev, handler, self.fresh())
            if k < 0.25:
                return If(self.cond(scope, 2), self.stmts(scope, depth - 1, ctx, n),
                          self.stmts(scope, depth - 1, ctx, r.randint(1, 3)) if r.random() < 0.5 else None)
            if k < 0.45 and loops < 3:
                v = self.newvar(scope, r.choice(["i", "j", "i"]))
                inner = [w for w in scope if w.cname != v.cname] + [v]
                return For(v, r.randint(1, 3), self.cond(inner, 1) if r.random() < 0.4 else None,
                           self.stmts(inner, depth - 1, ctx + ["loop"], n), self.fresh())
            if k < 0.58 and loops < 3:
                return While(r.randint(1, 3), self.cond(scope, 1) if r.random() < 0.6 else None,
                             self.stmts(scope, depth - 1, ctx + ["loop"], n), self.fresh())
            if k < 0.70 and loops < 3:
                return DoWhile(r.randint(1, 3), self.cond(scope, 1) if r.random() < 0.6 else None,
                               self.stmts(scope, depth - 1, ctx + ["loop"], n), self.fresh())
            if k < 0.85:
                vals = r.sample([0, 1, 2, 3], r.randint(1, 4))
                cases = []
                i = 0
                while i < len(vals):
                    take = r.randint(1, 2)
                    labels = vals[i:i + take]
                    i += take
                    body = self.stmts(scope, depth - 1, ctx + ["switch"], r.randint(0, 3)) \
                        if r.random() < 0.85 else []
                    if body and r.random() < 0.5:
                        body.append(Break())
                    cases.append((labels, body))
                if r.random() < 0.5:
                    cases.append(([None], self.stmts(scope, depth - 1, ctx + ["switch"], r.randint(1, 2))))
                e = self.expr(scope, 2)
                if is_const(e):  # clang: no case matching constant switch condition
                    e = Bin("+", e, Ref(r.choice(scope)))
                return Switch(e, cases, self.fresh())
            return Block(self.stmts(scope, depth - 1, ctx, n))
        ch = r.random()
        if self.exc and ch < 0.06:
            e = self.expr(scope, 1, r.random() < 0.2)
            if r.random() < 0.3:
                return Raise(e)
            return If(self.cond(scope, 1), [Raise(e)], None)
        ch = r.random()
        if ch < 0.16:
            v = self.newvar(scope)
            cleanup = self.exc and r.random() < 0.4
            # C: the new name is in scope in its own initialiser
            e = self.expr([w for w in scope if w.cname != v.cname], 2,
                          not cleanup or CLEANUP_INIT_YIELD)
            if cleanup and not CLEANUP_INIT_YIELD and "yield" in e.c():
                cleanup = False
            return Decl(v, e, cleanup)
        if ch < 0.32 and scope:
            cand = [v for v in scope if not v.cname.startswith(("i", "j"))]
            if cand:
                return Assign(r.choice(cand), self.expr(scope, 2), r.random() < 0.3)
        if ch < 0.48:
            return YieldS(self.expr(scope, 2))
        if ch < 0.56 and self.sub and loops <= 1:
            g = r.choice(self.sub)
            return YieldFromS(g, [self.expr(scope, 1) for _ in range(2)])
        if ch < 0.70:
            return Trace(self.expr(scope, 2))
        if ch < 0.78 and ctx:
            if ctx[-1] == "switch" or r.random() < 0.6:
                if r.random() < 0.5 or "loop" not in ctx:
                    return Break()
            if "loop" in ctx:
                return Continue()
        if ch < 0.82:
            return If(self.cond(scope, 1), [Return(self.expr(scope, 1))], None)
        return Trace(self.expr(scope, 1))

    def program(self):
        r = self.r
        ng = r.randint(1, 4)
        exc = r.random() < 0.7
        gens = []
        names = ["%s_g%d" % (self.prefix, k) for k in range(ng)]
        for k in range(ng):
            self.sub = names[k + 1:]
            self.p_yield = r.choice([0.1, 0.2, 0.3])
            self.exc = exc
            self.p_yf = 0.08 if self.sub else 0
            a, b = Var("a", "a"), Var("b", "b")
            body = self.stmts([a, b], r.randint(1, 3), [], r.randint(3, 8))
            gens.append(Gen(names[k], body, self.expr([a, b], 1, False)))
        args = [r.randint(-30, 30), r.randint(-30, 30)]
        cap = r.choice([1000, 1000, 1000, r.randint(1, 8)])
        plan = []
        if exc:
            for _ in range(r.randint(0, 12)):
                ch = r.random()
                plan.append(r.randint(1, 64) if ch < 0.3 else -1 if ch < 0.36 else
                            -2 if ch < 0.4 else 0)
        return Program(self.seed, gens, args, cap, plan)


def make(seed, index=0):
    """The program of seed; index numbers it within a batch file."""
    return Builder(seed, "p%d" % index).program()


# ------------------------------------------------------------------- printers
C_PRELUDE = r"""#include <stdio.h>
#include <stdbool.h>
#include <yieldc.h>

__attribute__((unused)) static void trace(int p, int v) { printf("p%d t %d\n", p, v); }
__attribute__((unused)) static int mix3(int a, int b, int c) { return ((a * 3 + b * 5 + c) & 4095) - 2048; }

static int CUR; /* the running program's index, for ycl */
__attribute__((unused)) static void ycl(int *x) { printf("p%d c %d\n", CUR, *x); }

/* plan[n]: the action after the nth value: 0 send, c > 0 throw c, -1 close,
 * -2 free while suspended; past the plan, send. */
static void drive(int p, yc_gen *g, int cap, const int *plan, int np) {
  int out = 0, in = 7, r = 0, n = 0;
  CUR = p;
  bool ok = yc_next(g, &out);
  while (ok) {
    printf("p%d y %d\n", p, out);
    int act = n < np ? plan[n] : 0;
    if (++n >= cap || act == -2) {
      printf("p%d stop\n", p);
      yc_free(g);
      printf("p%d freed\n", p);
      return;
    }
    if (act == -1) {
      printf("p%d close\n", p);
      yc_close(g);
      printf("p%d closed %d\n", p, (int)yc_done(g));
      printf("p%d after %d\n", p, (int)yc_next(g, &out));
      break;
    }
    if (act > 0) {
      printf("p%d throw %d\n", p, act);
      ok = yc_throw(g, act, &out);
    } else {
      ok = yc_send(g, &in, &out);
      in = ((in + 40) * 17 + 5) % 151 - 40;
    }
  }
  /* yc_error first: yc_result of a generator without a result records
   * YC_ENORESULT, which a later yc_error would report before the failure */
  int e = yc_error(g);
  if (!e && yc_result(g, &r))
    printf("p%d r %d\n", p, r);
  else
    printf("p%d r none\n", p);
  if (e)
    printf("p%d e %d\n", p, e);
  yc_free(g);
}
"""

PY_PRELUDE = r"""import sys
P = 0


def trace(v):
    print("p%d t %d" % (P, v))


def mix3(a, b, c):
    return ((a * 3 + b * 5 + c) & 4095) - 2048


def cdiv(a, b):
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b > 0) else -q


def cmod(a, b):
    return a - b * cdiv(a, b)


class YErr(Exception):
    def __init__(self, code):
        Exception.__init__(self, code)
        self.code = code


def ycl(v):
    print("p%d c %d" % (P, v))


def drive(p, g, cap, plan):
    inv, n = 7, 0
    try:
        out = next(g)
        while True:
            print("p%d y %d" % (p, out))
            act = plan[n] if n < len(plan) else 0
            n += 1
            if n >= cap or act == -2:
                print("p%d stop" % p)
                g.close()
                print("p%d freed" % p)
                return
            if act == -1:
                print("p%d close" % p)
                g.close()
                print("p%d closed 1" % p)
                print("p%d after 0" % p)
                print("p%d r none" % p)
                return
            if act > 0:
                print("p%d throw %d" % (p, act))
                out = g.throw(YErr(act))
            else:
                out = g.send(inv)
                inv = ((inv + 40) * 17 + 5) % 151 - 40
    except StopIteration as e:
        print("p%d r %s" % (p, "none" if e.value is None else e.value))
    except YErr as e:
        print("p%d r none" % p)
        print("p%d e %d" % (p, e.code))
"""


def c_program(prog, index):
    o = ["", "/* program %d: seed %d */" % (index, prog.seed), "#undef P", "#define P %d" % index]
    for g in reversed(prog.gens):  # callees first
        o.append("yc_generator(int, int, int) %s(int a, int b) {" % g.name)
        c_body(g.body + [Return(g.final)], o, "  ", [])
        o.append("}")
    plan = "plan_%d" % index
    o.append("static const int %s[] = {%s};" % (plan, ", ".join(str(a) for a in prog.plan + [0])))
    o.append("static void run_%d(void) { drive(%d, %s(%d, %d), %d, %s, %d); }" % (
        index, index, prog.gens[0].name, prog.args[0], prog.args[1], prog.cap, plan, len(prog.plan)))
    return o


def py_program(prog, index):
    o = ["", "# program %d: seed %d" % (index, prog.seed)]
    for g in prog.gens:
        o.append("def %s(a, b):" % g.name)
        o.append("    if False:")
        o.append("        yield 0")
        py_body(g.body + [Return(g.final)], o, "    ", [])
    o.append("def run_%d():" % index)
    o.append("    global P")
    o.append("    P = %d" % index)
    o.append("    drive(%d, %s(%d, %d), %d, %r)" % (index, prog.gens[0].name, prog.args[0], prog.args[1],
                                             prog.cap, prog.plan))
    return o


def c_file(progs):
    o = [C_PRELUDE]
    for i, p in progs:
        o += c_program(p, i)
    o.append("")
    o.append("int main(void) {")
    for i, _ in progs:
        o.append("  run_%d();" % i)
    o.append("  return 0;")
    o.append("}")
    return "\n".join(o) + "\n"


def py_file(progs):
    o = [PY_PRELUDE]
    for i, p in progs:
        o += py_program(p, i)
    o.append("")
    for i, _ in progs:
        o.append("run_%d()" % i)
    return "\n".join(o) + "\n"


def stmt_lists(prog):
    """Every statement list of prog, outermost first (for the reducer)."""
    out = []

    def walk(lst):
        out.append(lst)
        for s in lst:
            for b in s.blocks():
                walk(b)
    for g in prog.gens:
        walk(g.body)
    return out

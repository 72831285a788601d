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

Real C in the bodies (SPEC section 8; on unless make(real=...) / REAL_C /
run.py --no-real-c say otherwise), in four groups:
  macros     #defines at file scope before the generators, names unique per
             program (P0_...): object-like naming a local (P0_M3 (x + 4)),
             function-like assigning a local it is not passed (P0_BUMP2()),
             stringizing (P0_SHOWV(e) prints "p0 s <e as written>=<value>"),
             pasting (P0_V(2) is v2), a loop macro declaring its variable
             (P0_RANGE(i, n)), do { } while (0) macros (P0_SWAP, P0_STEP);
             the local a macro names is the one in scope where it is used;
  stmt-expr  ({ int n = W(e); ...; value; }) as an operand, never with a
             suspension point inside; one that also assigns an outer local is
             the whole operand of a statement (nothing else there reads it);
             Python: a tuple of assignment expressions (n := ...), [-1];
  types      struct / typedef / enum declared in the body, locals of them
             live across yields (members are variables "x.a"); a struct tag
             may be declared again in another generator of the program;
  quals      const (then only read), volatile, _Alignas(N) locals (their
             address, traced, is N-aligned), a struct member const, a
             const parameter.
Their decisions draw from a random stream of their own, so with them off a
seed gives the program it gave before they existed.  twincheck.py runs the C
of the programs without errors on a stackful shim to check the twins.
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

# Real C in the bodies (macros naming locals, statement expressions, types
# declared in the body, qualified and aligned locals; see the module
# comment).  Only decides the default of make(); run.py --no-real-c turns
# them off, which gives the programs these seeds gave before they existed.
REAL_C = True

# The real-C features come in groups that can be chosen separately
# (run.py --real-c macros,types): a translator can be mended group by group.
REAL_GROUPS = ("macros", "stmt-expr", "types", "quals")


def real_groups(spec):
    """The set of groups of spec: True / "all", False / None / "" / "none",
    or a comma list (or iterable) of REAL_GROUPS."""
    if spec is True or spec == "all":
        return set(REAL_GROUPS)
    if not spec or spec == "none":
        return set()
    names = spec.split(",") if isinstance(spec, str) else list(spec)
    bad = [n for n in names if n not in REAL_GROUPS]
    if bad:
        raise ValueError("unknown real-C group %s (groups: %s)" % (", ".join(bad), ", ".join(REAL_GROUPS)))
    return set(names)
WRAP_PY = "(((%s) & 2047) - 1024)"


# ---------------------------------------------------------------- expressions
class Var:
    """A variable: its C spelling (a name, a member "x.a", a macro call
    "P0_V(2)") and its Python name.  ro: const, never assigned; kind "enum":
    an enumerator (pyname is its value), never assigned nor picked as an
    ordinary operand; align: its _Alignas; feat: the real-C feature its
    spelling exercises; etype: the tag of its enum type (a local or an
    enumerator of a local enum)."""

    def __init__(self, cname, pyname, ro=False, kind=None, align=0, feat=None, etype=None):
        self.cname, self.pyname = cname, pyname
        self.ro, self.kind, self.align, self.feat, self.etype = ro, kind, align, feat, etype
        # nomacro: a macro's body must not name it (yieldc keeps it in the
        # frame: a cleanup local, or one a later declaration hides);
        # macro_used: a macro names it, so no declaration may hide it
        self.nomacro = self.macro_used = False


def root(cname):
    """The declared name a variable's spelling belongs to: x of x.a."""
    return cname.split(".", 1)[0]


class E:
    """An expression node; c() and py() print it fully parenthesised."""
    leaf = False
    boolean = False
    lit = False

    def feats(self):
        """The real-C features this node itself uses (see features())."""
        return ()


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


class MacroRef(E):
    """An object-like macro whose body names a local: #define P0_M3 (x + 4).
    The local is the one the name means where the macro is used."""
    leaf = True

    def __init__(self, name, op, k, var):
        self.name, self.op, self.k, self.var = name, op, k, var

    def feats(self):
        return ("macro-local",)

    def c(self):
        return self.name

    def py(self):
        return "(%s %s %d)" % (self.var.pyname, self.op, self.k)


class StmtExpr(E):
    """A GNU statement expression, never with a suspension point in it:
      ({ int n = W(e); if (n > K) { n = W(n - e2); }
         for (int k = 0; k < K2; k++) { n = W(n + e3 + k); } t = W(t + n); final; })
    (the if, the for and the assignment to the outer local t are optional;
    n may shadow an outer local).  Python: a tuple of assignment
    expressions whose last item is the value; the for is unrolled."""
    leaf = True

    def __init__(self, var, init, final, clamp=None, loop=None, side=None):
        self.var, self.init, self.final, self.side = var, init, final, side
        self.clamp_k, self.clamp_e = clamp or (None, None)
        self.loop_var, self.loop_k, self.loop_e = loop or (None, None, None)

    def feats(self):
        return ("stmt-expr",) + (("stmt-expr-side",) if self.side is not None else ())

    def c(self):
        n = self.var.cname
        parts = ["int %s = %s;" % (n, WRAP_C % self.init.c())]
        if self.clamp_e is not None:
            parts.append("if (%s > %d) { %s = %s; }" % (
                n, self.clamp_k, n, WRAP_C % ("%s - %s" % (n, self.clamp_e.c()))))
        if self.loop_e is not None:
            k = self.loop_var.cname
            parts.append("for (int %s = 0; %s < %d; %s++) { %s = %s; }" % (
                k, k, self.loop_k, k, n, WRAP_C % ("%s + %s + %s" % (n, self.loop_e.c(), k))))
        if self.side is not None:
            t = self.side.cname
            parts.append("%s = %s;" % (t, WRAP_C % ("%s + %s" % (t, n))))
        parts.append("%s;" % self.final.c())
        return "({ %s })" % " ".join(parts)

    def py(self):
        n = self.var.pyname
        items = ["(%s := %s)" % (n, WRAP_PY % self.init.py())]
        if self.clamp_e is not None:
            items.append("(%s := (%s if %s > %d else %s))" % (
                n, WRAP_PY % ("%s - %s" % (n, self.clamp_e.py())), n, self.clamp_k, n))
        if self.loop_e is not None:
            for k in range(self.loop_k):
                self.loop_var.pyname = str(k)  # the loop, unrolled
                items.append("(%s := %s)" % (n, WRAP_PY % ("%s + %s + %d" % (n, self.loop_e.py(), k))))
        if self.side is not None:
            t = self.side.pyname
            items.append("(%s := %s)" % (t, WRAP_PY % ("%s + %s" % (t, n))))
        items.append(self.final.py())
        return "(%s)[-1]" % ", ".join(items)


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


def subexprs(e):
    """e and every expression inside it."""
    yield e
    for val in vars(e).values():
        for x in val if isinstance(val, (list, tuple)) else [val]:
            if isinstance(x, E):
                yield from subexprs(x)


def is_const(e):
    """No variable, yield or call: gcc may fold it.  A statement expression
    is looked through (clang folds ({ int n = 8; n & 5; })): its keywords and
    its own locals are no variables (conservative: an outer local of the same
    name is not seen either)."""
    text = e.c()
    if "({" in text:
        text = re.sub(r"\b(int|if|for)\b", "", text)
        for x in subexprs(e):
            if isinstance(x, StmtExpr):
                for v in (x.var, x.loop_var):
                    if v is not None:
                        text = re.sub(r"\b%s\b" % re.escape(v.cname), "", text)
    return re.search(r"[a-z]", text) is None


def etype_of(e):
    """The enum type of e if it has one (C compilers warn when two are mixed)."""
    if isinstance(e, Ref):
        return e.var.etype
    if isinstance(e, Cond):
        a = etype_of(e.a)
        return a if a == etype_of(e.b) else None
    return None


# ----------------------------------------------------------------- statements
class S:
    """A statement; blocks() lists its child statement lists (for the reducer)."""

    def blocks(self):
        return []

    def feats(self):
        """The real-C features this statement itself uses (see features())."""
        return ()

    def declares(self):
        """(names this statement declares in its block, the Vars it brings
        into scope); the names shadow outer variables of the same root."""
        return (), ()


class Decl(S):
    """int x = e;  with cleanup: its value is printed when its scope is left
    (Python: the rest of the block goes into try/finally, see py_body).
    qual (const, volatile, _Alignas(N)) and ctype (a typedef name, its
    typedef in pre) come from the real-C features."""

    def __init__(self, var, e, cleanup=False, qual="", ctype="int", pre=(), feats=()):
        self.var, self.e, self.cleanup = var, e, cleanup
        self.qual, self.ctype, self.pre, self.feat_names = qual, ctype, list(pre), tuple(feats)

    def feats(self):
        return self.feat_names

    def declares(self):
        return (self.var.cname,), (self.var,)

    def c(self, o, ind, ctx):
        attr = " __attribute__((cleanup(ycl)))" if self.cleanup else ""
        for line in self.pre:
            o.append(ind + line)
        qual = self.qual + " " if self.qual else ""
        o.append(ind + "%s%s %s%s = %s;" % (qual, self.ctype, self.var.cname, attr, WRAP_C % self.e.c()))
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
        cond = "%s < %d" % (self.var.pyname, self.k)
        if self.cond is not None:
            cond = "(%s) and %s" % (cond, self.cond.py())
        self.py_loop(o, ind, ctx, cond)

    def py_loop(self, o, ind, ctx, cond):
        i, first = self.var.pyname, "first%d" % self.uid
        o += [ind + "%s = 0" % i, ind + "%s = True" % first, ind + "while True:",
              ind + "    if not %s:" % first, ind + "        %s += 1" % i,
              ind + "    %s = False" % first, ind + "    if not (%s):" % cond,
              ind + "        break"]
        py_body(self.body, o, ind + "    ", ctx + [("loop", None)])


class RangeFor(For):
    """A loop macro that declares its variable:
    #define P0_RANGE(i, n) for (int i = 0; i < (n); i++)  used as
    P0_RANGE(j, (x & 3)) { body }; n is pure and read on every turn."""

    def __init__(self, macro, var, n, body, uid):
        For.__init__(self, var, None, None, body, uid)
        self.macro, self.n = macro, n

    def feats(self):
        return ("loop-macro",)

    def c(self, o, ind, ctx):
        o.append(ind + "%s(%s, %s) {" % (self.macro, self.var.cname, self.n.c()))
        c_body(self.body, o, ind + "  ", ctx + [("loop", None)])
        o.append(ind + "}")

    def py(self, o, ind, ctx):
        self.py_loop(o, ind, ctx, "%s < %s" % (self.var.pyname, self.n.py()))


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


# ------------------------------------------------------ real C in the bodies
class StructDecl(S):
    """A struct type declared in the body, a local of it and maybe a copy:
      struct TAG { int a; const int b; } x = { W(e1), W(e2) };    form "inline"
      struct TAG { ... };  struct TAG x = { .b = W(e2), .a = W(e1) };   "split"
      typedef struct [TAG] { ... } T;  T x = { ... };              "typedef"
      struct TAG y = x;  (or T y = x;)                             the copy
    fields maps each member to the Var of x.member (y's in copy_fields);
    const members are read only.  Initialisers are written in member order
    when one of them suspends (C does not fix the order of their evaluations)."""

    def __init__(self, tag, tdef, form, members, var, fields, inits, order, copy, copy_fields):
        self.tag, self.tdef, self.form, self.members = tag, tdef, form, members
        self.var, self.fields, self.inits, self.order = var, fields, inits, order
        self.copy, self.copy_fields = copy, copy_fields

    def feats(self):
        f = ["local-struct"]
        if any(c for _, c in self.members):
            f.append("const-member")
        if self.tdef:
            f.append("local-typedef")
        return f

    def declares(self):
        names = [self.var] + ([self.copy] if self.copy else [])
        names += ["struct " + self.tag] if self.tag else []
        names += [self.tdef] if self.tdef else []
        return names, [self.fields[m] for m, _ in self.members] + \
            ([self.copy_fields[m] for m, _ in self.members] if self.copy else [])

    def c(self, o, ind, ctx):
        body = "{ %s }" % " ".join("%sint %s;" % ("const " if c else "", m) for m, c in self.members)
        if self.order == list(range(len(self.members))) and self.form != "split":
            init = "{ %s }" % ", ".join(WRAP_C % e.c() for e in self.inits)
        else:
            init = "{ %s }" % ", ".join(".%s = %s" % (self.members[k][0], WRAP_C % self.inits[k].c())
                                        for k in self.order)
        ty = "struct " + self.tag if self.tag else None
        if self.form == "inline":
            o.append(ind + "%s %s %s = %s;" % (ty, body, self.var, init))
        elif self.form == "split":
            o.append(ind + "%s %s;" % (ty, body))
            o.append(ind + "%s %s = %s;" % (ty, self.var, init))
        else:
            o.append(ind + "typedef struct %s%s %s;" % (self.tag + " " if self.tag else "", body, self.tdef))
            ty = self.tdef
            o.append(ind + "%s %s = %s;" % (ty, self.var, init))
        o.append(ind + "(void)%s;" % self.var)
        if self.copy:
            o.append(ind + "%s %s = %s;" % (ty, self.copy, self.var))
            o.append(ind + "(void)%s;" % self.copy)

    def py(self, o, ind, ctx):
        for k in self.order:
            o.append(ind + "%s = %s" % (self.fields[self.members[k][0]].pyname, WRAP_PY % self.inits[k].py()))
        if self.copy:
            for m, _ in self.members:
                o.append(ind + "%s = %s" % (self.copy_fields[m].pyname, self.fields[m].pyname))


class EnumDecl(S):
    """A local enum and a local of its type:
    enum TAG { P0_E3_A = -4, P0_E3_B, P0_E3_C = 17 } x = P0_E3_B;
    (a negative enumerator makes the type int; x takes any int later); the
    enumerators are Vars of kind "enum" whose pyname is their value."""

    def __init__(self, tag, consts, explicit, var, init, wrap):
        self.tag, self.consts, self.explicit = tag, consts, explicit
        self.var, self.init, self.wrap = var, init, wrap

    def feats(self):
        return ("local-enum",)

    def declares(self):
        return [self.var.cname, "enum " + self.tag] + [k.cname for k in self.consts], \
            [self.var] + list(self.consts)

    def c(self, o, ind, ctx):
        items = ", ".join(k.cname + (" = %s" % k.pyname if ex else "")
                          for k, ex in zip(self.consts, self.explicit))
        init = WRAP_C % self.init.c() if self.wrap else self.init.c()
        o.append(ind + "enum %s { %s } %s = %s;" % (self.tag, items, self.var.cname, init))
        o.append(ind + "(void)%s;" % self.var.cname)

    def py(self, o, ind, ctx):
        init = WRAP_PY % self.init.py() if self.wrap else self.init.py()
        o.append(ind + "%s = %s" % (self.var.pyname, init))


class BumpS(S):
    """A function-like macro whose body names a local it is not passed:
    #define P0_BUMP2() (x = W(x + 3)), used as P0_BUMP2(); or yield(P0_BUMP2());"""

    def __init__(self, macro, var, k, as_yield):
        self.macro, self.var, self.k, self.as_yield = macro, var, k, as_yield

    def feats(self):
        return ("macro-fn-local",)

    def c(self, o, ind, ctx):
        o.append(ind + ("yield(%s());" if self.as_yield else "%s();") % self.macro)

    def py(self, o, ind, ctx):
        n = self.var.pyname
        new = WRAP_PY % ("%s + %d" % (n, self.k))
        o.append(ind + ("yield (%s := %s)" % (n, new) if self.as_yield else "%s = %s" % (n, new)))


class ShowS(S):
    """Stringizing: #define P0_SHOWV(e) printf("p%d s %s=%d\n", P, #e, (e)),
    used as P0_SHOWV(x); the name printed is the argument as written in C
    (a local, a member, P0_V(2), P0_M3, a small expression)."""

    def __init__(self, macro, e):
        self.macro, self.e = macro, e

    def feats(self):
        return ("stringize",)

    def c(self, o, ind, ctx):
        o.append(ind + "%s(%s);" % (self.macro, self.e.c()))

    def py(self, o, ind, ctx):
        o.append(ind + 'print("p%%d s %%s=%%d" %% (P, %r, %s))' % (self.e.c(), self.e.py()))


class SwapS(S):
    """A do { ... } while (0) macro with a local of its own:
    #define P0_SWAP(p, q) do { int p0_tmp = (p); (p) = (q); (q) = p0_tmp; } while (0)"""

    def __init__(self, macro, p, q):
        self.macro, self.p, self.q = macro, p, q

    def feats(self):
        return ("do-while-macro",)

    def c(self, o, ind, ctx):
        o.append(ind + "%s(%s, %s);" % (self.macro, self.p.cname, self.q.cname))

    def py(self, o, ind, ctx):
        p, q = self.p.pyname, self.q.pyname
        o.append(ind + "%s, %s = %s, %s" % (p, q, q, p))


class StepS(S):
    """#define P0_STEP(v, k) do { (v) = W((v) + (k)); trace(P, (v)); } while (0)"""

    def __init__(self, macro, var, e):
        self.macro, self.var, self.e = macro, var, e

    def feats(self):
        return ("do-while-macro",)

    def c(self, o, ind, ctx):
        o.append(ind + "%s(%s, %s);" % (self.macro, self.var.cname, self.e.c()))

    def py(self, o, ind, ctx):
        n = self.var.pyname
        o.append(ind + "%s = %s" % (n, WRAP_PY % ("%s + %s" % (n, self.e.py()))))
        o.append(ind + "trace(%s)" % n)


class AlignTrace(S):
    """trace(P, (int)((__UINTPTR_TYPE__)&x & (N - 1))) of an _Alignas(N)
    local: 0 wherever its storage lives."""

    def __init__(self, var):
        self.var = var

    def feats(self):
        return ("alignas",)

    def c(self, o, ind, ctx):
        o.append(ind + "trace(P, (int)((__UINTPTR_TYPE__)&%s & %d));" % (self.var.cname, self.var.align - 1))

    def py(self, o, ind, ctx):
        o.append(ind + "trace(0)")


# ------------------------------------------------------------------ generator
class Gen:
    def __init__(self, name, body, final, params="int a, int b"):
        self.name, self.body, self.final, self.params = name, body, final, params


class Program:
    """plan: the consumer's action at each step: 0 send, c > 0 throw c,
    -1 close, -2 free while suspended (steps past the plan send)."""

    def __init__(self, seed, gens, args, cap, plan=(), macros=()):
        self.seed, self.gens, self.args, self.cap = seed, gens, args, cap
        self.plan = list(plan)
        self.macros = list(macros)  # #define lines, at file scope before the generators


class Builder:
    """real: the groups of real-C features to add (see real_groups).  Their
    decisions draw from a random stream of their own (rx), and none is drawn
    with no group on, so the program of a seed without them is the one it
    was before they existed."""

    def __init__(self, seed, prefix, real=False):
        real = real_groups(real)
        self.r = random.Random(seed)
        self.seed = seed
        self.prefix = prefix
        self.uid = 0
        self.names = ["x", "y", "z", "t", "u", "x", "y", "i"]
        self.taken = set()
        self.real = real
        if real:
            self.rx = random.Random("real-c %d" % seed)
            self.names += ["v1", "v2", "v3"]  # for P0_V(n), v##n
            self.mp = prefix.upper()  # macro names: P0_M3, P0_SHOWV, ...
            self.macros = {}  # name -> #define line
            self.objm = []  # object-like macros: (name, cname, op, k)
            self.bumps = []  # (name, cname, k)
            self.tags_prev, self.tags_here = set(), set()
            self.in_se = False  # inside a statement expression: none nested in it

    def refs(self, scope):
        """The variables an ordinary operand may name (not enumerators)."""
        if not self.real:
            return scope
        return [v for v in scope if v.kind != "enum"]

    def assignable(self, scope):
        """The variables a statement may assign: not a loop counter (loops
        must end), not const, not an enumerator."""
        return [v for v in scope if not v.cname.startswith(("i", "j")) and not v.ro and v.kind != "enum"]

    def fresh(self):
        self.uid += 1
        return self.uid

    # expressions: scope is the list of visible Vars (innermost last);
    # sub is the list of generator names callable from here.
    def leaf(self, scope, allow_yield, depth=0):
        """A leaf; depth > 0 lets it nest one smaller expression (a yield's
        value, a call's arguments)."""
        if self.real and self.rx.random() < 0.1:
            e = self.real_leaf(scope)
            if e is not None:
                return e
        r = self.r
        ch = r.random()
        if allow_yield and ch < self.p_yield:
            return YieldE(self.expr(scope, depth - 1, allow_yield) if depth > 0 else
                          self.leaf(scope, False))
        if allow_yield and self.sub and ch < self.p_yield + self.p_yf:
            return self.yf_expr(scope, depth)
        rs = self.refs(scope)
        if ch < 0.55 and rs:
            return Ref(r.choice(rs))
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
                l = Ref(r.choice(self.refs(scope))) if scope else YieldE(Lit(1))
            if not rr.leaf or is_const(rr):
                rr = Lit(r.randint(-20, 60))
        if (rr.lit and not l.leaf) or (l.lit and not rr.leaf) or (l.lit and rr.lit):
            l = Ref(r.choice(self.refs(scope))) if scope else YieldE(Lit(1))
            rr = Lit(r.randint(-20, 60))
        if l.c() == rr.c():
            rr = Lit(r.randint(-20, 60)) if l.leaf else YieldE(Lit(2))
        if self.real and etype_of(l) and etype_of(rr) and etype_of(l) != etype_of(rr):
            rr = Lit(self.rx.randint(-20, 60))  # -Wenum-compare
        return Cmp(op, l, rr)

    def mok(self, vs):
        """The variables of vs a macro may name (SPEC section 8: a local
        that lives in the frame cannot be named in a macro's body)."""
        return [v for v in vs if not v.nomacro]

    def newvar(self, scope, name=None):
        if name is None:
            used = {v.cname for v in scope if v.macro_used}
            free = [n for n in self.names if n not in self.taken and n not in used]
            if not free:
                name = "v%d" % self.uid
                while name in self.taken:  # v1..v3 of the real-C features
                    name = "v%d" % self.fresh()
            else:
                name = self.r.choice(free)
        for v in scope:  # hidden by the new one from here on
            if v.cname == name:
                v.nomacro = True
        return Var(name, "%s_%d" % (name, self.fresh()))

    # statements
    def stmts(self, scope, depth, ctx, n):
        out = []
        scope = list(scope)
        here = set()  # names declared in this block: C forbids redeclaring them
        for _ in range(n):
            self.taken = here
            s = self.stmt(scope, depth, ctx)
            names, new = s.declares()
            here.update(names)
            out.append(s)
            if names:
                # shadow: drop outer variables of the same name (and their members)
                scope = [v for v in scope if root(v.cname) not in names] + list(new)
            if isinstance(s, (Break, Continue, Return, Raise)):
                break
        return out

    def stmt(self, scope, depth, ctx):
        if self.real and self.rx.random() < 0.2:
            s = self.real_stmt(scope, depth, ctx)
            if s is not None:
                return s
        r = self.r
        loops = sum(1 for k in ctx if k == "loop")
        ch = r.random()
        if depth > 0 and ch < 0.32:
            k = r.random()
            n = r.randint(1, 4)
            if self.exc and r.random() < 0.18:
                ev = Var(r.choice(["err", "e"]), "err_%d" % self.fresh())
                body = self.stmts(scope, depth - 1, ctx, n)
                hscope = [w for w in scope if root(w.cname) != ev.cname] + [ev]
                handler = self.stmts(hscope, depth - 1, ctx, r.randint(0, 3))
                if r.random() < 0.7:
                    handler.insert(0, Trace(Ref(ev)))
                return Try(body, ev, handler, self.fresh())
            if k < 0.25:
                return If(self.cond(scope, 2), self.stmts(scope, depth - 1, ctx, n),
                          self.stmts(scope, depth - 1, ctx, r.randint(1, 3)) if r.random() < 0.5 else None)
            if k < 0.45 and loops < 3:
                name = r.choice(["i", "j", "i"])
                for alt in (name, "j", "i", "k"):  # not hiding one a macro names
                    if not any(w.cname == alt and w.macro_used for w in scope):
                        name = alt
                        break
                v = self.newvar(scope, name)
                inner = [w for w in scope if root(w.cname) != v.cname] + [v]
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
                    e = Bin("+", e, Ref(r.choice(self.refs(scope))))
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
            e = self.expr([w for w in scope if root(w.cname) != v.cname], 2,
                          not cleanup or CLEANUP_INIT_YIELD)
            if cleanup and not CLEANUP_INIT_YIELD and "yield" in e.c():
                cleanup = False
            v.nomacro = v.nomacro or cleanup
            return Decl(v, e, cleanup)
        if ch < 0.32 and scope:
            cand = self.assignable(scope)
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

    # real C in the bodies (only with self.real; decisions drawn from rx)
    def on(self, group):
        return group in self.real

    def rname(self, exclude=()):
        """A name for a new local of this block."""
        free = [n for n in self.names if n not in self.taken and n not in exclude]
        return self.rx.choice(free) if free else "v%d" % self.fresh()

    def define(self, name, line):
        self.macros.setdefault(name, "#define " + line)

    def obj_macro(self, v):
        """#define P0_M3 (x + 4), naming v; reused for another use of the same name."""
        rx = self.rx
        v.macro_used = True
        same = [m for m in self.objm if m[1] == v.cname]
        if same and rx.random() < 0.6:
            name, _, op, k = rx.choice(same)
        else:
            name = "%s_M%d" % (self.mp, self.fresh())
            op, k = rx.choice(["+", "-", "^"]), rx.randint(1, 9)
            self.define(name, "%s (%s %s %d)" % (name, v.cname, op, k))
            self.objm.append((name, v.cname, op, k))
        return MacroRef(name, op, k, v)

    def pasted(self, v):
        """v2 spelled P0_V(2), #define P0_V(n) v##n."""
        self.define(self.mp + "_V", "%s_V(n) v##n" % self.mp)
        v.macro_used = True
        return Var("%s_V(%s)" % (self.mp, v.cname[1:]), v.pyname, ro=v.ro, feat="paste", etype=v.etype)

    def pastable(self, scope):
        return [v for v in self.mok(self.refs(scope)) if re.fullmatch(r"v\d+", v.cname)]

    def stmt_expr(self, scope, side=()):
        """({ int n = W(e); ...; final; }); side: outer locals it may also assign."""
        rx = self.rx
        saved, self.in_se = self.in_se, True
        name = rx.choice(self.names)
        v = Var(name, "%s_%d" % (name, self.fresh()))
        outer = [w for w in scope if root(w.cname) != name]
        inner = outer + [v]
        init = self.expr(outer, 1, False)
        clamp = (rx.randint(-5, 20), self.expr(inner, 1, False)) if rx.random() < 0.35 else None
        loop = None
        if rx.random() < 0.3:
            kn = rx.choice([n for n in ["k", "i", "j"] if n != name])
            kv = Var(kn, "0")  # its pyname is set while the loop is unrolled
            loop = (kv, rx.randint(1, 3), self.expr([w for w in inner if root(w.cname) != kn] + [kv], 0, False))
        side = [w for w in side if root(w.cname) != name]
        target = rx.choice(side) if side and rx.random() < 0.8 else None
        final = Bin(rx.choice(["+", "-", "^", "*", "&", "|", "/", "%"]), Ref(v), self.expr(inner, 1, False))
        self.in_se = saved
        return StmtExpr(v, init, final, clamp, loop, target)

    def real_leaf(self, scope):
        """An operand of the real-C features, or None."""
        rx = self.rx
        rs = self.refs(scope)
        ch = rx.random()
        macros = self.on("macros")
        if ch < 0.3 and self.mok(rs) and macros:
            return self.obj_macro(rx.choice(self.mok(rs)))
        if ch < 0.45 and macros and self.pastable(scope):
            return Ref(self.pasted(rx.choice(self.pastable(scope))))
        if ch < 0.55:
            es = [v for v in scope if v.kind == "enum"]
            if es:
                return Ref(rx.choice(es))
        if not self.in_se and self.on("stmt-expr"):
            return self.stmt_expr(scope)
        return None

    def show_arg(self, scope):
        """The argument of P0_SHOWV: never a suspension point (#e and (e))."""
        rx = self.rx
        scope = self.mok(scope)  # stringized: a frame-resident one would print its field
        rs = self.refs(scope)
        ch = rx.random()
        if ch < 0.5 and rs:
            return Ref(rx.choice(rs))
        if ch < 0.65 and self.pastable(scope):
            return Ref(self.pasted(rx.choice(self.pastable(scope))))
        if ch < 0.8 and rs:
            return self.obj_macro(rx.choice(rs))
        es = [v for v in scope if v.kind == "enum"]
        if ch < 0.9 and es:
            return Ref(rx.choice(es))
        return self.expr(scope, 1, False)

    def const_init(self, scope):
        """The initialiser of a const local: never a constant, or clang folds
        the local where it is used (no case matching constant switch ...)."""
        e = self.expr(scope, 2)
        if is_const(e):
            e = Bin("+", e, Ref(self.rx.choice(self.refs(scope))))
        return e

    def qual_decl(self, scope):
        """const / volatile / _Alignas(N) int x = W(e);  (e may suspend)"""
        rx = self.rx
        v = self.newvar(scope)
        qual = rx.choice(["const", "const", "volatile", "_Alignas(16)", "_Alignas(16)", "_Alignas(32)",
                          "const volatile", "_Alignas(16) const", "volatile _Alignas(8)"])
        sc = [w for w in scope if root(w.cname) != v.cname]
        e = self.const_init(sc) if "const" in qual else self.expr(sc, 2)
        feats = []
        if "const" in qual:
            v.ro = True
            feats.append("const")
        if "volatile" in qual:
            feats.append("volatile")
        m = re.search(r"_Alignas\((\d+)\)", qual)
        if m:
            v.align = int(m.group(1))
            v.nomacro = True  # its address is printed: it lives in the frame
            feats.append("alignas")
        return Decl(v, e, qual=qual, feats=feats)

    def typedef_decl(self, scope):
        """typedef [const] int p0_t5;  p0_t5 x = W(e);"""
        rx = self.rx
        v = self.newvar(scope)
        t = "%s_t%d" % (self.prefix, self.fresh())
        base = rx.choice(["int", "int", "const int", "volatile int", "int const"])
        sc = [w for w in scope if root(w.cname) != v.cname]
        v.ro = "const" in base
        e = self.const_init(sc) if v.ro else self.expr(sc, 2)
        feats = ["local-typedef"] + (["const"] if v.ro else []) + (["volatile"] if "volatile" in base else [])
        return Decl(v, e, ctype=t, pre=["typedef %s %s;" % (base, t)], feats=feats)

    def struct_decl(self, scope):
        rx = self.rx
        x = self.rname()
        members = [(m, rx.random() < 0.25) for m in rx.sample(["a", "b", "c"], rx.randint(1, 3))]
        form = rx.choice(["inline", "split", "typedef", "typedef"])
        # the tag of a struct of an earlier generator (maybe another layout),
        # of an enclosing block of this one, or a new one
        reuse = sorted(t for t in self.tags_prev | self.tags_here if "struct " + t not in self.taken)
        if form == "typedef" and rx.random() < 0.4:
            tag = None
        elif reuse and rx.random() < 0.5:
            tag = rx.choice(reuse)
        else:
            tag = "%s_s%d" % (self.prefix, self.fresh())
        if tag:
            self.tags_here.add(tag)
        tdef = "%s_t%d" % (self.prefix, self.fresh()) if form == "typedef" else None
        inits = [self.expr([w for w in scope if root(w.cname) != x], 1) for _ in members]
        order = list(range(len(members)))
        if rx.random() < 0.4 and not any("yield" in e.c() for e in inits):
            # out of member order only without suspension points: C leaves
            # the order of an initializer list's evaluations open (clang
            # takes member order), yieldc's would be a guess
            rx.shuffle(order)
        uid = self.fresh()
        fields = {m: Var("%s.%s" % (x, m), "%s_%d_%s" % (x, uid, m), ro=c) for m, c in members}
        copy = copy_fields = None
        if rx.random() < 0.3:
            copy = self.rname(exclude=(x,))
            uid = self.fresh()
            copy_fields = {m: Var("%s.%s" % (copy, m), "%s_%d_%s" % (copy, uid, m), ro=c) for m, c in members}
        return StructDecl(tag, tdef, form, members, x, fields, inits, order, copy, copy_fields)

    def enum_decl(self, scope):
        rx = self.rx
        name = self.rname()
        tag = "%s_e%d" % (self.prefix, self.fresh())
        consts, explicit = [], []
        val = -rx.randint(1, 9)  # a negative enumerator: the type is int
        for k in range(rx.randint(2, 4)):
            ex = k == 0 or rx.random() < 0.4
            if k:
                val += rx.randint(2, 15) if ex else 1
            consts.append(Var("%s_%s" % (tag.upper(), "ABCD"[k]), "(%d)" % val if val < 0 else "%d" % val,
                              ro=True, kind="enum", etype=tag))
            explicit.append(ex)
        v = Var(name, "%s_%d" % (name, self.fresh()), etype=tag)
        if rx.random() < 0.5:
            init, wrap = Ref(rx.choice(consts)), False
        else:
            init, wrap = self.expr([w for w in scope if root(w.cname) != name], 2), True
        return EnumDecl(tag, consts, explicit, v, init, wrap)

    def real_stmt(self, scope, depth, ctx):
        """A statement of the real-C features, or None."""
        rx = self.rx
        loops = sum(1 for k in ctx if k == "loop")
        asg = self.assignable(scope)
        mp = self.mp
        al = [v for v in scope if v.align]
        if al and rx.random() < 0.3:
            return AlignTrace(rx.choice(al))
        ch = rx.random()
        if ch < 0.14:
            return self.qual_decl(scope) if self.on("quals") else None
        if ch < 0.39 and not self.on("types"):
            return None
        if ch < 0.21:
            return self.typedef_decl(scope)
        if ch < 0.33:
            return self.struct_decl(scope)
        if ch < 0.39:
            return self.enum_decl(scope)
        if ch < 0.69 and not self.on("macros"):
            return None
        if ch < 0.47:
            self.define(mp + "_SHOWV", '%s_SHOWV(e) printf("p%%d s %%s=%%d\\n", P, #e, (e))' % mp)
            return ShowS(mp + "_SHOWV", self.show_arg(scope))
        if ch < 0.54 and asg:
            pv = [v for v in self.mok(asg) if re.fullmatch(r"v\d+", v.cname)]
            if pv and rx.random() < 0.3:  # P0_V(2) = W(e);  P0_V(2) += e; ...
                return Assign(self.pasted(rx.choice(pv)), self.expr(scope, 2), rx.random() < 0.3)
            if not self.mok(asg):
                return None
            v = rx.choice(self.mok(asg))
            v.macro_used = True
            same = [b for b in self.bumps if b[1] == v.cname]
            if same and rx.random() < 0.6:
                name, _, k = rx.choice(same)
            else:
                name, k = "%s_BUMP%d" % (mp, self.fresh()), rx.randint(1, 9)
                self.define(name, "%s() (%s = %s)" % (name, v.cname, WRAP_C % ("%s + %d" % (v.cname, k))))
                self.bumps.append((name, v.cname, k))
            return BumpS(name, v, k, rx.random() < 0.3)
        if ch < 0.61 and asg:
            if len(asg) >= 2 and rx.random() < 0.5:
                p, q = rx.sample(asg, 2)
                if p.etype and q.etype and p.etype != q.etype:  # -Wenum-conversion
                    return None
                self.define(mp + "_SWAP", "%s_SWAP(p, q) do { int %s_tmp = (p); (p) = (q); (q) = %s_tmp; } "
                            "while (0)" % (mp, self.prefix, self.prefix))
                return SwapS(mp + "_SWAP", p, q)
            self.define(mp + "_STEP", "%s_STEP(v, k) do { (v) = %s; trace(P, (v)); } while (0)"
                        % (mp, WRAP_C % "(v) + (k)"))
            return StepS(mp + "_STEP", rx.choice(asg), self.expr(scope, 1, False))
        if ch < 0.69 and depth > 0 and loops < 3:
            self.define(mp + "_RANGE", "%s_RANGE(i, n) for (int i = 0; i < (n); i++)" % mp)
            ok = [n for n in ("i", "j") if not any(w.cname == n and w.macro_used for w in scope)]
            if not ok:
                return None
            v = self.newvar(scope, rx.choice(ok))
            v.macro_used = True  # declared by a macro: nothing may hide it
            inner = [w for w in scope if root(w.cname) != v.cname] + [v]
            # n is read on every turn, in the loop variable's scope; at most 3
            n = Lit(rx.randint(1, 3)) if rx.random() < 0.5 else Bin("&", self.expr(inner, 1, False), Lit(3))
            body = self.stmts(inner, depth - 1, ctx + ["loop"], rx.randint(1, 4))
            return RangeFor(mp + "_RANGE", v, n, body, self.fresh())
        if ch < 0.86 and not self.on("stmt-expr"):
            return None
        if ch < 0.86:
            # a statement expression that assigns an outer local: only as
            # the whole operand, nothing else in the statement reads it
            form = rx.random()
            if form < 0.35:
                return YieldS(self.stmt_expr(scope, asg))
            if form < 0.55:
                return Trace(self.stmt_expr(scope, asg))
            if form < 0.8 or not asg:
                v = self.newvar(scope)
                sc = [w for w in scope if root(w.cname) != v.cname]
                return Decl(v, self.stmt_expr(sc, self.assignable(sc)))
            dst = rx.choice(asg)
            return Assign(dst, self.stmt_expr(scope, [w for w in asg if w.cname != dst.cname]), rx.random() < 0.3)
        return None

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
            params = "int a, int b"
            if self.real:
                self.tags_prev |= self.tags_here
                self.tags_here = set()
                if self.rx.random() < 0.15 and self.on("quals"):
                    a.ro, params = True, "const int a, int b"
            body = self.stmts([a, b], r.randint(1, 3), [], r.randint(3, 8))
            gens.append(Gen(names[k], body, self.expr([a, b], 1, False), params))
        args = [r.randint(-30, 30), r.randint(-30, 30)]
        cap = r.choice([1000, 1000, 1000, r.randint(1, 8)])
        plan = []
        if exc:
            for _ in range(r.randint(0, 12)):
                ch = r.random()
                plan.append(r.randint(1, 64) if ch < 0.3 else -1 if ch < 0.36 else
                            -2 if ch < 0.4 else 0)
        return Program(self.seed, gens, args, cap, plan, self.macros.values() if self.real else ())


def make(seed, index=0, real=None):
    """The program of seed; index numbers it within a batch file; real: the
    real-C feature groups (see real_groups; default: REAL_C)."""
    return Builder(seed, "p%d" % index, REAL_C if real is None else real).program()


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
    o += prog.macros
    for g in reversed(prog.gens):  # callees first
        o.append("yc_generator(int, int, int) %s(%s) {" % (g.name, g.params))
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


REAL_FEATURES = ["macro-local", "macro-fn-local", "stringize", "paste", "loop-macro", "do-while-macro",
                 "stmt-expr", "stmt-expr-side", "local-struct", "const-member", "shared-tag",
                 "local-typedef", "local-enum", "const", "volatile", "alignas", "const-param"]


def features(prog):
    """The real-C features prog uses (names of REAL_FEATURES, in that order);
    shared-tag: one struct tag declared in two of its generators."""
    seen = set()

    def walk(x):
        if isinstance(x, (list, tuple)):
            for it in x:
                walk(it)
        elif isinstance(x, (E, S)):
            seen.update(x.feats())
            for val in vars(x).values():
                walk(val)
        elif isinstance(x, Var) and x.feat:
            seen.add(x.feat)
    gens_of_tag = {}
    for n, g in enumerate(prog.gens):
        walk(g.body)
        walk(g.final)
        if "const" in g.params:
            seen.add("const-param")
        for lst in stmt_lists(Program(0, [g], [], 0)):
            for s in lst:
                if isinstance(s, StructDecl) and s.tag:
                    gens_of_tag.setdefault(s.tag, set()).add(n)
    if any(len(g) > 1 for g in gens_of_tag.values()):
        seen.add("shared-tag")
    return [f for f in REAL_FEATURES if f in seen]


def main():
    import argparse
    ap = argparse.ArgumentParser(description="Print the program of one seed (C, or its Python twin).")
    ap.add_argument("seed", type=int)
    ap.add_argument("--py", action="store_true", help="the Python twin instead of the C")
    ap.add_argument("--no-real-c", action="store_true", help="without the real-C features")
    ap.add_argument("--real-c", default="all", help="feature groups: all, none or a comma list of "
                    + ", ".join(REAL_GROUPS))
    ap.add_argument("--features", action="store_true", help="only the real-C features it uses")
    a = ap.parse_args()
    p = make(a.seed, 0, "none" if a.no_real_c else a.real_c)
    if a.features:
        print(" ".join(features(p)))
    else:
        print((py_file if a.py else c_file)([(0, p)]), end="")


if __name__ == "__main__":
    main()

# yieldc-gdb.py - gdb helpers for translated coroutine functions.
#
# In a translated coroutine body the locals are C locals of the resume
# function NAME__resume, under their own names: `print i`, `info locals`
# and `display i` work without this script.  A local that needs a stable
# address across suspension points (its address is taken, it is an array,
# it has a cleanup) lives in the frame instead, as `f->buf` (the frame
# pointer is `f`, or `fr`, `frame`, `yc_f` when the function uses `f`).
# Loaded into gdb
#
#     (gdb) source <prefix>/share/yieldc/yieldc-gdb.py
#
# this script defines, each time the program stops in a resume function,
# one gdb macro for each such frame-resident local (`macro define buf
# (f->buf)`), so `print buf` works as in the source; the macros are
# removed again when the program stops elsewhere.  `yc-locals` prints
# every local that has a frame slot: from the C local where one is in
# scope, else from the frame (what was saved at the last suspension).
import gdb

_defined = []
_FRAME_POINTERS = ("f", "fr", "frame", "yc_f", "yc__frame")


def _frame_pointer():
    """(name, value) of the frame pointer when the selected frame is a
    resume function, else None."""
    try:
        frame = gdb.selected_frame()
    except gdb.error:
        return None
    name = frame.name() or ""
    if not name.endswith("__resume"):
        return None
    for fp in _FRAME_POINTERS:
        try:
            f = frame.read_var(fp)
        except (ValueError, gdb.error):
            continue
        t = f.type.strip_typedefs()
        if t.code != gdb.TYPE_CODE_PTR:
            continue
        t = t.target().strip_typedefs()
        if t.code == gdb.TYPE_CODE_STRUCT and (t.tag or "").endswith("__frame"):
            return fp, f
    return None


def _fields(t):
    names = []
    for fld in t.fields():
        if not fld.name:
            # an anonymous struct or union: scopes that share storage
            names += _fields(fld.type.strip_typedefs())
        elif not fld.name.startswith("yc_"):
            names.append(fld.name)
    return names


def _member(v, name):
    """v's field name, also inside anonymous structs and unions."""
    for fld in v.type.strip_typedefs().fields():
        if fld.name == name:
            return v[fld]
        if not fld.name:
            found = _member(v[fld], name)
            if found is not None:
                return found
    return None


def _c_local(name):
    """The C local `name` visible at the selected frame's pc, or None."""
    try:
        frame = gdb.selected_frame()
        sym = gdb.lookup_symbol(name, frame.block())[0]
    except (RuntimeError, gdb.error):
        return None
    if sym is None or not (sym.is_variable or sym.is_argument):
        return None
    try:
        v = sym.value(frame)
    except (gdb.error, TypeError):
        return None
    # a block that is not running (clang may describe it as in scope)
    return None if v.is_optimized_out else v


def _undefine():
    for name in _defined:
        gdb.execute("macro undef " + name, to_string=True)
    del _defined[:]


def yc_refresh(event=None):
    _undefine()
    found = _frame_pointer()
    if found is None:
        return
    fp, f = found
    for name in _fields(f.type.strip_typedefs().target().strip_typedefs()):
        if _c_local(name) is None:
            gdb.execute("macro define %s (%s->%s)" % (name, fp, name), to_string=True)
            _defined.append(name)


class YcLocals(gdb.Command):
    """Print the locals of the current coroutine that have a frame slot."""

    def __init__(self):
        super().__init__("yc-locals", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        found = _frame_pointer()
        if found is None:
            print("not in a yieldc resume function")
            return
        yc_refresh()
        fp, f = found
        frame = f.dereference()
        for name in _fields(frame.type):
            local = _c_local(name)
            print("%s = %s" % (name, local if local is not None else _member(frame, name)))


YcLocals()
gdb.events.stop.connect(yc_refresh)
gdb.events.before_prompt.connect(yc_refresh)

# yieldc-gdb.py - lets gdb print a coroutine's lifted locals by their
# source names.
#
# Inside a translated coroutine body a local that lives across a
# suspension point is a field of the frame, `f->i`; the frame pointer `f`
# is a local of the resume function NAME__resume.  Loaded into gdb
#
#     (gdb) source <prefix>/share/yieldc/yieldc-gdb.py
#
# this script defines, each time the program stops in a resume function,
# one gdb macro per frame field (`macro define i (f->i)`), so `print i`,
# `print i * 2` or `display i` work as in the source; the macros are
# removed again when the program stops elsewhere.  `yc-locals` prints every
# field of the current frame.  `print f->i` works without the script.
import gdb

_defined = []


def _frame_struct():
    """The struct type of `f` when the selected frame is a resume function."""
    try:
        frame = gdb.selected_frame()
    except gdb.error:
        return None
    name = frame.name() or ""
    if not name.endswith("__resume"):
        return None
    try:
        f = frame.read_var("f")
    except (ValueError, gdb.error):
        return None
    t = f.type.strip_typedefs()
    if t.code != gdb.TYPE_CODE_PTR:
        return None
    t = t.target().strip_typedefs()
    if t.code != gdb.TYPE_CODE_STRUCT or not (t.tag or "").endswith("__frame"):
        return None
    return t


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


def _undefine():
    for name in _defined:
        gdb.execute("macro undef " + name, to_string=True)
    del _defined[:]


def yc_refresh(event=None):
    _undefine()
    t = _frame_struct()
    if t is None:
        return
    for name in _fields(t):
        gdb.execute("macro define %s (f->%s)" % (name, name), to_string=True)
        _defined.append(name)


class YcLocals(gdb.Command):
    """Print the lifted locals (frame fields) of the current coroutine."""

    def __init__(self):
        super().__init__("yc-locals", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        t = _frame_struct()
        if t is None:
            print("not in a yieldc resume function")
            return
        yc_refresh()
        f = gdb.selected_frame().read_var("f").dereference()
        for name in _fields(t):
            print("%s = %s" % (name, _member(f, name)))


YcLocals()
gdb.events.stop.connect(yc_refresh)
gdb.events.before_prompt.connect(yc_refresh)

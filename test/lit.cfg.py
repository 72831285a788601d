# lit configuration shared by test/translate, test/diag, test/run and test/tooling.
import os
import shutil
import lit.formats

config.name = "yieldc"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".c"]
config.excludes = ["Inputs", "runtime"]
# test/tooling: gdb tests are UNSUPPORTED (reported, not failed) without gdb.
if shutil.which("gdb"):
    config.available_features.add("gdb")

site = lit_config.params.get("site_config")
if not site:
    lit_config.fatal("run lit through ctest (it passes --param site_config=...)")
exec(open(site).read(), globals())

config.test_source_root = os.path.dirname(__file__)
# exec_root: where a run with other params (scripts/opt-matrix.sh) puts its
# outputs, so that it can run beside the plain suites.
config.test_exec_root = lit_config.params.get("exec_root", os.path.join(yieldc_build_dir, "test", "lit"))
config.environment["PATH"] = os.pathsep.join(
    [llvm_bindir, os.path.dirname(yieldc_tool), config.environment.get("PATH", os.environ["PATH"])])
# A -DBUILD_SHARED_LIBS=ON build: programs linked with -lyieldc find the
# build's libyieldc.so (no effect where only libyieldc.a exists).
config.environment["LD_LIBRARY_PATH"] = os.pathsep.join(
    [yieldc_lib_dir] + ([os.environ["LD_LIBRARY_PATH"]] if os.environ.get("LD_LIBRARY_PATH") else []))
for var in ("HOME", "TMPDIR", "ASAN_OPTIONS", "UBSAN_OPTIONS"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
config.environment.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")

cflags = "-std=gnu11 -Wall -Wextra -Werror -g -I" + yieldc_include_dir
if yieldc_san_flags:
    cflags += " " + yieldc_san_flags
# Extra flags for every %cc compile (an optimisation level, -flto): the
# `cflags` lit param, else the build's YIELDC_TEST_CFLAGS; the `libdir`
# param links %link against another build of libyieldc (one compiled with
# the same flags, as scripts/opt-matrix.sh does), and `cc` names another
# compiler for %cc.
extra_cflags = lit_config.params.get("cflags", globals().get("yieldc_extra_cflags", ""))
if extra_cflags:
    cflags += " " + extra_cflags
yieldc_lib_dir = lit_config.params.get("libdir", yieldc_lib_dir)
yieldc_cc = lit_config.params.get("cc", yieldc_cc)
# A sanitizer report anywhere in checked output fails the test: a leak on an
# error path still exits non-zero, which `not` would accept.
config.substitutions.append((r"\bFileCheck\b", "FileCheck --implicit-check-not=Sanitizer"))
config.substitutions.append(("%yieldc", yieldc_tool))
config.substitutions.append(("%cc", yieldc_cc + " " + cflags))
config.substitutions.append(("%clang-syntax", "clang -std=gnu11 -Wall -Wextra -Werror -fsyntax-only -I" + yieldc_include_dir))
config.substitutions.append(("%link", "-L" + yieldc_lib_dir + " -lyieldc " + yieldc_san_flags))
config.substitutions.append(("%include", yieldc_include_dir))
config.substitutions.append(("%srcroot", yieldc_source_dir))
# test/tooling: install the build, drive nested builds with the same compiler.
config.substitutions.append(("%builddir", yieldc_build_dir))
config.substitutions.append(("%cmake", yieldc_cmake))
config.substitutions.append(("%compiler", yieldc_cc))
config.substitutions.append(("%sanflags", yieldc_san_flags))
# Optional tools: a test that needs one says REQUIRES: and is reported as
# unsupported (skipped) where it is missing.
import shutil
# dot (graphviz): test/translate/dot-*.c render the picture when it is there.
for tool in ("ccache", "dot", "clangd"):
    if shutil.which(tool):
        config.available_features.add(tool)

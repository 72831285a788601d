#!/bin/sh
# run.sh TOOL MODE YIELDC CC INCLUDE_DIR LIBYIELDC WORK_DIR
#
# Builds frames.c (translated by YIELDC) with CC against LIBYIELDC - the
# normal, non-sanitized runtime - and runs `frames MODE` (uaf or leak)
# under TOOL (asan: built with -fsanitize=address; valgrind: memcheck).
# Passes when the checker reports the freed or leaked generator frame, and
# reports nothing when YIELDC_FRAME_POOL=1 keeps the pool on (the report is
# the pool's run-time decision, not a frame too big for the pool).  Exits
# 77 (skipped) when the tool is missing or cannot run here.
set -u
[ $# -eq 7 ] || { echo "usage: run.sh asan|valgrind uaf|leak YIELDC CC INCLUDE_DIR LIBYIELDC WORK_DIR" >&2; exit 2; }
tool=$1 mode=$2 yieldc=$3 cc=$4 inc=$5 lib=$6 dir=$7
src=$(cd "$(dirname "$0")" && pwd)/frames.c
mkdir -p "$dir" || exit 1
cd "$dir" || exit 1

fail() {
  echo "FAIL: $*"
  echo "---- output of the checked run:"
  cat out.txt
  exit 1
}

"$yieldc" "$src" -o frames.yc.c || exit 1
case $tool in
asan)
  printf 'int main(void) { return 0; }\n' > probe.c
  if ! "$cc" -fsanitize=address probe.c -o probe > probe.log 2>&1 || ! ./probe >> probe.log 2>&1; then
    echo "skipped: $cc cannot build and run a -fsanitize=address program:"
    cat probe.log
    exit 77
  fi
  "$cc" -g -fsanitize=address -fno-omit-frame-pointer -I"$inc" frames.yc.c "$lib" -lpthread \
    -o frames || exit 1
  # LeakSanitizer is on by default with ASan on Linux; say so anyway.
  ASAN_OPTIONS=detect_leaks=1 ./frames "$mode" > out.txt 2>&1
  status=$?
  ASAN_OPTIONS=detect_leaks=1 YIELDC_FRAME_POOL=1 ./frames "$mode" > pooled.txt 2>&1
  if grep -q "LeakSanitizer has encountered a fatal error" out.txt; then
    echo "skipped: LeakSanitizer cannot run here (under ptrace?):"
    cat out.txt
    exit 77
  fi
  case $mode in
  uaf) want="ERROR: AddressSanitizer: heap-use-after-free" ;;
  leak) want="ERROR: LeakSanitizer: detected memory leaks" ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
  esac
  ;;
valgrind)
  if ! command -v valgrind > /dev/null 2>&1; then
    echo "skipped: valgrind is not installed"
    exit 77
  fi
  "$cc" -g -I"$inc" frames.yc.c "$lib" -lpthread -o frames || exit 1
  vg="valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"
  $vg ./frames "$mode" > out.txt 2>&1
  status=$?
  YIELDC_FRAME_POOL=1 $vg ./frames "$mode" > pooled.txt 2>&1
  case $mode in
  uaf) want="Invalid read of size" ;;
  leak) want="are definitely lost in loss record" ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
  esac
  ;;
*)
  echo "unknown tool $tool" >&2
  exit 2
  ;;
esac

[ "$status" -ne 0 ] || fail "$tool $mode: the run exited 0 (no report)"
grep -q "$want" out.txt || fail "$tool $mode: no '$want'"
# The report is about a generator frame: the frame's allocation is in it.
grep -q "yc__frame_alloc" out.txt || fail "$tool $mode: the report does not show yc__frame_alloc"
case $mode in
uaf) freed="freed by thread"
     [ "$tool" = valgrind ] && freed="free'd"
     grep -q "$freed" out.txt || fail "$tool $mode: the report does not say where the frame was freed" ;;
leak) grep -q "leaked a generator that yielded 0" out.txt || fail "leak: the program did not run" ;;
esac
# The control: with the pool forced on, the checker cannot see it.  (The
# use after free is undefined behaviour either way; only the report must
# be missing, whatever the run does.)
if grep -q "$want" pooled.txt; then
  echo "FAIL: $tool $mode with YIELDC_FRAME_POOL=1 (the pool on) reported it too:"
  cat pooled.txt
  exit 1
fi
echo "ok: $tool reports the $mode of a generator frame ($want); not with the pool forced on"

#!/usr/bin/env bash
# Installs what building and testing yieldc needs, from Debian's packages,
# when it is missing.  Safe to run again: it installs nothing that is there.
set -euo pipefail

need=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
for pkg in libclang-14-dev llvm-14-tools libclang-rt-14-dev clang clangd cmake make gcc g++ python3 gdb valgrind pkg-config ccache; do
  have_pkg "$pkg" || need+=("$pkg")
done
# test/tooling: Ninja (cmake-depfile.c builds with both generators), groff
# (man-page.c renders docs/yieldc.1); graphviz: dot renders the state
# picture (test/translate/dot-renders-with-graphviz.c, scripts/pictures.sh)
for pkg in ninja-build groff-base graphviz; do
  have_pkg "$pkg" || need+=("$pkg")
done
# python3 may come from elsewhere (pyenv); the package is then not needed.
if command -v python3 >/dev/null 2>&1; then
  need=("${need[@]/python3}")
fi
pkgs=()
for p in "${need[@]}"; do [[ -n $p ]] && pkgs+=("$p"); done

if ((${#pkgs[@]})); then
  echo "setup: installing ${pkgs[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
fi

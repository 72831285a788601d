/* `man yieldc` after install: the page installs to share/man/man1, man
 * renders it without a warning, and it describes every option that
 * `yieldc --help` lists.
 *
 * RUN: rm -rf %t && mkdir -p %t
 * RUN: %cmake --install %builddir --prefix %t/prefix > /dev/null
 * RUN: test -f %t/prefix/share/man/man1/yieldc.1
 *
 * man finds it through MANPATH and renders it; groff has no warning.
 * RUN: env MANPATH=%t/prefix/share/man MANWIDTH=80 MANPAGER=cat man yieldc 2> %t/man.err | col -b > %t/man.txt
 * RUN: count 0 < %t/man.err
 * RUN: FileCheck %s < %t/man.txt
 * CHECK: NAME
 * CHECK-NEXT: yieldc - translate C with generators and async functions into plain C
 * CHECK: SYNOPSIS
 * CHECK: OPTIONS
 * CHECK: EXIT STATUS
 * RUN: groff -man -Tutf8 -ww -z %t/prefix/share/man/man1/yieldc.1 2>&1 | count 0
 *
 * Every option of --help (the first word of each "  -x" line) is in the
 * rendered page, and --help lists at least the ones named here.
 * RUN: %yieldc --help | sed -n 's/^  \(-[^ ]*\).*/\1/p' | tr ',' '\n' > %t/options
 * RUN: FileCheck --check-prefix=OPTS %s < %t/options
 * OPTS-DAG: {{^}}-o{{$}}
 * OPTS-DAG: {{^}}-MD{{$}}
 * OPTS-DAG: {{^}}--no-line{{$}}
 * OPTS-DAG: {{^}}-fdiagnostics-color[=always|never|auto]{{$}}
 * RUN: while read -r opt; do grep -qF -e "$opt" %t/man.txt || { echo "not in the man page: $opt"; exit 1; }; done < %t/options
 */

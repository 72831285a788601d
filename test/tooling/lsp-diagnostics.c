/* yieldc lsp (issue 18): a scripted editor (Inputs/lsp/lsp_diagnostics.py,
 * JSON-RPC over stdio) opens a file and receives clangd's diagnostics with
 * yieldc's (a yield outside a coroutine, a yield_from type mismatch) at
 * the command line's positions and with its texts; takes the mismatch's
 * fix as a code action, applies it, and sees that error go and the rest
 * stay; a hover on a yield is yieldc's, a hover on a variable clangd's;
 * clang's -Wreturn-type shows for plain functions above and below a
 * coroutine function (the one below from yieldc's own parse, since
 * yieldc.h turns it off for clangd from the coroutine on), not in it.
 * Unsupported (skipped, reported) where clangd is not installed.
 *
 * REQUIRES: clangd
 * RUN: rm -rf %t && mkdir -p %t
 * RUN: python3 %S/Inputs/lsp/lsp_diagnostics.py %yieldc %include %t > %t/out 2>&1 || { cat %t/out %t/server.log; exit 1; }
 * RUN: FileCheck %s < %t/out
 * CHECK: command line: [(20, 2, 'error', 'suspension form used outside a coroutine function'), (15, 32, 'error', "yield_from's value type 'long' is not the return type 'int' of total")]
 * CHECK: fix: write yield_from(total(...), int)
 * CHECK: after the edit: {{.*}}'suspension form used outside a coroutine function'
 * CHECK: hover: **yield** — resume point 1 of generator `total`
 * CHECK: Live across it (saved in the frame, restored on resumption): `sum` (int), `i` (int)
 * CHECK: clangd hover: ### variable `sum`
 * CHECK: return-type: [(3, 'clang', 'Non-void function does not return a value in all control paths'), (8, 'yieldc', 'Non-void function does not return a value in all control paths')]
 * CHECK: ok
 */

/* yieldc lsp (issue 18): a file without coroutines gets exactly clangd's
 * diagnostics through yieldc lsp (the same set clangd publishes when the
 * editor talks to it directly), including clang's -Wreturn-type, which
 * yieldc.h no longer turns off for the whole file; and with
 * --clangd=none (what happens when clangd is missing) the server still
 * answers, with yieldc's diagnostics alone and a message in the editor
 * (and the missing #include <yieldc.h> as a quick fix).
 *
 * REQUIRES: clangd
 * RUN: rm -rf %t && mkdir -p %t
 * RUN: python3 %S/Inputs/lsp/lsp_plain.py %yieldc %include %t "$(command -v clangd)" > %t/out 2>&1 || { cat %t/out %t/server.log; exit 1; }
 * RUN: FileCheck %s < %t/out
 * CHECK: clangd: ["Unused variable 'unused_here'", 'Non-void function does not return a value in all control paths']
 * CHECK: without clangd: yieldc lsp: clangd was not found
 * CHECK: no include: 'yield' is a yieldc form from <yieldc.h>, which this file does not include; add at the top of the file: #include <yieldc.h>
 * CHECK: fix: add '#include <yieldc.h>'
 * CHECK: utf-16 hover: Yields `x + 1` as a value of the element type `int`. {'start': {'line': 3, 'character': 17}, 'end': {'line': 3, 'character': 29}}
 * CHECK: ok
 *
 * A clangd that cannot be run: an error on the log, and the server goes on.
 * RUN: printf 'Content-Length: 58\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}' \
 * RUN:   | %yieldc lsp --clangd=%t/no-such-clangd > %t/init.out 2> %t/init.err; test $? = 1
 * RUN: FileCheck --check-prefix=MISSING %s < %t/init.err
 * RUN: FileCheck --check-prefix=INIT %s < %t/init.out
 * MISSING: yieldc lsp: error: cannot run clangd '{{.*}}no-such-clangd': No such file or directory; running with yieldc's diagnostics only
 * INIT: "hoverProvider":true
 *
 * Frames it cannot read are skipped; a request it does not serve without
 * clangd is an error response; shutdown and exit end it with status 0.
 * RUN: python3 %S/Inputs/lsp/frames.py | %yieldc lsp --clangd=none > %t/frames.out 2> %t/frames.err
 * RUN: FileCheck --check-prefix=FRAMES %s < %t/frames.out
 * FRAMES: {"jsonrpc":"2.0","id":1,"result":{"capabilities":
 * FRAMES: {"jsonrpc":"2.0","id":2,"error":{"code":-32601,
 * FRAMES: {"jsonrpc":"2.0","id":3,"result":null}
 */

"""Writes LSP frames to stdout for test/tooling/lsp-plain.c: a header
without Content-Length, a body that is not JSON, then initialize, a
request the server does not know, shutdown and exit."""
import json
import sys

out = sys.stdout.buffer


def frame(body):
    out.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)


out.write(b"Content-Type: application/vscode-jsonrpc\r\n\r\n")
frame(b"{not json")
for m in ({"id": 1, "method": "initialize", "params": {}},
          {"id": 2, "method": "textDocument/definition", "params": {}},
          {"id": 3, "method": "shutdown"}, {"method": "exit"}):
    m["jsonrpc"] = "2.0"
    frame(json.dumps(m).encode())

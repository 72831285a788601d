"""A scripted LSP client: JSON-RPC over a server's stdin/stdout (used by
test/tooling/lsp-*.c and bench/lsp_latency.py).

A reader thread collects every message the server sends; the test asks
for the next publishDiagnostics of a URI matching a condition, or the
response to a request, each with a timeout (a failure, never a skip)."""
import json
import os
import subprocess
import sys
import threading
import time


class Client:
    def __init__(self, argv, cwd=None, stderr=None):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=stderr, cwd=cwd)
        self.lock = threading.Condition()
        self.messages = []  # (arrival time, message)
        self.next_id = 1
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        f = self.proc.stdout
        while True:
            length = None
            while True:
                line = f.readline()
                if not line:
                    with self.lock:
                        self.messages.append((time.monotonic(), None))
                        self.lock.notify_all()
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            body = f.read(length)
            msg = json.loads(body)
            with self.lock:
                self.messages.append((time.monotonic(), msg))
                self.lock.notify_all()

    def send(self, msg):
        msg["jsonrpc"] = "2.0"
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"id": rid, "method": method, "params": params})
        return rid

    def wait_for(self, pred, timeout=60, start=0):
        """The first message from index start on that pred accepts:
        (index, arrival time, message)."""
        deadline = time.monotonic() + timeout
        i = start
        with self.lock:
            while True:
                while i < len(self.messages):
                    t, m = self.messages[i]
                    if m is None:
                        raise AssertionError("server closed its output; waiting for %s" % pred.__doc__)
                    if pred(m):
                        return i, t, m
                    i += 1
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError("timed out waiting for %s" % (pred.__doc__ or "a message"))
                self.lock.wait(left)

    def response(self, rid, timeout=60):
        def pred(m):
            return m.get("id") == rid and "method" not in m
        pred.__doc__ = "the response to request %d" % rid
        return self.wait_for(pred, timeout)[2]

    def diagnostics(self, uri, cond, timeout=60, start=0):
        """The first publishDiagnostics of uri (from message start on) whose
        list cond accepts: (index, time, diagnostics)."""
        def pred(m):
            return (m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"]["uri"] == uri and cond(m["params"]["diagnostics"]))
        pred.__doc__ = "diagnostics of %s (%s)" % (uri, cond.__doc__ or "condition")
        i, t, m = self.wait_for(pred, timeout, start)
        return i, t, m["params"]["diagnostics"]

    def count(self):
        with self.lock:
            return len(self.messages)

    def initialize(self, root):
        rid = self.request("initialize", {
            "processId": os.getpid(), "rootUri": "file://" + root,
            "capabilities": {"textDocument": {
                "publishDiagnostics": {"relatedInformation": True},
                "hover": {"contentFormat": ["markdown", "plaintext"]},
                "codeAction": {"codeActionLiteralSupport": {
                    "codeActionKind": {"valueSet": ["quickfix"]}}}}}})
        r = self.response(rid)
        self.notify("initialized", {})
        return r

    def open(self, path, text):
        uri = "file://" + path
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "c", "version": 1, "text": text}})
        return uri

    def close(self):
        rid = self.request("shutdown", None)
        self.response(rid)
        self.notify("exit", None)
        try:
            return self.proc.wait(timeout=30)
        finally:
            self.proc.stdin.close()


def yieldc_diags(ds):
    return [d for d in ds if d.get("source") == "yieldc"]


def other_diags(ds):
    return [d for d in ds if d.get("source") != "yieldc"]

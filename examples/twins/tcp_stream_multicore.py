# Python twin of tcp_stream_multicore.c: one asyncio loop per thread, each
# accepting on its own SO_REUSEPORT socket of one port and streaming to
# slow clients (the per-connection code is tcp_stream_server.py's).
import asyncio
import resource
import socket
import threading
import zlib
from typing import AsyncIterator

CHUNK = 64 * 1024
NCHUNKS = 512
READ_SIZE = 16384
READS_PER_NAP = 32
NLOOPS = 2
NCLIENTS = 2

totals_lock = threading.Lock()
totals = {"bytes": 0, "chunks": 0, "conns": 0}


async def payload(nchunks: int) -> AsyncIterator[bytes]:
    base = bytes((j * 31 + (j >> 8)) & 0xFF for j in range(CHUNK))
    for k in range(nchunks):
        rot = k * 4099 % CHUNK
        yield base[rot:] + base[:rot]


async def serve_conn(conn: socket.socket, nchunks: int):
    loop = asyncio.get_running_loop()
    sent = chunks = 0
    with conn:
        stream = payload(nchunks)
        try:
            async for chunk in stream:
                await loop.sock_sendall(conn, chunk)
                sent += len(chunk)
                chunks += 1
        finally:
            await stream.aclose()
        with totals_lock:
            totals["bytes"] += sent
            totals["chunks"] += chunks
            totals["conns"] += 1
    return sent, chunks


async def acceptor(listen_sock: socket.socket):
    loop = asyncio.get_running_loop()
    tasks = set()
    while True:
        conn, _ = await loop.sock_accept(listen_sock)
        conn.setblocking(False)
        t = asyncio.create_task(serve_conn(conn, NCHUNKS))
        tasks.add(t)
        t.add_done_callback(tasks.discard)


async def slow_client(port: int):
    loop = asyncio.get_running_loop()
    received, crc = 0, 0
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setblocking(False)
        await loop.sock_connect(sock, ("127.0.0.1", port))
        reads = 1
        while True:
            data = await loop.sock_recv(sock, READ_SIZE)
            if not data:
                break  # end of stream
            crc = zlib.crc32(data, crc)
            received += len(data)
            if reads % READS_PER_NAP == 0:
                await asyncio.sleep(0.001)  # slow
            reads += 1
    return received, crc


def listener(port: int) -> socket.socket:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    s.setblocking(False)
    s.bind(("127.0.0.1", port))
    s.listen(16)
    return s


class Loop(threading.Thread):
    """One event loop on its own thread (a loop of the yc_loops group)."""

    def __init__(self):
        super().__init__()
        self.loop = asyncio.new_event_loop()

    def run(self):
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()
        self.loop.close()

    def spawn(self, coro):
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def stop(self):
        self.loop.call_soon_threadsafe(self.loop.stop)


def peak_rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


socks = [listener(0)]
port = socks[0].getsockname()[1]
socks += [listener(port) for _ in range(NLOOPS - 1)]
print(f"server: {NLOOPS} loops, each accepting on its own SO_REUSEPORT listener of 127.0.0.1 "
      "(port from getsockname)")
before = peak_rss_kib()
loops = [Loop() for _ in range(NLOOPS)]
for lp in loops:
    lp.start()
acceptors = [loops[i].spawn(acceptor(socks[i])) for i in range(NLOOPS)]
clients = [loops[i % NLOOPS].spawn(slow_client(port)) for i in range(NCLIENTS)]
got = [c.result() for c in clients]
for a in acceptors:
    a.cancel()
for lp in loops:
    lp.spawn(asyncio.sleep(0.01)).result()  # the cancellations run first
for lp in loops:
    lp.stop()
    lp.join()
for s in socks:
    s.close()
after = peak_rss_kib()
print(f"server: sent {totals['bytes']} bytes in {totals['chunks']} chunks of {CHUNK // 1024} KiB "
      f"over {totals['conns']} connections")
for i, (n, crc) in enumerate(got):
    print(f"client {i}: received {n} bytes in reads of at most {READ_SIZE} bytes, crc32 {crc:08x}")
print(f"memory flat: {'yes' if after - before < 8 * 1024 else 'no'}")

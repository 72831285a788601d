# Python twin of tcp_stream_server.c (TUTORIAL part 2, section 3: HTTP
# streaming with flat memory).
import asyncio
import resource
import socket
import zlib
from typing import AsyncIterator

CHUNK = 64 * 1024
NCHUNKS = 1024
READ_SIZE = 16384
READS_PER_NAP = 32


async def payload(nchunks: int) -> AsyncIterator[bytes]:
    base = bytes((j * 31 + (j >> 8)) & 0xFF for j in range(CHUNK))
    for k in range(nchunks):
        rot = k * 4099 % CHUNK
        yield base[rot:] + base[:rot]


async def serve(listen_sock: socket.socket, nchunks: int):
    loop = asyncio.get_running_loop()
    conn, _ = await loop.sock_accept(listen_sock)
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
    return sent, chunks


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


async def amain(listen_sock: socket.socket, port: int) -> int:
    server = asyncio.create_task(serve(listen_sock, NCHUNKS))
    client = asyncio.create_task(slow_client(port))
    got_bytes, got_crc = await client
    sent, chunks = await server
    print(f"server: sent {sent} bytes in {chunks} chunks of {CHUNK // 1024} KiB")
    print(f"client: received {got_bytes} bytes in reads of at most {READ_SIZE} bytes")
    print(f"client: crc32 {got_crc:08x}")
    return 0


def peak_rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
lsock.setblocking(False)
lsock.bind(("127.0.0.1", 0))
lsock.listen(1)
port = lsock.getsockname()[1]
print("server: listening on 127.0.0.1 (port from getsockname)")
before = peak_rss_kib()
asyncio.run(amain(lsock, port))
after = peak_rss_kib()
lsock.close()
print(f"memory flat: {'yes' if after - before < 8 * 1024 else 'no'}")

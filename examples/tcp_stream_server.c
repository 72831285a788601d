/* tcp_stream_server.c - streaming 64 MiB over TCP to a slow client with
 * flat memory: an async generator, yc_write_all and the socket's own
 * backpressure.
 *
 * Shows:
 *  - a listening socket on 127.0.0.1, port 0 (the kernel picks one, read
 *    back with getsockname), accepted with `await(yc_accept(...), int)`;
 *  - an async generator producing the payload on the fly, one 64 KiB chunk
 *    at a time into one reused buffer (`yc_async_generator(const unsigned
 *    char *)`): a chunk is made only when the server asks for the next one;
 *  - the server writing each chunk with `await(yc_write_all(...), ssize_t)`,
 *    which suspends while the socket is full: the slow client's reading
 *    paces the writer, which paces the generator (backpressure end to end);
 *  - a deliberately slow client in the same process and thread: a task
 *    connecting with yc_connect and reading 16 KiB at a time with yc_read,
 *    sleeping 1 ms every 32 reads (512 KiB), computing a CRC-32 of what it
 *    receives;
 *  - peak RSS (getrusage ru_maxrss) before and after: it grows by far less
 *    than 8 MiB although 64 MiB went through, so "memory flat: yes" (about
 *    0.3 MiB; some 2.5 MiB under AddressSanitizer, whose quarantine holds
 *    on to the small frame each await allocates and frees).
 * The Python twin does the same with asyncio's socket operations
 * (sock_accept, sock_sendall, sock_recv) and zlib.crc32.
 *
 * Mirrors TUTORIAL.md, part 2: section 3 ("Real-world example: HTTP
 * streaming": client reads slowly -> server yields slowly, memory stays
 * flat). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <yieldc.h>

enum {
  CHUNK = 64 * 1024, /* bytes per generated chunk */
  NCHUNKS = 1024,    /* 64 MiB in all */
  READ_SIZE = 16384, /* the client's small reads */
  READS_PER_NAP = 32  /* the client sleeps 1 ms after this many reads */
};

/* ---- CRC-32 (zlib's), so the twin can check with zlib.crc32 ------------- */

static uint32_t crc_table[256];

static void crc_init(void) {
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++)
      c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    crc_table[i] = c;
  }
}

static uint32_t crc32_update(uint32_t crc, const unsigned char *p, size_t n) {
  crc = ~crc;
  while (n--)
    crc = crc_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
  return ~crc;
}

/* ---- Cleanups ----------------------------------------------------------- */

static void close_fd(int *fd) {
  if (*fd >= 0)
    close(*fd);
}
static void free_bytes(unsigned char **p) { free(*p); }
static void free_stream(yc_agen **s) { yc_free(*s); }

/* ---- The server --------------------------------------------------------- */

/* Byte j of the base pattern; chunk k is the pattern rotated left by
 * k * 4099 bytes. */
static unsigned char pattern(size_t j) {
  return (unsigned char)(j * 31 + (j >> 8));
}

/* The payload, generated lazily: each item points at the same buffer,
 * refilled only when the consumer asks for the next chunk. */
yc_async_generator(const unsigned char *) payload(int nchunks) {
  __attribute__((cleanup(free_bytes))) unsigned char *base = malloc(CHUNK);
  __attribute__((cleanup(free_bytes))) unsigned char *buf = malloc(CHUNK);
  if (!base || !buf)
    yc_raise(YC_ENOMEM);
  for (size_t j = 0; j < CHUNK; j++)
    base[j] = pattern(j);
  for (int k = 0; k < nchunks; k++) {
    size_t rot = (size_t)k * 4099 % CHUNK;
    memcpy(buf, base + rot, CHUNK - rot);
    memcpy(buf + CHUNK - rot, base, rot);
    yield(buf);
  }
}

struct sent {
  long long bytes;
  int chunks;
};

yc_async(struct sent) serve(int listen_fd, int nchunks) {
  struct sent r = {0, 0};
  int fd = await(yc_accept(listen_fd, NULL, NULL), int);
  if (fd < 0)
    yc_raise(fd);
  __attribute__((cleanup(close_fd))) int conn = fd;
  __attribute__((cleanup(free_stream))) yc_agen *chunks = payload(nchunks);
  const unsigned char *chunk;
  while (await_next(chunks, &chunk)) {
    ssize_t n = await(yc_write_all(conn, chunk, CHUNK), ssize_t);
    if (n < 0)
      yc_raise((int)n);
    r.bytes += n;
    r.chunks++;
  }
  yc_return(r); /* conn is closed on the way out: the client sees EOF */
}

/* ---- The slow client ---------------------------------------------------- */

struct received {
  long long bytes;
  uint32_t crc;
};

yc_async(struct received) slow_client(int port) {
  struct received r = {0, 0};
  __attribute__((cleanup(close_fd))) int fd =
      socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0)
    yc_raise(YC_EINVAL);
  struct sockaddr_in addr = {.sin_family = AF_INET,
                             .sin_port = htons((uint16_t)port)};
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int err = await(yc_connect(fd, (struct sockaddr *)&addr, sizeof addr), int);
  if (err)
    yc_raise(err);
  __attribute__((cleanup(free_bytes))) unsigned char *buf = malloc(READ_SIZE);
  if (!buf)
    yc_raise(YC_ENOMEM);
  for (long reads = 1;; reads++) {
    ssize_t n = await(yc_read(fd, buf, READ_SIZE), ssize_t);
    if (n < 0)
      yc_raise((int)n);
    if (n == 0)
      break; /* end of stream */
    r.crc = crc32_update(r.crc, buf, (size_t)n);
    r.bytes += n;
    if (reads % READS_PER_NAP == 0)
      await(yc_sleep(1)); /* slow */
  }
  yc_return(r);
}

/* ---- Main --------------------------------------------------------------- */

yc_async(int) amain(int listen_fd, int port) {
  yc_task *server = yc_spawn(serve(listen_fd, NCHUNKS));
  yc_task *client = yc_spawn(slow_client(port));
  struct received got = await(client, struct received);
  struct sent put = await(server, struct sent);
  printf("server: sent %lld bytes in %d chunks of %d KiB\n", put.bytes,
         put.chunks, CHUNK / 1024);
  printf("client: received %lld bytes in reads of at most %d bytes\n",
         got.bytes, READ_SIZE);
  printf("client: crc32 %08x\n", (unsigned)got.crc);
  yc_return(0);
}

static long peak_rss_kib(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss; /* KiB on Linux */
}

int main(void) {
  crc_init();
  int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = 0};
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (lfd < 0 || bind(lfd, (struct sockaddr *)&addr, sizeof addr) < 0 ||
      listen(lfd, 1) < 0 ||
      getsockname(lfd, (struct sockaddr *)&addr, &len) < 0) {
    perror("listen");
    return 1;
  }
  printf("server: listening on 127.0.0.1 (port from getsockname)\n");

  long before = peak_rss_kib();
  int err = yc_run(amain(lfd, ntohs(addr.sin_port)), NULL);
  long after = peak_rss_kib();
  close(lfd);
  if (err) {
    printf("error: %s\n", yc_strerror(err));
    return 1;
  }
  long growth = after - before;
  printf("memory flat: %s\n", growth < 8 * 1024 ? "yes" : "no");
  fprintf(stderr, "peak RSS %ld KiB -> %ld KiB (+%ld KiB)\n", before, after,
          growth);
  return 0;
}

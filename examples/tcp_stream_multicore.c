/* tcp_stream_multicore.c - tcp_stream_server.c on every core: a
 * yc_loops group of 2 event loops, each accepting on its own SO_REUSEPORT
 * listener of the same port and streaming to slow clients with flat memory.
 *
 * Shows:
 *  - yc_loops_new / yc_loops_start / yc_loops_spawn: tasks started on the
 *    loops of a group from main, each running on its loop for good;
 *  - yc_listen_reuseport: one listening socket per loop on one port, the
 *    kernel handing each connection to one of them;
 *  - the same per-connection streaming as tcp_stream_server.c (an async
 *    generator, yc_write_all pacing on the socket: the slow client's reads
 *    pace the writer, which paces the generator), unchanged by running on
 *    several loops;
 *  - 2 slow clients started round-robin on the loops, joined from main
 *    with yc_xtask_join, their results read with yc_xtask_result;
 *  - yc_xtask_cancel of the acceptors from main, then yc_loops_free;
 *  - totals kept in C11 atomics (the loops run on different threads);
 *  - peak RSS growth below 8 MiB: "memory flat: yes".
 * Which loop serves which connection is the kernel's choice and is not
 * printed.  The Python twin runs one asyncio loop per thread, each with
 * its own SO_REUSEPORT socket. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdatomic.h>
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
  NCHUNKS = 512,     /* 32 MiB per connection */
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

static atomic_llong total_bytes;
static atomic_int total_chunks, total_conns;

struct sent {
  long long bytes;
  int chunks;
};

/* One connection: stream the payload, pacing on the socket (yc_write_all
 * suspends while it is full). */
yc_async(struct sent) serve_conn(int fd, int nchunks) {
  struct sent r = {0, 0};
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
  /* Counted before conn is closed (on the way out): the client's EOF
   * comes after. */
  atomic_fetch_add(&total_bytes, r.bytes);
  atomic_fetch_add(&total_chunks, r.chunks);
  atomic_fetch_add(&total_conns, 1);
  yc_return(r);
}

/* Each loop accepts on its own listener (SO_REUSEPORT: the kernel spreads
 * the connections) and serves what it accepted, until cancelled. */
yc_async(int) acceptor(int listen_fd) {
  for (;;) {
    int fd = await(yc_accept(listen_fd, NULL, NULL), int);
    if (fd < 0)
      yc_raise(fd);
    yc_detach(yc_spawn(serve_conn(fd, NCHUNKS)));
  }
  yc_return(0);
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

enum { NLOOPS = 2, NCLIENTS = 2 };

static long peak_rss_kib(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss; /* KiB on Linux */
}

int main(void) {
  crc_init();
  int lfd[NLOOPS];
  lfd[0] = yc_listen_reuseport("127.0.0.1", 0, 16);
  struct sockaddr_in addr;
  socklen_t len = sizeof addr;
  if (lfd[0] < 0 || getsockname(lfd[0], (struct sockaddr *)&addr, &len) < 0) {
    perror("listen");
    return 1;
  }
  int port = ntohs(addr.sin_port);
  for (int i = 1; i < NLOOPS; i++)
    if ((lfd[i] = yc_listen_reuseport("127.0.0.1", (unsigned short)port, 16)) < 0) {
      fprintf(stderr, "listen: %s\n", yc_strerror(lfd[i]));
      return 1;
    }
  printf("server: %d loops, each accepting on its own SO_REUSEPORT listener of 127.0.0.1 "
         "(port from getsockname)\n",
         NLOOPS);

  long before = peak_rss_kib();
  yc_loops *g = yc_loops_new(NLOOPS);
  if (!g || yc_loops_start(g)) {
    fprintf(stderr, "cannot start the loops\n");
    return 1;
  }
  yc_xtask *acc[NLOOPS], *cli[NCLIENTS];
  for (int i = 0; i < NLOOPS; i++)
    acc[i] = yc_loops_spawn(g, i, acceptor(lfd[i]));
  for (int i = 0; i < NCLIENTS; i++)
    cli[i] = yc_loops_spawn(g, -1, slow_client(port));
  struct received got[NCLIENTS];
  int failed = 0;
  for (int i = 0; i < NCLIENTS; i++) {
    int err = yc_xtask_join(cli[i]);
    if (err || !yc_xtask_result(cli[i], &got[i])) {
      printf("client %d: error: %s\n", i, yc_strerror(err));
      failed = 1;
    }
  }
  for (int i = 0; i < NLOOPS; i++) {
    yc_xtask_cancel(acc[i]);
    (void)yc_xtask_join(acc[i]);
    yc_xtask_free(acc[i]);
    close(lfd[i]);
  }
  for (int i = 0; i < NCLIENTS; i++)
    yc_xtask_free(cli[i]);
  yc_loops_free(g);
  long after = peak_rss_kib();
  if (failed)
    return 1;
  printf("server: sent %lld bytes in %d chunks of %d KiB over %d connections\n",
         (long long)atomic_load(&total_bytes), atomic_load(&total_chunks), CHUNK / 1024,
         atomic_load(&total_conns));
  for (int i = 0; i < NCLIENTS; i++)
    printf("client %d: received %lld bytes in reads of at most %d bytes, crc32 %08x\n", i,
           got[i].bytes, READ_SIZE, (unsigned)got[i].crc);
  long growth = after - before;
  printf("memory flat: %s\n", growth < 8 * 1024 ? "yes" : "no");
  fprintf(stderr, "peak RSS %ld KiB -> %ld KiB (+%ld KiB)\n", before, after, growth);
  return 0;
}

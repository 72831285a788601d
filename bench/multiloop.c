/* multiloop.c - benchmarks of issue 17 (one event loop per core), each
 * one run:
 *  - chan: messages per second through a channel between two tasks of one
 *    loop (yc_chan_new) and between two loops of a yc_loops group
 *    (yc_chan_new_shared), capacity 64, ints; the ratio of the costs per
 *    message (target: at most 10);
 *  - server: connections per second of a loopback server (read a request,
 *    write a 1 KiB reply, close) with 1 loop and with 2 loops, each loop
 *    accepting on its own SO_REUSEPORT listener of the same port; clients
 *    are 2 threads of a child process (blocking sockets) hammering it for
 *    SECONDS; the ratio (target: at least 1.6 on 2 free cores).
 * Usage: multiloop [chan|server] (both by default). */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <yieldc.h>

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- chan ---------------------------------------------------------------- */

yc_async(int) producer(yc_chan *c, long n) {
  for (long i = 0; i < n; i++) {
    int v = (int)i;
    if (await(yc_chan_send(c, &v), int))
      yc_return(-1);
  }
  yc_chan_close(c);
  yc_return(0);
}

yc_async(long) consumer(yc_chan *c) {
  long sum = 0;
  int v;
  while (await(yc_chan_recv(c, &v), bool))
    sum += v;
  yc_return(sum);
}

yc_async(long) same_loop(long n) {
  yc_chan *c = yc_chan_new(64, sizeof(int));
  yc_task *p = yc_spawn(producer(c, n));
  long sum = await(consumer(c), long);
  await(p, int);
  yc_chan_free(c);
  yc_return(sum);
}

static double cross_run(long n, size_t cap);

static void bench_chan(void) {
  long n = 2000000, want = n * (n - 1) / 2, sum = 0;
  double t0 = now_s();
  if (yc_run(same_loop(n), &sum) || sum != want) {
    fprintf(stderr, "same-loop run failed\n");
    exit(1);
  }
  double same = (now_s() - t0) / (double)n;

  double cross = cross_run(n, 64), cross_big = cross_run(n, 1024);
  printf("chan same-loop: %.1f ns/msg (%.2f M msg/s)\n", same * 1e9, 1e-6 / same);
  printf("chan cross-loop: %.1f ns/msg (%.2f M msg/s)\n", cross * 1e9, 1e-6 / cross);
  printf("chan cross-loop, capacity 1024: %.1f ns/msg (%.2f M msg/s)\n", cross_big * 1e9,
         1e-6 / cross_big);
  printf("chan cross/same cost ratio: %.2f (target <= 10)\n", cross / same);
}

/* Seconds per message from a producer on loop 0 to a consumer on loop 1
 * through a shared channel of capacity cap. */
static double cross_run(long n, size_t cap) {
  long want = n * (n - 1) / 2, sum = 0;
  yc_loops *g = yc_loops_new(2);
  if (!g || yc_loops_start(g)) {
    fprintf(stderr, "cannot start 2 loops\n");
    exit(1);
  }
  yc_chan *c = yc_chan_new_shared(cap, sizeof(int));
  double t0 = now_s();
  yc_xtask *p = yc_loops_spawn(g, 0, producer(c, n));
  yc_xtask *q = yc_loops_spawn(g, 1, consumer(c));
  int e1 = yc_xtask_join(p), e2 = yc_xtask_join(q);
  double cross = (now_s() - t0) / (double)n;
  if (e1 || e2 || !yc_xtask_result(q, &sum) || sum != want) {
    fprintf(stderr, "cross-loop run failed\n");
    exit(1);
  }
  yc_xtask_free(p);
  yc_xtask_free(q);
  yc_chan_free(c);
  yc_loops_free(g);
  return cross;
}

/* ---- server ------------------------------------------------------------- */

#define SECONDS 3.0
static unsigned short port;
static char reply[1024];

yc_async(int) handler(int fd) {
  char buf[64];
  ssize_t n = await(yc_read(fd, buf, sizeof buf), ssize_t);
  if (n > 0)
    (void)await(yc_write_all(fd, reply, sizeof reply), ssize_t);
  close(fd);
  yc_return(0);
}

/* Accepts on lfd (its loop's own listener) until cancelled. */
yc_async(int) acceptor(int lfd) {
  for (;;) {
    int fd = await(yc_accept(lfd, NULL, NULL), int);
    if (fd < 0) {
      if (fd == -EMFILE || fd == -ENFILE) {
        await(yc_sleep(1));
        continue;
      }
      break;
    }
    yc_detach(yc_spawn(handler(fd)));
  }
  yc_return(0);
}

static volatile int stop_clients;
static long client_count[2];

static void *client(void *arg) {
  long *count = arg;
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  char buf[2048];
  while (!stop_clients) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a) < 0) {
      if (fd >= 0)
        close(fd);
      usleep(100);
      continue;
    }
    size_t got = 0;
    if (write(fd, "GET\n", 4) == 4) {
      ssize_t r;
      while ((r = read(fd, buf, sizeof buf)) > 0)
        got += (size_t)r;
    }
    close(fd);
    if (got == sizeof reply)
      (*count)++;
  }
  return NULL;
}

/* Connections served in SECONDS by a server of nloops loops. */
static double serve_rate(size_t nloops) {
  yc_loops *g = yc_loops_new(nloops);
  if (!g || yc_loops_start(g))
    exit(1);
  yc_xtask *acc[8];
  int lfd[8];
  for (size_t i = 0; i < nloops; i++) {
    lfd[i] = yc_listen_reuseport("127.0.0.1", port, 1024);
    if (lfd[i] < 0)
      exit(1);
    acc[i] = yc_loops_spawn(g, (int)i, acceptor(lfd[i]));
  }
  usleep(100000); /* the listeners are up */
  int pfd[2];
  if (pipe(pfd))
    exit(1);
  pid_t pid = fork();
  if (pid == 0) {
    pthread_t th[2];
    client_count[0] = client_count[1] = 0;
    for (int i = 0; i < 2; i++)
      pthread_create(&th[i], NULL, client, &client_count[i]);
    usleep((useconds_t)(SECONDS * 1e6));
    stop_clients = 1;
    for (int i = 0; i < 2; i++)
      pthread_join(th[i], NULL);
    long total = client_count[0] + client_count[1];
    if (write(pfd[1], &total, sizeof total) != sizeof total)
      _exit(1);
    _exit(0);
  }
  long total = 0;
  if (read(pfd[0], &total, sizeof total) != sizeof total)
    total = 0;
  waitpid(pid, NULL, 0);
  close(pfd[0]);
  close(pfd[1]);
  for (size_t i = 0; i < nloops; i++) {
    yc_xtask_cancel(acc[i]);
    (void)yc_xtask_join(acc[i]);
    yc_xtask_free(acc[i]);
    close(lfd[i]);
  }
  yc_loops_free(g);
  return (double)total / SECONDS;
}

static void bench_server(void) {
  memset(reply, 'x', sizeof reply);
  /* A free port: bind 0, read it back, let it go (SO_REUSEPORT binds it again). */
  int s = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET};
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) || getsockname(s, (struct sockaddr *)&a, &len))
    exit(1);
  port = ntohs(a.sin_port);
  close(s);
  double r1 = serve_rate(1), r2 = serve_rate(2);
  printf("server 1 loop: %.0f conn/s\n", r1);
  printf("server 2 loops: %.0f conn/s\n", r2);
  printf("server 2/1 loops ratio: %.2f (target >= 1.6 on 2 free cores; clients share them here)\n",
         r1 > 0 ? r2 / r1 : 0.0);
}

int main(int argc, char **argv) {
  signal(SIGPIPE, SIG_IGN);
  setvbuf(stdout, NULL, _IONBF, 0);
  const char *what = argc > 1 ? argv[1] : "";
  printf("# %ld online CPUs\n", sysconf(_SC_NPROCESSORS_ONLN));
  if (!*what || !strcmp(what, "chan"))
    bench_chan();
  if (!*what || !strcmp(what, "server"))
    bench_server();
  return 0;
}

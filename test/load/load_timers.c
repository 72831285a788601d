/* load_timers.c - timers never fire early, also under load.
 *
 * One event loop runs, at the same time:
 *   - NTIMERS timer tasks (default 4000), each sleeping 1 to 3 times for a
 *     random (seeded) duration of 1..300 ms; every sleep reads
 *     CLOCK_MONOTONIC before the await and after it resumes, and the test
 *     fails if any wake-up comes before start + duration;
 *   - echo traffic on 127.0.0.1: an acceptor, one echo handler per
 *     connection and NCLIENTS (32) clients writing and reading back 512
 *     bytes in a loop;
 *   - NCPU (8) tasks that burn 0.1..2 ms of CPU between yields, so the loop
 *     runs late and timers pile up;
 *   - a canceller that cancels about 10% of the timer tasks at random
 *     moments (yc_cancel), so timers leave the heap from the middle too.
 * It prints the number of sleeps checked, how many fired early (must be 0),
 * the maximum and mean lateness, the cancellations and the echo traffic.
 *
 *   load_timers [NTIMERS [SEED]]
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <yieldc.h>

enum { NCLIENTS = 32, NCPU = 8, MSG = 512 };

static int ntimers;
static uint64_t rng;
static struct sockaddr_in addr;
static int stop, failures;
static long checked, early, cancelled, cancel_ok, echoes, cpu_slices;
static int64_t max_late_ns, sum_late_ns, worst_early_ns;

static uint64_t next_rand(void) { /* xorshift64* */
  rng ^= rng >> 12;
  rng ^= rng << 25;
  rng ^= rng >> 27;
  return rng * 2685821657736338717ull;
}

static int64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* durations of each timer task's sleeps (ms), 0-terminated, chosen up front */
static long (*plan)[4];

static long pick_ms(void) {
  uint64_t k = next_rand() % 100;
  if (k < 10) return 1 + (long)(next_rand() % 3);    /* 1..3 ms    */
  if (k < 70) return 1 + (long)(next_rand() % 50);   /* 1..50 ms   */
  return 50 + (long)(next_rand() % 251);             /* 50..300 ms */
}

yc_async(int) timer_task(int id) {
  for (int k = 0; k < 4 && plan[id][k]; k++) {
    long ms = plan[id][k];
    int64_t t0 = now_ns();
    yc_try {
      await(yc_sleep(ms));
    } yc_catch (err) {
      if (err != YC_ECANCELLED) yc_raise(err);
      cancelled++;
      yc_return(0);
    }
    int64_t late = now_ns() - (t0 + ms * 1000000);
    checked++;
    if (late < 0) {
      early++;
      if (late < worst_early_ns) worst_early_ns = late;
      fprintf(stderr, "timer %d sleep %d (%ld ms) fired %lld ns early\n", id, k, ms,
              (long long)-late);
    } else {
      sum_late_ns += late;
      if (late > max_late_ns) max_late_ns = late;
    }
  }
  yc_return(0);
}

yc_async(int) cpu_task(int id) {
  uint64_t s = 0x9e3779b97f4a7c15ull * (uint64_t)(id + 1);
  while (!stop) {
    s ^= s << 13, s ^= s >> 7, s ^= s << 17;
    int64_t until = now_ns() + 100000 + (int64_t)(s % 1900000); /* 0.1..2 ms */
    volatile uint64_t x = s;
    while (now_ns() < until) x = x * 6364136223846793005ull + 1;
    cpu_slices++;
    await(yc_sleep(0));
  }
  yc_return(0);
}

yc_async(int) echo_handler(int fd) {
  char buf[MSG];
  for (;;) {
    ssize_t n = await(yc_read(fd, buf, sizeof buf), ssize_t);
    if (n <= 0) break;
    if (await(yc_write_all(fd, buf, (size_t)n), ssize_t) != n) break;
  }
  close(fd);
  yc_return(0);
}

yc_async(int) acceptor(int lfd) {
  for (int k = 0; k < NCLIENTS; k++) {
    int fd = await(yc_accept(lfd, NULL, NULL), int);
    if (fd < 0) {
      fprintf(stderr, "accept: %s\n", strerror(-fd));
      failures++;
      break;
    }
    yc_task *h = yc_spawn(echo_handler(fd));
    if (!h) failures++;
    else yc_detach(h);
  }
  yc_return(0);
}

yc_async(int) client(int id) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0) {
    failures++;
    yc_return(1);
  }
  int rc = await(yc_connect(fd, (struct sockaddr *)&addr, sizeof addr), int);
  if (rc < 0) {
    fprintf(stderr, "connect: %s\n", strerror(-rc));
    failures++;
    close(fd);
    yc_return(1);
  }
  char out[MSG], in[MSG];
  for (int round = 0; !stop; round++) {
    for (int i = 0; i < MSG; i++) out[i] = (char)(id * 31 + round + i);
    if (await(yc_write_all(fd, out, MSG), ssize_t) != MSG) {
      failures++;
      break;
    }
    size_t got = 0;
    while (got < MSG) {
      ssize_t n = await(yc_read(fd, in + got, MSG - got), ssize_t);
      if (n <= 0) break;
      got += (size_t)n;
    }
    if (got != MSG || memcmp(in, out, MSG)) {
      failures++;
      break;
    }
    echoes++;
  }
  close(fd);
  yc_return(0);
}

static int armed_tasks; /* timers[0..armed_tasks) are spawned */

yc_async(int) canceller(yc_task **timers) {
  /* about 10% of the timer tasks, a few at each of random moments while
   * they are being armed and running (for at most 600 ms); amain awaits
   * (frees) the timer tasks only after this task has finished */
  int n = ntimers / 10;
  int64_t end = now_ns() + 600000000;
  for (int k = 0; k < n && now_ns() < end;) {
    await(yc_sleep((long)(next_rand() % 3)));
    for (int j = (int)(next_rand() % 8); j >= 0 && k < n && armed_tasks; j--, k++)
      if (yc_cancel(timers[next_rand() % (uint64_t)armed_tasks])) cancel_ok++;
  }
  yc_return(0);
}

yc_async(int) amain(int lfd) {
  yc_task *acc = yc_spawn(acceptor(lfd));
  yc_task *cl[NCLIENTS], *cpu[NCPU];
  yc_task **timers = calloc((size_t)ntimers, sizeof *timers);
  if (!acc || !timers) yc_raise(YC_ENOMEM);
  for (int k = 0; k < NCLIENTS; k++)
    if (!(cl[k] = yc_spawn(client(k)))) yc_raise(YC_ENOMEM);
  for (int k = 0; k < NCPU; k++)
    if (!(cpu[k] = yc_spawn(cpu_task(k)))) yc_raise(YC_ENOMEM);
  yc_task *can = yc_spawn(canceller(timers));
  if (!can) yc_raise(YC_ENOMEM);
  for (int k = 0; k < ntimers; k++) {
    if (!(timers[k] = yc_spawn(timer_task(k)))) yc_raise(YC_ENOMEM);
    armed_tasks = k + 1;
    if (k % 200 == 199) await(yc_sleep(0)); /* arm while the load runs */
  }
  await(can);
  for (int k = 0; k < ntimers; k++) {
    yc_try {
      if (await(timers[k], int)) failures++;
    } yc_catch (err) {
      /* cancelled before it started: it never ran its body */
      if (err != YC_ECANCELLED) failures++;
      else cancelled++;
    }
  }
  stop = 1;
  for (int k = 0; k < NCPU; k++) await(cpu[k]);
  for (int k = 0; k < NCLIENTS; k++) await(cl[k]);
  await(acc);
  free(timers);
  yc_return(0);
}

int main(int argc, char **argv) {
  ntimers = argc > 1 ? atoi(argv[1]) : 4000;
  unsigned long seed = argc > 2 ? strtoul(argv[2], NULL, 0) : 1;
  if (ntimers < 1) ntimers = 1;
  rng = 0x2545f4914f6cdd1dull ^ ((uint64_t)seed * 0x9e3779b97f4a7c15ull);
  if (!rng) rng = 1;
  plan = calloc((size_t)ntimers, sizeof *plan);
  if (!plan) return 1;
  long armed = 0;
  for (int k = 0; k < ntimers; k++) {
    int n = 1 + (int)(next_rand() % 3);
    for (int j = 0; j < n; j++, armed++) plan[k][j] = pick_ms();
  }
  int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (lfd < 0 || bind(lfd, (struct sockaddr *)&addr, sizeof addr) ||
      getsockname(lfd, (struct sockaddr *)&addr, &len) || listen(lfd, 128)) {
    perror("listen");
    return 1;
  }
  int64_t t0 = now_ns();
  int err = yc_run(amain(lfd), NULL);
  double secs = (double)(now_ns() - t0) / 1e9;
  close(lfd);
  free(plan);
  printf("backend %s, seed %lu: %d timer tasks, %ld sleeps planned, %ld checked, "
         "%ld cancelled tasks (%ld cancel requests), %.2f s\n",
         yc_loop_backend(), seed, ntimers, armed, checked, cancelled, cancel_ok, secs);
  printf("fired early: %ld (worst %lld ns); lateness max %.3f ms, mean %.3f ms\n", early,
         (long long)-worst_early_ns, (double)max_late_ns / 1e6,
         checked - early ? (double)sum_late_ns / 1e6 / (double)(checked - early) : 0.0);
  printf("load: %ld echoes of %d bytes over %d loopback connections, %ld CPU slices, "
         "%d failures, err %d\n",
         echoes, MSG, NCLIENTS, cpu_slices, failures, err);
  return err || failures || early || checked == 0 ? 1 : 0;
}

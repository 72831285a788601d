/* load_conns.c - a loopback echo server built with yieldc holding N
 * concurrent connections (default 10000) on 127.0.0.1.
 *
 * One event loop runs the acceptor, one handler task per accepted
 * connection, and N client tasks: each client connects, and once all N are
 * connected (all held open at the same time) sends 4 bytes and expects
 * them echoed.  RLIMIT_NOFILE is raised as far as allowed; with fewer
 * descriptors than 2N + 64 the test holds what fits and says so.  Memory
 * per connection: the growth of the resident set between start and "all
 * connected", divided by N (both ends of each connection are in this
 * process, so it counts a client task and a handler task). */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <yieldc.h>

static int nconn, connected, echoed, failures;
static struct sockaddr_in addr;

static long rss_kb(void) {
  FILE *f = fopen("/proc/self/statm", "r");
  long pages = 0, res = 0;
  if (f) {
    if (fscanf(f, "%ld %ld", &pages, &res) != 2) res = 0;
    fclose(f);
  }
  return res * (sysconf(_SC_PAGESIZE) / 1024);
}

yc_async(int) handler(int fd) {
  char buf[16];
  ssize_t n = await(yc_read(fd, buf, sizeof buf), ssize_t);
  if (n > 0) n = await(yc_write_all(fd, buf, (size_t)n), ssize_t);
  close(fd);
  yc_return(n > 0 ? 0 : 1);
}

yc_async(int) acceptor(int lfd) {
  for (int k = 0; k < nconn; k++) {
    int fd = await(yc_accept(lfd, NULL, NULL), int);
    if (fd < 0) {
      failures++;
      fprintf(stderr, "accept: %s\n", strerror(-fd));
      break;
    }
    yc_task *h = yc_spawn(handler(fd));
    if (!h) failures++;
    else yc_detach(h);
  }
  yc_return(0);
}

yc_async(int) client(void) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0) {
    failures++;
    yc_return(1);
  }
  int rc = await(yc_connect(fd, (struct sockaddr *)&addr, sizeof addr), int);
  if (rc < 0) {
    failures++;
    close(fd);
    yc_return(1);
  }
  connected++;
  while (connected < nconn && !failures) await(yc_sleep(5)); /* hold it open */
  char out[4] = {'p', 'i', 'n', 'g'}, in[4];
  ssize_t n = await(yc_write_all(fd, out, 4), ssize_t);
  size_t got = 0;
  while (n > 0 && got < 4) {
    n = await(yc_read(fd, in + got, 4 - got), ssize_t);
    if (n > 0) got += (size_t)n;
  }
  close(fd);
  if (got == 4 && !memcmp(in, out, 4)) echoed++;
  else failures++;
  yc_return(0);
}

static long rss0, rss_peak;

yc_async(int) amain(int lfd) {
  yc_task *acc = yc_spawn(acceptor(lfd));
  yc_task **cl = calloc((size_t)nconn, sizeof *cl);
  if (!cl || !acc) yc_raise(YC_ENOMEM);
  for (int k = 0; k < nconn; k++) {
    cl[k] = yc_spawn(client());
    if (!cl[k]) yc_raise(YC_ENOMEM);
    if (k % 256 == 255) await(yc_sleep(0)); /* let the acceptor keep up */
  }
  while (connected < nconn && !failures) await(yc_sleep(5));
  rss_peak = rss_kb();
  for (int k = 0; k < nconn; k++) await(cl[k]);
  free(cl);
  await(acc);
  yc_return(0);
}

int main(int argc, char **argv) {
  int want = argc > 1 ? atoi(argv[1]) : 10000;
  struct rlimit rl;
  getrlimit(RLIMIT_NOFILE, &rl);
  rlim_t need = (rlim_t)want * 2 + 64;
  if (rl.rlim_cur < need) {
    rl.rlim_cur = need < rl.rlim_max ? need : rl.rlim_max;
    setrlimit(RLIMIT_NOFILE, &rl);
    getrlimit(RLIMIT_NOFILE, &rl);
  }
  nconn = want;
  if (rl.rlim_cur < need) {
    nconn = (int)((rl.rlim_cur - 64) / 2);
    printf("RLIMIT_NOFILE is %lu (hard %lu): holding %d connections instead of %d\n",
           (unsigned long)rl.rlim_cur, (unsigned long)rl.rlim_max, nconn, want);
  }
  int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (lfd < 0 || bind(lfd, (struct sockaddr *)&addr, sizeof addr) ||
      getsockname(lfd, (struct sockaddr *)&addr, &len) || listen(lfd, 4096)) {
    perror("listen");
    return 1;
  }
  rss0 = rss_kb();
  int err = yc_run(amain(lfd), NULL);
  close(lfd);
  printf("backend %s: %d connections held at once, %d echoed, %d failures, err %d\n",
         yc_loop_backend(), connected, echoed, failures, err);
  printf("memory: %ld KiB resident growth, %.0f bytes per connection (client + handler)\n",
         rss_peak - rss0, nconn ? (rss_peak - rss0) * 1024.0 / nconn : 0.0);
  return err || failures || echoed != nconn ? 1 : 0;
}

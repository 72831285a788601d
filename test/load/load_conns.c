/* load_conns.c - a loopback echo server built with yieldc holding N
 * concurrent connections (default 10000) on 127.0.0.1.
 *
 * The server (this process) runs the acceptor and one handler task per
 * accepted connection; the clients run in a child process (each side of a
 * connection costs a descriptor, and one process may not hold 2N).  Once
 * the server has accepted all N connections - all held open at the same
 * time - it says so through a pipe; only then does each client send 4
 * bytes and expect them echoed.  Memory per connection: the growth of the
 * server's resident set between start and "all accepted", divided by N (a
 * handler task, its frames and its socket's bookkeeping). */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <yieldc.h>

static int nconn, held, max_held, echoed, failures;
static struct sockaddr_in addr;
static long rss0, rss_all;

static long rss_kb(void) {
  FILE *f = fopen("/proc/self/statm", "r");
  long pages = 0, res = 0;
  if (f) {
    if (fscanf(f, "%ld %ld", &pages, &res) != 2)
      res = 0;
    fclose(f);
  }
  return res * (sysconf(_SC_PAGESIZE) / 1024);
}

/* ---- the server (parent) ---------------------------------------------- */

yc_async(int) handler(int fd) {
  char buf[16];
  held++;
  if (held > max_held)
    max_held = held;
  ssize_t n = await(yc_read(fd, buf, sizeof buf), ssize_t);
  if (n > 0)
    n = await(yc_write_all(fd, buf, (size_t)n), ssize_t);
  held--;
  close(fd);
  if (n == 4)
    echoed++;
  else
    failures++;
  yc_return(0);
}

yc_async(int) server(int lfd, int ready_fd) {
  yc_task **hs = calloc((size_t)nconn, sizeof *hs);
  if (!hs)
    yc_raise(YC_ENOMEM);
  int accepted = 0;
  while (accepted < nconn) {
    int fd = await(yc_accept(lfd, NULL, NULL), int);
    if (fd < 0) {
      failures++;
      fprintf(stderr, "accept: %s\n", strerror(-fd));
      break;
    }
    hs[accepted] = yc_spawn(handler(fd));
    if (!hs[accepted]) {
      failures++;
      break;
    }
    accepted++;
  }
  /* every handler has started and waits in its read: all held at once */
  while (held < accepted && !failures)
    await(yc_sleep(0));
  rss_all = rss_kb();
  char go = failures ? 'x' : 'g';
  await(yc_write_all(ready_fd, &go, 1));
  for (int k = 0; k < accepted; k++)
    await(hs[k]);
  free(hs);
  yc_return(0);
}

/* ---- the clients (child) ---------------------------------------------- */

static int client_ok, client_failures;

yc_async(int) client(int *conns, int k) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0) {
    client_failures++;
    yc_return(1);
  }
  int rc = await(yc_connect(fd, (struct sockaddr *)&addr, sizeof addr), int);
  if (rc < 0) {
    client_failures++;
    close(fd);
    yc_return(1);
  }
  conns[k] = fd;
  yc_return(0);
}

yc_async(int) ping(int fd) {
  char out[4] = {'p', 'i', 'n', 'g'}, in[4];
  ssize_t n = await(yc_write_all(fd, out, 4), ssize_t);
  size_t got = 0;
  while (n > 0 && got < 4) {
    n = await(yc_read(fd, in + got, 4 - got), ssize_t);
    if (n > 0)
      got += (size_t)n;
  }
  close(fd);
  if (got == 4 && !memcmp(in, out, 4))
    client_ok++;
  else
    client_failures++;
  yc_return(0);
}

yc_async(int) clients(int ready_fd) {
  int *conns = calloc((size_t)nconn, sizeof *conns);
  yc_task **ts = calloc((size_t)nconn, sizeof *ts);
  if (!conns || !ts)
    yc_raise(YC_ENOMEM);
  for (int k = 0; k < nconn; k++) {
    ts[k] = yc_spawn(client(conns, k));
    if (k % 256 == 255)
      await(yc_sleep(0)); /* let connections complete as they go */
  }
  for (int k = 0; k < nconn; k++)
    await(ts[k]);
  /* wait for the server to hold them all */
  char go = 0;
  ssize_t n = await(yc_read(ready_fd, &go, 1), ssize_t);
  if (n != 1 || go != 'g')
    client_failures++;
  for (int k = 0; k < nconn; k++)
    ts[k] = client_failures ? NULL : yc_spawn(ping(conns[k]));
  for (int k = 0; k < nconn; k++)
    if (ts[k])
      await(ts[k]);
  free(ts);
  free(conns);
  yc_return(0);
}

int main(int argc, char **argv) {
  int want = argc > 1 ? atoi(argv[1]) : 10000;
  struct rlimit rl;
  getrlimit(RLIMIT_NOFILE, &rl);
  rlim_t need = (rlim_t)want + 64;
  if (rl.rlim_cur < need) {
    rl.rlim_cur = need < rl.rlim_max ? need : rl.rlim_max;
    setrlimit(RLIMIT_NOFILE, &rl);
    getrlimit(RLIMIT_NOFILE, &rl);
  }
  nconn = want;
  if (rl.rlim_cur < need) {
    nconn = (int)(rl.rlim_cur - 64);
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
  int sync[2];
  if (pipe(sync) != 0) {
    perror("pipe");
    return 1;
  }
  signal(SIGPIPE, SIG_IGN);
  pid_t pid = fork();
  if (pid < 0) {
    perror("fork");
    return 1;
  }
  if (pid == 0) {
    close(lfd);
    close(sync[1]);
    fcntl(sync[0], F_SETFL, O_NONBLOCK);
    int err = yc_run(clients(sync[0]), NULL);
    close(sync[0]);
    _exit(err || client_failures || client_ok != nconn ? 1 : 0);
  }
  close(sync[0]);
  fcntl(sync[1], F_SETFL, O_NONBLOCK);
  rss0 = rss_kb();
  int err = yc_run(server(lfd, sync[1]), NULL);
  close(lfd);
  close(sync[1]);
  int status = 0;
  waitpid(pid, &status, 0);
  bool clients_ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  printf("backend %s: %d connections held at once, %d echoed, %d failures, err %d, "
         "clients %s\n",
         yc_loop_backend(), max_held, echoed, failures, err, clients_ok ? "ok" : "FAILED");
  printf("memory: %ld KiB resident growth, %.0f bytes per connection (server side)\n",
         rss_all - rss0, nconn ? (rss_all - rss0) * 1024.0 / nconn : 0.0);
  return err || failures || !clients_ok || echoed != nconn || max_held != nconn ? 1 : 0;
}

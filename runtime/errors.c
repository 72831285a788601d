/* runtime/errors.c - yc_strerror: names of yieldc's error codes and of the
 * errno values (negative, as I/O results carry them) that reach users
 * through yc_error / yc_run. */
#include "yieldc/coro.h"

#include <string.h>

const char *yc_strerror(int code) {
  switch (code) {
  case 0:
    return "success";
  case YC_EJUSTSTARTED:
    return "can't send a value to a just-started generator (send NULL first)";
  case YC_ERUNNING:
    return "generator already executing";
  case YC_ESIZE:
    return "value size does not match the generator's type";
  case YC_ECANCELLED:
    return "task cancelled";
  case YC_ENOMEM:
    return "out of memory";
  case YC_ECLOSED:
    return "closed";
  case YC_EINVAL:
    return "invalid use of the yieldc API";
  case YC_ENORESULT:
    return "no return value";
  case YC_ETIMEDOUT:
    return "deadline expired";
  default:
    break;
  }
  /* Errors are negative errno values by convention; a positive code is
   * taken as an errno too, since users may yc_raise(errno). */
  int e = code < 0 ? -code : code;
  if (code <= -1000 && code > -1100)
    return "unknown yieldc error";
  return strerror(e);
}

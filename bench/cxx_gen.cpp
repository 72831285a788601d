// bench/cxx_gen.cpp - C++20 baseline: a minimal generator<T> on <coroutine>
// (g++ -std=c++20 -O2), count_up(limit) consumed like bench.c's resume
// benchmark, against the same hand-written iterator (bench/hand.c).
#include "cxx_generator.hpp"

extern "C" {
#include "hand.h"
}
#include "common.h"


generator<int> count_up(int limit); // cxx_gen_other.cpp

static long cxx_gen(long n) {
  long s = 0;
  int x;
  auto g = count_up((int)n);
  while (g.next(x))
    s += x;
  return s;
}

static long hand_iter(long n) {
  long s = 0;
  count_iter it;
  int x;
  count_iter_init(&it, (int)n);
  while (count_iter_next(&it, &x))
    s += x;
  return s;
}

int main() {
  if (cxx_gen(1000) != hand_iter(1000))
    return 1;
  bench_subject = "c++20";
  bench_pair("c++20-generator resume-ext (C++20 generator<int> in another file)",
             cxx_gen, hand_iter, 1, 0);
  return 0;
}

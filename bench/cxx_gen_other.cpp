// bench/cxx_gen_other.cpp - the C++20 generator, in another file than its
// consumer (like bench/gen_other.c).
#include "cxx_generator.hpp"

generator<int> count_up(int limit) {
  for (int i = 0; i < limit; i++)
    co_yield i;
}

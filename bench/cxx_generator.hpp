// bench/cxx_generator.hpp - a minimal C++20 generator<T> on <coroutine>,
// the C++ baseline of the resume benchmark (cxx_gen.cpp consumes it,
// cxx_gen_other.cpp defines count_up in another file).
#ifndef YIELDC_BENCH_CXX_GENERATOR_HPP
#define YIELDC_BENCH_CXX_GENERATOR_HPP
#include <coroutine>
#include <exception>
#include <utility>

template <class T> struct generator {
  struct promise_type {
    T value;
    generator get_return_object() {
      return generator{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T v) noexcept {
      value = v;
      return {};
    }
    void return_void() noexcept {}
    void unhandled_exception() { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
  explicit generator(std::coroutine_handle<promise_type> h) : h(h) {}
  generator(generator &&o) noexcept : h(std::exchange(o.h, {})) {}
  ~generator() {
    if (h)
      h.destroy();
  }
  bool next(T &out) {
    h.resume();
    if (h.done())
      return false;
    out = h.promise().value;
    return true;
  }
};

#endif

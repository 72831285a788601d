// bench/cxx_gen_other.cpp - the C++20 generator, in another file than its
// consumer (like bench/gen_other.c).
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
};

generator<int> count_up(int limit) {
  for (int i = 0; i < limit; i++)
    co_yield i;
}

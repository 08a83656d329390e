// Implementation of ra::ordered_parallel (declared in batch.hpp).
#pragma once

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace ra {

template <class T>
void ordered_parallel(std::size_t count, unsigned jobs, std::size_t window,
                      const std::function<T(std::size_t)>& work,
                      const std::function<void(std::size_t, T&&)>& emit) {
  jobs = std::max(1u, jobs);
  window = std::max<std::size_t>(window, jobs);
  if (jobs == 1) {
    for (std::size_t i = 0; i < count; ++i) emit(i, work(i));
    return;
  }
  std::mutex mu;
  std::condition_variable ready;    // a result arrived, or an error
  std::condition_variable room;     // the window moved on
  std::deque<std::optional<T>> slots;  // results for [emitted, emitted + slots.size())
  std::size_t next = 0;             // next index to hand out
  std::size_t emitted = 0;          // next index to emit
  std::exception_ptr failure;

  auto worker = [&] {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock<std::mutex> lock(mu);
        room.wait(lock, [&] { return next >= count || next < emitted + window || failure; });
        if (next >= count || failure) return;
        i = next++;
        if (slots.size() < i - emitted + 1) slots.resize(i - emitted + 1);
      }
      std::optional<T> result;
      try {
        result.emplace(work(i));
      } catch (...) {
        std::lock_guard<std::mutex> lock(mu);
        if (!failure) failure = std::current_exception();
        ready.notify_all();
        room.notify_all();
        return;
      }
      std::lock_guard<std::mutex> lock(mu);
      slots[i - emitted] = std::move(result);
      ready.notify_all();
    }
  };

  std::vector<std::thread> threads;
  threads.reserve(jobs);
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  try {
    for (std::size_t i = 0; i < count; ++i) {
      std::optional<T> value;
      {
        std::unique_lock<std::mutex> lock(mu);
        ready.wait(lock, [&] { return failure || (!slots.empty() && slots.front().has_value()); });
        if (failure) break;
        value = std::move(slots.front());
        slots.pop_front();
        ++emitted;  // with the pop: workers index slots from `emitted`
      }
      room.notify_all();
      emit(i, std::move(*value));
    }
  } catch (...) {
    std::lock_guard<std::mutex> lock(mu);
    if (!failure) failure = std::current_exception();
  }
  room.notify_all();
  for (std::thread& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace ra

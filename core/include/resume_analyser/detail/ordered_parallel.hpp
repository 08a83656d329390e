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

template <class In, class T>
void ordered_parallel_stream(const std::function<std::optional<In>()>& next_input, unsigned jobs,
                             std::size_t window, const std::function<T(std::size_t, In&&)>& work,
                             const std::function<void(std::size_t, T&&)>& emit) {
  jobs = std::max(1u, jobs);
  window = std::max<std::size_t>(window, jobs);
  if (jobs == 1) {
    for (std::size_t i = 0;; ++i) {
      std::optional<In> input = next_input();
      if (!input) return;
      emit(i, work(i, std::move(*input)));
    }
  }
  std::mutex mu;
  std::condition_variable ready;    // a result arrived, the inputs ended, or an error
  std::condition_variable room;     // the window moved on
  std::deque<std::optional<T>> slots;  // results for [emitted, next)
  std::size_t next = 0;             // index of the next input to take
  std::size_t emitted = 0;          // next index to emit
  bool ended = false;               // next_input() gave nullopt
  std::exception_ptr failure;
  const auto fail = [&](std::exception_ptr e) {  // with `mu` held
    if (!failure) failure = e;
    ready.notify_all();
    room.notify_all();
  };

  auto worker = [&] {
    for (;;) {
      std::size_t i;
      std::optional<In> input;
      {
        std::unique_lock<std::mutex> lock(mu);
        room.wait(lock, [&] { return ended || next < emitted + window || failure; });
        if (ended || failure) return;
        try {
          input = next_input();
        } catch (...) {
          fail(std::current_exception());
          return;
        }
        if (!input) {
          ended = true;
          ready.notify_all();
          room.notify_all();
          return;
        }
        i = next++;
        slots.emplace_back();
      }
      std::optional<T> result;
      try {
        result.emplace(work(i, std::move(*input)));
      } catch (...) {
        std::lock_guard<std::mutex> lock(mu);
        fail(std::current_exception());
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
    for (std::size_t i = 0;; ++i) {
      std::optional<T> value;
      {
        std::unique_lock<std::mutex> lock(mu);
        ready.wait(lock, [&] {
          return failure || (!slots.empty() && slots.front().has_value()) || (ended && emitted == next);
        });
        if (failure || slots.empty()) break;  // an error, or every input emitted
        value = std::move(slots.front());
        slots.pop_front();
        ++emitted;  // with the pop: workers index slots from `emitted`
      }
      room.notify_all();
      emit(i, std::move(*value));
    }
  } catch (...) {
    std::lock_guard<std::mutex> lock(mu);
    fail(std::current_exception());
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    room.notify_all();
  }
  for (std::thread& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

template <class T>
void ordered_parallel(std::size_t count, unsigned jobs, std::size_t window,
                      const std::function<T(std::size_t)>& work,
                      const std::function<void(std::size_t, T&&)>& emit) {
  std::size_t given = 0;
  ordered_parallel_stream<std::size_t, T>(
      [&]() -> std::optional<std::size_t> {
        if (given == count) return std::nullopt;
        return given++;
      },
      jobs, window, [&](std::size_t i, std::size_t&&) { return work(i); }, emit);
}

}  // namespace ra

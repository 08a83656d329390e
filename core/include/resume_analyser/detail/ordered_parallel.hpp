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
  std::condition_variable room;        // the window moved on, the inputs ended, or an error
  std::deque<std::optional<T>> slots;  // results for [emitted, next); the front stays while it is emitted
  std::size_t next = 0;                // index of the next input to take
  std::size_t emitted = 0;             // next index to emit
  bool ended = false;                  // next_input() gave nullopt
  bool emitting = false;               // a thread is emitting: the others leave the results to it
  std::exception_ptr failure;
  const auto fail = [&](std::exception_ptr e) {  // with `mu` held
    if (!failure) failure = e;
    room.notify_all();
  };

  // The thread that stores a result emits it, and every result ready after
  // it, in index order, unless another thread is emitting already (which then
  // finds them). So no thread wakes another to print: a result is emitted
  // where it was computed or where the emitting thread is. Called and
  // returning with `lock` held; emit() itself runs without it.
  const auto emit_ready = [&](std::unique_lock<std::mutex>& lock) {
    if (emitting) return;
    emitting = true;
    while (!failure && !slots.empty() && slots.front().has_value()) {
      T value = std::move(*slots.front());
      const std::size_t i = emitted;
      lock.unlock();
      try {
        emit(i, std::move(value));
      } catch (...) {
        lock.lock();
        fail(std::current_exception());
        break;
      }
      lock.lock();
      slots.pop_front();
      ++emitted;  // with the pop: workers index slots from `emitted`
      room.notify_all();
    }
    emitting = false;
  };

  auto worker = [&] {
    std::unique_lock<std::mutex> lock(mu);
    for (;;) {
      room.wait(lock, [&] { return ended || failure || next < emitted + window; });
      if (ended || failure) return;
      std::optional<In> input;
      try {
        input = next_input();
      } catch (...) {
        fail(std::current_exception());
        return;
      }
      if (!input) {
        ended = true;
        room.notify_all();
        return;
      }
      const std::size_t i = next++;
      slots.emplace_back();
      lock.unlock();
      std::optional<T> result;
      try {
        result.emplace(work(i, std::move(*input)));
      } catch (...) {
        lock.lock();
        fail(std::current_exception());
        return;
      }
      lock.lock();
      slots[i - emitted] = std::move(result);
      emit_ready(lock);
    }
  };

  // The calling thread is one of the `jobs` workers.
  std::vector<std::thread> threads;
  threads.reserve(jobs - 1);
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
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

// read_document_file (resume_analyser/document.hpp): a file's bytes, whole,
// whether it is a regular file or a pipe, and the limits on its size.
#include "resume_analyser/document.hpp"

#include "test_support.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>

namespace {

namespace fs = std::filesystem;

/// Lines "line 1 python" ... until the text holds at least `bytes` bytes.
std::string text_of(std::size_t bytes) {
  std::string text;
  for (int i = 1; text.size() < bytes; ++i) text += "line " + std::to_string(i) + " python\n";
  return text;
}

struct TempFile {
  fs::path path = fs::temp_directory_path() / ("ra-document-test-" + std::to_string(::getpid()) + ".txt");
  explicit TempFile(const std::string& bytes) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    REQUIRE(f != nullptr);
    REQUIRE(std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size());
    std::fclose(f);
  }
  ~TempFile() { fs::remove(path); }
};

}  // namespace

TEST_CASE("read_document_file reads a regular file whole, whatever its size", "[document]") {
  // One byte, the sizes around the old 64 KiB read step, and a larger file.
  for (const std::size_t size : {1u, 65535u, 65536u, 65537u, 300000u}) {
    const std::string text = size == 1 ? std::string("x") : text_of(size);
    INFO("size " << text.size());
    const TempFile file(text);
    const ra::Result<ra::Document> doc = ra::read_document_file(ra::test::built_plugins(), file.path);
    REQUIRE(doc.ok());
    CHECK(doc.value().format == "text");
    CHECK(doc.value().text + "\n" == (size == 1 ? std::string("x\n") : text));
  }
}

TEST_CASE("read_document_file reads a pipe to its end", "[document]") {
  // More than a pipe holds, written in pieces: the reader grows its buffer.
  const std::string text = text_of(600000);
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  std::thread writer([&] {
    for (std::size_t at = 0; at < text.size();) {
      const ssize_t n = ::write(fds[1], text.data() + at, std::min<std::size_t>(10000, text.size() - at));
      if (n <= 0) break;
      at += static_cast<std::size_t>(n);
    }
    ::close(fds[1]);
  });
  const ra::Result<ra::Document> doc =
      ra::read_document_file(ra::test::built_plugins(), "/proc/self/fd/" + std::to_string(fds[0]));
  writer.join();
  ::close(fds[0]);
  INFO((doc.ok() ? std::string() : doc.error().message));
  REQUIRE(doc.ok());
  CHECK(doc.value().text + "\n" == text);
}

TEST_CASE("read_document_file refuses a file over the limit, by its size or as it reads", "[document]") {
  const std::string text = text_of(1572864);  // 1.5 MiB
  const TempFile file(text);
  ra::ReadLimits limits;
  limits.max_file_bytes = 1 << 20;
  const std::string name = file.path.string();
  const ra::Result<ra::Document> sized = ra::read_document_file(ra::test::built_plugins(), file.path, limits);
  REQUIRE_FALSE(sized.ok());
  CHECK(sized.error().message == name + ": file of 1.5 MiB exceeds the 1.0 MiB limit");

  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  std::thread writer([&] {
    sigset_t pipe_signal;  // the reader closes its end early: EPIPE, not SIGPIPE
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_signal, nullptr);
    for (std::size_t at = 0; at < text.size();) {
      const ssize_t n = ::write(fds[1], text.data() + at, text.size() - at);
      if (n <= 0) break;  // the reader stopped at the limit and closed its end
      at += static_cast<std::size_t>(n);
    }
    ::close(fds[1]);
  });
  const std::string pipe_name = "/proc/self/fd/" + std::to_string(fds[0]);
  const ra::Result<ra::Document> piped = ra::read_document_file(ra::test::built_plugins(), pipe_name, limits);
  ::close(fds[0]);
  writer.join();
  REQUIRE_FALSE(piped.ok());
  CHECK(piped.error().message == pipe_name + ": file exceeds the 1.0 MiB limit");
}

#include "resume_analyser/document.hpp"

#include "resume_analyser/text.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

namespace ra {
namespace fs = std::filesystem;

namespace {

std::string mib(std::uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
  return buf;
}

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
}

}  // namespace

Zone Document::zone_of_line(std::uint32_t line) const {
  auto it = std::upper_bound(zones.begin(), zones.end(), line,
                             [](std::uint32_t l, const auto& run) { return l < run.first; });
  return it == zones.begin() ? Zone::kBody : std::prev(it)->second;
}

Document make_document(std::string name, std::string format, const std::vector<TextChunk>& chunks) {
  Document doc;
  doc.name = std::move(name);
  doc.format = std::move(format);
  std::uint32_t line = 0;
  for (const TextChunk& chunk : chunks) {
    if (chunk.zone == Zone::kHidden) {
      if (!doc.hidden_text.empty()) doc.hidden_text += '\n';
      append_normalized(chunk.text, doc.hidden_text);
      continue;
    }
    if (!doc.text.empty()) {
      doc.text += '\n';
      ++line;
    }
    if (doc.zones.empty() || doc.zones.back().second != chunk.zone) doc.zones.emplace_back(line, chunk.zone);
    const std::size_t from = doc.text.size();
    append_normalized(chunk.text, doc.text);
    // Lines run to about 50 characters: memchr from one to the next.
    const char* const end = doc.text.data() + doc.text.size();
    for (const char* p = doc.text.data() + from; (p = static_cast<const char*>(std::memchr(p, '\n', end - p))); ++p) {
      ++line;
    }
  }
  return doc;
}

Result<Document> read_document(const PluginHost& host, std::string name, std::string_view bytes,
                               const ReadLimits& limits) {
  const LoadedPlugin* chosen = host.choose(bytes, name);
  if (chosen == nullptr) {
    if (bytes.empty()) return Error{name + ": empty file"};
    return Error{name + ": unsupported format (supported: " + host.supported_formats() + ")"};
  }
  const FormatInfo& info = chosen->info;
  const std::uint64_t max_input = limits.max_input_bytes ? limits.max_input_bytes : info.max_input_bytes;
  if (max_input != 0 && bytes.size() > max_input) {
    return Error{name + ": " + info.name + " input of " + mib(bytes.size()) + " exceeds the " +
                 mib(max_input) + " limit"};
  }
  ExtractResult extracted = chosen->plugin->extract(bytes, limits.extract);
  if (!extracted.ok()) {
    // Add the offset unless the plugin's message already says where.
    const bool placed = extracted.message.find(" at byte ") != std::string::npos ||
                        extracted.message.find(" at offset ") != std::string::npos;
    std::string where = extracted.offset && !placed ? " (at byte " + std::to_string(extracted.offset) + ")" : "";
    return Error{name + ": cannot read as " + info.name + ": " + extracted.message + where};
  }
  Document doc = make_document(std::move(name), info.name, extracted.chunks);
  if (blank(doc.text)) return Error{doc.name + ": no text found in " + info.name + " file"};
  return doc;
}

Result<Document> read_document_file(const PluginHost& host, const fs::path& path,
                                    const ReadLimits& limits) {
  const std::uint64_t max_file_bytes = limits.max_file_bytes;
  const std::string name = path.string();
  // One open, then fstat on the descriptor: a stat and an open each walk the
  // path, which was a visible part of a batch's system time.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR) return Error{name + ": no such file"};
    return Error{name + ": cannot open: " + std::strerror(errno)};
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return Error{name + ": cannot open: " + std::strerror(errno)};
  if (S_ISDIR(st.st_mode)) return Error{name + ": is a folder, not a file"};
  const bool sized = S_ISREG(st.st_mode);
  if (sized && static_cast<std::uint64_t>(st.st_size) > max_file_bytes) {
    return Error{name + ": file of " + mib(static_cast<std::uint64_t>(st.st_size)) + " exceeds the " +
                 mib(max_file_bytes) + " limit"};
  }
  // Read into a buffer that is never zero-filled, asking for a byte more
  // than the file's size: a regular file that gives all of its bytes and
  // fewer than asked has ended, so a file read whole takes one read(), not a
  // second one to see the end. A pipe, or a file that grows meanwhile, is
  // read on, the buffer doubling as needed.
  const std::size_t expected = sized ? static_cast<std::size_t>(st.st_size) : 0;
  std::size_t capacity = sized ? expected + 1 : std::size_t{1} << 16;
  std::unique_ptr<char[]> buffer(new char[capacity]);
  std::size_t size = 0;
  for (;;) {
    if (size == capacity) {
      std::unique_ptr<char[]> larger(new char[capacity * 2]);
      std::memcpy(larger.get(), buffer.get(), size);
      buffer = std::move(larger);
      capacity *= 2;
    }
    const std::size_t want = capacity - size;
    const ssize_t n = ::read(fd, buffer.get() + size, want);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Error{name + ": read error: " + std::strerror(errno)};
    }
    size += static_cast<std::size_t>(n);
    if (size > max_file_bytes) return Error{name + ": file exceeds the " + mib(max_file_bytes) + " limit"};
    if (n == 0 || (sized && size >= expected && static_cast<std::size_t>(n) < want)) break;
  }
  const std::string_view bytes(buffer.get(), size);
  return read_document(host, name, bytes, limits);
}

}  // namespace ra

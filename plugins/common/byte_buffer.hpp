// A growable byte buffer that is never zero-filled, in memory from pugixml's
// allocation functions.
//
// ZipArchive inflates an entry straight into one (grow() hands out room that
// holds whatever was there; commit() counts what was written), and
// load_xml_part() passes the memory on to pugixml (release() +
// pugi::xml_document::load_buffer_inplace_own), which parses it in place and
// frees it with the tree. So an entry's bytes are written once, never
// cleared first and never copied into a tree. Growing past the capacity
// moves the bytes (one copy); ZipArchive reserves the entry's declared size
// up front so that a truthful claim needs no move.
//
// Contract: size() <= capacity(); data() is null only while capacity() is 0.
// reserve(), grow(), copy_of() and release() (when nothing is allocated yet)
// throw std::bad_alloc; the other members do not throw. Move-only.
#pragma once

#include <cstddef>
#include <string_view>

namespace ra::common {

class ByteBuffer {
 public:
  ByteBuffer() noexcept = default;
  ByteBuffer(ByteBuffer&& other) noexcept;
  ByteBuffer& operator=(ByteBuffer&& other) noexcept;
  ByteBuffer(const ByteBuffer&) = delete;
  ByteBuffer& operator=(const ByteBuffer&) = delete;
  ~ByteBuffer();

  char* data() noexcept { return data_; }
  const char* data() const noexcept { return data_; }
  std::size_t size() const noexcept { return size_; }
  std::size_t capacity() const noexcept { return capacity_; }
  std::string_view view() const noexcept { return {data_, size_}; }

  /// Capacity for at least `capacity` bytes (moves the bytes if it grows).
  void reserve(std::size_t capacity);

  /// Room for `n` more bytes after size(), uninitialised: where to write them.
  char* grow(std::size_t n);

  /// Counts `n` bytes written at grow()'s pointer as part of the buffer
  /// (n <= the room grow() gave).
  void commit(std::size_t n) noexcept { size_ += n; }

  /// Drops the first `n` bytes (n <= size()).
  void drop_front(std::size_t n) noexcept;

  /// Copies `bytes` into a new buffer of exactly their size (at least 1).
  static ByteBuffer copy_of(std::string_view bytes);

  /// Gives the memory away, to be freed with pugixml's deallocation function
  /// (load_buffer_inplace_own does): never null, at least 1 byte allocated
  /// even when size() is 0. The buffer is left empty.
  char* release();

 private:
  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

}  // namespace ra::common

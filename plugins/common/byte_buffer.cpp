#include "common/byte_buffer.hpp"

#include <pugixml.hpp>

#include <cstring>
#include <new>
#include <utility>

namespace ra::common {

ByteBuffer::ByteBuffer(ByteBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      capacity_(std::exchange(other.capacity_, 0)) {}

ByteBuffer& ByteBuffer::operator=(ByteBuffer&& other) noexcept {
  if (this != &other) {
    ByteBuffer old(std::move(*this));
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    capacity_ = std::exchange(other.capacity_, 0);
  }
  return *this;
}

ByteBuffer::~ByteBuffer() {
  if (data_ != nullptr) pugi::get_memory_deallocation_function()(data_);
}

void ByteBuffer::reserve(std::size_t capacity) {
  if (capacity <= capacity_) return;
  char* grown = static_cast<char*>(pugi::get_memory_allocation_function()(capacity));
  if (grown == nullptr) throw std::bad_alloc();
  if (size_ != 0) std::memcpy(grown, data_, size_);
  if (data_ != nullptr) pugi::get_memory_deallocation_function()(data_);
  data_ = grown;
  capacity_ = capacity;
}

char* ByteBuffer::grow(std::size_t n) {
  if (n > capacity_ - size_) {
    if (n > static_cast<std::size_t>(-1) - size_) throw std::bad_alloc();
    const std::size_t doubled = capacity_ > static_cast<std::size_t>(-1) / 2 ? size_ + n : capacity_ * 2;
    reserve(doubled > size_ + n ? doubled : size_ + n);
  }
  return data_ + size_;
}

void ByteBuffer::drop_front(std::size_t n) noexcept {
  if (n != 0) std::memmove(data_, data_ + n, size_ - n);
  size_ -= n;
}

ByteBuffer ByteBuffer::copy_of(std::string_view bytes) {
  ByteBuffer out;
  out.reserve(bytes.empty() ? 1 : bytes.size());
  if (!bytes.empty()) std::memcpy(out.data_, bytes.data(), bytes.size());
  out.size_ = bytes.size();
  return out;
}

char* ByteBuffer::release() {
  reserve(1);
  size_ = 0;
  capacity_ = 0;
  return std::exchange(data_, nullptr);
}

}  // namespace ra::common

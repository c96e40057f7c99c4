// AlignedBuffer: doubles on a 64-byte boundary (one AVX-512 register, one cache line), so every
// kernel column that starts at a multiple of 8 samples is aligned whatever the instruction set.
// Grows, never shrinks; copies copy the contents.
#pragma once

#include <algorithm>
#include <cstddef>
#include <new>

namespace stepwise {

class AlignedBuffer {
public:
    AlignedBuffer() = default;
    AlignedBuffer(const AlignedBuffer& o) { *this = o; }
    AlignedBuffer& operator=(const AlignedBuffer& o) {
        if (this != &o) {
            reserve(o.size_);
            std::copy(o.data_, o.data_ + o.size_, data_);
        }
        return *this;
    }
    ~AlignedBuffer() { release(); }

    // At least n doubles (contents kept only up to the old size when it grows).
    double* reserve(std::size_t n) {
        if (n > capacity_) {
            double* p = static_cast<double*>(::operator new(n * sizeof(double), kAlign));
            std::copy(data_, data_ + size_, p);
            release();
            data_ = p;
            capacity_ = n;
        }
        size_ = n;
        return data_;
    }
    double* data() { return data_; }
    const double* data() const { return data_; }
    std::size_t size() const { return size_; }

private:
    static constexpr std::align_val_t kAlign{64};
    void release() {
        if (data_) ::operator delete(data_, kAlign);
        data_ = nullptr;
        capacity_ = size_ = 0;
    }
    double* data_ = nullptr;
    std::size_t capacity_ = 0, size_ = 0;
};

} // namespace stepwise

#pragma once
// Error handling across the core API: values, not exceptions.
#include <string>
#include <utility>
#include <variant>

namespace deskbase {

struct Error {
    std::string message;  // one line, human-readable
};

// Success or a one-line error.
class Status {
public:
    Status() = default;
    static Status ok() { return {}; }
    static Status fail(std::string message) { Status s; s.error_ = std::move(message); s.failed_ = true; return s; }
    Status(Error e) : error_(std::move(e.message)), failed_(true) {}  // NOLINT: implicit on purpose

    bool isOk() const { return !failed_; }
    explicit operator bool() const { return !failed_; }
    const std::string& message() const { return error_; }

private:
    std::string error_;
    bool failed_ = false;
};

// A value or a one-line error (a small std::expected stand-in; C++20 has none).
template <class T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit on purpose
    Result(Error e) : v_(std::move(e)) {}               // NOLINT
    Result(const Status& s) : v_(Error{s.message()}) {} // only for failed statuses

    bool isOk() const { return v_.index() == 0; }
    explicit operator bool() const { return isOk(); }
    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    T* operator->() { return &std::get<0>(v_); }
    const T* operator->() const { return &std::get<0>(v_); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    const std::string& message() const { return std::get<1>(v_).message; }
    Status status() const { return isOk() ? Status::ok() : Status::fail(message()); }

private:
    std::variant<T, Error> v_;
};

}  // namespace deskbase

// Saving and loading scenario files: the atomic write and the bounded read declared in
// core/scenario/ScenarioFile.h.
#include "core/scenario/ScenarioFile.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <system_error>

#if defined(__unix__) || defined(__APPLE__)
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#define STEPWISE_HAVE_FSYNC 1
#endif

namespace stepwise {

namespace {

namespace fs = std::filesystem;

std::string tempName(const fs::path& path, int attempt) {
    static std::atomic<unsigned> counter{0};
    const auto now = static_cast<unsigned long long>(
        std::chrono::steady_clock::now().time_since_epoch().count());
    char buf[64];
    std::snprintf(buf, sizeof buf, ".tmp-%llx-%x-%d", now, counter.fetch_add(1), attempt);
    return path.filename().string() + buf;
}

} // namespace

bool writeFileAtomically(const fs::path& path, const std::string& bytes, std::string* error) {
    const auto failWith = [&](const std::string& why) {
        if (error) *error = why;
        return false;
    };
    std::error_code ec;
    if (path.filename().empty()) return failWith("cannot write: the path names no file");
    if (fs::is_directory(path, ec)) return failWith("cannot write: it is a folder");

    fs::path temp;
    std::ofstream out;
    for (int attempt = 0; attempt < 8 && !out.is_open(); ++attempt) {
        temp = path;
        temp.replace_filename(tempName(path, attempt));
        if (fs::exists(temp, ec)) continue;
        out.open(temp, std::ios::binary | std::ios::out | std::ios::trunc);
    }
    if (!out.is_open())
        return failWith("cannot create a file in the folder " +
                        (path.has_parent_path() ? path.parent_path().string() : std::string(".")));

    const auto abandon = [&](const std::string& why) {
        if (out.is_open()) out.close();
        std::error_code ignored;
        fs::remove(temp, ignored);
        return failWith(why);
    };
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) return abandon("cannot write the file (is the disk full?)");
    out.close();
    if (out.fail()) return abandon("cannot finish writing the file (is the disk full?)");

#ifdef STEPWISE_HAVE_FSYNC
    {
        const int fd = ::open(temp.c_str(), O_RDONLY);
        if (fd < 0) return abandon("cannot reopen the file just written");
        const int rc = ::fsync(fd);
        const int err = errno;
        ::close(fd);
        if (rc != 0 && err != EINVAL && err != EROFS)
            return abandon("cannot flush the file to the disk");
    }
#endif

    // Keep the permissions of the file being replaced.
    const fs::file_status old = fs::status(path, ec);
    if (!ec && fs::is_regular_file(old))
        fs::permissions(temp, old.permissions(), fs::perm_options::replace, ec);

    fs::rename(temp, path, ec);
    if (ec) return abandon("cannot replace the file: " + ec.message());

#ifdef STEPWISE_HAVE_FSYNC
    {
        // Make the rename itself durable (best effort).
        const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
        const int fd = ::open(dir.c_str(), O_RDONLY);
        if (fd >= 0) {
            ::fsync(fd);
            ::close(fd);
        }
    }
#endif
    return true;
}

bool readFile(const fs::path& path, std::size_t maxBytes, std::string& out, std::string& error) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
        error = "cannot be opened: " + (ec ? ec.message() : std::string("no such file"));
        return false;
    }
    if (fs::is_directory(st)) {
        error = "is a folder, not a file";
        return false;
    }
    if (fs::is_regular_file(st)) {
        const auto size = fs::file_size(path, ec);
        if (!ec && size > maxBytes) {
            error = "the file is " + std::to_string(size) + " bytes, more than the limit of " +
                    std::to_string(maxBytes) + " bytes";
            return false;
        }
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot be opened for reading";
        return false;
    }
    out.clear();
    char buf[65536];
    // Reads at most maxBytes + 1 bytes, so a file that grows or never ends is still bounded.
    while (in) {
        in.read(buf, sizeof buf);
        const auto got = static_cast<std::size_t>(in.gcount());
        if (out.size() + got > maxBytes) {
            error = "the file is larger than the limit of " + std::to_string(maxBytes) + " bytes";
            return false;
        }
        out.append(buf, got);
    }
    if (in.bad()) {
        error = "cannot be read";
        return false;
    }
    return true;
}

ScenarioResult readScenarioFile(const fs::path& path) {
    std::string bytes, error;
    if (!readFile(path, kMaxScenarioBytes, bytes, error)) {
        ScenarioResult r;
        r.error = {"(file)", error};
        return r;
    }
    return readScenario(bytes);
}

bool writeScenarioFile(const fs::path& path, const Scenario& scenario, std::string* error) {
    // A file the reader would refuse is not written: the points are the one count a document can
    // hold more of than a file (an import takes up to kMaxDataPoints).
    std::size_t total = scenario.target.points.size();
    for (const Stroke& s : scenario.target.strokes)
        total += s.points.size();
    if (total > static_cast<std::size_t>(kMaxTotalStrokePoints)) {
        if (error)
            *error = "target.points: the target holds " + std::to_string(total) +
                     " points; a scenario file holds at most " +
                     std::to_string(kMaxTotalStrokePoints);
        return false;
    }
    return writeFileAtomically(path, writeScenario(scenario), error);
}

} // namespace stepwise

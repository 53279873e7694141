#include "result_dir.hpp"

#include "errors.hpp"

#include <cerrno>
#include <stdexcept>
#include <unistd.h>

namespace tendersim {
namespace fs = std::filesystem;

StagedResultDir::StagedResultDir(fs::path target) : target_(std::move(target)) {
    const fs::path parent = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
    fs::create_directories(parent);
    staging_ =
        parent / ("." + target_.filename().string() + ".partial-" + std::to_string(::getpid()));
    fs::remove_all(staging_);
    fs::create_directories(staging_);
}

StagedResultDir::~StagedResultDir() {
    if (!committed_) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
}

std::ofstream StagedResultDir::open(const std::string& name) const {
    std::ofstream out(file(name), std::ios::binary);
    if (!out) throw_io_error("cannot write", file(name), errno ? errno : EIO);
    return out;
}

void StagedResultDir::commit() {
    // Move the old results aside, put the new ones in place, then drop the old ones: at every
    // instant the target holds a complete set of results.
    const fs::path old = target_.parent_path() /
                         ("." + target_.filename().string() + ".old-" + std::to_string(::getpid()));
    const bool had_old = fs::exists(target_);
    if (had_old) fs::rename(target_, old);
    fs::rename(staging_, target_);
    committed_ = true;
    if (had_old) fs::remove_all(old);
}

void write_file_atomically(const fs::path& path, const std::string& content) {
    const fs::path tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary);
        if (!out) throw_io_error("cannot write", tmp, errno ? errno : EIO);
        out << content;
        if (!out.flush()) throw_io_error("cannot write", tmp, errno ? errno : EIO);
    }
    fs::rename(tmp, path);
}

} // namespace tendersim

#pragma once
// A results directory that appears whole or not at all: files are written into a hidden staging
// directory beside the target, which replaces the target only when every file is complete. An
// interrupted run leaves earlier results untouched.
#include <filesystem>
#include <fstream>
#include <string>

namespace tendersim {

class StagedResultDir {
  public:
    explicit StagedResultDir(std::filesystem::path target);
    ~StagedResultDir(); // removes the staging directory if commit() was not reached
    StagedResultDir(const StagedResultDir&) = delete;
    StagedResultDir& operator=(const StagedResultDir&) = delete;

    std::filesystem::path file(const std::string& name) const { return staging_ / name; }
    std::ofstream open(const std::string& name) const;
    void commit();
    const std::filesystem::path& target() const { return target_; }

  private:
    std::filesystem::path target_;
    std::filesystem::path staging_;
    bool committed_ = false;
};

// Writes one file atomically: to NAME.tmp, then renamed over NAME.
void write_file_atomically(const std::filesystem::path& path, const std::string& content);

} // namespace tendersim

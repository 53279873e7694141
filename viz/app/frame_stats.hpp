#pragma once
// Frame-time statistics for --fps-report: how smooth drawing stayed while the simulation ran.
#include <cstddef>
#include <string>
#include <vector>

namespace tendersim::viz {

class FrameStats {
  public:
    void add(double seconds) { frames_.push_back(seconds); }
    std::size_t count() const { return frames_.size(); }
    double mean() const;
    double percentile(double p) const; // p in [0, 1]
    double max() const;
    // Frames slower than this count as stalls (a visible hitch).
    std::size_t slower_than(double seconds) const;
    // One line for the report: frames, mean fps, mean/95th/99th/max frame time in ms.
    std::string summary(double elapsed_seconds) const;

  private:
    std::vector<double> frames_;
};

} // namespace tendersim::viz

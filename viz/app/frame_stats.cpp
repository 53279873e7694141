#include "app/frame_stats.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace tendersim::viz {

double FrameStats::mean() const {
    if (frames_.empty()) return 0.0;
    return std::accumulate(frames_.begin(), frames_.end(), 0.0) /
           static_cast<double>(frames_.size());
}

double FrameStats::percentile(double p) const {
    if (frames_.empty()) return 0.0;
    std::vector<double> v = frames_;
    const auto k =
        static_cast<std::size_t>(std::clamp(std::ceil(p * static_cast<double>(v.size())) - 1.0, 0.0,
                                            static_cast<double>(v.size() - 1)));
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    return v[k];
}

double FrameStats::max() const {
    return frames_.empty() ? 0.0 : *std::max_element(frames_.begin(), frames_.end());
}

std::size_t FrameStats::slower_than(double seconds) const {
    return static_cast<std::size_t>(
        std::count_if(frames_.begin(), frames_.end(), [&](double f) { return f > seconds; }));
}

std::string FrameStats::summary(double elapsed) const {
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "%zu frames in %.1f s: %.1f fps; frame time mean %.1f ms, 95th percentile "
                  "%.1f ms, 99th %.1f ms, max %.1f ms; %zu frames over 100 ms",
                  count(), elapsed, elapsed > 0 ? static_cast<double>(count()) / elapsed : 0.0,
                  mean() * 1e3, percentile(0.95) * 1e3, percentile(0.99) * 1e3, max() * 1e3,
                  slower_than(0.1));
    return buf;
}

} // namespace tendersim::viz

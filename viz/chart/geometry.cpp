#include "chart/geometry.hpp"

#include <algorithm>
#include <cmath>

namespace tendersim::viz {

namespace {

Vec2 operator+(Vec2 a, Vec2 b) {
    return {a.x + b.x, a.y + b.y};
}
Vec2 operator-(Vec2 a, Vec2 b) {
    return {a.x - b.x, a.y - b.y};
}
Vec2 operator*(Vec2 a, float s) {
    return {a.x * s, a.y * s};
}
float dot(Vec2 a, Vec2 b) {
    return a.x * b.x + a.y * b.y;
}
float length(Vec2 a) {
    return std::sqrt(dot(a, a));
}

// Unit normal (left-hand perpendicular) of the segment a -> b.
Vec2 unit_normal(Vec2 a, Vec2 b) {
    const Vec2 d = b - a;
    const float len = length(d);
    return {-d.y / len, d.x / len};
}

constexpr float kMiterLimit = 2.5f;

} // namespace

std::vector<Vec2> thick_polyline_strip(std::span<const Vec2> points, float width) {
    std::vector<Vec2> pts;
    pts.reserve(points.size());
    for (const Vec2& p : points)
        if (pts.empty() || length(p - pts.back()) > 1e-4f) pts.push_back(p);
    std::vector<Vec2> strip;
    if (pts.size() < 2 || !(width > 0.0f)) return strip;
    const float h = width / 2.0f;
    strip.reserve(pts.size() * 4);

    Vec2 n = unit_normal(pts[0], pts[1]);
    strip.push_back(pts[0] + n * h);
    strip.push_back(pts[0] - n * h);
    for (std::size_t i = 1; i + 1 < pts.size(); ++i) {
        const Vec2 n0 = unit_normal(pts[i - 1], pts[i]);
        const Vec2 n1 = unit_normal(pts[i], pts[i + 1]);
        const Vec2 sum = n0 + n1;
        const float sum_len = length(sum);
        // cos of half the turn angle; the mitre is h / cos long.
        const float cos_half = sum_len > 1e-6f ? dot(sum * (1.0f / sum_len), n0) : 0.0f;
        if (cos_half >= 1.0f / kMiterLimit) {
            const Vec2 m = sum * (h / (sum_len * cos_half));
            strip.push_back(pts[i] + m);
            strip.push_back(pts[i] - m);
        } else {
            // Bevel: end the incoming segment square, start the outgoing one square; the strip's
            // connecting triangles fill the outer wedge.
            strip.push_back(pts[i] + n0 * h);
            strip.push_back(pts[i] - n0 * h);
            strip.push_back(pts[i] + n1 * h);
            strip.push_back(pts[i] - n1 * h);
        }
    }
    n = unit_normal(pts[pts.size() - 2], pts.back());
    strip.push_back(pts.back() + n * h);
    strip.push_back(pts.back() - n * h);
    return strip;
}

std::vector<Vec2> band_strip(std::span<const Vec2> lower, std::span<const Vec2> upper) {
    std::vector<Vec2> strip;
    if (lower.size() != upper.size() || lower.size() < 2) return strip;
    strip.reserve(lower.size() * 2);
    for (std::size_t i = 0; i < lower.size(); ++i) {
        strip.push_back(lower[i]);
        strip.push_back(upper[i]);
    }
    return strip;
}

std::vector<std::vector<Vec2>> dashed_polyline(std::span<const Vec2> points, float dash,
                                               float gap) {
    std::vector<std::vector<Vec2>> out;
    if (points.size() < 2) return out;
    if (dash <= 0.0f || gap <= 0.0f) {
        out.emplace_back(points.begin(), points.end());
        return out;
    }
    bool on = true;    // in a dash (else in a gap)
    float left = dash; // length left of the current dash or gap
    std::vector<Vec2> cur = {points[0]};
    for (std::size_t i = 1; i < points.size(); ++i) {
        Vec2 a = points[i - 1];
        const Vec2 b = points[i];
        float seg = std::hypot(b.x - a.x, b.y - a.y);
        while (seg > 0.0f) {
            const float step = std::min(left, seg);
            const float t = step / seg;
            const Vec2 p{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
            if (on) cur.push_back(p);
            seg -= step;
            left -= step;
            a = p;
            if (left <= 0.0f) {
                if (on && cur.size() >= 2) out.push_back(std::move(cur));
                cur.clear();
                on = !on;
                left = on ? dash : gap;
                if (on) cur.push_back(a);
            }
        }
    }
    if (on && cur.size() >= 2) out.push_back(std::move(cur));
    return out;
}

} // namespace tendersim::viz

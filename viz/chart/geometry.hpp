#pragma once
// Pixel-space geometry shared by layout and drawing. SFML draws 1-pixel lines only, so thick lines
// and bands are built here as triangle strips (plain points, turned into sf::Vertex by the
// renderer), which also lets the geometry be tested without a display.
#include <span>
#include <vector>

namespace tendersim::viz {

struct Vec2 {
    float x = 0.0f, y = 0.0f;
};

struct Rect {
    float left = 0.0f, top = 0.0f, width = 0.0f, height = 0.0f;
    float right() const { return left + width; }
    float bottom() const { return top + height; }
    bool contains(Vec2 p) const {
        return p.x >= left && p.x <= right() && p.y >= top && p.y <= bottom();
    }
    bool contains(const Rect& r) const {
        return r.left >= left && r.right() <= right() && r.top >= top && r.bottom() <= bottom();
    }
    bool intersects(const Rect& r) const {
        return left < r.right() && r.left < right() && top < r.bottom() && r.top < bottom();
    }
};

// Triangle-strip vertices for a polyline drawn width pixels wide. Joins are mitred, falling back
// to a bevel where the mitre would exceed 2.5x the half-width (a spike in the data would otherwise
// draw a long needle). Repeated points are ignored; fewer than two distinct points -> empty.
std::vector<Vec2> thick_polyline_strip(std::span<const Vec2> points, float width);

// The dashes of a dashed polyline: pieces of it dash pixels long (measured along the line, so
// the pattern runs on through corners) separated by gaps of gap pixels, starting with a dash.
// dash or gap <= 0: the whole line as one piece.
std::vector<std::vector<Vec2>> dashed_polyline(std::span<const Vec2> points, float dash, float gap);

// Triangle-strip vertices filling between two polylines sampled at the same x positions
// (a confidence band: lower[i] and upper[i] share an x). Sizes must match; otherwise empty.
std::vector<Vec2> band_strip(std::span<const Vec2> lower, std::span<const Vec2> upper);

} // namespace tendersim::viz

#pragma once
// Where the market view puts each council and supplier. One cell per region, in a grid that
// fills the view; in each cell the region's councils sit on a small ring in the middle, large
// suppliers in the annulus around them and SMEs in the outer annulus, each on a sunflower spiral
// (Vogel 1979) indexed by the supplier's slot. Positions depend only on slots, so the picture is
// stable between frames and years. Pure geometry, tested without a window.
#include "app/snapshot.hpp"
#include "chart/geometry.hpp"

#include <vector>

namespace tendersim::viz {

struct RegionCell {
    Rect box;
    Vec2 centre;
    float council_ring = 0; // radius of the ring the councils sit on
    float large_inner = 0, large_outer = 0, sme_inner = 0, sme_outer = 0;
    Vec2 label_pos; // baseline-left of the region's name
};

struct MarketGeometry {
    Rect area;
    std::vector<RegionCell> cells;
    std::vector<Vec2> supplier_pos; // parallel to MarketSnapshot::suppliers
    std::vector<float> supplier_radius;
    std::vector<Vec2> council_pos;   // parallel to MarketSnapshot::councils
    std::vector<float> council_half; // half the side of the council's square
    float max_radius = 0;
};

// Columns for n cells in an area: the count that makes the cells largest (they are square).
std::size_t grid_columns(std::size_t n, float width, float height);

// scale: the app's scale (1 at 1920x1080), for minimum sizes.
MarketGeometry layout_market(const MarketSnapshot& snap, const Rect& area, float scale);

// Index of the supplier or council whose mark contains p (the nearest if several), or -1.
int supplier_at(const MarketGeometry& g, Vec2 p, float slack);
int council_at(const MarketGeometry& g, Vec2 p, float slack);

} // namespace tendersim::viz

#include "chart/text_log.hpp"

#include <utility>

namespace tendersim::viz {

namespace {

thread_local TextLog* g_log = nullptr;
thread_local const TextRegionScope* g_region = nullptr;

} // namespace

TextLogScope::TextLogScope(TextLog& log) : previous_(g_log) {
    g_log = &log;
}

TextLogScope::~TextLogScope() {
    g_log = previous_;
}

TextRegionScope::TextRegionScope(std::string name, const Rect& rect, float scale, Vec2 offset)
    : name_(std::move(name)), rect_(rect), scale_(scale), offset_(offset), previous_(g_region) {
    g_region = this;
}

TextRegionScope::~TextRegionScope() {
    g_region = previous_;
}

bool text_log_active() {
    return g_log != nullptr;
}

void log_text(const std::string& text, const Rect& box, unsigned px) {
    if (g_log == nullptr) return;
    LoggedText e;
    e.text = text;
    e.box = box;
    e.px = static_cast<float>(px);
    if (const TextRegionScope* r = g_region) {
        e.box = {r->offset_.x + r->scale_ * box.left, r->offset_.y + r->scale_ * box.top,
                 r->scale_ * box.width, r->scale_ * box.height};
        e.px *= r->scale_;
        e.region = r->name_;
        e.region_rect = r->rect_;
    }
    g_log->entries.push_back(std::move(e));
}

} // namespace tendersim::viz

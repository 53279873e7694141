#pragma once
// A record of every text drawn, with its ink box in window coordinates and the region (panel) it
// belongs to, so a test can check with the renderer's own measurements that no text spills out
// of its panel, and how large text really is on screen (no pixels read). Off unless a test
// installs a log: drawing then pays one null check.
#include "chart/geometry.hpp"

#include <string>
#include <vector>

namespace tendersim::viz {

struct LoggedText {
    std::string text;
    Rect box;     // ink bounds in window pixels
    float px = 0; // character size in window pixels
    std::string region;
    Rect region_rect; // the panel the text must stay inside
};

struct TextLog {
    std::vector<LoggedText> entries;
};

// Installs log for this thread while the scope lives.
class TextLogScope {
  public:
    explicit TextLogScope(TextLog& log);
    ~TextLogScope();
    TextLogScope(const TextLogScope&) = delete;
    TextLogScope& operator=(const TextLogScope&) = delete;

  private:
    TextLog* previous_;
};

// Says which region the text drawn while it lives belongs to, and how drawing coordinates map to
// the window: window = offset + scale * drawn (a chart panel is drawn at twice its size at the
// origin of a texture, so scale 0.5 and offset its top-left corner).
class TextRegionScope {
  public:
    TextRegionScope(std::string name, const Rect& rect, float scale = 1.0f, Vec2 offset = {});
    ~TextRegionScope();
    TextRegionScope(const TextRegionScope&) = delete;
    TextRegionScope& operator=(const TextRegionScope&) = delete;

  private:
    std::string name_;
    Rect rect_;
    float scale_;
    Vec2 offset_;
    const TextRegionScope* previous_;
    friend void log_text(const std::string&, const Rect&, unsigned);
};

bool text_log_active();
// Records text drawn with ink box (drawing coordinates) at character size px; no-op without a log.
void log_text(const std::string& text, const Rect& box, unsigned px);

} // namespace tendersim::viz

#pragma once
// Draws a ChartSpec as a line chart onto any SFML render target: an sf::RenderTexture for PNG
// output, or a region of the live app's window (one panel of several).
#include "chart/chart_spec.hpp"
#include "chart/layout.hpp"
#include "chart/palette.hpp"

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Text.hpp>

namespace tendersim::viz {

sf::Color to_sf(Rgba c);

// Text measurement backed by the real font, for compute_layout.
TextWidthFn sfml_text_width(const sf::Font& font);

// Draws one laid-out text item (see TextItem for how pos and align are read), at whole-pixel
// positions. Also used by the live app for its own labels.
void draw_text(sf::RenderTarget& target, const sf::Font& font, const TextItem& item,
               sf::Color colour, sf::Uint32 style = sf::Text::Regular);

// Fills area with the theme background, then draws title, subtitle, legend, gridlines, axes,
// bands, baseline series and series. Coordinates are in the target's current view.
void draw_line_chart(sf::RenderTarget& target, sf::FloatRect area, const ChartSpec& spec,
                     const sf::Font& font);
// title_font: a real bold face for the title; nullptr uses SFML's synthetic bold of font.
void draw_line_chart(sf::RenderTarget& target, sf::FloatRect area, const ChartSpec& spec,
                     const sf::Font& font, const ChartStyle& style, const Theme& theme = {},
                     const sf::Font* title_font = nullptr);

} // namespace tendersim::viz

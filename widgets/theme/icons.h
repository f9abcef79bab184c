#pragma once
// Small icons drawn in code, legible on both light and dark palettes (the style's standard media
// icons are dark-on-dark under the dark theme).
#include <QIcon>

namespace deskbase::widgets {

QIcon runIcon();   // a green "play" triangle
QIcon stopIcon();  // a red square
QIcon exportIcon();  // a blue arrow down onto a tray ("download")
QIcon modelIcon();   // two linked boxes: a model built from another relation
QIcon lineageIcon();  // three nodes joined left to right
// `base` with a filled dot of `color` in its lower right corner (a table whose checks failed).
QIcon badgedIcon(const QIcon& base, const QColor& color);

}  // namespace deskbase::widgets

#pragma once
// Small icons drawn in code, legible on both light and dark palettes (the style's standard media
// icons are dark-on-dark under the dark theme).
#include <QIcon>

namespace deskbase::widgets {

QIcon runIcon();   // a green "play" triangle
QIcon stopIcon();  // a red square
QIcon exportIcon();  // a blue arrow down onto a tray ("download")

}  // namespace deskbase::widgets

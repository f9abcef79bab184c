#pragma once
// Light and dark palettes; "system" follows the platform's colour scheme.
#include <QString>

class QApplication;

namespace deskbase::widgets {

enum class ThemeMode { System, Light, Dark };

void applyTheme(QApplication& app, ThemeMode mode);
bool isDarkTheme();  // the palette in effect is dark
ThemeMode parseThemeMode(const QString& s);  // "system" | "light" | "dark"

}  // namespace deskbase::widgets

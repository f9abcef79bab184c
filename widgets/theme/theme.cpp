#include "widgets/theme/theme.h"

#include <QApplication>
#include <QGuiApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleHints>

namespace deskbase::widgets {

namespace {
QPalette darkPalette() {
    QPalette p;
    const QColor window(0x20, 0x23, 0x28), base(0x17, 0x19, 0x1d), text(0xe6, 0xe8, 0xeb);
    const QColor accent(0x50, 0x9e, 0xe3), mid(0x3a, 0x3e, 0x45);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x1e, 0x21, 0x26));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x90, 0x99));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2a, 0x2e, 0x34));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, accent);
    p.setColor(QPalette::Mid, mid);
    p.setColor(QPalette::Dark, QColor(0x12, 0x14, 0x17));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6b, 0x70, 0x78));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6b, 0x70, 0x78));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6b, 0x70, 0x78));
    return p;
}

// The palette the platform gave the application, captured before we replace it.
const QPalette& platformPalette() {
    static const QPalette initial = QGuiApplication::palette();
    return initial;
}

bool systemPrefersDark() {
    // Qt 6.4 has no QStyleHints::colorScheme(): judge the platform theme's palette (GTK/KDE
    // platform themes provide the desktop's), and GTK_THEME=Name:dark.
    if (qEnvironmentVariable("GTK_THEME").endsWith(QStringLiteral(":dark"), Qt::CaseInsensitive)) return true;
    const QPalette& p = platformPalette();
    return p.color(QPalette::Window).lightness() < 128;
}
}  // namespace

void applyTheme(QApplication& app, ThemeMode mode) {
    (void)platformPalette();  // capture it before the first change
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const bool dark = mode == ThemeMode::Dark || (mode == ThemeMode::System && systemPrefersDark());
    // Set first: widgets recolour while setPalette() sends them PaletteChange, and ask isDarkTheme().
    app.setProperty("deskbaseDark", dark);
    app.setPalette(dark ? darkPalette() : app.style()->standardPalette());
}

bool isDarkTheme() { return qApp && qApp->property("deskbaseDark").toBool(); }

ThemeMode parseThemeMode(const QString& s) {
    if (s == QStringLiteral("dark")) return ThemeMode::Dark;
    if (s == QStringLiteral("light")) return ThemeMode::Light;
    return ThemeMode::System;
}

}  // namespace deskbase::widgets

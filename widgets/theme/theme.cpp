#include "widgets/theme/theme.h"

#include <QApplication>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleOption>
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

// Fusion outlines check boxes and radio buttons with the window colour darkened: on a dark
// window an unchecked box was dark on dark. In dark mode the outline is drawn again, light.
class DeskbaseStyle : public QProxyStyle {
public:
    DeskbaseStyle() : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion"))) {}

    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget) const override {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        if ((element != PE_IndicatorCheckBox && element != PE_IndicatorRadioButton) ||
            option->palette.color(QPalette::Window).lightness() >= 128)
            return;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, true);
        QColor outline(0x8a, 0x90, 0x99);
        if (!(option->state & State_Enabled)) outline = QColor(0x55, 0x5a, 0x61);
        painter->setPen(QPen(outline, 1.0));
        painter->setBrush(Qt::NoBrush);
        const QRectF r = QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5);
        if (element == PE_IndicatorRadioButton)
            painter->drawEllipse(r.adjusted(0.5, 0.5, -0.5, -0.5));
        else
            painter->drawRoundedRect(r, 1.5, 1.5);
        painter->restore();
    }
};

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
    app.setStyle(new DeskbaseStyle);  // Fusion, with visible indicators in dark mode
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

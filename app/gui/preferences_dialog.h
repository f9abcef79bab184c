#pragma once
// Edit → Preferences: the theme (follow the system, light, dark) and the SQL editor's font size.
// Applied when accepted; remembered with the other settings (AppSettings).
#include <QDialog>

class QComboBox;
class QSpinBox;

namespace deskbase::gui {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    PreferencesDialog(const QString& theme, int editorFontSize, QWidget* parent = nullptr);
    QString theme() const;       // "system" | "light" | "dark"
    int editorFontSize() const;  // 0 = the system's
    QComboBox* themeCombo() const { return theme_; }
    QSpinBox* fontSizeSpin() const { return fontSize_; }

private:
    QComboBox* theme_;
    QSpinBox* fontSize_;
};

}  // namespace deskbase::gui

#pragma once
// Dashboard settings: title, description, the auto-refresh interval saved with the dashboard, and
// the cache policy for its cards (the workspace's, adaptive, keep for a fixed time, never).
#include <QDialog>
#include <utility>
#include <vector>

#include "core/dashboard/dashboard.h"

QT_BEGIN_NAMESPACE
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
QT_END_NAMESPACE

namespace deskbase::widgets {

// The auto-refresh choices offered everywhere: label and seconds (0 = off).
const std::vector<std::pair<QString, int>>& refreshIntervalChoices();

class DashboardSettingsDialog : public QDialog {
    Q_OBJECT
public:
    DashboardSettingsDialog(const dashboard::DashboardSettings& settings, QWidget* parent = nullptr);

    dashboard::DashboardSettings settings() const;
    QLineEdit* nameEdit() const { return name_; }
    QPlainTextEdit* descriptionEdit() const { return description_; }
    QComboBox* refreshBox() const { return refresh_; }
    QComboBox* cacheBox() const { return cache_; }
    QSpinBox* ttlMinutesBox() const { return ttlMinutes_; }

private:
    void updateCacheFields();

    QLineEdit* name_;
    QPlainTextEdit* description_;
    QComboBox* refresh_;
    QComboBox* cache_;
    QSpinBox* ttlMinutes_;
    QSpinBox* minDuration_;
    QDoubleSpinBox* multiplier_;
    CachePolicy original_;
};

}  // namespace deskbase::widgets

#pragma once
// When a source runs, as the source editor asks it: a preset (on demand, watch the folder, every
// N minutes, hourly, daily at, weekly at, cron) with its few fields, and "also when a file
// appears" beside a schedule. The text is checked live with core's Schedule parser: the next
// run time, or the parser's one-line error (core/sources/schedule_preset.h maps text <-> preset).
#include <QWidget>
#include <optional>
#include <string>

#include "core/sources/schedule_preset.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimeEdit;

namespace deskbase::widgets {

class ScheduleEdit : public QWidget {
    Q_OBJECT
public:
    explicit ScheduleEdit(QWidget* parent = nullptr);
    // A report's schedule: no "watch the folder" (a report follows sources instead), and no
    // schedule reads "runs by hand or after its sources".
    void setForReports();

    void setSchedule(const std::string& text, bool watch);
    std::string scheduleText() const;  // empty: no schedule
    bool watch() const;
    // Empty when the schedule parses (or there is none); else the parser's one line.
    QString problem() const { return problem_; }
    QString feedback() const;  // what the line under the fields says

    QComboBox* presetCombo() const { return preset_; }
    QSpinBox* minutesSpin() const { return minutes_; }
    QTimeEdit* timeEdit() const { return time_; }
    QComboBox* weekdayCombo() const { return weekday_; }
    QLineEdit* cronEdit() const { return cron_; }
    QCheckBox* alsoWatchBox() const { return alsoWatch_; }

signals:
    void changed();

private:
    SchedulePreset preset() const;
    void updateFields();

    QComboBox* preset_;
    QSpinBox* minutes_;
    QTimeEdit* time_;
    QComboBox* weekday_;
    QLineEdit* cron_;
    QCheckBox* alsoWatch_;
    QLabel* feedback_;
    QString problem_;
    bool loading_ = false;
    bool forReports_ = false;
};

}  // namespace deskbase::widgets

#include "widgets/sources/schedule_edit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>
#include <chrono>

#include "core/sources/schedule.h"

namespace deskbase::widgets {

using K = SchedulePreset::Kind;

ScheduleEdit::ScheduleEdit(QWidget* parent)
    : QWidget(parent),
      preset_(new QComboBox(this)),
      minutes_(new QSpinBox(this)),
      time_(new QTimeEdit(this)),
      weekday_(new QComboBox(this)),
      cron_(new QLineEdit(this)),
      alsoWatch_(new QCheckBox(tr("and when a file appears"), this)),
      feedback_(new QLabel(this)) {
    preset_->setObjectName(QStringLiteral("schedulePreset"));
    preset_->addItem(tr("On demand (Run now)"), int(K::OnDemand));
    preset_->addItem(tr("When a file appears (watch the folder)"), int(K::Watch));
    preset_->addItem(tr("Every N minutes"), int(K::EveryMinutes));
    preset_->addItem(tr("Hourly"), int(K::Hourly));
    preset_->addItem(tr("Daily at"), int(K::Daily));
    preset_->addItem(tr("Weekly at"), int(K::Weekly));
    preset_->addItem(tr("Cron expression"), int(K::Cron));
    minutes_->setRange(1, 1440);
    minutes_->setValue(15);
    minutes_->setSuffix(tr(" minutes"));
    time_->setDisplayFormat(QStringLiteral("HH:mm"));
    time_->setTime(QTime(6, 0));
    // Monday first, as people read a week; the value is cron's day number (0 = Sunday).
    for (int d : {1, 2, 3, 4, 5, 6, 0}) weekday_->addItem(QLocale().dayName(d == 0 ? 7 : d), d);
    cron_->setObjectName(QStringLiteral("scheduleCron"));
    cron_->setPlaceholderText(tr("30 6 * * 1-5   (minute hour day month weekday)"));
    feedback_->setObjectName(QStringLiteral("scheduleFeedback"));
    feedback_->setWordWrap(true);

    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(preset_);
    row->addWidget(minutes_);
    row->addWidget(weekday_);
    row->addWidget(time_);
    row->addWidget(cron_, 1);
    row->addWidget(alsoWatch_);
    row->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(feedback_);

    auto edited = [this] {
        updateFields();
        if (!loading_) emit changed();
    };
    connect(preset_, qOverload<int>(&QComboBox::currentIndexChanged), this, edited);
    connect(minutes_, qOverload<int>(&QSpinBox::valueChanged), this, edited);
    connect(time_, &QTimeEdit::timeChanged, this, edited);
    connect(weekday_, qOverload<int>(&QComboBox::currentIndexChanged), this, edited);
    connect(cron_, &QLineEdit::textChanged, this, edited);
    connect(alsoWatch_, &QCheckBox::toggled, this, edited);
    updateFields();
}

void ScheduleEdit::setForReports() {
    forReports_ = true;
    preset_->setItemText(preset_->findData(int(K::OnDemand)), tr("No schedule"));
    preset_->removeItem(preset_->findData(int(K::Watch)));
    alsoWatch_->setChecked(false);
    updateFields();
}

void ScheduleEdit::setSchedule(const std::string& text, bool watch) {
    loading_ = true;
    const SchedulePreset p = schedulePresetOf(text, watch);
    preset_->setCurrentIndex(preset_->findData(int(p.kind)));
    minutes_->setValue(p.minutes);
    time_->setTime(QTime(p.hour, p.minute));
    weekday_->setCurrentIndex(weekday_->findData(p.weekday));
    cron_->setText(QString::fromStdString(p.expression));
    alsoWatch_->setChecked(watch && !text.empty());
    loading_ = false;
    updateFields();
}

SchedulePreset ScheduleEdit::preset() const {
    SchedulePreset p;
    p.kind = K(preset_->currentData().toInt());
    p.minutes = minutes_->value();
    p.hour = time_->time().hour();
    p.minute = time_->time().minute();
    p.weekday = weekday_->currentData().toInt();
    p.expression = cron_->text().trimmed().toStdString();
    return p;
}

std::string ScheduleEdit::scheduleText() const {
    return schedulePresetText(preset());
}

bool ScheduleEdit::watch() const {
    const K k = preset().kind;
    return k == K::Watch || (k != K::OnDemand && alsoWatch_->isChecked());
}

QString ScheduleEdit::feedback() const {
    return feedback_->text();
}

void ScheduleEdit::updateFields() {
    const K k = preset().kind;
    minutes_->setVisible(k == K::EveryMinutes);
    time_->setVisible(k == K::Daily || k == K::Weekly);
    weekday_->setVisible(k == K::Weekly);
    cron_->setVisible(k == K::Cron);
    alsoWatch_->setVisible(!forReports_ && k != K::OnDemand && k != K::Watch);
    problem_.clear();
    const std::string text = scheduleText();
    QString line;
    if (k == K::OnDemand) {
        line = forReports_ ? tr("No schedule: runs by hand or after its sources.")
                           : tr("Runs when you choose Run now (or `deskbase run`).");
    } else if (k == K::Watch) {
        line = tr("Runs when a file appears or changes in the folder.");
    } else if (text.empty()) {
        problem_ = tr("type a schedule");
        line = problem_;
    } else if (auto schedule = Schedule::parse(text); !schedule) {
        problem_ = QString::fromStdString(schedule.message());
        line = problem_;
    } else {
        const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
        const auto next = schedule->next(now, QTimeZone::systemTimeZone());
        const QDateTime at = QDateTime::fromSecsSinceEpoch(next ? next->time_since_epoch().count() : 0);
        line = tr("Next run: %1").arg(QLocale().toString(at, QStringLiteral("ddd yyyy-MM-dd HH:mm")));
    }
    feedback_->setText(line);
    // Dimmed but readable in both themes (palette(mid) was dark grey on the dark window); a
    // problem in red.
    feedback_->setForegroundRole(QPalette::PlaceholderText);
    feedback_->setStyleSheet(problem_.isEmpty() ? QString() : QStringLiteral("color: #d64545;"));
}

}  // namespace deskbase::widgets

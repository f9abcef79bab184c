#include "widgets/dashboard/dashboard_settings_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

namespace deskbase::widgets {

const std::vector<std::pair<QString, int>>& refreshIntervalChoices() {
    static const std::vector<std::pair<QString, int>> choices = {
        {QObject::tr("Auto-refresh off"), 0},  {QObject::tr("Every 10 s"), 10},
        {QObject::tr("Every 30 s"), 30},       {QObject::tr("Every minute"), 60},
        {QObject::tr("Every 5 minutes"), 300}, {QObject::tr("Every 15 minutes"), 900},
        {QObject::tr("Every hour"), 3600}};
    return choices;
}

namespace {
enum CacheChoice { WorkspaceDefault, Adaptive, Fixed, Never };
}

DashboardSettingsDialog::DashboardSettingsDialog(const dashboard::DashboardSettings& s, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Dashboard settings"));
    setObjectName(QStringLiteral("dashboardSettings"));
    auto* form = new QFormLayout(this);
    name_ = new QLineEdit(QString::fromStdString(s.name), this);
    description_ = new QPlainTextEdit(QString::fromStdString(s.description), this);
    description_->setMaximumHeight(80);
    description_->setTabChangesFocus(true);
    refresh_ = new QComboBox(this);
    for (const auto& [label, seconds] : refreshIntervalChoices()) refresh_->addItem(label, seconds);
    if (refresh_->findData(s.refreshSeconds) < 0)
        refresh_->addItem(tr("Every %1 s").arg(s.refreshSeconds), s.refreshSeconds);
    refresh_->setCurrentIndex(refresh_->findData(s.refreshSeconds));
    cache_ = new QComboBox(this);
    cache_->addItem(tr("The workspace's policy"), WorkspaceDefault);
    cache_->addItem(tr("Adaptive: keep slow results"), Adaptive);
    cache_->addItem(tr("Keep every result for a fixed time"), Fixed);
    cache_->addItem(tr("Never cache: always run"), Never);
    ttlMinutes_ = new QSpinBox(this);
    ttlMinutes_->setRange(1, 60 * 24 * 30);
    ttlMinutes_->setSuffix(tr(" min"));
    minDuration_ = new QSpinBox(this);
    minDuration_->setRange(0, 3600 * 1000);
    minDuration_->setSuffix(tr(" ms"));
    multiplier_ = new QDoubleSpinBox(this);
    multiplier_->setRange(1, 100000);
    multiplier_->setDecimals(0);
    const CachePolicy policy = s.cache.value_or(CachePolicy{});
    original_ = policy;
    ttlMinutes_->setValue(int(std::max<std::int64_t>(1, policy.ttlSeconds / 60)));
    minDuration_->setValue(int(policy.minDurationMs));
    multiplier_->setValue(policy.multiplier);
    const int choice = !s.cache                                     ? WorkspaceDefault
                       : policy.kind == CachePolicy::Kind::Adaptive ? Adaptive
                       : policy.kind == CachePolicy::Kind::Fixed    ? Fixed
                                                                    : Never;
    cache_->setCurrentIndex(cache_->findData(choice));
    form->addRow(tr("Title"), name_);
    form->addRow(tr("Description"), description_);
    form->addRow(tr("Auto-refresh"), refresh_);
    form->addRow(tr("Cache"), cache_);
    form->addRow(tr("Keep for"), ttlMinutes_);
    form->addRow(tr("Cache runs slower than"), minDuration_);
    form->addRow(tr("Keep for (× run time)"), multiplier_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(cache_, &QComboBox::currentIndexChanged, this, &DashboardSettingsDialog::updateCacheFields);
    connect(name_, &QLineEdit::textChanged, this, [buttons](const QString& t) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!t.trimmed().isEmpty());
    });
    updateCacheFields();
}

void DashboardSettingsDialog::updateCacheFields() {
    const int choice = cache_->currentData().toInt();
    auto* form = static_cast<QFormLayout*>(layout());
    form->setRowVisible(ttlMinutes_, choice == Fixed);
    form->setRowVisible(minDuration_, choice == Adaptive);
    form->setRowVisible(multiplier_, choice == Adaptive);
}

dashboard::DashboardSettings DashboardSettingsDialog::settings() const {
    dashboard::DashboardSettings s;
    s.name = name_->text().trimmed().toStdString();
    s.description = description_->toPlainText().trimmed().toStdString();
    s.refreshSeconds = refresh_->currentData().toInt();
    const int choice = cache_->currentData().toInt();
    if (choice != WorkspaceDefault) {
        CachePolicy p;
        p.kind = choice == Adaptive ? CachePolicy::Kind::Adaptive
                 : choice == Fixed  ? CachePolicy::Kind::Fixed
                                    : CachePolicy::Kind::Never;
        // Minutes untouched keep the saved seconds (a file may say 90 s).
        if (choice == Fixed)
            p.ttlSeconds = ttlMinutes_->value() == int(std::max<std::int64_t>(1, original_.ttlSeconds / 60))
                               ? original_.ttlSeconds
                               : std::int64_t(ttlMinutes_->value()) * 60;
        if (choice == Adaptive) {
            p.minDurationMs = minDuration_->value();
            p.multiplier = multiplier_->value();
        }
        s.cache = p;
    }
    return s;
}

}  // namespace deskbase::widgets

#include "widgets/checks/check_result_models.h"

#include <QColor>
#include <QLocale>
#include <cmath>

#include "widgets/theme/theme.h"

namespace deskbase::widgets {

namespace {

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

}  // namespace

CheckResultsModel::CheckResultsModel(QObject* parent) : QAbstractTableModel(parent) {}

void CheckResultsModel::setResults(std::vector<CheckResult> results) {
    beginResetModel();
    results_ = std::move(results);
    endResetModel();
}

const CheckResult* CheckResultsModel::resultAt(int row) const {
    return row >= 0 && row < int(results_.size()) ? &results_[std::size_t(row)] : nullptr;
}

QColor CheckResultsModel::statusColor(CheckStatus status, bool dark) {
    switch (status) {
        case CheckStatus::Pass:
            return dark ? QColor(0x4c, 0xc3, 0x6b) : QColor(0x2e, 0x8b, 0x3e);
        case CheckStatus::Warn:
            return dark ? QColor(0xe0, 0xb0, 0x40) : QColor(0xb0, 0x7a, 0x00);
        case CheckStatus::Fail:
            return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
        case CheckStatus::Error:
            return dark ? QColor(0xff, 0x8a, 0xd8) : QColor(0x9c, 0x1f, 0x7a);
    }
    return {};
}

QString CheckResultsModel::percentText(const std::optional<double>& percent) {
    if (!percent) return {};
    const double p = *percent;
    int decimals = 2;
    // A share that is not zero never reads 0.00%, nor one below 100% as 100.00%.
    while (decimals < 12 &&
           ((p > 0 && std::round(p * std::pow(10, decimals)) == 0) ||
            (p < 100 && std::round(p * std::pow(10, decimals)) >= 100 * std::pow(10, decimals))))
        ++decimals;
    QString text = QString::number(p, 'f', decimals);
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0'))) text.chop(1);
        if (text.endsWith(QLatin1Char('.'))) text.chop(1);
    }
    return text + QStringLiteral("%");
}

int CheckResultsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(results_.size());
}

int CheckResultsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CheckResultsModel::data(const QModelIndex& index, int role) const {
    const CheckResult* r = index.isValid() ? resultAt(index.row()) : nullptr;
    if (!r) return {};
    if (role == StatusRole) return qs(checkStatusName(r->status));
    if (role == Qt::ForegroundRole && index.column() == Status) return statusColor(r->status, isDarkTheme());
    if (role == Qt::TextAlignmentRole && (index.column() == Failing || index.column() == Percent))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        if (index.column() == Percent && r->percent)
            return tr("%1 of %2 rows (%3%)")
                .arg(r->failures)
                .arg(r->rows)
                .arg(QString::number(*r->percent, 'g', 17));
        return qs(r->message);
    }
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
        case Status:
            return qs(checkStatusName(r->status));
        case Check:
            return qs(r->name);
        case ColumnName:
            return qs(r->column());
        case Severity:
            return qs(severityName(r->severity));
        case Failing:
            return QLocale().toString(qlonglong(r->failures));
        case Percent:
            return percentText(r->percent);
        case Message:
            return qs(r->message);
        default:
            return {};
    }
}

QVariant CheckResultsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case Status:
            return tr("Status");
        case Check:
            return tr("Check");
        case ColumnName:
            return tr("Column");
        case Severity:
            return tr("Severity");
        case Failing:
            return tr("Failing");
        case Percent:
            return tr("%");
        case Message:
            return tr("Found");
        default:
            return {};
    }
}

CheckSampleModel::CheckSampleModel(QObject* parent) : QAbstractTableModel(parent) {}

void CheckSampleModel::setSample(std::vector<CheckSample> sample, std::vector<std::string> columns) {
    beginResetModel();
    sample_ = std::move(sample);
    columns_ = std::move(columns);
    endResetModel();
}

int CheckSampleModel::keyColumns() const {
    std::size_t n = std::max<std::size_t>(1, columns_.size());
    for (const auto& s : sample_) n = std::max(n, s.key.size());
    return int(n);
}

int CheckSampleModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(sample_.size());
}

int CheckSampleModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : keyColumns() + 1;
}

QVariant CheckSampleModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(sample_.size())) return {};
    const CheckSample& s = sample_[std::size_t(index.row())];
    const int keys = keyColumns();
    if (role == Qt::TextAlignmentRole && index.column() == keys)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole) return {};
    if (index.column() == keys) return QLocale().toString(qlonglong(s.count));
    if (index.column() >= int(s.key.size())) return {};
    const Value& v = s.key[std::size_t(index.column())];
    return isNull(v) ? QStringLiteral("NULL") : QString::fromStdString(valueToText(v));
}

QVariant CheckSampleModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    if (section == keyColumns()) return tr("Rows");
    if (section < int(columns_.size())) return QString::fromStdString(columns_[std::size_t(section)]);
    return tr("Value");
}

}  // namespace deskbase::widgets

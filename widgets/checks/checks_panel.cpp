#include "widgets/checks/checks_panel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "core/checks/check_report.h"
#include "widgets/checks/check_result_models.h"
#include "widgets/theme/icons.h"

namespace deskbase::widgets {

ChecksPanel::ChecksPanel(QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(this)),
      summary_(new QLabel(this)),
      run_(new QPushButton(runIcon(), tr("Run checks"), this)),
      edit_(new QPushButton(tr("Edit checks…"), this)),
      failing_(new QPushButton(tr("Show failing rows"), this)),
      resultsView_(new QTableView(this)),
      sampleTitle_(new QLabel(this)),
      sampleView_(new QTableView(this)),
      results_(new CheckResultsModel(this)),
      sample_(new CheckSampleModel(this)) {
    QFont bold = title_->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    title_->setFont(bold);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    failing_->setEnabled(false);
    run_->setObjectName(QStringLiteral("runChecks"));
    edit_->setObjectName(QStringLiteral("editChecks"));
    failing_->setObjectName(QStringLiteral("showFailingRows"));

    for (QTableView* v : {resultsView_, sampleView_}) {
        v->setSelectionBehavior(QAbstractItemView::SelectRows);
        v->setSelectionMode(QAbstractItemView::SingleSelection);
        v->verticalHeader()->hide();
        v->horizontalHeader()->setStretchLastSection(true);
        v->setEditTriggers(QAbstractItemView::NoEditTriggers);
        v->setWordWrap(false);
    }
    resultsView_->setModel(results_);
    sampleView_->setModel(sample_);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(run_);
    buttons->addWidget(edit_);
    buttons->addStretch(1);
    buttons->addWidget(failing_);

    auto* lower = new QWidget(this);
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(sampleTitle_);
    lowerLayout->addWidget(sampleView_);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(resultsView_);
    split->addWidget(lower);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(summary_);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);

    connect(run_, &QPushButton::clicked, this, [this] { emit runRequested(table_); });
    connect(edit_, &QPushButton::clicked, this, [this] { emit editRequested(table_); });
    connect(failing_, &QPushButton::clicked, this, [this] {
        const auto rows = resultsView_->selectionModel()->selectedRows();
        const CheckResult* r = rows.isEmpty() ? nullptr : results_->resultAt(rows.first().row());
        if (!r || r->failingRowsSql.empty()) return;
        emit failingRowsRequested(QString::fromStdString(r->failingRowsSql),
                                  tr("Failing: %1").arg(QString::fromStdString(r->name)));
    });
    connect(resultsView_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { showSelected(); });
    connect(resultsView_, &QTableView::doubleClicked, failing_, &QPushButton::click);
    setTable({});
    showSelected();
}

void ChecksPanel::setTable(const QString& table) {
    table_ = table;
    title_->setText(table.isEmpty() ? tr("Checks") : tr("Checks on %1").arg(table));
    run_->setEnabled(!table.isEmpty());
    edit_->setEnabled(!table.isEmpty());
}

void ChecksPanel::setResults(std::vector<CheckResult> results, const QString& when) {
    const bool none = results.empty();
    const QString summary = QString::fromStdString(checkSummary(results));
    results_->setResults(std::move(results));
    resultsView_->resizeColumnsToContents();
    if (none)
        summary_->setText(when.isEmpty() ? tr("No check results yet: Run checks to get some.")
                                         : tr("No checks ran (%1).").arg(when));
    else
        summary_->setText(when.isEmpty() ? summary : tr("%1 — last run %2").arg(summary, when));
    // The first result that did not pass is the one a user wants to look at.
    int first = 0;
    for (int i = 0; i < results_->rowCount(); ++i)
        if (results_->resultAt(i)->status != CheckStatus::Pass) {
            first = i;
            break;
        }
    selectResult(none ? -1 : first);
    setRunning(false);
}

void ChecksPanel::setError(const QString& error) {
    summary_->setText(error);
    setRunning(false);
}

void ChecksPanel::setRunning(bool running) {
    run_->setEnabled(!running && !table_.isEmpty());
    run_->setText(running ? tr("Running…") : tr("Run checks"));
    if (running) summary_->setText(tr("Running the checks on %1…").arg(table_));
}

QString ChecksPanel::summaryText() const {
    return summary_->text();
}

void ChecksPanel::selectResult(int row) {
    if (row < 0)
        resultsView_->clearSelection();
    else
        resultsView_->selectRow(row);
    showSelected();
}

void ChecksPanel::showSelected() {
    const auto rows = resultsView_->selectionModel()->selectedRows();
    const CheckResult* r = rows.isEmpty() ? nullptr : results_->resultAt(rows.first().row());
    failing_->setEnabled(r && !r->failingRowsSql.empty() && r->failures > 0);
    if (!r) {
        sampleTitle_->setText(tr("Select a check to see its failing values."));
        sample_->setSample({}, {});
        return;
    }
    sampleTitle_->setText(r->sample.empty()
                              ? tr("%1: no failing values.").arg(QString::fromStdString(r->name))
                              : tr("%1: most frequent failing values").arg(QString::fromStdString(r->name)));
    sample_->setSample(r->sample, r->columns);
    sampleView_->resizeColumnsToContents();
}

}  // namespace deskbase::widgets

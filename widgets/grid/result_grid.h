#pragma once
// The result grid: a table view over a ResultTableModel with a row-count line, Ctrl+C copying
// the selected cells as TSV (fetching rows that are not cached off the GUI thread), and sorting
// by re-querying when a header is clicked.
#include <QWidget>
#include <memory>

#include "widgets/grid/selection_fetcher.h"

namespace deskbase {
class Runtime;
}

class QLabel;
class QTableView;

namespace deskbase::widgets {

class ResultTableModel;

class ResultGrid : public QWidget {
    Q_OBJECT
public:
    // Runs its pages and copies on `runtime` (borrowed: it must outlive the grid).
    explicit ResultGrid(Runtime& runtime, QWidget* parent = nullptr);
    ~ResultGrid() override;

    ResultTableModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    // The selected cells as tab-separated lines (rows in order; cells not loaded are empty).
    QString selectionAsTsv() const;
    // Puts the selection on the clipboard. Rows not cached are fetched in the background first,
    // up to the copy limits; message() says how it went.
    void copySelection();
    bool isCopying() const { return fetcher_->isRunning(); }
    const JobHandle& copyJob() const { return fetcher_->job(); }  // the latest copy (for tests)
    void setCopyLimits(CopyLimits limits) { limits_ = limits; }
    QString statusText() const;

signals:
    void message(const QString& text);  // one line about a background copy

private:
    SelectionShape currentSelection() const;
    void onCopied(const CopiedSelection& copied);

    void onHeaderClicked(int section);
    void updateStatus();

    ResultTableModel* model_;
    QTableView* view_;
    QLabel* status_;
    std::unique_ptr<SelectionFetcher> fetcher_;
    CopyLimits limits_;
};

}  // namespace deskbase::widgets

#pragma once
// The result grid: a table view over a ResultTableModel with a row-count line, Ctrl+C copying
// the selected cells as TSV, and sorting by re-querying when a header is clicked.
#include <QWidget>

class QLabel;
class QTableView;

namespace deskbase::widgets {

class ResultTableModel;

class ResultGrid : public QWidget {
    Q_OBJECT
public:
    explicit ResultGrid(QWidget* parent = nullptr);

    ResultTableModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    // The selected cells as tab-separated lines (rows in order; cells not loaded are empty).
    QString selectionAsTsv() const;
    void copySelection() const;
    QString statusText() const;

private:
    void onHeaderClicked(int section);
    void updateStatus();

    ResultTableModel* model_;
    QTableView* view_;
    QLabel* status_;
};

}  // namespace deskbase::widgets

#pragma once
// Find in the SQL editor: a bar under the editor (Ctrl+F) with the text to look for, next and
// previous (Enter / Shift+Enter, F3 / Shift+F3), match case, and how many matches there are.
// Searching wraps around; Esc closes the bar and gives the focus back to the editor.
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace deskbase::gui {

class FindBar : public QWidget {
    Q_OBJECT
public:
    FindBar(QPlainTextEdit* editor, QWidget* parent = nullptr);

    void open();  // shows the bar with the editor's selection (or the last text), all selected
    bool findNext();
    bool findPrevious();
    QLineEdit* input() const { return input_; }
    QString statusText() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool find(bool backward);
    void updateCount();

    QPlainTextEdit* editor_;
    QLineEdit* input_;
    QCheckBox* matchCase_;
    QLabel* status_;
};

}  // namespace deskbase::gui

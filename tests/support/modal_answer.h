#pragma once
// Answering a modal dialog a test opens through the real code path (a QMessageBox from
// closeEvent, a QInputDialog from Rename…): before the call that shows it, schedule an answer;
// it waits (event-driven polling) for the modal widget with that object name, records that it
// was shown and what it said, and presses the button or sets the text.
#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QMessageBox>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <memory>

namespace deskbase::test {

struct ModalSeen {
    int times = 0;  // how many matching dialogs were answered
    QString text;   // the last one's text (message boxes) or label (input dialogs)
};

// Calls `answer` with the first active modal widget named `objectName` (any, when empty), as soon
// as it shows, up to `count` times. Returns what was seen (filled in as it happens); the watch
// ends when the returned pointer is dropped, so an answer never meant for a later dialog lingers.
inline std::shared_ptr<ModalSeen> onModal(const QString& objectName, std::function<void(QWidget*)> answer,
                                          int count = 1) {
    auto seen = std::make_shared<ModalSeen>();
    auto* timer = new QTimer(qApp);
    timer->setInterval(10);
    std::weak_ptr<ModalSeen> watch = seen;
    QObject::connect(timer, &QTimer::timeout, timer, [timer, watch, objectName, answer, count] {
        auto seen = watch.lock();
        if (!seen) {
            timer->deleteLater();
            return;
        }
        QWidget* modal = QApplication::activeModalWidget();
        if (!modal || !modal->isVisible() || (!objectName.isEmpty() && modal->objectName() != objectName))
            return;
        if (modal->property("deskbaseTestAnswered").toBool()) return;
        modal->setProperty("deskbaseTestAnswered", true);
        ++seen->times;
        if (auto* box = qobject_cast<QMessageBox*>(modal)) seen->text = box->text();
        if (auto* input = qobject_cast<QInputDialog*>(modal)) seen->text = input->labelText();
        answer(modal);
        if (seen->times >= count) timer->deleteLater();
    });
    timer->start();
    return seen;
}

// Presses a standard button of the message box named `objectName`.
inline std::shared_ptr<ModalSeen> answerBox(const QString& objectName, QMessageBox::StandardButton button,
                                            int count = 1) {
    return onModal(
        objectName,
        [button](QWidget* w) {
            if (auto* box = qobject_cast<QMessageBox*>(w)) {
                if (QAbstractButton* b = box->button(button)) b->click();
            }
        },
        count);
}

// Presses the message box button with this text (custom buttons: "Delete table", "Load anyway").
inline std::shared_ptr<ModalSeen> answerBoxWith(const QString& objectName, const QString& buttonText) {
    return onModal(objectName, [buttonText](QWidget* w) {
        if (auto* box = qobject_cast<QMessageBox*>(w))
            for (QAbstractButton* b : box->buttons())
                if (b->text() == buttonText) b->click();
    });
}

// Types `text` into the input dialog and accepts it (empty objectName: any QInputDialog).
inline std::shared_ptr<ModalSeen> answerInput(const QString& text) {
    return onModal(QString(), [text](QWidget* w) {
        if (auto* input = qobject_cast<QInputDialog*>(w)) {
            input->setTextValue(text);
            input->accept();
        }
    });
}

// Accepts or rejects the dialog named `objectName` after `prepare` filled it in.
inline std::shared_ptr<ModalSeen> answerDialog(const QString& objectName,
                                               std::function<void(QDialog*)> prepare, bool accept = true) {
    return onModal(objectName, [prepare, accept](QWidget* w) {
        auto* dialog = qobject_cast<QDialog*>(w);
        if (!dialog) return;
        if (prepare) prepare(dialog);
        accept ? dialog->accept() : dialog->reject();
    });
}

}  // namespace deskbase::test

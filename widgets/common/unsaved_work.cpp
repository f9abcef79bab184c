#include "widgets/common/unsaved_work.h"

#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

namespace deskbase::widgets {

SaveChoice askSaveChoice(QWidget* parent, const QString& name, const QString& action, bool canSave) {
    QMessageBox box(parent);
    box.setObjectName(QStringLiteral("unsavedChangesBox"));
    box.setIcon(QMessageBox::Warning);
    box.setWindowTitle(QObject::tr("Unsaved changes"));
    box.setTextFormat(Qt::PlainText);
    box.setText(QObject::tr("Save the changes to %1 before %2?").arg(name, action));
    box.setInformativeText(QObject::tr("Your changes are lost if you don't save them."));
    QMessageBox::StandardButtons buttons = QMessageBox::Discard | QMessageBox::Cancel;
    if (canSave) buttons |= QMessageBox::Save;
    box.setStandardButtons(buttons);
    box.button(QMessageBox::Discard)->setText(QObject::tr("Don't save"));
    box.setDefaultButton(canSave ? QMessageBox::Save : QMessageBox::Cancel);
    box.setEscapeButton(QMessageBox::Cancel);
    switch (box.exec()) {
        case QMessageBox::Save:
            return SaveChoice::Save;
        case QMessageBox::Discard:
            return SaveChoice::Discard;
        default:
            return SaveChoice::Cancel;
    }
}

bool askToSave(QWidget* page, QWidget* dialogParent, const QString& action) {
    if (!page || !page->isWindowModified()) return true;
    auto* work = dynamic_cast<UnsavedWork*>(page);
    const QString name = work ? work->unsavedWorkName() : QObject::tr("this page");
    switch (askSaveChoice(dialogParent ? dialogParent : page, name, action, work != nullptr)) {
        case SaveChoice::Save:
            return work->saveWork();
        case SaveChoice::Discard:
            if (work) work->discardWork();
            return true;
        case SaveChoice::Cancel:
            return false;
    }
    return false;
}

bool askToSaveAll(const QList<QWidget*>& pages, QWidget* dialogParent, const QString& action,
                  const std::function<void(QWidget*)>& show) {
    for (QWidget* page : pages) {
        if (!page || !page->isWindowModified()) continue;
        if (show) show(page);
        if (!askToSave(page, dialogParent, action)) return false;
    }
    return true;
}

}  // namespace deskbase::widgets

#pragma once
// The source editor (docs/app.md, "Sources"): a dialog around widgets::SourceForm that opens
// sources/<name>.json (or a new source, maybe prefilled from an import), shows the import preview
// of the first matching file (widgets::ImportPreviewDialog, read on the workspace runtime; what it
// chooses comes back into the form), and saves the file atomically (core/sources/source_file.h).
// Closing it with unsaved edits asks Save / Discard / Cancel (widgets::UnsavedWork).
#include <QDialog>

#include "core/runtime/mailbox.h"
#include "core/sources/source_spec.h"
#include "widgets/common/unsaved_work.h"

class QLabel;
class QPushButton;

namespace deskbase::widgets {
class ImportPreviewDialog;
class SourceForm;
}  // namespace deskbase::widgets

namespace deskbase::gui {

class WorkspaceController;

class SourceEditor : public QDialog, public widgets::UnsavedWork {
    Q_OBJECT
public:
    SourceEditor(WorkspaceController* workspace, QWidget* parent = nullptr);

    // Opens sources/<name>.json; false with the file's one-line error (the form is then empty).
    bool load(const QString& name, QString* error);
    // A new source with these fields (Save writes a new file; it never replaces another source).
    void setNew(const SourceSpec& spec);
    // Writes the file; false with the one-line reason, also shown under the form.
    bool save();
    QString savedName() const { return original_; }
    QString errorText() const;

    widgets::SourceForm* form() const { return form_; }
    QPushButton* saveButton() const { return save_; }
    widgets::ImportPreviewDialog* previewDialog() const { return preview_; }

    // UnsavedWork
    QString unsavedWorkName() const override;
    bool saveWork() override { return save(); }
    void discardWork() override { setWindowModified(false); }

    void reject() override;  // asks first when modified

signals:
    void saved(const QString& name);
    void previewShown(deskbase::widgets::ImportPreviewDialog* dialog);

private:
    void openPreview(const QString& file);

    WorkspaceController* workspace_;
    widgets::SourceForm* form_;
    QLabel* error_;
    QPushButton* save_;
    widgets::ImportPreviewDialog* preview_ = nullptr;
    QString original_;  // the name of the file it was opened from; empty for a new source
    Mailbox mailbox_;
};

}  // namespace deskbase::gui

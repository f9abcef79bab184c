#include "app/gui/source_editor.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/gui/workspace_controller.h"
#include "core/runtime/background.h"
#include "core/sources/source_file.h"
#include "widgets/importer/import_preview_dialog.h"
#include "widgets/sources/source_form.h"

namespace deskbase::gui {

SourceEditor::SourceEditor(WorkspaceController* workspace, QWidget* parent)
    : QDialog(parent),
      workspace_(workspace),
      form_(new widgets::SourceForm(workspace->dir(), this)),
      error_(new QLabel(this)) {
    setObjectName(QStringLiteral("sourceEditor"));
    setWindowTitle(tr("New source[*]"));
    resize(820, 460);
    error_->setObjectName(QStringLiteral("sourceError"));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #d64545;"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    save_ = buttons->button(QDialogButtonBox::Save);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save()) accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &SourceEditor::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(form_, 1);
    layout->addWidget(error_);
    layout->addWidget(buttons);
    connect(form_, &widgets::SourceForm::changed, this, [this] {
        setWindowModified(true);
        error_->clear();
    });
    connect(form_, &widgets::SourceForm::previewRequested, this, &SourceEditor::openPreview);
    QHash<QString, QStringList> tables;  // the sidebar's snapshot: no query on opening
    for (const TableInfo& t : workspace_->schema().tables) {
        QStringList& columns = tables[QString::fromStdString(t.name)];
        for (const Column& c : t.columns) columns << QString::fromStdString(c.name);
    }
    form_->setExistingTables(std::move(tables));
}

bool SourceEditor::load(const QString& name, QString* error) {
    const std::string path = sourceFilePath(workspace_->dir().toStdString(), name.toStdString());
    auto spec = loadSourceFile(path, "sources/" + name.toStdString() + ".json");
    original_ = name;
    setWindowTitle(tr("Source %1[*]").arg(name));
    if (!spec) {
        if (error) *error = QString::fromStdString(spec.message());
        SourceSpec blank;
        blank.name = name.toStdString();
        form_->setSpec(blank);
        setWindowModified(false);
        return false;
    }
    form_->setSpec(*spec);
    setWindowModified(false);
    return true;
}

void SourceEditor::setNew(const SourceSpec& spec) {
    original_.clear();
    form_->setSpec(spec);
    setWindowTitle(tr("New source[*]"));
    setWindowModified(false);
}

QString SourceEditor::errorText() const {
    return error_->text();
}

QString SourceEditor::unsavedWorkName() const {
    const QString name = form_->nameEdit()->text().trimmed();
    return name.isEmpty() ? tr("the new source") : tr("the source “%1”").arg(name);
}

bool SourceEditor::save() {
    auto spec = form_->spec();
    const QString dir = workspace_->dir();
    QString problem = spec ? QString() : QString::fromStdString(spec.message());
    const QString name = spec ? QString::fromStdString(spec->name) : QString();
    const QString file = QString::fromStdString(sourceFilePath(dir.toStdString(), name.toStdString()));
    if (problem.isEmpty() && name != original_ && QFile::exists(file))
        problem = tr("sources/%1.json: a source named %1 exists; choose another name").arg(name);
    if (problem.isEmpty())
        if (auto st = saveSourceFile(dir.toStdString(), *spec); !st)
            problem = QString::fromStdString(st.message());
    if (!problem.isEmpty()) {
        error_->setText(problem);
        return false;
    }
    // Renamed: the old file goes, so one source is not in two files.
    if (!original_.isEmpty() && original_ != name)
        QFile::remove(QString::fromStdString(sourceFilePath(dir.toStdString(), original_.toStdString())));
    original_ = name;
    setWindowTitle(tr("Source %1[*]").arg(name));
    setWindowModified(false);
    emit saved(name);
    return true;
}

void SourceEditor::reject() {
    if (widgets::askToSave(this, this, tr("closing the editor"))) QDialog::reject();
}

void SourceEditor::openPreview(const QString& file) {
    ImportOptions options;
    options.path = file.toStdString();
    if (auto spec = form_->spec()) {  // the source's own reading of its files
        options.table = spec->table;
        options.delimiter = spec->delimiter;
        options.hasHeader = spec->header;
        options.encoding = spec->encoding;
        options.typeOverrides = spec->types;
        options.mode = spec->mode;
    }
    JobSpec job;
    job.kind = "preview";
    job.key = "source-preview";
    runInBackground(
        workspace_->runtime().jobs(), mailbox_, std::move(job),
        [options](JobContext&) { return previewImport(options); },
        [this, options, file](Result<ImportPreview> preview) {
            if (!preview) {
                error_->setText(QString::fromStdString(preview.message()));
                return;
            }
            auto* dialog = new widgets::ImportPreviewDialog(workspace_->runtime().jobs(), options,
                                                            std::move(*preview), this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setWindowTitle(tr("Preview of %1").arg(QDir(workspace_->dir()).relativeFilePath(file)));
            // It reads the file, it does not import it: its choices come back into the form.
            if (auto* box = dialog->findChild<QDialogButtonBox*>())
                if (QPushButton* ok = box->button(QDialogButtonBox::Ok))
                    ok->setText(tr("Use these settings"));
            preview_ = dialog;
            connect(dialog, &QObject::destroyed, this, [this] { preview_ = nullptr; });
            connect(dialog, &QDialog::accepted, this, [this, dialog] {
                QStringList columns;
                for (int r = 0; r < dialog->columnsTable()->rowCount(); ++r)
                    if (auto* item = dialog->columnsTable()->item(r, 0)) columns << item->text();
                form_->applyImport(dialog->options(), columns);
            });
            dialog->open();
            emit previewShown(dialog);
        });
}

}  // namespace deskbase::gui

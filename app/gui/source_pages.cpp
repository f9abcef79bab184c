#include "app/gui/source_pages.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QSystemTrayIcon>

#include "app/gui/dashboard_pages.h"
#include "app/gui/import_controller.h"
#include "app/gui/main_menus.h"
#include "app/gui/main_window.h"
#include "app/gui/report_runner.h"
#include "app/gui/runs_page.h"
#include "app/gui/source_editor.h"
#include "app/gui/source_runner.h"
#include "app/gui/workspace_controller.h"
#include "core/sources/source_file.h"
#include "widgets/schema/schema_browser.h"
#include "widgets/schema/schema_model.h"

namespace deskbase::gui {

SourcePages::SourcePages(MainWindow* window)
    : QObject(window),
      window_(window),
      runner_(new SourceRunner(*window->workspace(), this)),
      reports_(new ReportRunner(*window->workspace(), this)),
      saveAsButton_(new QPushButton(tr("Save as source…"), window)) {
    saveAsButton_->setObjectName(QStringLiteral("saveAsSourceButton"));
    saveAsButton_->setFlat(true);
    saveAsButton_->setToolTip(
        tr("Load the next files like this one by themselves: a source watching its folder"));
    saveAsButton_->hide();
    window->statusBar()->addPermanentWidget(saveAsButton_);
    connect(saveAsButton_, &QPushButton::clicked, this, [this] { saveAsSource(lastImport_); });

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        tray_ = new QSystemTrayIcon(QApplication::windowIcon(), this);
        tray_->setToolTip(tr("Deskbase: watching sources"));
        connect(tray_, &QSystemTrayIcon::activated, window, [window] {
            window->showNormal();
            window->activateWindow();
        });
    }

    connect(window->sidebar(), &widgets::SchemaBrowser::contextMenuAboutToShow, this,
            &SourcePages::addSidebarActions);
    connect(window->sidebar(), &widgets::SchemaBrowser::sourceActivated, this, &SourcePages::editSource);
    connect(window->imports(), &ImportController::importedWith, this, [this](const ImportOptions& used) {
        lastImport_ = used;
        saveAsButton_->show();
    });
    connect(window->workspace(), &WorkspaceController::opened, this, [this] {
        saveAsButton_->hide();
        runner_->startWatching();   // the open workspace's watched folders and schedules
        reports_->startWatching();  // its reports' schedules (catch-up once) and "after"
        if (tray_) tray_->show();
    });
    connect(runner_, &SourceRunner::runStarted, this, [this](const QString& source, const QString& file) {
        const QString text = file.isEmpty() ? tr("Running source %1…").arg(source)
                                            : tr("Source %1: importing %2…").arg(source, file);
        showStatus(text);
        if (tray_) tray_->setToolTip(tr("Deskbase: %1").arg(text));
    });
    connect(runner_, &SourceRunner::runFinished, this,
            [this](const QString& source, const QString& status, const QString& line, bool failed,
                   const QStringList& tables) {
                showOutcome(source, line, failed, tables);
                // New data: the reports after the source run (not after a file still being written).
                if (status == QLatin1String("success") && !tables.isEmpty()) reports_->sourceRan(source);
            });
    connect(reports_, &ReportRunner::ran, this, &SourcePages::showReportOutcome);
    connect(reports_, &ReportRunner::problem, this, [this](const QString& message) {
        showStatus(message, true);
        if (tray_) tray_->showMessage(tr("Report file broken"), message, QSystemTrayIcon::Warning);
    });
    connect(runner_, &SourceRunner::problem, this, [this](const QString& message) {
        showStatus(message, true);
        if (tray_) tray_->showMessage(tr("Source file broken"), message, QSystemTrayIcon::Warning);
    });

    QMenu* menu = window->menus()->pipelineMenu;
    menu->addSeparator();
    menu->addAction(tr("New &source…"), this, [this] { newSource(); });
}

SourcePages::~SourcePages() = default;

SourceEditor* SourcePages::editor() const {
    return editor_;
}

void SourcePages::showStatus(const QString& text, bool failed) {
    window_->statusBar()->showMessage(failed ? tr("⚠ %1").arg(text) : text, failed ? 0 : 10000);
}

void SourcePages::showOutcome(const QString& source, const QString& line, bool failed,
                              const QStringList& tables) {
    lastOutcome_ = line;
    showStatus(line, failed);
    if (tray_) {
        tray_->setToolTip(tr("Deskbase: %1").arg(line));
        if (failed) tray_->showMessage(tr("Source %1 failed").arg(source), line, QSystemTrayIcon::Critical);
    }
    // Rows loaded: the open dashboards' cards over those tables run again (not from the cache).
    if (!tables.isEmpty()) window_->dashboards()->refreshAll();
    // The Runs page shows the run now, as after a report's (not at its next poll).
    if (RunsPage* runs = window_->runs(); runs && runs->panel()) runs->reload();
    emit runShown(source, line, failed);
}

void SourcePages::showReportOutcome(const QString& report, const QString& status, const QString& line) {
    const bool fired = status == QLatin1String("fired"), failed = status == QLatin1String("error");
    const QString shown = fired ? tr("Alert %1").arg(line) : line;
    lastReportOutcome_ = shown;
    showStatus(shown, fired || failed);  // kept until the next message when it matters
    if (tray_) {
        if (fired) tray_->showMessage(tr("Alert: %1").arg(report), line, QSystemTrayIcon::Warning);
        if (failed) tray_->showMessage(tr("Report %1 failed").arg(report), line, QSystemTrayIcon::Critical);
    }
    // The Runs page shows the run (and, without a tray, says what fired or failed).
    if (RunsPage* runs = window_->runs(); runs && runs->panel()) {
        if (fired || failed) runs->panel()->setMessage(shown);
        runs->reload();
    }
    emit reportShown(report, shown, fired || failed);
}

void SourcePages::runNow(const QString& name) {
    if (!runner_->runNow(name)) showStatus(tr("Source %1 is running already.").arg(name));
}

SourceEditor* SourcePages::openEditor() {
    if (editor_) {
        if (!widgets::askToSave(editor_, editor_, tr("opening another source"))) return nullptr;
        editor_->close();
        delete editor_;
    }
    auto* editor = new SourceEditor(window_->workspace(), window_);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &SourceEditor::saved, this, [this](const QString& name) {
        showStatus(tr("Saved sources/%1.json").arg(name));
        window_->workspace()->refreshSchema();
    });
    editor_ = editor;
    return editor;
}

SourceEditor* SourcePages::editSource(const QString& name) {
    SourceEditor* editor = openEditor();
    if (!editor) return nullptr;
    QString error;
    if (!editor->load(name, &error))
        QMessageBox::warning(
            window_, tr("Source %1").arg(name),
            tr("%1\n\nFix the file by hand, or fill in the form and Save to replace it.").arg(error));
    editor->show();
    return editor;
}

SourceEditor* SourcePages::newSource(const SourceSpec* prefill) {
    SourceEditor* editor = openEditor();
    if (!editor) return nullptr;
    SourceSpec spec;
    if (prefill) spec = *prefill;
    editor->setNew(spec);
    editor->show();
    return editor;
}

SourceEditor* SourcePages::saveAsSource(const ImportOptions& used) {
    // Files like this one, in its folder, loaded the way this one was.
    const QFileInfo file(QString::fromStdString(used.path));
    QString folder = QDir(window_->workspace()->dir()).relativeFilePath(file.absolutePath());
    if (folder.startsWith(QStringLiteral(".."))) folder = file.absolutePath();
    const QString suffix = file.suffix().isEmpty() ? QString() : QStringLiteral("*.") + file.suffix();
    SourceSpec s;
    s.name = used.table;
    s.table = used.table;
    s.path = (folder == QStringLiteral(".") ? QString() : folder + QLatin1Char('/')).toStdString() +
             suffix.toStdString();
    if (s.path.empty()) s.path = "./";
    s.mode = used.mode == ImportMode::Replace ? ImportMode::Replace : ImportMode::Append;
    s.types = used.typeOverrides;
    s.delimiter = used.delimiter;
    s.header = used.hasHeader;
    s.encoding = used.encoding;
    s.watch = true;
    saveAsButton_->hide();
    SourceEditor* editor = newSource(&s);
    if (editor) editor->setWindowModified(true);  // nothing is saved yet
    return editor;
}

void SourcePages::deleteSource(const QString& name) {
    const QString file =
        QString::fromStdString(sourceFilePath(window_->workspace()->dir().toStdString(), name.toStdString()));
    auto* box = new QMessageBox(QMessageBox::Question, tr("Delete source"),
                                tr("Delete the source %1 (sources/%1.json)? The tables it loaded and its run "
                                   "history stay.")
                                    .arg(name),
                                QMessageBox::Cancel, window_);
    box->setObjectName(QStringLiteral("deleteSourceBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* del = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, del, file, name](QAbstractButton* b) {
        if (b != del) return;
        if (!QFile::remove(file)) {
            showStatus(tr("Could not delete sources/%1.json").arg(name), true);
            return;
        }
        showStatus(tr("Deleted sources/%1.json").arg(name));
        window_->workspace()->refreshSchema();
    });
    box->open();
}

void addRunnableActions(QMenu* menu, const widgets::SchemaItem& item, widgets::SchemaModel::Kind kind,
                        const widgets::SchemaModel* model, const RunnableActions& actions) {
    using Kind = widgets::SchemaModel::Kind;
    const bool section =
        item.kind == Kind::Section &&
        item.name == model->sectionIndex(kind).data(widgets::SchemaModel::NameRole).toString();
    if (item.kind != kind && !section) return;
    QAction* first = menu->actions().value(0);
    QList<QAction*> mine;
    auto add = [&](const QString& text, std::function<void()> f) {
        auto* a = new QAction(text, menu);
        QObject::connect(a, &QAction::triggered, menu, std::move(f));
        mine << a;
    };
    const QString name = item.name;
    if (item.kind == kind) {
        add(QObject::tr("Run now"), [f = actions.run, name] { f(name); });
        add(QObject::tr("Edit…"), [f = actions.edit, name] { f(name); });
    }
    add(actions.newText, actions.create);
    if (item.kind == kind) add(QObject::tr("Delete…"), [f = actions.remove, name] { f(name); });
    menu->insertActions(first, mine);
}

void SourcePages::addSidebarActions(QMenu* menu, const widgets::SchemaItem& item) {
    addRunnableActions(menu, item, widgets::SchemaModel::Kind::Source, window_->sidebar()->model(),
                       {tr("New source…"), [this](const QString& n) { runNow(n); },
                        [this](const QString& n) { editSource(n); },
                        [this](const QString& n) { deleteSource(n); }, [this] { newSource(); }});
}

}  // namespace deskbase::gui

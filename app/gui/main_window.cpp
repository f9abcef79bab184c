#include "app/gui/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMetaMethod>
#include <QMimeData>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeView>
#include <QUrl>
#include <memory>

#include "app/gui/app_settings.h"
#include "app/gui/connection_dialog.h"
#include "app/gui/dashboard_pages.h"
#include "app/gui/edit_commands.h"
#include "app/gui/find_bar.h"
#include "app/gui/gui_options.h"
#include "app/gui/import_controller.h"
#include "app/gui/main_menus.h"
#include "app/gui/page_tabs.h"
#include "app/gui/pipeline_controller.h"
#include "app/gui/pipeline_pages.h"
#include "app/gui/preferences_dialog.h"
#include "app/gui/query_page.h"
#include "app/gui/query_tabs.h"
#include "app/gui/report_pages.h"
#include "app/gui/runs_page.h"
#include "app/gui/shortcuts_dialog.h"
#include "app/gui/sidebar_actions.h"
#include "app/gui/source_pages.h"
#include "app/gui/status_text.h"
#include "app/gui/workspace_controller.h"
#include "core/dashboard/demo_workspace.h"
#include "core/runtime/background.h"
#include "core/runtime/runtime.h"
#include "widgets/common/unsaved_work.h"
#include "widgets/grid/cell_format.h"
#include "widgets/importer/import_progress_panel.h"
#include "widgets/schema/schema_browser.h"
#include "widgets/theme/theme.h"

#ifndef DESKBASE_SOURCE_DOCS
#define DESKBASE_SOURCE_DOCS ""
#endif

namespace deskbase::gui {

namespace {
// The dynamic property a page keeps its status bar message in.
constexpr const char* kStatusProperty = "deskbaseStatusMessage";

QStringList localFiles(const QMimeData* mime) {
    QStringList out;
    if (!mime || !mime->hasUrls()) return out;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile()) out << url.toLocalFile();
    return out;
}
}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      settings_(std::make_unique<AppSettings>()),
      menus_(std::make_unique<MainMenus>(this)),
      workspace_(new WorkspaceController(this)),
      sidebar_(new widgets::SchemaBrowser(this)),
      tabWidget_(new QTabWidget(this)),
      pages_(new PageTabs(tabWidget_, this)),
      queries_(new QueryTabs(workspace_, pages_)),
      sidebarActions_(new SidebarActions(workspace_, pages_, queries_, this)),
      splitter_(new QSplitter(Qt::Horizontal, this)),
      message_(new QLabel(this)),
      progress_(new widgets::ImportProgressPanel(this)),
      imports_(new ImportController(workspace_, progress_, this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    resize(1280, 800);

    sidebar_->setMinimumWidth(200);
    splitter_->addWidget(sidebar_);
    splitter_->addWidget(tabWidget_);
    splitter_->setStretchFactor(1, 1);
    splitter_->setSizes({280, 1000});
    setCentralWidget(splitter_);

    message_->setObjectName(QStringLiteral("statusMessage"));
    message_->setTextFormat(Qt::RichText);
    message_->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    statusBar()->addWidget(message_, 1);
    statusBar()->addPermanentWidget(progress_);

    dashboards_ = new DashboardPages(this);  // owned by the window; opens dashboards as pages
    connect(dashboards_, &DashboardPages::statusMessage, this, &MainWindow::showPageMessage);
    pipeline_ = new PipelinePages(this);  // models, lineage, checks
    runs_ = new RunsPage(this);           // Pipeline → Runs: the run history's grid
    reports_ = new ReportPages(this);     // Pipeline → New report…, Edit report…
    sources_ = new SourcePages(this);     // sources: editor, Run now, the watcher, the tray
    connectMenus();
    connectEditMenu();
    connectSidebar();
    connectControllers();
    queries_->setEditorFontSize(settings_->editorFontSize());
    queries_->newTab();

    // First start: most of the screen; later starts: where the user left it.
    if (const QScreen* screen = QGuiApplication::primaryScreen();
        screen && settings_->windowGeometry().isEmpty()) {
        const QRect avail = screen->availableGeometry();
        resize(std::max(1100, avail.width() * 85 / 100), std::max(700, avail.height() * 85 / 100));
        resize(size().boundedTo(avail.size()));
    }
    restoreGeometry(settings_->windowGeometry());
    restoreState(settings_->windowState());
    if (!settings_->splitterState().isEmpty()) splitter_->restoreState(settings_->splitterState());
    for (QAction* a : menus_->theme->actions())
        if (a->data().toString() == settings_->theme()) a->setChecked(true);
    rebuildRecentMenus();
    updateTitle();
    showMessage(tr("Drop CSV, TSV or JSON files anywhere on the window to import them."));
}

MainWindow::~MainWindow() {
    mailbox_.close();
    delete sources_;  // its watcher stops (a run under way rolls back) while the runtime is there
    // Everything that borrows the workspace's runtime goes before the controller that owns it
    // (Qt would delete the controller, the first child, first). The runtime then waits for the
    // jobs still running: the demo's import holds a write transaction and temporary files.
    delete imports_;
    delete takeCentralWidget();  // the sidebar and the pages
    delete workspace_;
}

QTabWidget* MainWindow::pages() const {
    return tabWidget_;
}

QueryPage* MainWindow::queryPage() const {
    return queries_->current();
}

namespace {
std::vector<std::pair<QAction*, EditCommand>> editCommands(const MainMenus& m) {
    return {{m.undo, EditCommand::Undo},   {m.redo, EditCommand::Redo},
            {m.cut, EditCommand::Cut},     {m.copy, EditCommand::Copy},
            {m.paste, EditCommand::Paste}, {m.selectAll, EditCommand::SelectAll}};
}
}  // namespace

void MainWindow::routeToQueryPage(QAction* action, const std::function<void(QueryPage*)>& f) {
    connect(action, &QAction::triggered, this, [this, f] {
        QueryPage* page = queries_->current();
        showPage(page);
        f(page);
    });
}

void MainWindow::connectMenus() {
    MainMenus& m = *menus_;
    connect(m.newTab, &QAction::triggered, queries_, &QueryTabs::newTab);
    connect(m.closeTab, &QAction::triggered, this, [this] { pages_->close(pages_->current()); });
    connect(m.openWorkspace, &QAction::triggered, this, &MainWindow::chooseWorkspace);
    connect(m.importFiles, &QAction::triggered, this, &MainWindow::chooseFilesToImport);
    connect(m.connectionSettings, &QAction::triggered, this, &MainWindow::editConnection);
    connect(m.quit, &QAction::triggered, this, &QWidget::close);
    routeToQueryPage(m.newQuery, [](QueryPage* p) { p->newQuery(); });
    connect(m.run, &QAction::triggered, this, [this] {
        if (pipeline_->runCurrent()) return;  // a model page is shown: Run model
        QueryPage* page = queries_->current();
        showPage(page);
        page->run();
    });
    connect(m.cancel, &QAction::triggered, this, [this] { queries_->current()->cancel(); });
    // Save saves the current page, whatever it is (a query, a dashboard being edited, a model).
    connect(m.saveQuestion, &QAction::triggered, this, [this] {
        if (auto* work = dynamic_cast<widgets::UnsavedWork*>(pages_->current())) work->saveWork();
    });
    routeToQueryPage(m.saveQuestionAs, [](QueryPage* p) { p->saveQuestion(true); });
    routeToQueryPage(m.showTable, [](QueryPage* p) { p->showChart(false); });
    routeToQueryPage(m.showChart, [](QueryPage* p) { p->showChart(true); });
    routeToQueryPage(m.exportResult, [](QueryPage* p) { p->exportResult(); });
    connect(m.nextTab, &QAction::triggered, pages_, &PageTabs::next);
    connect(m.previousTab, &QAction::triggered, pages_, &PageTabs::previous);
    connect(m.newDashboard, &QAction::triggered, dashboards_, &DashboardPages::newDashboard);
    connect(m.addToDashboard, &QAction::triggered, dashboards_, &DashboardPages::addQueryToDashboard);
    connect(queries_, &QueryTabs::addToDashboardRequested, dashboards_, &DashboardPages::addQueryToDashboard);
    // Pipeline
    connect(m.newModel, &QAction::triggered, pipeline_, &PipelinePages::newModel);
    connect(m.buildAll, &QAction::triggered, pipeline_, &PipelinePages::buildAll);
    connect(m.lineage, &QAction::triggered, pipeline_, &PipelinePages::openLineage);
    connect(m.tableChecks, &QAction::triggered, pipeline_, &PipelinePages::openSelectedChecks);
    connect(m.editChecks, &QAction::triggered, pipeline_, &PipelinePages::editSelectedChecks);
    connect(m.refreshSchema, &QAction::triggered, workspace_, &WorkspaceController::refreshSchema);
    connect(m.fullScreen, &QAction::toggled, this, [this](bool on) { on ? showFullScreen() : showNormal(); });
    connect(m.theme, &QActionGroup::triggered, this, [this](QAction* a) { setTheme(a->data().toString()); });
    connect(m.shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(m.documentation, &QAction::triggered, this, &MainWindow::openDocs);
    connect(m.about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Deskbase"),
                           tr("<b>Deskbase %1</b><p>A native desktop data explorer: drop files, ask SQL "
                              "questions, pin charts on dashboards.</p><p>Documentation: %2</p>")
                               .arg(QApplication::applicationVersion(), docsFolder().toHtmlEscaped()));
    });
}

void MainWindow::connectEditMenu() {
    MainMenus& m = *menus_;
    // The focused widget, else (Undo, Redo) the current page: a dashboard's or the editor's undo.
    for (const auto& [action, command] : editCommands(m))
        connect(action, &QAction::triggered, this,
                [this, c = command] { runEditCommand(c, pages_->current()); });
    // Enabled for what the focused widget can do when the menu opens (the focus stays put); enabled
    // again when it closes, so the keys always reach the widget or page that can.
    connect(m.editMenu, &QMenu::aboutToShow, this, [this] {
        for (const auto& [action, command] : editCommands(*menus_))
            action->setEnabled(canRunEditCommand(command, pages_->current()));
    });
    connect(m.editMenu, &QMenu::aboutToHide, this, [this] {
        for (const auto& [action, command] : editCommands(*menus_)) action->setEnabled(true);
    });
    routeToQueryPage(m.find, [](QueryPage* p) { p->showFind(); });
    routeToQueryPage(m.findNext, [](QueryPage* p) { p->findBar()->findNext(); });
    routeToQueryPage(m.findPrevious, [](QueryPage* p) { p->findBar()->findPrevious(); });
    connect(m.preferences, &QAction::triggered, this, &MainWindow::editPreferences);
}

void MainWindow::connectSidebar() {
    using widgets::SchemaBrowser;
    connect(sidebar_, &SchemaBrowser::tableActivated, queries_, &QueryTabs::openTable);
    connect(sidebar_, &SchemaBrowser::questionActivated, queries_, &QueryTabs::openQuestion);
    connect(sidebar_, &SchemaBrowser::questionOpenHereRequested, queries_, &QueryTabs::openQuestionHere);
    connect(sidebar_, &SchemaBrowser::dashboardActivated, this, &MainWindow::onDashboardActivated);
    connect(sidebar_, &SchemaBrowser::renameRequested, sidebarActions_, &SidebarActions::askRename);
    connect(sidebar_, &SchemaBrowser::duplicateRequested, sidebarActions_, &SidebarActions::duplicate);
    connect(sidebar_, &SchemaBrowser::deleteRequested, sidebarActions_, &SidebarActions::askDelete);
    connect(sidebar_, &SchemaBrowser::refreshRequested, workspace_, &WorkspaceController::refreshSchema);
    connect(sidebarActions_, &SidebarActions::statusMessage, this, &MainWindow::showMessage);
    connect(sidebarActions_, &SidebarActions::dashboardMoved, this,
            [this](const QString&, const QString& to) {
                if (!to.isEmpty()) activateDashboard(to);
            });
}

void MainWindow::connectControllers() {
    connect(workspace_, &WorkspaceController::opened, this, [this](const QString& dir) {
        settings_->addRecentWorkspace(dir);
        rebuildRecentMenus();
        updateTitle();
    });
    connect(workspace_, &WorkspaceController::schemaLoaded, this, &MainWindow::onSchemaLoaded);
    connect(workspace_, &WorkspaceController::passwordNeeded, this, &MainWindow::askPassword);

    connect(queries_, &QueryTabs::statusMessage, this,
            [this](QWidget* page, const QString& t) { showPageMessage(page, t.toHtmlEscaped()); });
    // Each page owns its message: switching pages shows the new current page's.
    connect(tabWidget_, &QTabWidget::currentChanged, this, [this] {
        QWidget* page = pages_->current();
        message_->setText(page ? page->property(kStatusProperty).toString() : QString());
    });
    connect(queries_, &QueryTabs::demoRequested, this, [this] { openDemoWorkspace(defaultDemoDir()); });
    connect(queries_, &QueryTabs::importRequested, this, &MainWindow::chooseFilesToImport);
    connect(pages_, &PageTabs::titleChanged, this, &MainWindow::updateTitle);
    connect(pages_, &PageTabs::modifiedChanged, this, &MainWindow::updateTitle);
    connect(pages_, &PageTabs::empty, queries_, &QueryTabs::newTab);  // there is always a tab to type in

    connect(imports_, &ImportController::imported, this, &MainWindow::onImported);
    connect(imports_, &ImportController::fileImported, this, [this](const QString& path) {
        settings_->addRecentFile(path);
        rebuildRecentMenus();
    });
    connect(imports_, &ImportController::failed, this, [this](const QString& path, const QString& message) {
        settings_->removeRecentFile(path);  // Recent files lists what imported, not what failed
        rebuildRecentMenus();
        const QString name = QFileInfo(path).fileName();
        showMessage(tr("Could not import %1: %2").arg(name.toHtmlEscaped(), message.toHtmlEscaped()));
        showWarning(tr("Import failed"),
                    tr("%1 could not be imported.\n\n%2\n\nNothing was changed.").arg(name, message));
    });
    connect(imports_, &ImportController::cancelled, this, [this](const QString& path) {
        showMessage(tr("Import of %1 cancelled; nothing was changed.")
                        .arg(QFileInfo(path).fileName().toHtmlEscaped()));
    });
    connect(message_, &QLabel::linkActivated, this, [this](const QString& link) {
        // Links in status messages open a table (the rejected rows of an import) or a table's
        // checks page (the checks an import ran).
        if (link.startsWith(QStringLiteral("table:"))) queries_->openTable(link.mid(6));
        if (link.startsWith(QStringLiteral("checks:"))) pipeline_->openChecks(link.mid(7));
    });
}

bool MainWindow::openWorkspace(const QString& dir) {
    const bool other = workspace_->isOpen() && QDir(dir).absolutePath() != workspace_->dir();
    // The open tabs belong to the workspace being left: ask about unsaved ones, then close them.
    if (other && !pages_->closeAll(tr("opening another workspace"))) return false;
    QString error;
    if (!workspace_->open(dir, &error)) {
        showWarning(tr("Cannot open workspace"), error);
        return false;
    }
    return true;
}

void MainWindow::openDemoWorkspace(const QString& dir) {
    if (!openWorkspace(dir)) return;
    showMessage(tr("Preparing the demo workspace (sample data is generated and imported on first start)…"));
    JobSpec spec;
    spec.kind = "demo";
    spec.writesTo = workspace_->target().toStdString();
    // The Runtime waits for it when the window closes: the import holds a write transaction.
    auto built = std::make_shared<bool>(true);  // set by the job: is the demo's pipeline built?
    runInBackground(
        workspace_->runtime().jobs(), mailbox_, std::move(spec),
        [d = dir.toStdString(), built](JobContext&) {
            auto s = dashboard::ensureDemoWorkspace(d);
            if (!s) return s;
            auto b = dashboard::demoPipelineBuilt(d);
            *built = !b || *b;  // unreadable: leave it to the user's own build
            return s;
        },
        [this, dir, built](const Status& s) {
            if (!s) {
                showWarning(tr("Demo workspace"), QString::fromStdString(s.message()));
                return;
            }
            if (workspace_->dir() != QDir(dir).absolutePath())
                return;  // another workspace was opened meanwhile
            // The question files were just written: the dashboard must find them.
            if (Workspace* ws = workspace_->workspace()) ws->reload();
            workspace_->refreshSchema();
            showMessage(tr("Demo workspace ready."));
            activateDashboard(QDir(dir).filePath(QString::fromLatin1(dashboard::kDemoStartDashboard)));
            // Once, on first start: its models and checks, so the sidebar shows them built and a
            // source's downstream build finds the models its checks read.
            if (!*built) pipeline_->controller()->build({});
        });
}

void MainWindow::importFiles(const QStringList& paths) {
    if (!paths.isEmpty()) imports_->importFiles(paths);
}

int MainWindow::addPage(QWidget* page, const QString& title) {
    return pages_->add(page, title);
}

void MainWindow::showPage(QWidget* page) {
    pages_->show(page);
}

void MainWindow::setPageTitle(QWidget* page, const QString& title) {
    pages_->setTitle(page, title);
}

QString MainWindow::statusText() const {
    return message_->text();
}

void MainWindow::updateTitle() {
    // "Revenue* — shop — Deskbase": the current page, its modified mark, the workspace.
    QWidget* page = pages_->current();
    QStringList parts;
    if (page) parts << page->windowTitle() + QStringLiteral("[*]");
    if (workspace_->isOpen()) parts << QFileInfo(workspace_->dir()).fileName();
    parts << tr("Deskbase");
    setWindowTitle(parts.join(QStringLiteral(" — ")));
    setWindowModified(page && page->isWindowModified());
}

void MainWindow::setTheme(const QString& mode) {
    widgets::applyTheme(*qApp, widgets::parseThemeMode(mode));
    settings_->setTheme(mode);
    for (QAction* a : menus_->theme->actions()) a->setChecked(a->data().toString() == mode);
    queries_->updateColors();
    emit themeChanged(widgets::isDarkTheme());
}

void MainWindow::setEditorFontSize(int points) {
    settings_->setEditorFontSize(points);
    queries_->setEditorFontSize(points);
}

void MainWindow::editPreferences() {
    PreferencesDialog dialog(settings_->theme(), settings_->editorFontSize(), this);
    if (dialog.exec() != QDialog::Accepted) return;
    if (dialog.theme() != settings_->theme()) setTheme(dialog.theme());
    setEditorFontSize(dialog.editorFontSize());
}

std::vector<ShortcutRow> MainWindow::shortcutRows() const {
    return collectShortcuts(menuBar(), {{tr("Sidebar"), sidebar_->view()->actions()}});
}

void MainWindow::showShortcuts() {
    ShortcutsDialog dialog(shortcutRows(), this);
    dialog.exec();
}

QString MainWindow::docsFolder() {
    // Installed: <prefix>/share/doc/deskbase; in a build tree: the sources' docs/.
    const QString installed =
        QDir(QApplication::applicationDirPath()).filePath(QStringLiteral("../share/doc/deskbase"));
    if (QFileInfo(installed).isDir()) return QDir(installed).canonicalPath();
    return QString::fromUtf8(DESKBASE_SOURCE_DOCS);
}

void MainWindow::openDocs() {
    const QString dir = docsFolder();
    if (dir.isEmpty() || !QDesktopServices::openUrl(QUrl::fromLocalFile(dir)))
        showMessage(tr("The documentation is in %1 (app.md describes the window).").arg(dir.toHtmlEscaped()));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!localFiles(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent* event) {
    if (!localFiles(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QStringList files = localFiles(event->mimeData());
    if (files.isEmpty()) return;
    event->acceptProposedAction();
    importFiles(files);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!pages_->mayCloseAll(tr("closing the window"))) {
        event->ignore();
        return;
    }
    settings_->saveWindow(saveGeometry(), saveState(), splitter_->saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent* event) {
    // Back to the window: another program may have changed the warehouse; the sidebar's tables
    // and row counts follow (a stat of the SQLite file tells; PostgreSQL is asked again).
    if (event->type() == QEvent::ActivationChange && isActiveWindow() && workspace_->isOpen() &&
        widgets::warehouseChangedSince(workspace_->schema(), workspace_->savedTarget().toStdString()))
        workspace_->refreshSchema();
    QMainWindow::changeEvent(event);
}

void MainWindow::chooseWorkspace() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open workspace"), workspace_->dir());
    if (!dir.isEmpty()) openWorkspace(dir);
}

void MainWindow::chooseFilesToImport() {
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import files"), QString(),
        tr("Data files (*.csv *.tsv *.txt *.json *.ndjson *.jsonl);;All files (*)"));
    importFiles(files);
}

void MainWindow::editConnection() {
    if (!workspace_->isOpen()) return;
    auto* dialog = new ConnectionDialog(workspace_->runtime().jobs(), workspace_->savedTarget(),
                                        workspace_->dir(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        QString error;
        if (!workspace_->setConnectionTarget(dialog->target(), &error)) {
            showWarning(tr("Connection settings"), error);
            return;
        }
        if (!dialog->password().isEmpty()) workspace_->setSessionPassword(dialog->password());
        showMessage(tr("Connected to %1").arg(dialog->target().toHtmlEscaped()));
    });
    dialog->open();
}

void MainWindow::askPassword(const QString& reason) {
    auto* input = new QInputDialog(this);
    input->setAttribute(Qt::WA_DeleteOnClose);
    input->setWindowTitle(tr("Password"));
    input->setLabelText(
        tr("The server asks for a password (kept in memory for this session only).\n%1").arg(reason));
    input->setTextEchoMode(QLineEdit::Password);
    connect(input, &QInputDialog::textValueSelected, workspace_, &WorkspaceController::setSessionPassword);
    input->open();
}

void MainWindow::onSchemaLoaded(const widgets::SchemaSnapshot& snapshot) {
    sidebar_->setSnapshot(snapshot);
    queries_->applySchema(snapshot);
    if (!snapshot.error.isEmpty()) showMessage(tr("Warehouse: %1").arg(snapshot.error.toHtmlEscaped()));
}

void MainWindow::onImported(const QString& table, qint64 rows, qint64 rejected, const QString& rejectsTable,
                            double seconds, const QStringList& indexes, const QString& checks,
                            bool checksFailed) {
    showMessage(importedText(table, rows, rejected, rejectsTable, seconds, indexes, checks, checksFailed));
}

void MainWindow::onDashboardActivated(const QString& path) {
    if (isSignalConnected(QMetaMethod::fromSignal(&MainWindow::dashboardActivated)))
        emit dashboardActivated(path);
    else
        showMessage(tr("Dashboard %1: the dashboard page is not available in this build.")
                        .arg(QFileInfo(path).fileName().toHtmlEscaped()));
}

void MainWindow::showMessage(const QString& richText) {
    showPageMessage(pages_->current(), richText);
}

void MainWindow::showPageMessage(QWidget* page, const QString& richText) {
    if (page) page->setProperty(kStatusProperty, richText);
    if (!page || page == pages_->current()) message_->setText(richText);
}

void MainWindow::showWarning(const QString& title, const QString& text) {
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("warningBox"));
    box->open();
}

void MainWindow::rebuildRecentMenus() {
    menus_->recentWorkspaces->clear();
    for (const QString& dir : settings_->recentWorkspaces())
        menus_->recentWorkspaces->addAction(dir, this, [this, dir] { openWorkspace(dir); });
    menus_->recentWorkspaces->setEnabled(!menus_->recentWorkspaces->isEmpty());
    menus_->recentFiles->clear();
    for (const QString& f : settings_->recentFiles())
        menus_->recentFiles->addAction(f, this, [this, f] { importFiles({f}); });
    menus_->recentFiles->setEnabled(!menus_->recentFiles->isEmpty());
}

}  // namespace deskbase::gui

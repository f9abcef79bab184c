#include "app/gui/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QGuiApplication>
#include <QLabel>
#include <QScreen>
#include <QMenu>
#include <QMessageBox>
#include <QMetaMethod>
#include <QMimeData>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>

#include "app/gui/app_settings.h"
#include "app/gui/connection_dialog.h"
#include "app/gui/dashboard_pages.h"
#include "app/gui/import_controller.h"
#include "app/gui/main_menus.h"
#include "app/gui/query_page.h"
#include "app/gui/workspace_controller.h"
#include "core/dashboard/demo_workspace.h"
#include "core/runtime/background.h"
#include "core/runtime/runtime.h"
#include "widgets/grid/cell_format.h"
#include "widgets/importer/import_progress_panel.h"
#include "widgets/schema/schema_browser.h"
#include "widgets/theme/theme.h"

namespace deskbase::gui {

namespace {
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
      pages_(new QTabWidget(this)),
      queryPage_(new QueryPage(workspace_, this)),
      splitter_(new QSplitter(Qt::Horizontal, this)),
      message_(new QLabel(this)),
      progress_(new widgets::ImportProgressPanel(this)),
      imports_(new ImportController(workspace_, progress_, this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Deskbase"));
    setAcceptDrops(true);
    resize(1280, 800);

    pages_->setDocumentMode(true);
    pages_->setTabsClosable(true);
    pages_->addTab(queryPage_, tr("SQL"));
    pages_->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);  // the SQL page stays
    pages_->tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    connect(pages_, &QTabWidget::tabCloseRequested, this, [this](int i) {
        if (i <= 0) return;  // the SQL page stays
        QWidget* page = pages_->widget(i);
        pages_->removeTab(i);
        page->deleteLater();
    });

    sidebar_->setMinimumWidth(200);
    splitter_->addWidget(sidebar_);
    splitter_->addWidget(pages_);
    splitter_->setStretchFactor(1, 1);
    splitter_->setSizes({280, 1000});
    setCentralWidget(splitter_);

    message_->setObjectName(QStringLiteral("statusMessage"));
    message_->setTextFormat(Qt::RichText);
    message_->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    statusBar()->addWidget(message_, 1);
    statusBar()->addPermanentWidget(progress_);

    dashboards_ = new DashboardPages(this);  // owned by the window; opens dashboards as pages
    connectMenus();
    connectControllers();

    // First start: most of the screen; later starts: where the user left it.
    if (const QScreen* screen = QGuiApplication::primaryScreen(); screen && settings_->windowGeometry().isEmpty()) {
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
    showMessage(tr("Drop CSV, TSV or JSON files anywhere on the window to import them."));
}

MainWindow::~MainWindow() {
    mailbox_.close();
    // Everything that borrows the workspace's runtime goes before the controller that owns it
    // (Qt would delete the controller, the first child, first). The runtime then waits for the
    // jobs still running: the demo's import holds a write transaction and temporary files.
    delete imports_;
    delete takeCentralWidget();  // the sidebar and the pages
    delete workspace_;
}

void MainWindow::connectMenus() {
    MainMenus& m = *menus_;
    connect(m.openWorkspace, &QAction::triggered, this, &MainWindow::chooseWorkspace);
    connect(m.importFiles, &QAction::triggered, this, &MainWindow::chooseFilesToImport);
    connect(m.connectionSettings, &QAction::triggered, this, &MainWindow::editConnection);
    connect(m.quit, &QAction::triggered, this, &QWidget::close);
    connect(m.newQuery, &QAction::triggered, this, [this] {
        queryPage_->newQuery();
        showPage(queryPage_);
    });
    connect(m.run, &QAction::triggered, this, [this] {
        showPage(queryPage_);
        queryPage_->run();
    });
    connect(m.cancel, &QAction::triggered, queryPage_, &QueryPage::cancel);
    connect(m.saveQuestion, &QAction::triggered, this, [this] { queryPage_->saveQuestion(false); });
    connect(m.saveQuestionAs, &QAction::triggered, this, [this] { queryPage_->saveQuestion(true); });
    connect(m.exportResult, &QAction::triggered, this, [this] {
        showPage(queryPage_);
        queryPage_->exportResult();
    });
    // Dashboards
    connect(m.newDashboard, &QAction::triggered, dashboards_, &DashboardPages::newDashboard);
    connect(m.addToDashboard, &QAction::triggered, dashboards_, &DashboardPages::addQueryToDashboard);
    connect(queryPage_, &QueryPage::addToDashboardRequested, dashboards_,
            &DashboardPages::addQueryToDashboard);
    connect(m.refreshSchema, &QAction::triggered, workspace_, &WorkspaceController::refreshSchema);
    connect(m.fullScreen, &QAction::toggled, this, [this](bool on) { on ? showFullScreen() : showNormal(); });
    connect(m.theme, &QActionGroup::triggered, this, [this](QAction* a) { setTheme(a->data().toString()); });
    connect(m.about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Deskbase"),
                           tr("<b>Deskbase %1</b><p>A native desktop data explorer: drop files, ask SQL "
                              "questions, pin charts on dashboards.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::connectControllers() {
    connect(workspace_, &WorkspaceController::opened, this, [this](const QString& dir) {
        setWindowTitle(tr("%1 — Deskbase").arg(QFileInfo(dir).fileName()));
        settings_->addRecentWorkspace(dir);
        rebuildRecentMenus();
    });
    connect(workspace_, &WorkspaceController::schemaLoaded, this, &MainWindow::onSchemaLoaded);
    connect(workspace_, &WorkspaceController::passwordNeeded, this, &MainWindow::askPassword);

    connect(sidebar_, &widgets::SchemaBrowser::tableActivated, this, [this](const QString& table) {
        showPage(queryPage_);
        queryPage_->openTable(table);
    });
    connect(sidebar_, &widgets::SchemaBrowser::questionActivated, this, [this](const QString& path) {
        showPage(queryPage_);
        queryPage_->openQuestion(path);
    });
    connect(sidebar_, &widgets::SchemaBrowser::dashboardActivated, this, &MainWindow::onDashboardActivated);

    connect(queryPage_, &QueryPage::statusMessage, this,
            [this](const QString& t) { showMessage(t.toHtmlEscaped()); });
    connect(queryPage_, &QueryPage::titleChanged, this, [this](const QString& t) {
        pages_->setTabText(pages_->indexOf(queryPage_), t.isEmpty() ? tr("SQL") : t);
    });

    connect(imports_, &ImportController::imported, this, &MainWindow::onImported);
    connect(imports_, &ImportController::failed, this, [this](const QString& path, const QString& message) {
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
        // Links in status messages open a table, e.g. the rejected rows of an import.
        if (link.startsWith(QStringLiteral("table:"))) {
            showPage(queryPage_);
            queryPage_->openTable(link.mid(6));
        }
    });
}

bool MainWindow::openWorkspace(const QString& dir) {
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
    runInBackground(
        workspace_->runtime().jobs(), mailbox_, std::move(spec),
        [d = dir.toStdString()](JobContext&) { return dashboard::ensureDemoWorkspace(d); },
        [this, dir](const Status& s) {
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
        });
}

void MainWindow::importFiles(const QStringList& paths) {
    if (paths.isEmpty()) return;
    for (const QString& p : paths) settings_->addRecentFile(p);
    rebuildRecentMenus();
    imports_->importFiles(paths);
}

int MainWindow::addPage(QWidget* page, const QString& title) {
    const int existing = pages_->indexOf(page);
    const int index = existing >= 0 ? existing : pages_->addTab(page, title);
    pages_->setCurrentIndex(index);
    return index;
}

void MainWindow::showPage(QWidget* page) {
    const int i = pages_->indexOf(page);
    if (i >= 0) pages_->setCurrentIndex(i);
}

QString MainWindow::statusText() const {
    return message_->text();
}

void MainWindow::setTheme(const QString& mode) {
    widgets::applyTheme(*qApp, widgets::parseThemeMode(mode));
    settings_->setTheme(mode);
    for (QAction* a : menus_->theme->actions()) a->setChecked(a->data().toString() == mode);
    queryPage_->updateColors();
    emit themeChanged(widgets::isDarkTheme());
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
    settings_->saveWindow(saveGeometry(), saveState(), splitter_->saveState());
    QMainWindow::closeEvent(event);
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
    auto* dialog =
        new ConnectionDialog(workspace_->runtime().jobs(), workspace_->savedTarget(), workspace_->dir(), this);
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
    queryPage_->applySchema(snapshot);
    if (!snapshot.error.isEmpty()) showMessage(tr("Warehouse: %1").arg(snapshot.error.toHtmlEscaped()));
}

void MainWindow::onImported(const QString& table, qint64 rows, qint64 rejected, const QString& rejectsTable,
                            double seconds) {
    const QLocale loc = widgets::displayLocale();
    QString text = tr("Loaded %1 rows into <b>%2</b> in %3 s")
                       .arg(loc.toString(rows), table.toHtmlEscaped(), loc.toString(seconds, 'f', 1));
    if (rejected > 0)
        text += tr("; %1 rejected — <a href=\"table:%2\">show rejected rows</a>")
                    .arg(loc.toString(rejected), rejectsTable.toHtmlEscaped());
    else
        text += tr("; none rejected");
    showMessage(text);
}

void MainWindow::onDashboardActivated(const QString& path) {
    if (isSignalConnected(QMetaMethod::fromSignal(&MainWindow::dashboardActivated)))
        emit dashboardActivated(path);
    else
        showMessage(tr("Dashboard %1: the dashboard page is not available in this build.")
                        .arg(QFileInfo(path).fileName().toHtmlEscaped()));
}

void MainWindow::showMessage(const QString& richText) {
    message_->setText(richText);
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

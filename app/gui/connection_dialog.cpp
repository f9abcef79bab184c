#include "app/gui/connection_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

#include "app/gui/workspace_controller.h"
#include "core/warehouse/warehouse.h"
#include "core/runtime/background.h"

namespace deskbase::gui {

namespace {
QString quoteValue(const QString& v) {
    if (!v.isEmpty() && !v.contains(QRegularExpression(QStringLiteral("[\\s'\\\\]")))) return v;
    QString q = v;
    q.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}
}  // namespace

ConnectionDialog::ConnectionDialog(JobQueue& jobs, const QString& currentTarget, const QString& workspaceDir,
                                   QWidget* parent)
    : QDialog(parent),
      jobs_(jobs),
      workspaceDir_(workspaceDir),
      sqlite_(new QRadioButton(tr("Embedded SQLite file"), this)),
      postgres_(new QRadioButton(tr("PostgreSQL server"), this)),
      sqlitePath_(new QLineEdit(this)),
      host_(new QLineEdit(QStringLiteral("127.0.0.1"), this)),
      port_(new QSpinBox(this)),
      database_(new QLineEdit(this)),
      user_(new QLineEdit(this)),
      sslMode_(new QComboBox(this)),
      password_(new QLineEdit(this)),
      test_(new QPushButton(tr("Test connection"), this)),
      testResult_(new QLabel(this)) {
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(tr("Connection settings"));
    port_->setRange(1, 65535);
    port_->setValue(5432);
    for (const char* mode : {"prefer", "disable", "allow", "require", "verify-ca", "verify-full"})
        sslMode_->addItem(QString::fromLatin1(mode));
    password_->setEchoMode(QLineEdit::Password);
    password_->setPlaceholderText(tr("kept in memory for this session only"));
    testResult_->setWordWrap(true);

    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getSaveFileName(this, tr("SQLite warehouse"), sqlitePath_->text(),
                                                       tr("SQLite files (*.db *.sqlite *.sqlite3)"), nullptr,
                                                       QFileDialog::DontConfirmOverwrite);
        if (!f.isEmpty()) sqlitePath_->setText(f);
    });
    auto* sqliteRow = new QHBoxLayout;
    sqliteRow->addWidget(sqlitePath_, 1);
    sqliteRow->addWidget(browse);

    auto* pgForm = new QFormLayout;
    pgForm->addRow(tr("Host:"), host_);
    pgForm->addRow(tr("Port:"), port_);
    pgForm->addRow(tr("Database:"), database_);
    pgForm->addRow(tr("User:"), user_);
    pgForm->addRow(tr("SSL mode:"), sslMode_);
    pgForm->addRow(tr("Password:"), password_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(test_, &QPushButton::clicked, this, &ConnectionDialog::testConnection);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(sqlite_);
    layout->addLayout(sqliteRow);
    layout->addSpacing(8);
    layout->addWidget(postgres_);
    layout->addLayout(pgForm);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(test_);
    testRow->addWidget(testResult_, 1);
    layout->addLayout(testRow);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(sqlite_, &QRadioButton::toggled, this, &ConnectionDialog::updateEnabled);
    loadTarget(currentTarget);
    updateEnabled();
}

QString ConnectionDialog::postgresTarget(const QString& host, int port, const QString& database,
                                         const QString& user, const QString& sslMode) {
    QStringList parts;
    parts << QStringLiteral("host=") + quoteValue(host) << QStringLiteral("port=%1").arg(port);
    if (!database.isEmpty()) parts << QStringLiteral("dbname=") + quoteValue(database);
    if (!user.isEmpty()) parts << QStringLiteral("user=") + quoteValue(user);
    if (!sslMode.isEmpty()) parts << QStringLiteral("sslmode=") + sslMode;
    return parts.join(QLatin1Char(' '));
}

void ConnectionDialog::loadTarget(const QString& target) {
    if (!Warehouse::isPostgresTarget(target.toStdString())) {
        sqlite_->setChecked(true);
        sqlitePath_->setText(target.isEmpty() ? QDir(workspaceDir_).filePath(QStringLiteral("warehouse.db"))
                                              : target);
        return;
    }
    postgres_->setChecked(true);
    sqlitePath_->setText(QDir(workspaceDir_).filePath(QStringLiteral("warehouse.db")));
    if (target.startsWith(QStringLiteral("postgres"))) {
        const QUrl url(target);
        host_->setText(url.host());
        port_->setValue(url.port(5432));
        database_->setText(url.path().mid(1));
        user_->setText(url.userName());
        return;
    }
    static const QRegularExpression kv(QStringLiteral("(\\w+)\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'|\\S+)"));
    for (auto it = kv.globalMatch(target); it.hasNext();) {
        const auto m = it.next();
        QString v = m.captured(2);
        if (v.startsWith(QLatin1Char('\'')))
            v = v.mid(1, v.size() - 2).replace(QStringLiteral("\\'"), QStringLiteral("'"));
        const QString k = m.captured(1);
        if (k == QStringLiteral("host"))
            host_->setText(v);
        else if (k == QStringLiteral("port"))
            port_->setValue(v.toInt());
        else if (k == QStringLiteral("dbname"))
            database_->setText(v);
        else if (k == QStringLiteral("user"))
            user_->setText(v);
        else if (k == QStringLiteral("sslmode"))
            sslMode_->setCurrentText(v);
    }
}

void ConnectionDialog::updateEnabled() {
    const bool pg = postgres_->isChecked();
    sqlitePath_->setEnabled(!pg);
    for (QWidget* w : std::initializer_list<QWidget*>{host_, port_, database_, user_, sslMode_, password_})
        w->setEnabled(pg);
}

bool ConnectionDialog::isPostgres() const {
    return postgres_->isChecked();
}

QString ConnectionDialog::target() const {
    if (!isPostgres()) return sqlitePath_->text().trimmed();
    return postgresTarget(host_->text().trimmed(), port_->value(), database_->text().trimmed(),
                          user_->text().trimmed(), sslMode_->currentText());
}

QString ConnectionDialog::password() const {
    return isPostgres() ? password_->text() : QString();
}

void ConnectionDialog::testConnection() {
    const std::string t = WorkspaceController::withPassword(target(), password()).toStdString();
    test_->setEnabled(false);
    testResult_->setText(tr("Connecting…"));
    JobSpec spec;
    spec.kind = "connection test";
    spec.key = "connection test";  // a newer test supersedes
    runInBackground(
        jobs_, mailbox_, std::move(spec),
        [t](JobContext&) -> QString {
            auto w = Warehouse::open(t);
            if (!w) return QString::fromStdString(w.message());
            auto tables = (*w)->listTables();
            if (!tables) return QString::fromStdString(tables.message());
            return QStringLiteral("ok:%1").arg(tables->size());
        },
        [this](const QString& outcome) {
            test_->setEnabled(true);
            if (outcome.startsWith(QStringLiteral("ok:")))
                testResult_->setText(tr("<span style='color:#2e9d57'>Connected: %n table(s).</span>", nullptr,
                                        outcome.mid(3).toInt()));
            else
                testResult_->setText(
                    tr("<span style='color:#d64545'>%1</span>").arg(outcome.toHtmlEscaped()));
        });
}

}  // namespace deskbase::gui

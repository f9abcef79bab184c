#pragma once
// Connection settings: the embedded SQLite file, or a PostgreSQL server (host, port, database,
// user, SSL mode) with "Test connection". The password field is for this session only: it is
// never written to the workspace (libpq's PGPASSWORD / ~/.pgpass also work).
#include <QDialog>

#include "core/runtime/mailbox.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace deskbase {
class JobQueue;
}

namespace deskbase::gui {

class ConnectionDialog : public QDialog {
    Q_OBJECT
public:
    // "Test connection" runs on `jobs` (the workspace runtime's; it must outlive the dialog).
    ConnectionDialog(JobQueue& jobs, const QString& currentTarget, const QString& workspaceDir,
                     QWidget* parent = nullptr);

    QString target() const;    // without the password
    QString password() const;  // session only
    bool isPostgres() const;

    // libpq keyword string from the fields ("host=... port=... dbname=... user=... sslmode=...").
    static QString postgresTarget(const QString& host, int port, const QString& database, const QString& user,
                                  const QString& sslMode);

private:
    void loadTarget(const QString& target);
    void testConnection();
    void updateEnabled();

    JobQueue& jobs_;
    Mailbox mailbox_;
    QString workspaceDir_;
    QRadioButton* sqlite_;
    QRadioButton* postgres_;
    QLineEdit* sqlitePath_;
    QLineEdit* host_;
    QSpinBox* port_;
    QLineEdit* database_;
    QLineEdit* user_;
    QComboBox* sslMode_;
    QLineEdit* password_;
    QPushButton* test_;
    QLabel* testResult_;
};

}  // namespace deskbase::gui

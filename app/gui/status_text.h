#pragma once
// The one-line texts of the status bar that carry figures: durations ("850 ms" under a second,
// "2.4 s", "3 min 05 s") and the outcome of an import.
#include <QString>
#include <QStringList>

namespace deskbase::gui {

QString durationText(double seconds);
// "1 card", "2 cards", "1,234 rows": a count with the word for one or for several.
QString countText(qint64 n, const QString& one, const QString& several);
// "Loaded 3 rows into <b>weather</b> in 42 ms; 1 rejected — <a href="table:...">show rejected rows</a>",
// then "; indexed order_id, customer_id" when the import made indexes, then the table's checks
// when they ran: "; checks: 2 pass, 1 warn — <a href="checks:weather">show checks</a>" (the link
// when one did not pass).
QString importedText(const QString& table, qint64 rows, qint64 rejected, const QString& rejectsTable,
                     double seconds, const QStringList& indexes = {}, const QString& checks = {},
                     bool checksFailed = false);

}  // namespace deskbase::gui

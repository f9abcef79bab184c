#include "app/gui/status_text.h"

#include <QObject>
#include <cmath>

#include "widgets/common/display_locale.h"

namespace deskbase::gui {

QString durationText(double seconds) {
    const QLocale loc = widgets::displayLocale();
    if (!(seconds >= 0)) seconds = 0;
    if (seconds < 0.9995) {
        const qlonglong ms = std::llround(seconds * 1000.0);
        return ms == 0 ? QObject::tr("under 1 ms") : QObject::tr("%1 ms").arg(ms);
    }
    if (seconds < 59.95) return QObject::tr("%1 s").arg(loc.toString(seconds, 'f', 1));
    const qlonglong whole = std::llround(seconds);
    return QObject::tr("%1 min %2 s").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
}

QString countText(qint64 n, const QString& one, const QString& several) {
    return QStringLiteral("%1 %2").arg(widgets::displayLocale().toString(n), n == 1 ? one : several);
}

QString importedText(const QString& table, qint64 rows, qint64 rejected, const QString& rejectsTable,
                     double seconds, const QStringList& indexes, const QString& checks, bool checksFailed) {
    const QLocale loc = widgets::displayLocale();
    QString text = QObject::tr("Loaded %1 rows into <b>%2</b> in %3")
                       .arg(loc.toString(rows), table.toHtmlEscaped(), durationText(seconds));
    if (rejected > 0)
        text += QObject::tr("; %1 rejected — <a href=\"table:%2\">show rejected rows</a>")
                    .arg(loc.toString(rejected), rejectsTable.toHtmlEscaped());
    else
        text += QObject::tr("; none rejected");
    if (!indexes.isEmpty())
        text += QObject::tr("; indexed %1").arg(indexes.join(QStringLiteral(", ")).toHtmlEscaped());
    if (!checks.isEmpty()) text += QObject::tr("; checks: %1").arg(checks.toHtmlEscaped());
    if (!checks.isEmpty() && checksFailed)
        text += QObject::tr(" — <a href=\"checks:%1\">show checks</a>").arg(table.toHtmlEscaped());
    return text;
}

}  // namespace deskbase::gui

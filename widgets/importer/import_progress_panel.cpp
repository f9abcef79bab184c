#include "widgets/importer/import_progress_panel.h"

#include <cmath>

#include "widgets/grid/cell_format.h"

namespace deskbase::widgets {

ImportProgressPanel::ImportProgressPanel(QWidget* parent) : ProgressStrip(parent) {
    setObjectName(QStringLiteral("importProgress"));
}

QString ImportProgressPanel::describe(const ImportProgress& p, double seconds) {
    const QLocale loc = displayLocale();
    QStringList parts;
    parts << tr("%1 rows").arg(loc.toString(qlonglong(p.rows)));
    if (seconds > 0.05 && p.bytesDone > 0)
        parts << tr("%1 MB/s").arg(loc.toString(double(p.bytesDone) / 1e6 / seconds, 'f', 1));
    if (p.fraction > 0.02 && p.fraction < 1) {
        const double left = seconds * (1 - p.fraction) / p.fraction;
        parts << (left < 60 ? tr("%1 s left").arg(int(std::ceil(left)))
                            : tr("%1 min left").arg(int(std::ceil(left / 60))));
    }
    return parts.join(QStringLiteral(" · "));
}

void ImportProgressPanel::start(const QString& fileName, int queued) {
    fileName_ = fileName;
    queued_ = queued;
    clock_.start();
    ProgressStrip::start(tr("Importing %1…").arg(fileName_));
}

void ImportProgressPanel::setQueued(int queued) {
    queued_ = queued;
}

void ImportProgressPanel::update(const ImportProgress& p) {
    // Another import (or a build) holds the warehouse: no rate or time left while nothing moves,
    // and a busy bar, until the load starts.
    const bool waiting = p.stage == ImportStage::Waiting;
    setFraction(waiting ? -1.0 : p.fraction);
    QString text = waiting ? tr("Importing %1: waiting for another writer…").arg(fileName_)
                           : tr("Importing %1: %2").arg(fileName_, describe(p, double(clock_.elapsed()) / 1000.0));
    if (queued_ > 0) text += tr(" (%n more queued)", nullptr, queued_);
    setText(text);
}

}  // namespace deskbase::widgets

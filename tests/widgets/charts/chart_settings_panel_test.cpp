// The chart settings form: settings round-trip through it (keys not on the form kept), every
// edit emits, and the Combine by choice is saved with the question.
#include "widgets/charts/chart_settings_panel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalSpy>
#include <QtTest>

using namespace deskbase;
using namespace deskbase::dashboard;

namespace {
// The form's field on the row labelled `label`.
template <class T>
T* field(widgets::ChartSettingsPanel& panel, const QString& label) {
    auto* form = panel.findChild<QFormLayout*>();
    for (int r = 0; r < form->rowCount(); ++r) {
        auto* l = form->itemAt(r, QFormLayout::LabelRole);
        auto* f = form->itemAt(r, QFormLayout::FieldRole);
        if (l && f && qobject_cast<QLabel*>(l->widget()) &&
            qobject_cast<QLabel*>(l->widget())->text() == label)
            return qobject_cast<T*>(f->widget());
    }
    return nullptr;
}
}  // namespace

class ChartSettingsPanelTest : public QObject {
    Q_OBJECT
private slots:
    void settingsRoundTripAndEditsEmit() {
        widgets::ChartSettingsPanel panel;
        panel.setColumns({{"month", ColumnType::Date, "Month"},
                          {"revenue", ColumnType::Real, "Revenue"},
                          {"channel", ColumnType::Text, "channel"}});
        VisualizationSettings s;
        s.type = ChartType::Area;
        s.x = "month";
        s.y = {"revenue"};
        s.series = "channel";
        s.yTitle = "Revenue";
        s.format.prefix = "$";
        s.format.compact = true;
        s.dateGranularity = "quarter";
        s.aggregation = Aggregation::Max;
        s.stacked = true;
        s.goal = 1500;
        s.colors = {"#123456"};  // not on the form, kept anyway
        panel.setSettings(s);
        QVERIFY(panel.settings() == s);
        QSignalSpy spy(&panel, &widgets::ChartSettingsPanel::settingsChanged);
        auto* check = panel.findChildren<QCheckBox*>().at(0);  // any checkbox edit emits
        check->toggle();
        QCOMPARE(spy.size(), 1);
        QVERIFY(!(panel.settings() == s));
        QCOMPARE(panel.settings().colors, s.colors);
    }

    // Issue 10: "Dates by year" always summed; the form picks how rows combine, and the
    // choice lands in the saved visualization.
    void combineByPicksTheAggregation() {
        widgets::ChartSettingsPanel panel;
        VisualizationSettings s;
        s.dateGranularity = "year";
        panel.setSettings(s);
        auto* combine = field<QComboBox>(panel, QStringLiteral("Combine by"));
        QVERIFY(combine);
        QCOMPARE(combine->currentText(), QStringLiteral("Sum"));
        QStringList choices;
        for (int i = 0; i < combine->count(); ++i) choices << combine->itemText(i);
        QCOMPARE(choices,
                 (QStringList{QStringLiteral("Sum"), QStringLiteral("Average"), QStringLiteral("Minimum"),
                              QStringLiteral("Maximum"), QStringLiteral("Count")}));
        QSignalSpy spy(&panel, &widgets::ChartSettingsPanel::settingsChanged);
        combine->setCurrentIndex(1);
        QCOMPARE(spy.size(), 1);
        const auto emitted = spy[0][0].value<VisualizationSettings>();
        QCOMPARE(emitted.aggregation, Aggregation::Average);
        const auto saved = parseVisualization(serializeVisualization(panel.settings()));
        QVERIFY(saved.isOk());
        QCOMPARE(saved->aggregation, Aggregation::Average);
        QCOMPARE(saved->dateGranularity, std::string("year"));
    }
};

QTEST_MAIN(ChartSettingsPanelTest)
#include "chart_settings_panel_test.moc"

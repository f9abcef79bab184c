// layoutLineage: layers by longest path from the nodes without inputs, rows by barycentre sweeps
// with ties in kind-then-name order. The expected places were worked out by hand per row.
#include "core/models/lineage_layout.h"

#include <QtTest>

using namespace deskbase;

namespace {

// "source:a model:m" -> nodes with that id, kind and name.
Lineage lineageOf(const QString& nodes, const QString& edges) {
    Lineage l;
    for (const auto& id : nodes.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const auto parts = id.split(QLatin1Char(':'));
        l.nodes.push_back({id.toStdString(), parts[0].toStdString(), parts[1].toStdString(), {}, {}, {}});
    }
    // "source:a>model:m question:q>dashboard:d"
    for (const auto& e : edges.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const auto ends = e.split(QLatin1Char('>'));
        l.edges.push_back({ends[0].toStdString(), ends[1].toStdString()});
    }
    return l;
}

// "id@layer/row" for every node, in the node order.
QString placesOf(const Lineage& l, const LineageLayout& layout) {
    QStringList out;
    for (std::size_t i = 0; i < l.nodes.size(); ++i)
        out << QStringLiteral("%1@%2/%3")
                   .arg(QString::fromStdString(l.nodes[i].id))
                   .arg(layout.places[i].layer)
                   .arg(layout.places[i].row);
    return out.join(QLatin1Char(' '));
}

}  // namespace

class LineageLayoutTest : public QObject {
    Q_OBJECT
private slots:
    void places_data() {
        QTest::addColumn<QString>("nodes");
        QTest::addColumn<QString>("edges");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("layers");
        QTest::addColumn<int>("rows");
        QTest::newRow("nothing") << QString() << QString() << QString() << 0 << 0;
        QTest::newRow("one node") << "source:a" << QString() << "source:a@0/0" << 1 << 1;
        QTest::newRow("chain to a dashboard")
            << "source:a model:m question:q dashboard:d"
            << "source:a>model:m model:m>question:q question:q>dashboard:d"
            << "source:a@0/0 model:m@1/0 question:q@2/0 dashboard:d@3/0" << 4 << 1;
        // x reads b and y reads a: y moves up beside a, so the two edges do not cross.
        QTest::newRow("crossing undone") << "source:a source:b model:x model:y"
                                         << "source:b>model:x source:a>model:y"
                                         << "source:a@0/0 source:b@0/1 model:x@1/1 model:y@1/0" << 2 << 2;
        // q reads s directly and through m1 -> m2: it goes right of its deepest input.
        QTest::newRow("longest path decides the layer")
            << "source:s model:m1 model:m2 question:q"
            << "source:s>model:m1 model:m1>model:m2 source:s>question:q model:m2>question:q"
            << "source:s@0/0 model:m1@1/0 model:m2@2/0 question:q@3/0" << 4 << 1;
        // A question on a source shares the models' layer; the tie keeps models first.
        QTest::newRow("tie keeps kind order") << "source:s model:m question:q"
                                              << "source:s>question:q source:s>model:m"
                                              << "source:s@0/0 model:m@1/0 question:q@1/1" << 2 << 2;
        QTest::newRow("ties by name")
            << "model:b model:a model:c" << QString() << "model:b@0/1 model:a@0/0 model:c@0/2" << 1 << 3;
        QTest::newRow("unknown ends ignored") << "model:m question:q"
                                              << "source:gone>model:m model:m>question:nope"
                                              << "model:m@0/0 question:q@0/1" << 1 << 2;
        // d1 shows q2 only, d2 shows q1 only: the dashboards follow their questions' rows,
        // then the questions follow the dashboards back (no change: already aligned).
        QTest::newRow("dashboards follow their questions")
            << "source:t question:q1 question:q2 dashboard:d1 dashboard:d2"
            << "source:t>question:q1 source:t>question:q2 question:q2>dashboard:d1 question:q1>dashboard:d2"
            << "source:t@0/0 question:q1@1/0 question:q2@1/1 dashboard:d1@2/1 dashboard:d2@2/0" << 3 << 2;
        QTest::newRow("cycle still placed") << "source:s model:a model:b"
                                            << "source:s>model:a model:a>model:b model:b>model:a"
                                            << "source:s@0/0 model:a@1/0 model:b@2/0" << 3 << 1;
    }
    void places() {
        QFETCH(QString, nodes);
        QFETCH(QString, edges);
        QFETCH(QString, expected);
        QFETCH(int, layers);
        QFETCH(int, rows);
        const Lineage l = lineageOf(nodes, edges);
        const LineageLayout layout = layoutLineage(l);
        QCOMPARE(int(layout.places.size()), int(l.nodes.size()));
        QCOMPARE(placesOf(l, layout), expected);
        QCOMPARE(layout.layers, layers);
        QCOMPARE(layout.rows, rows);
    }
};

QTEST_GUILESS_MAIN(LineageLayoutTest)
#include "lineage_layout_test.moc"

#include "tests/support/unprivileged.h"

#include <unistd.h>

#include <QCoreApplication>
#include <QProcess>
#include <QtTest>

namespace deskbase::test {

bool isPrivileged() {
    return ::geteuid() == 0;
}

UnprivilegedRun rerunAsNobody(const char* testClass) {
    UnprivilegedRun run;
    if (!qEnvironmentVariableIsEmpty("DESKBASE_TEST_UNPRIVILEGED")) {
        run.output = QStringLiteral("still root after setpriv");
        return run;
    }
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DESKBASE_TEST_UNPRIVILEGED"), QStringLiteral("1"));
    env.insert(QStringLiteral("TMPDIR"), QStringLiteral("/tmp"));
    env.insert(QStringLiteral("HOME"), QStringLiteral("/tmp"));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    const QString function = QString::fromUtf8(QTest::currentTestFunction());
    child.start(QStringLiteral("setpriv"),
                {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                 QStringLiteral("--clear-groups"), QCoreApplication::applicationFilePath(), function});
    if (!child.waitForFinished(-1)) {
        run.output = child.errorString();
        return run;
    }
    run.output = QString::fromUtf8(child.readAll());
    const QString pass = QStringLiteral("PASS   : %1::%2()").arg(QString::fromUtf8(testClass), function);
    run.passed =
        child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0 && run.output.contains(pass);
    return run;
}

}  // namespace deskbase::test

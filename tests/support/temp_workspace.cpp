#include "tests/support/temp_workspace.h"
#include "tests/support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStringList>
#include <stdexcept>


namespace deskbase::test {

TempWorkspace::TempWorkspace() {
    if (!dir_.isValid()) throw std::runtime_error("cannot create a temporary folder");
}

std::string TempWorkspace::path() const {
    return dir_.path().toStdString();
}

std::string TempWorkspace::file(const std::string& name) const {
    return QDir(dir_.path()).filePath(QString::fromStdString(name)).toStdString();
}

std::string TempWorkspace::write(const std::string& name, const std::string& bytes) const {
    const std::string p = file(name);
    QDir().mkpath(QFileInfo(QString::fromStdString(p)).path());  // "reports/a.json": its folder too
    QFile f(QString::fromStdString(p));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size()))
        throw std::runtime_error("cannot write " + p);
    return p;
}

bool usePrivateRuntimeDir(const TempWorkspace& ws) {
    const QString runtime = QString::fromStdString(ws.file("runtime"));
    if (!QDir().mkpath(runtime) ||
        !QFile::setPermissions(runtime,
                               QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
        return false;
    return qputenv("XDG_RUNTIME_DIR", runtime.toUtf8());
}

ProcessResult runDeskbase(const std::vector<std::string>& args, int timeoutMs) {
    QProcess p;
    QStringList list;
    for (const auto& a : args) list << QString::fromStdString(a);
    p.start(QString::fromStdString(test::deskbaseBinary()), list);
    ProcessResult r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput().toStdString();
    r.err = p.readAllStandardError().toStdString();
    return r;
}

}  // namespace deskbase::test

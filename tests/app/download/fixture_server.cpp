#include "tests/app/download/fixture_server.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QStandardPaths>

#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace cgs::test {

namespace {

QString sourceDir()
{
    const QString root = qEnvironmentVariable("CGS_SOURCE_DIR");
    return root.isEmpty() ? QStringLiteral(".") : root;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        throw std::runtime_error("cannot write " + path.toStdString());
}

QList<QByteArray> demoPhotos(int count)
{
    QStringList files;
    QDirIterator it(sourceDir() + QStringLiteral("/resources/demo/monet2photo/testB"), QDir::Files);
    while (it.hasNext())
        files << it.next();
    files.sort();
    QList<QByteArray> photos;
    for (int i = 0; i < count && i < files.size(); ++i)
        photos << FixtureServer::readFile(files[i]);
    if (photos.size() < count)
        throw std::runtime_error("demo photos missing under " + sourceDir().toStdString());
    return photos;
}

} // namespace

void writeZip(const QString &path, const std::map<std::string, QByteArray> &entries)
{
    int error = 0;
    zip_t *archive = zip_open(path.toLocal8Bit().constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!archive)
        throw std::runtime_error("cannot create zip " + path.toStdString());
    for (const auto &[name, bytes] : entries) {
        if (!name.empty() && name.back() == '/') {
            zip_dir_add(archive, name.c_str(), ZIP_FL_ENC_UTF_8);
            continue;
        }
        // libzip reads the buffer at zip_close: give it a copy it frees.
        void *copy = std::malloc(size_t(bytes.size()) + 1);
        std::memcpy(copy, bytes.constData(), size_t(bytes.size()));
        zip_source_t *source = zip_source_buffer(archive, copy, zip_uint64_t(bytes.size()), 1);
        if (!source || zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0)
            throw std::runtime_error("cannot add " + name + " to " + path.toStdString());
    }
    if (zip_close(archive) != 0)
        throw std::runtime_error("cannot write zip " + path.toStdString());
}

QByteArray FixtureServer::readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray FixtureServer::modelBytes()
{
    return readFile(sourceDir() + QStringLiteral("/tests/fixtures/official/gen9_zip.pth"));
}

FixtureServer::FixtureServer()
{
    // Never through a proxy: the server is on this machine.
    for (const char *name : {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
        qunsetenv(name);
    writeFile(root() + QStringLiteral("/pretrained_models/style_monet.pth"), modelBytes());
    writeFile(root() + QStringLiteral("/pretrained_models/horse2zebra.pth"), QByteArray("not a model\n").repeated(100));
    const QList<QByteArray> photos = demoPhotos(4);
    QDir().mkpath(root() + QStringLiteral("/datasets"));
    writeZip(root() + QStringLiteral("/datasets/horse2zebra.zip"),
             {{"horse2zebra/", {}}, {"horse2zebra/trainA/", {}}, {"horse2zebra/trainA/h1.jpg", photos[0]},
              {"horse2zebra/trainA/h2.jpg", photos[1]}, {"horse2zebra/trainB/z1.jpg", photos[2]},
              {"horse2zebra/trainB/z2.jpg", photos[3]}, {"horse2zebra/testA/t.jpg", photos[0]}});
    writeZip(root() + QStringLiteral("/datasets/monet2photo.zip"), {{"monet2photo/trainA/m.jpg", photos[0]}});
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        throw std::runtime_error("python3 not found (the download tests' HTTP server needs it)");
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(python, {sourceDir() + QStringLiteral("/tests/app/download/fixture_http_server.py"), root(),
                             m_dir.path() + QStringLiteral("/requests.log")});
    if (!m_process.waitForStarted(10000) || !m_process.waitForReadyRead(10000))
        throw std::runtime_error("the fixture HTTP server did not start");
    m_port = m_process.readLine().trimmed().toInt();
    if (m_port <= 0)
        throw std::runtime_error("the fixture HTTP server printed no port");
}

FixtureServer::~FixtureServer()
{
    m_process.kill();
    m_process.waitForFinished(5000);
}

QString FixtureServer::base(const QString &mode) const
{
    return QStringLiteral("http://127.0.0.1:%1/%2").arg(m_port).arg(mode);
}

QStringList FixtureServer::requests() const
{
    return QString::fromUtf8(readFile(m_dir.path() + QStringLiteral("/requests.log"))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace cgs::test

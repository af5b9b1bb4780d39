#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <map>
#include <string>

namespace cgs::test {

// The download tests' local HTTP server (fixture_http_server.py on 127.0.0.1, never the real
// server) over a folder laid out as the authors' server:
//   pretrained_models/style_monet.pth  a real generator (tests/fixtures/official/gen9_zip.pth)
//   pretrained_models/horse2zebra.pth  text, not a generator
//   datasets/horse2zebra.zip           trainA/ and trainB/ with two demo photos each (horse2zebra/...)
//   datasets/monet2photo.zip           trainA/ only
// (apple2orange is missing everywhere: the server answers 404). Also a data folder for the
// client. Throws std::runtime_error when python3 or the script cannot be started.
class FixtureServer {
public:
    FixtureServer();
    ~FixtureServer();

    // "http://127.0.0.1:<port>/<mode>", mode: ok, norange, slow, truncate (see the script).
    QString base(const QString &mode) const;
    QString dataFolder() const { return m_dir.path() + QStringLiteral("/data"); }
    QString root() const { return m_dir.path() + QStringLiteral("/root"); }
    // One line per request so far: "<path> <Range header or ->".
    QStringList requests() const;

    static QByteArray modelBytes();                   // the generator it serves
    static QByteArray readFile(const QString &path);  // "" when missing

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
};

// Writes a zip (libzip) holding `entries` (name -> bytes; a name ending in '/' is a folder).
void writeZip(const QString &path, const std::map<std::string, QByteArray> &entries);

} // namespace cgs::test

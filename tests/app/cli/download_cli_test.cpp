// `cyclegan download` end to end against the local fixture server: the installed path on
// stdout, exit codes and messages for 404, a truncated transfer, a full disk, Ctrl-C, resume.
#include "tests/app/download/fixture_server.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>

#include <gtest/gtest.h>

#include <csignal>

namespace cgs {
namespace {

struct CliRun {
    int code = -1;
    QString out, err;
};

class DownloadCliTest : public ::testing::Test {
protected:
    QStringList args(const QString &kind, const QString &name, const QString &mode) const
    {
        return {QStringLiteral("download"), kind, name, QStringLiteral("--dir"), m_server.dataFolder(),
                QStringLiteral("--base_url"), m_server.base(mode)};
    }
    static CliRun finish(QProcess &process)
    {
        EXPECT_TRUE(process.waitForFinished(120000));
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }
    static CliRun run(const QString &program, const QStringList &arguments)
    {
        QProcess process;
        process.start(program, arguments);
        return finish(process);
    }
    CliRun cli(const QStringList &arguments) const { return run(QStringLiteral(CGS_CLI_PATH), arguments); }
    QString model(const QString &name) const { return m_server.dataFolder() + "/models/" + name + ".pth"; }

    test::FixtureServer m_server;
};

TEST_F(DownloadCliTest, DownloadsAModelAndPrintsItsPath) {
    const CliRun r = cli(args("model", "style_monet", "ok"));
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(r.out.trimmed(), model("style_monet"));
    EXPECT_TRUE(r.err.contains(QString::fromUtf8("photo \u2192 Monet"))) << r.err.toStdString();
    EXPECT_EQ(test::FixtureServer::readFile(model("style_monet")), test::FixtureServer::modelBytes());
    const CliRun listed = cli({"download", "list", "--dir", m_server.dataFolder()});
    ASSERT_EQ(listed.code, 0);
    EXPECT_TRUE(listed.out.contains(QRegularExpression("style_monet +photo \u2192 Monet +downloaded")))
        << listed.out.toStdString();
    // Columns are padded by characters, not UTF-8 bytes: "photo → Cézanne" (2 characters of
    // 2 and 3 bytes) does not shift its row; "downloaded" starts in one column.
    int entries = 0;
    for (const QString &line : listed.out.split(QLatin1Char('\n'))) {
        if (!line.startsWith(QLatin1String("  ")) || line.size() < 28)
            continue;
        ++entries;
        EXPECT_EQ(line.at(26), QLatin1Char(' ')) << line.toStdString();
        EXPECT_NE(line.at(27), QLatin1Char(' ')) << line.toStdString();
        if (line.contains(QLatin1String("downloaded")))
            EXPECT_EQ(line.indexOf(QLatin1String("downloaded")), 62) << line.toStdString();
    }
    EXPECT_GT(entries, 20);
    EXPECT_TRUE(listed.out.contains(QRegularExpression(QString::fromUtf8("\n  style_cezanne {12}photo \u2192 C\u00e9zanne\n"))))
        << listed.out.toStdString();
}

TEST_F(DownloadCliTest, DownloadsAndUnpacksADataset) {
    const CliRun r = cli(args("dataset", "horse2zebra", "ok"));
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(r.out.trimmed(), m_server.dataFolder() + "/datasets/horse2zebra");
    EXPECT_TRUE(QFileInfo::exists(r.out.trimmed() + "/trainB/z2.jpg"));
}

TEST_F(DownloadCliTest, UnknownNameAnd404AreClearErrors) {
    const CliRun unknown = cli(args("model", "horse2cat", "ok"));
    EXPECT_EQ(unknown.code, 1);
    EXPECT_TRUE(unknown.err.contains("'horse2cat' is not an official model")) << unknown.err.toStdString();
    const CliRun missing = cli(args("model", "apple2orange", "ok"));
    EXPECT_EQ(missing.code, 7);
    EXPECT_TRUE(missing.err.contains("error: ") && missing.err.contains("404")) << missing.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(model("apple2orange")));
}

TEST_F(DownloadCliTest, TruncatedDownloadFailsThenResumes) {
    const CliRun cut = cli(args("model", "style_monet", "truncate"));
    EXPECT_EQ(cut.code, 7);
    EXPECT_TRUE(cut.err.contains("stopped after")) << cut.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(model("style_monet")));
    const CliRun resumed = cli(args("model", "style_monet", "ok"));
    ASSERT_EQ(resumed.code, 0) << resumed.err.toStdString();
    EXPECT_TRUE(resumed.err.contains("(resumed)")) << resumed.err.toStdString();
    EXPECT_TRUE(m_server.requests().last().contains("bytes=")) << m_server.requests().last().toStdString();
    EXPECT_EQ(test::FixtureServer::readFile(model("style_monet")), test::FixtureServer::modelBytes());
}

TEST_F(DownloadCliTest, InterruptStopsWithCode130AndKeepsThePartFile) {
    QProcess process;
    process.start(QStringLiteral(CGS_CLI_PATH), args("model", "style_monet", "slow"));
    ASSERT_TRUE(process.waitForStarted());
    const QString part = model("style_monet") + ".part";
    QElapsedTimer clock;
    clock.start();
    while (QFileInfo(part).size() == 0 && clock.elapsed() < 30000)
        QThread::msleep(20);
    ASSERT_GT(QFileInfo(part).size(), 0);
    ::kill(pid_t(process.processId()), SIGINT);
    const CliRun r = finish(process);
    EXPECT_EQ(r.code, 130) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("Stopped")) << r.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(model("style_monet")));
    EXPECT_TRUE(QFileInfo::exists(part));
}

// A full disk, simulated with the file size limit of the child (`ulimit -f 16`: 16 KiB; writes
// past it fail with EFBIG as they fail with ENOSPC on a full disk; SIGXFSZ ignored).
TEST_F(DownloadCliTest, FullDiskExitsWithCode7AndLeavesNothing) {
    const QString command = QStringLiteral("trap '' XFSZ; ulimit -f 16; exec \"$0\" \"$@\"");
    const CliRun r = run(QStringLiteral("/bin/bash"),
                         QStringList{"-c", command, QStringLiteral(CGS_CLI_PATH)} + args("model", "style_monet", "ok"));
    EXPECT_EQ(r.code, 7) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("disk is full")) << r.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(model("style_monet")));
    EXPECT_FALSE(QFileInfo::exists(model("style_monet") + ".part"));
}

} // namespace
} // namespace cgs

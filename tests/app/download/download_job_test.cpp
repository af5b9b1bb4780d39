// DownloadJob end to end against the local fixture server: success, resume, a server without
// ranges, cancel, 404, a truncated transfer, a full disk, a file that is not a model, datasets.
#include "app/download/download_job.h"

#include "app/download/download_catalog.h"
#include "app/download/zip_unpacker.h"
#include "core/engine/error.h"
#include "tests/app/download/fixture_server.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

#include <gtest/gtest.h>

#include <csignal>
#include <sys/resource.h>

namespace cgs::download {
namespace {

class DownloadJobTest : public ::testing::Test {
protected:
    // Runs a download of (kind, name) from `mode` to the end (60 s at most).
    DownloadOutcome run(ItemKind kind, const QString &name, const QString &mode,
                        const std::function<void(DownloadJob &)> &onProgress = {})
    {
        DownloadJob job;
        DownloadOutcome outcome;
        bool done = false;
        QEventLoop loop;
        QObject::connect(&job, &DownloadJob::finished, &loop, [&](const DownloadOutcome &o) {
            outcome = o;
            done = true;
            loop.quit();
        });
        QObject::connect(&job, &DownloadJob::progressed, &job, [&](qint64 received, qint64, double) {
            m_progressed = std::max(m_progressed, received);
            if (onProgress)
                onProgress(job);
        });
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        job.start(*findEntry(kind, name), m_server.base(mode), m_server.dataFolder());
        if (!done)
            loop.exec();
        EXPECT_TRUE(done) << "the download did not finish";
        return outcome;
    }
    QString model(const QString &name) const { return m_server.dataFolder() + "/models/" + name + ".pth"; }

    test::FixtureServer m_server;
    qint64 m_progressed = 0;
};

TEST_F(DownloadJobTest, InstallsAVerifiedModel) {
    const DownloadOutcome o = run(ItemKind::Model, "style_monet", "ok");
    ASSERT_EQ(o.status, DownloadStatus::Installed) << o.message.toStdString();
    EXPECT_EQ(o.path, model("style_monet"));
    EXPECT_EQ(test::FixtureServer::readFile(o.path), test::FixtureServer::modelBytes());
    EXPECT_FALSE(QFileInfo::exists(o.path + ".part"));
    EXPECT_EQ(m_progressed, test::FixtureServer::modelBytes().size());
    EXPECT_TRUE(isInstalled(*findEntry(ItemKind::Model, "style_monet"), m_server.dataFolder()));
    // A second start downloads nothing.
    EXPECT_EQ(run(ItemKind::Model, "style_monet", "ok").status, DownloadStatus::AlreadyInstalled);
    EXPECT_EQ(m_server.requests().size(), 1);
}

TEST_F(DownloadJobTest, ResumesAPartFileWithARangeRequest) {
    const QByteArray bytes = test::FixtureServer::modelBytes();
    QDir().mkpath(m_server.dataFolder() + "/models");
    QFile part(model("style_monet") + ".part");
    ASSERT_TRUE(part.open(QIODevice::WriteOnly));
    part.write(bytes.left(20000));
    part.close();
    const DownloadOutcome o = run(ItemKind::Model, "style_monet", "ok");
    ASSERT_EQ(o.status, DownloadStatus::Installed) << o.message.toStdString();
    EXPECT_TRUE(o.resumed);
    EXPECT_EQ(test::FixtureServer::readFile(o.path), bytes);
    ASSERT_EQ(m_server.requests().size(), 1);
    EXPECT_TRUE(m_server.requests()[0].endsWith("bytes=20000-")) << m_server.requests()[0].toStdString();
}

TEST_F(DownloadJobTest, StartsOverWhenTheServerIgnoresRanges) {
    const QByteArray bytes = test::FixtureServer::modelBytes();
    QDir().mkpath(m_server.dataFolder() + "/models");
    QFile part(model("style_monet") + ".part");
    ASSERT_TRUE(part.open(QIODevice::WriteOnly));
    part.write(QByteArray(30000, 'x')); // not even a prefix: a 200 answer must replace it
    part.close();
    const DownloadOutcome o = run(ItemKind::Model, "style_monet", "norange");
    ASSERT_EQ(o.status, DownloadStatus::Installed) << o.message.toStdString();
    EXPECT_FALSE(o.resumed);
    EXPECT_EQ(test::FixtureServer::readFile(o.path), bytes);
}

TEST_F(DownloadJobTest, CancelKeepsThePartFileForAResume) {
    const DownloadOutcome o = run(ItemKind::Model, "style_monet", "slow", [](DownloadJob &job) {
        QMetaObject::invokeMethod(&job, &DownloadJob::cancel, Qt::QueuedConnection);
    });
    ASSERT_EQ(o.status, DownloadStatus::Cancelled) << o.message.toStdString();
    EXPECT_FALSE(QFileInfo::exists(o.path));
    const qint64 kept = QFileInfo(o.path + ".part").size();
    EXPECT_GT(kept, 0);
    EXPECT_LT(kept, test::FixtureServer::modelBytes().size());
    // The next start resumes from there and ends with the whole file.
    const DownloadOutcome again = run(ItemKind::Model, "style_monet", "ok");
    ASSERT_EQ(again.status, DownloadStatus::Installed) << again.message.toStdString();
    EXPECT_TRUE(again.resumed);
    EXPECT_EQ(test::FixtureServer::readFile(again.path), test::FixtureServer::modelBytes());
}

TEST_F(DownloadJobTest, NotFoundNamesTheUrl) {
    const DownloadOutcome o = run(ItemKind::Model, "apple2orange", "ok");
    ASSERT_EQ(o.status, DownloadStatus::NotFound);
    EXPECT_TRUE(o.message.contains("404")) << o.message.toStdString();
    EXPECT_TRUE(o.message.contains("pretrained_models/apple2orange.pth")) << o.message.toStdString();
    EXPECT_FALSE(QFileInfo::exists(o.path));
    EXPECT_FALSE(QFileInfo::exists(o.path + ".part"));
}

TEST_F(DownloadJobTest, NoServerIsANetworkError) {
    DownloadJob job;
    DownloadOutcome outcome;
    QEventLoop loop;
    QObject::connect(&job, &DownloadJob::finished, &loop, [&](const DownloadOutcome &o) {
        outcome = o;
        loop.quit();
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    job.start(*findEntry(ItemKind::Model, "style_monet"), "http://127.0.0.1:1", m_server.dataFolder());
    loop.exec();
    ASSERT_EQ(outcome.status, DownloadStatus::NetworkError) << outcome.message.toStdString();
    EXPECT_TRUE(outcome.message.startsWith("Cannot download http://127.0.0.1:1/pretrained_models/style_monet.pth: "))
        << outcome.message.toStdString();
    EXPECT_FALSE(QFileInfo::exists(outcome.path));
}

TEST_F(DownloadJobTest, TruncatedDownloadLeavesNoFinalFileAndResumes) {
    const DownloadOutcome o = run(ItemKind::Model, "style_monet", "truncate");
    ASSERT_EQ(o.status, DownloadStatus::Truncated) << o.message.toStdString();
    EXPECT_TRUE(o.message.contains("stopped after")) << o.message.toStdString();
    EXPECT_TRUE(o.message.contains(QString::number(test::FixtureServer::modelBytes().size())));
    EXPECT_FALSE(QFileInfo::exists(o.path));
    EXPECT_EQ(QFileInfo(o.path + ".part").size(), test::FixtureServer::modelBytes().size() / 2);
    const DownloadOutcome again = run(ItemKind::Model, "style_monet", "ok");
    ASSERT_EQ(again.status, DownloadStatus::Installed) << again.message.toStdString();
    EXPECT_TRUE(again.resumed);
    EXPECT_EQ(test::FixtureServer::readFile(again.path), test::FixtureServer::modelBytes());
}

// A full disk, simulated with the file size limit (RLIMIT_FSIZE: writes past it fail with
// EFBIG, as they fail with ENOSPC on a full disk; no tmpfs without root).
TEST_F(DownloadJobTest, FullDiskSaysSoAndLeavesNothing) {
    rlimit before{};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &before), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = before;
    limited.rlim_cur = 16384;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &limited), 0);
    const DownloadOutcome o = run(ItemKind::Model, "style_monet", "ok");
    setrlimit(RLIMIT_FSIZE, &before);
    std::signal(SIGXFSZ, oldHandler);
    ASSERT_EQ(o.status, DownloadStatus::DiskFull) << o.message.toStdString();
    EXPECT_TRUE(o.message.contains("disk is full")) << o.message.toStdString();
    EXPECT_TRUE(o.message.contains("style_monet.pth.part")) << o.message.toStdString();
    EXPECT_FALSE(QFileInfo::exists(o.path));
    EXPECT_FALSE(QFileInfo::exists(o.path + ".part"));
}

TEST_F(DownloadJobTest, AFileThatIsNotAGeneratorIsRemoved) {
    const DownloadOutcome o = run(ItemKind::Model, "horse2zebra", "ok");
    ASSERT_EQ(o.status, DownloadStatus::NotAModel) << o.message.toStdString();
    EXPECT_TRUE(o.message.contains("not a CycleGAN generator")) << o.message.toStdString();
    EXPECT_FALSE(QFileInfo::exists(o.path));
    EXPECT_FALSE(QFileInfo::exists(o.path + ".part"));
}

TEST_F(DownloadJobTest, InstallsADatasetWithBothDomains) {
    const DownloadOutcome o = run(ItemKind::Dataset, "horse2zebra", "ok");
    ASSERT_EQ(o.status, DownloadStatus::Installed) << o.message.toStdString();
    EXPECT_EQ(o.path, m_server.dataFolder() + "/datasets/horse2zebra");
    EXPECT_EQ(QDir(o.path + "/trainA").entryList(QDir::Files).size(), 2);
    EXPECT_EQ(QDir(o.path + "/trainB").entryList(QDir::Files).size(), 2);
    EXPECT_TRUE(QFileInfo::exists(o.path + "/testA/t.jpg"));
    EXPECT_FALSE(QFileInfo::exists(o.path + ".part"));
    EXPECT_EQ(QDir(m_server.dataFolder() + "/datasets").entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
              QStringList{"horse2zebra"});
}

TEST_F(DownloadJobTest, ADatasetWithoutTrainBIsRefused) {
    const DownloadOutcome o = run(ItemKind::Dataset, "monet2photo", "ok");
    ASSERT_EQ(o.status, DownloadStatus::NotADataset) << o.message.toStdString();
    EXPECT_TRUE(o.message.contains("trainB")) << o.message.toStdString();
    EXPECT_EQ(QDir(m_server.dataFolder() + "/datasets").entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
              QStringList{});
}

TEST(ZipUnpacker, RefusesEntriesOutsideTheFolder) {
    QTemporaryDir dir;
    test::writeZip(dir.path() + "/evil.zip", {{"../evil.txt", QByteArray("x")}});
    try {
        unpackZip((dir.path() + "/evil.zip").toStdString(), (dir.path() + "/out").toStdString());
        FAIL() << "no error";
    } catch (const DatasetError &e) {
        EXPECT_NE(std::string(e.what()).find("outside its folder"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(QFileInfo::exists(dir.path() + "/evil.txt"));
}

TEST(ZipUnpacker, ADamagedZipNamesTheFile) {
    QTemporaryDir dir;
    QFile file(dir.path() + "/bad.zip");
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("PK\x03\x04 this is not really a zip");
    file.close();
    try {
        unpackZip(file.fileName().toStdString(), (dir.path() + "/out").toStdString());
        FAIL() << "no error";
    } catch (const DatasetError &e) {
        EXPECT_NE(std::string(e.what()).find("bad.zip"), std::string::npos) << e.what();
    }
}

TEST(DownloadCatalog, ListsTheOfficialNamesAndBuildsTheirUrls) {
    int models = 0, datasets = 0;
    for (const CatalogEntry &e : catalog())
        (e.kind == ItemKind::Model ? models : datasets)++;
    EXPECT_EQ(models, 18);
    EXPECT_EQ(datasets, 10);
    const CatalogEntry *monet = findEntry(ItemKind::Model, "style_monet");
    ASSERT_NE(monet, nullptr);
    EXPECT_EQ(monet->description, QString::fromUtf8("photo \u2192 Monet"));
    EXPECT_EQ(entryUrl(*monet, kOfficialBaseUrl).toString(),
              "http://efrosgans.eecs.berkeley.edu/cyclegan/pretrained_models/style_monet.pth");
    EXPECT_EQ(entryUrl(*findEntry(ItemKind::Dataset, "maps"), "http://mirror/x").toString(),
              "http://mirror/x/datasets/maps.zip");
    EXPECT_EQ(findEntry(ItemKind::Dataset, "style_monet"), nullptr);
}

TEST(DownloadCatalog, TheEnvironmentChoosesTheBaseUrlAndTheDataFolder) {
    qputenv(kBaseUrlVariable, "http://127.0.0.1:9/mirror/");
    EXPECT_EQ(baseUrl(), "http://127.0.0.1:9/mirror");
    qunsetenv(kBaseUrlVariable);
    QTemporaryDir dir;
    qputenv(kDataFolderVariable, dir.path().toUtf8());
    EXPECT_EQ(dataFolder(), QDir::cleanPath(dir.path()));
    qunsetenv(kDataFolderVariable);
    const CatalogEntry *monet = findEntry(ItemKind::Model, "style_monet");
    EXPECT_EQ(installedModelAt(installedPath(*monet, dir.path()), dir.path()), monet);
    EXPECT_EQ(installedModelAt(dir.path() + "/models/other.pth", dir.path()), nullptr);
}

} // namespace
} // namespace cgs::download

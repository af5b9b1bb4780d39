#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace cgs::download {

// The official CycleGAN pretrained generators and datasets (the authors' server,
// http://efrosgans.eecs.berkeley.edu/cyclegan/), where they are fetched from and where they
// are kept on this machine. Usage:
//
//   const auto *entry = cgs::download::findEntry(ItemKind::Model, "style_monet");
//   QUrl url = cgs::download::entryUrl(*entry, cgs::download::baseUrl());
//   QString file = cgs::download::installedPath(*entry, cgs::download::dataFolder());
//
// Thread safety: the catalog is constant; baseUrl() and dataFolder() read the environment and
// QSettings (call them from the thread that owns the QCoreApplication).

enum class ItemKind { Model, Dataset };

struct CatalogEntry {
    ItemKind kind = ItemKind::Model;
    QString name;        // the official name: "style_monet", "horse2zebra"
    QString description; // what it does (model) or holds (dataset), in English: "photo → Monet"
    QString domainA;     // dataset: the trainA domain ("horse"); "" when not known
    QString domainB;     // dataset: the trainB domain ("zebra"); "" when not known
};

// Every official model (18) and dataset (10), models first, in the authors' order.
const QList<CatalogEntry> &catalog();
// The entry of that kind and name, or nullptr.
const CatalogEntry *findEntry(ItemKind kind, const QString &name);
// "model" / "dataset"
QString kindName(ItemKind kind);

// The official server's base URL (the folder that holds pretrained_models/ and datasets/).
inline constexpr const char *kOfficialBaseUrl = "http://efrosgans.eecs.berkeley.edu/cyclegan";
// The environment variable that points downloads elsewhere (a mirror, a test server).
inline constexpr const char *kBaseUrlVariable = "CGS_DOWNLOAD_BASE_URL";
// The QSettings key of the studio's base URL setting.
inline constexpr const char *kBaseUrlSetting = "downloads/baseUrl";
// The environment variable that chooses the data folder.
inline constexpr const char *kDataFolderVariable = "CGS_DATA_DIR";

// $CGS_DOWNLOAD_BASE_URL when set, else the QSettings value kBaseUrlSetting when set, else
// kOfficialBaseUrl. Never ends with '/'.
QString baseUrl();
// <base>/pretrained_models/<name>.pth for a model, <base>/datasets/<name>.zip for a dataset.
QUrl entryUrl(const CatalogEntry &entry, const QString &base);

// $CGS_DATA_DIR when set, else <GenericDataLocation>/cyclegan-studio (~/.local/share/...):
// shared by the CLI and the studio. Not created here.
QString dataFolder();
// <data>/models/<name>.pth for a model, <data>/datasets/<name> (a folder with trainA/, trainB/)
// for a dataset: where a verified download is installed.
QString installedPath(const CatalogEntry &entry, const QString &dataFolder);
// installedPath() exists (a model file, or a dataset folder holding trainA and trainB).
bool isInstalled(const CatalogEntry &entry, const QString &dataFolder);

// The catalog entry of an installed model file (`path` is installedPath() of a model under
// `dataFolder`), or nullptr: how the Translate page names downloaded models.
const CatalogEntry *installedModelAt(const QString &path, const QString &dataFolder);

} // namespace cgs::download

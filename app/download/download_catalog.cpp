#include "app/download/download_catalog.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace cgs::download {

namespace {

CatalogEntry model(const char *name, const QString &description)
{
    return {ItemKind::Model, QString::fromLatin1(name), description, {}, {}};
}

CatalogEntry dataset(const char *name, const QString &a, const QString &b)
{
    const QString description = a.isEmpty() ? QString() : a + QStringLiteral(" \u2194 ") + b;
    return {ItemKind::Dataset, QString::fromLatin1(name), description, a, b};
}

QString arrow(const char *from, const char *to)
{
    return QString::fromUtf8(from) + QStringLiteral(" \u2192 ") + QString::fromUtf8(to);
}

} // namespace

const QList<CatalogEntry> &catalog()
{
    // Names and directions as the authors' download_cyclegan_model.sh and
    // download_cyclegan_dataset.sh list them.
    static const QList<CatalogEntry> entries = {
        model("apple2orange", arrow("apple", "orange")),
        model("orange2apple", arrow("orange", "apple")),
        model("summer2winter_yosemite", arrow("summer", "winter (Yosemite)")),
        model("winter2summer_yosemite", arrow("winter", "summer (Yosemite)")),
        model("horse2zebra", arrow("horse", "zebra")),
        model("zebra2horse", arrow("zebra", "horse")),
        model("monet2photo", arrow("Monet", "photo")),
        model("style_monet", arrow("photo", "Monet")),
        model("style_cezanne", arrow("photo", "C\u00e9zanne")),
        model("style_ukiyoe", arrow("photo", "Ukiyo-e")),
        model("style_vangogh", arrow("photo", "Van Gogh")),
        model("sat2map", arrow("aerial photo", "map")),
        model("map2sat", arrow("map", "aerial photo")),
        model("cityscapes_photo2label", arrow("street photo", "label map (Cityscapes)")),
        model("cityscapes_label2photo", arrow("label map", "street photo (Cityscapes)")),
        model("facades_photo2label", arrow("facade photo", "label map")),
        model("facades_label2photo", arrow("label map", "facade photo")),
        model("iphone2dslr_flower", arrow("iPhone photo", "DSLR photo (flowers)")),
        dataset("apple2orange", QStringLiteral("apple"), QStringLiteral("orange")),
        dataset("summer2winter_yosemite", QStringLiteral("summer"), QStringLiteral("winter")),
        dataset("horse2zebra", QStringLiteral("horse"), QStringLiteral("zebra")),
        dataset("monet2photo", QStringLiteral("Monet"), QStringLiteral("photo")),
        dataset("cezanne2photo", QStringLiteral("C\u00e9zanne"), QStringLiteral("photo")),
        dataset("ukiyoe2photo", QStringLiteral("Ukiyo-e"), QStringLiteral("photo")),
        dataset("vangogh2photo", QStringLiteral("Van Gogh"), QStringLiteral("photo")),
        dataset("maps", QStringLiteral("aerial photo"), QStringLiteral("map")),
        dataset("facades", {}, {}),
        dataset("iphone2dslr_flower", QStringLiteral("iPhone photo"), QStringLiteral("DSLR photo")),
    };
    return entries;
}

const CatalogEntry *findEntry(ItemKind kind, const QString &name)
{
    for (const CatalogEntry &entry : catalog())
        if (entry.kind == kind && entry.name == name)
            return &entry;
    return nullptr;
}

QString kindName(ItemKind kind)
{
    return kind == ItemKind::Model ? QStringLiteral("model") : QStringLiteral("dataset");
}

QString baseUrl()
{
    QString base = qEnvironmentVariable(kBaseUrlVariable);
    if (base.isEmpty())
        base = QSettings().value(QLatin1String(kBaseUrlSetting)).toString();
    if (base.isEmpty())
        base = QString::fromLatin1(kOfficialBaseUrl);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base;
}

QUrl entryUrl(const CatalogEntry &entry, const QString &base)
{
    const QString path = entry.kind == ItemKind::Model
                             ? QStringLiteral("/pretrained_models/%1.pth").arg(entry.name)
                             : QStringLiteral("/datasets/%1.zip").arg(entry.name);
    return QUrl(base + path);
}

QString dataFolder()
{
    const QString fromEnvironment = qEnvironmentVariable(kDataFolderVariable);
    if (!fromEnvironment.isEmpty())
        return QDir::cleanPath(QFileInfo(fromEnvironment).absoluteFilePath());
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/cyclegan-studio");
}

QString installedPath(const CatalogEntry &entry, const QString &dataFolder)
{
    return entry.kind == ItemKind::Model
               ? dataFolder + QStringLiteral("/models/") + entry.name + QStringLiteral(".pth")
               : dataFolder + QStringLiteral("/datasets/") + entry.name;
}

bool isInstalled(const CatalogEntry &entry, const QString &dataFolder)
{
    const QString path = installedPath(entry, dataFolder);
    if (entry.kind == ItemKind::Model)
        return QFileInfo(path).isFile();
    const QDir dir(path);
    return dir.exists(QStringLiteral("trainA")) && dir.exists(QStringLiteral("trainB"));
}

const CatalogEntry *installedModelAt(const QString &path, const QString &dataFolder)
{
    const QString cleaned = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    for (const CatalogEntry &entry : catalog()) {
        if (entry.kind != ItemKind::Model)
            continue;
        const QString installed = QDir::cleanPath(QFileInfo(installedPath(entry, dataFolder)).absoluteFilePath());
        if (installed == cleaned)
            return &entry;
    }
    return nullptr;
}

} // namespace cgs::download

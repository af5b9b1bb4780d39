#pragma once

#include "core/engine/translate/translator.h"

#include <QImage>
#include <QMetaType>
#include <QObject>
#include <QThreadPool>

#include <QStringList>

#include <memory>

namespace cgs::ui {

// The outcome of one translation job: the input as decoded, the output at the same size, or an
// error (summary-ready core message).
struct TranslationResult {
    int id = 0;
    QString sourcePath; // the file it came from ("" for a pasted image)
    QImage input;
    QImage output;
    QString error;
    QString modelDescription;
    QStringList warnings; // the model load's (ModelInfo::warnings): a damaged file replaced...
    double seconds = 0;
    bool ok() const { return error.isEmpty(); }
};

// Translates images off the GUI thread (QtConcurrent on a private one-thread pool, so jobs run
// in submission order and one cgs::Translator is reused while the model and its files on disk
// stay the same: a checkpoint rewritten by a training is loaded again).
// Results arrive on the GUI thread through `translated`. The destructor drops queued jobs and
// waits for the running one.
class TranslationService : public QObject {
    Q_OBJECT
public:
    explicit TranslationService(QObject *parent = nullptr);
    ~TranslationService() override;

    // Decodes `path` (any format core/imageio reads) and translates it. Returns the job id.
    int translateFile(const QString &path, const cgs::TranslatorOptions &options);
    // Translates an image already in memory (pasted or shown).
    int translateImage(const QImage &image, const cgs::TranslatorOptions &options,
                       const QString &sourcePath = {});
    int pendingJobs() const { return m_pending; }

signals:
    void translated(const cgs::ui::TranslationResult &result);
    void busyChanged(bool busy);

private:
    struct Cache;
    int submit(const QString &path, const QImage &image, const cgs::TranslatorOptions &options);

    QThreadPool m_pool;
    std::shared_ptr<Cache> m_cache;
    int m_nextId = 1;
    int m_pending = 0;
};

} // namespace cgs::ui

Q_DECLARE_METATYPE(cgs::ui::TranslationResult)

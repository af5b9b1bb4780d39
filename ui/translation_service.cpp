#include "ui/translation_service.h"

#include "core/imageio/image_codec.h"
#include "ui/widgets/image_convert.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent>

#include <mutex>

namespace cgs::ui {

struct TranslationService::Cache {
    std::mutex mutex;
    std::string key;
    std::unique_ptr<cgs::Translator> translator;

    cgs::Translator &get(const cgs::TranslatorOptions &o)
    {
        const std::string wanted = o.model + '\n' + std::to_string(static_cast<int>(o.direction)) +
                                   '\n' + o.epoch + '\n' + o.device + '\n' + cgs::modelStamp(o);
        if (!translator || key != wanted) {
            translator.reset();
            translator = std::make_unique<cgs::Translator>(o);
            key = wanted;
        }
        return *translator;
    }
};

TranslationService::TranslationService(QObject *parent)
    : QObject(parent), m_cache(std::make_shared<Cache>())
{
    m_pool.setMaxThreadCount(1);
}

TranslationService::~TranslationService()
{
    m_pool.clear();
    m_pool.waitForDone();
}

int TranslationService::translateFile(const QString &path, const cgs::TranslatorOptions &options)
{
    return submit(path, QImage(), options);
}

int TranslationService::translateImage(const QImage &image, const cgs::TranslatorOptions &options,
                                       const QString &sourcePath)
{
    return submit(sourcePath, image.isNull() ? QImage(1, 1, QImage::Format_RGB888) : image,
                  options);
}

int TranslationService::submit(const QString &path, const QImage &image,
                               const cgs::TranslatorOptions &options)
{
    const int id = m_nextId++;
    std::shared_ptr<Cache> cache = m_cache;
    auto job = [id, path, image, options, cache]() {
        TranslationResult result;
        result.id = id;
        result.sourcePath = path;
        QElapsedTimer timer;
        timer.start();
        // Boundary of a pool thread: every failure becomes the result's error.
        try {
            cgs::Image input = image.isNull() ? cgs::readImage(path.toStdString(),
                                                               cgs::ReadOptions{cgs::Alpha::Keep})
                                              : fromQImage(image);
            result.input = toQImage(input);
            std::lock_guard<std::mutex> lock(cache->mutex);
            if (options.model.empty())
                throw std::runtime_error(
                    QObject::tr("No model chosen: train one or open one first.").toStdString());
            cgs::Translator &translator = cache->get(options);
            result.output = toQImage(translator.translate(input));
            result.modelDescription = QString::fromStdString(translator.info().source);
            for (const auto &warning : translator.info().warnings)
                result.warnings << QString::fromStdString(warning);
        } catch (const std::exception &e) {
            result.error = QString::fromUtf8(e.what());
        } catch (...) {
            result.error = QObject::tr("unknown error");
        }
        result.seconds = timer.elapsed() / 1000.0;
        return result;
    };
    auto *watcher = new QFutureWatcher<TranslationResult>(this);
    connect(watcher, &QFutureWatcher<TranslationResult>::finished, this, [this, watcher] {
        --m_pending;
        emit translated(watcher->result());
        if (m_pending == 0)
            emit busyChanged(false);
        watcher->deleteLater();
    });
    if (m_pending++ == 0)
        emit busyChanged(true);
    watcher->setFuture(QtConcurrent::run(&m_pool, job));
    return id;
}

} // namespace cgs::ui

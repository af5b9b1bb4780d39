#include "ui/compare/evaluation_runner.h"

#include "core/engine/error.h"
#include "core/engine/metrics/inception_weights.h"
#include "core/engine/metrics/metrics_log.h"
#include "core/imageio/checkpoint_evaluator.h"

#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent>

namespace cgs::ui {

EvaluationRunner::EvaluationRunner(QObject *parent)
    : QObject(parent), m_stop(std::make_shared<std::atomic<bool>>(false))
{
    connect(&m_watcher, &QFutureWatcher<EvaluationOutcome>::finished, this,
            [this] { emit finished(m_watcher.result()); });
}

EvaluationRunner::~EvaluationRunner()
{
    m_watcher.disconnect(this);
    *m_stop = true;
    m_watcher.waitForFinished();
}

bool EvaluationRunner::isRunning() const { return m_watcher.isRunning(); }

void EvaluationRunner::cancel() { *m_stop = true; }

void EvaluationRunner::start(const QList<EvaluationItem> &items, const QString &testA,
                             const QString &testB, const QString &inceptionWeights)
{
    if (isRunning())
        return;
    m_stop = std::make_shared<std::atomic<bool>>(false);
    QPointer<EvaluationRunner> self(this);
    auto stop = m_stop;
    m_watcher.setFuture(QtConcurrent::run([=]() {
        EvaluationOutcome outcome;
        cgs::EvalOptions base;
        base.testA = testA.toStdString();
        base.testB = testB.toStdString();
        base.inceptionWeights = inceptionWeights.toStdString();
        try {
            cgs::resolveInceptionWeights(base.inceptionWeights);
        } catch (const std::exception &e) {
            base.metrics = cgs::EvalMetrics{false, false, true};
            base.inceptionWeights.clear();
            outcome.warning = QString::fromUtf8(e.what());
        }
        for (const EvaluationItem &item : items) {
            cgs::EvalOptions o = base;
            o.model = item.model.toStdString();
            o.epoch = item.epoch.isEmpty() ? "all" : item.epoch.toStdString();
            // Boundary of a pool thread: one failing checkpoint is reported, the others run.
            try {
                cgs::CheckpointEvaluator evaluator(o);
                const cgs::MetricsLog log(evaluator.runDir());
                const cgs::EvalSummary s = evaluator.run(
                    *stop,
                    [&](const cgs::EvalProgress &p) {
                        QMetaObject::invokeMethod(self, [self, p] {
                            if (self)
                                emit self->progressed(QString::fromStdString(p.stage), p.done, p.total);
                        }, Qt::QueuedConnection);
                    },
                    [&](const std::vector<cgs::MetricsRow> &rows) { log.append(rows); });
                outcome.skippedImages = static_cast<int>(s.unreadable.size());
                const QString runDir = QString::fromStdString(evaluator.runDir());
                if (!outcome.runDirs.contains(runDir))
                    outcome.runDirs << runDir;
            } catch (const cgs::Cancelled &) {
                outcome.cancelled = true;
                break;
            } catch (const std::exception &e) {
                outcome.errors << QStringLiteral("%1: %2").arg(item.model, QString::fromUtf8(e.what()));
            }
        }
        return outcome;
    }));
}

} // namespace cgs::ui

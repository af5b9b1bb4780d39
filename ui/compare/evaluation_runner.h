#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace cgs::ui {

// One checkpoint to evaluate: a model path as the Compare page holds it (a checkpoint folder, a
// run folder or an official run folder) and its tag (empty: the folder itself / all).
struct EvaluationItem {
    QString model;
    QString epoch;
};

struct EvaluationOutcome {
    QStringList runDirs;  // whose metrics.csv received rows
    QStringList errors;   // "<model>: <cause>" of items that failed
    QString warning;      // e.g. FID/KID skipped: where to get the Inception weights
    int skippedImages = 0;
    bool cancelled = false;
};

// Runs CheckpointEvaluator (core/imageio/checkpoint_evaluator.h) for a list of checkpoints off
// the GUI thread (QtConcurrent) and appends their rows to each run's metrics.csv. Without the
// Inception weights (settings "metrics/inceptionWeights", $CGS_INCEPTION_WEIGHTS, the default
// places) it computes SWD only and says where to get the weights. Signals are delivered on the
// owner's thread. The destructor cancels and waits.
class EvaluationRunner : public QObject {
    Q_OBJECT
public:
    explicit EvaluationRunner(QObject *parent = nullptr);
    ~EvaluationRunner() override;

    bool isRunning() const;
    // Starts unless running; testA/testB are the real test folders.
    void start(const QList<EvaluationItem> &items, const QString &testA, const QString &testB,
               const QString &inceptionWeights);
    void cancel();

signals:
    void progressed(const QString &stage, qint64 done, qint64 total);
    void finished(const cgs::ui::EvaluationOutcome &outcome);

private:
    QFutureWatcher<EvaluationOutcome> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_stop;
};

} // namespace cgs::ui

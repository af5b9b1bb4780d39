#include "tests/ui/ui_test_support.h"

#include "core/engine/train/train_control.h"
#include "core/engine/train/trainer.h"
#include "core/imageio/folder_source.h"
#include "core/imageio/png_writer.h"
#include "ui/demo_locator.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QThread>

#include <gtest/gtest.h>

namespace cgs::ui::test {

QString demoDataroot()
{
    const QString root = DemoLocator::demoDataroot();
    EXPECT_FALSE(root.isEmpty()) << "resources/demo/monet2photo not found";
    return root;
}

cgs::TrainOptions tinyOptions(const QString &runsDir, const QString &name, int epochs,
                              int imagesPerEpoch)
{
    cgs::TrainOptions o;
    o.dataroot = demoDataroot().toStdString();
    o.checkpointsDir = runsDir.toStdString();
    o.name = name.toStdString();
    o.netG = "resnet_6blocks";
    o.ngf = 4;
    o.ndf = 4;
    o.loadSize = 36;
    o.cropSize = 32;
    o.nEpochs = epochs;
    o.nEpochsDecay = 0;
    o.maxDatasetSize = imagesPerEpoch;
    o.displayFreq = 4;
    o.printFreq = 1000;
    o.saveEpochFreq = 1;
    o.numThreads = 1;
    o.cpuThreads = 1;
    o.device = "cpu";
    o.seed = 7;
    return o;
}

QString trainTinyModel(const QString &runsDir, const QString &name)
{
    const cgs::TrainOptions o = tinyOptions(runsDir, name, 1, 2);
    cgs::Trainer trainer(o, std::make_unique<cgs::FolderSource>(o),
                         std::make_shared<cgs::PngWriter>());
    cgs::TrainingObserver quiet;
    cgs::TrainControl control;
    trainer.run(quiet, control);
    return QString::fromStdString(o.runDir());
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return done();
}

QString writeTestImage(const QString &dir, const QString &name, int width, int height)
{
    QImage image(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.setPixel(x, y, qRgb(x * 255 / qMax(1, width - 1), y * 255 / qMax(1, height - 1),
                                      (x + y) % 256));
    const QString path = QDir(dir).filePath(name);
    image.save(path);
    return path;
}

} // namespace cgs::ui::test

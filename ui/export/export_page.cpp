#include "ui/export/export_page.h"

#include "ui/widgets/error_banner.h"
#include "ui/widgets/model_picker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QUrl>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cgs::ui {

ExportPage::ExportPage(QWidget *parent)
    : QWidget(parent), m_picker(new ModelPicker), m_banner(new ErrorBanner),
      m_inputs(new QListWidget), m_output(new QLineEdit), m_format(new QComboBox),
      m_existing(new QComboBox), m_quality(new QSpinBox), m_recursive(new QCheckBox),
      m_addInput(new QPushButton), m_removeInput(new QPushButton), m_browseOutput(new QPushButton),
      m_start(new QPushButton), m_cancel(new QPushButton), m_progress(new QProgressBar),
      m_inputsLabel(new QLabel), m_outputLabel(new QLabel), m_formatLabel(new QLabel),
      m_qualityLabel(new QLabel), m_existingLabel(new QLabel), m_rate(new QLabel),
      m_summary(new QLabel), m_failures(new QTreeWidget)
{
    setAcceptDrops(true);
    m_format->addItems({QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("webp")});
    m_existing->addItem(QString(), false);
    m_existing->addItem(QString(), true);
    m_quality->setRange(1, 101);
    m_quality->setValue(95);
    m_inputs->setMaximumHeight(90);
    m_failures->setColumnCount(2);
    m_failures->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_failures->setRootIsDecorated(false);
    m_start->setIcon(QIcon(QStringLiteral(":/icons/export.png")));
    m_cancel->setIcon(QIcon(QStringLiteral(":/icons/stop.png")));
    m_summary->setWordWrap(true);

    auto *inputButtons = new QHBoxLayout;
    inputButtons->addWidget(m_addInput);
    inputButtons->addWidget(m_removeInput);
    inputButtons->addStretch(1);
    auto *inputBox = new QVBoxLayout;
    inputBox->addWidget(m_inputs);
    inputBox->addLayout(inputButtons);
    auto *outputRow = new QHBoxLayout;
    outputRow->addWidget(m_output, 1);
    outputRow->addWidget(m_browseOutput);
    m_openOutput = new QPushButton;
    outputRow->addWidget(m_openOutput);
    connect(m_openOutput, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_output->text()));
    });
    connect(m_output, &QLineEdit::textChanged, this, &ExportPage::updateButtons);
    auto *formatRow = new QHBoxLayout;
    formatRow->addWidget(m_format);
    formatRow->addWidget(m_qualityLabel);
    formatRow->addWidget(m_quality);
    formatRow->addWidget(m_recursive);
    formatRow->addWidget(m_existingLabel);
    formatRow->addWidget(m_existing);
    formatRow->addStretch(1);
    auto *form = new QFormLayout;
    form->addRow(m_inputsLabel, inputBox);
    form->addRow(m_outputLabel, outputRow);
    form->addRow(m_formatLabel, formatRow);
    auto *run = new QHBoxLayout;
    run->addWidget(m_start);
    run->addWidget(m_cancel);
    run->addWidget(m_progress, 1);
    run->addWidget(m_rate);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_picker);
    layout->addLayout(form);
    layout->addLayout(run);
    layout->addWidget(m_banner);
    layout->addWidget(m_summary);
    layout->addWidget(m_failures, 1);

    connect(&m_job, &FolderExportJob::progressed, this, &ExportPage::showProgress);
    connect(&m_job, &FolderExportJob::finished, this, &ExportPage::showSummary);
    connect(m_start, &QPushButton::clicked, this, &ExportPage::startExport);
    connect(m_cancel, &QPushButton::clicked, this, &ExportPage::cancelExport);
    connect(m_removeInput, &QPushButton::clicked, this, [this] { delete m_inputs->currentItem(); });
    connect(m_addInput, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Add an input folder"),
            QSettings().value(QStringLiteral("folders/exportInput"), QDir::homePath()).toString());
        if (!dir.isEmpty()) {
            QSettings().setValue(QStringLiteral("folders/exportInput"), dir);
            addInputDir(dir);
        }
    });
    connect(m_browseOutput, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose the output folder"),
            m_output->text().isEmpty() ? QDir::homePath() : m_output->text());
        if (!dir.isEmpty())
            setOutputDir(dir);
    });
    connect(m_format, &QComboBox::currentTextChanged, this,
            [this](const QString &f) { m_quality->setEnabled(f != QLatin1String("png")); });
    m_quality->setEnabled(false);
    retranslateUi();
    updateButtons();
}

void ExportPage::retranslateUi()
{
    m_inputsLabel->setText(tr("Input folders"));
    m_outputLabel->setText(tr("Output folder"));
    m_formatLabel->setText(tr("Format"));
    m_qualityLabel->setText(tr("Quality"));
    m_recursive->setText(tr("Include sub-folders"));
    m_openOutput->setText(tr("Open output folder"));
    m_openOutput->setToolTip(tr("Show the output folder in the file manager"));
    m_existingLabel->setText(tr("Existing files"));
    m_existing->setItemText(0, tr("Skip"));
    m_existing->setItemText(1, tr("Overwrite"));
    m_addInput->setText(tr("Add folder\u2026"));
    m_removeInput->setText(tr("Remove"));
    m_browseOutput->setText(tr("Browse\u2026"));
    m_start->setText(tr("Export"));
    m_cancel->setText(tr("Cancel"));
    m_failures->setHeaderLabels({tr("File"), tr("Reason")});
    m_output->setPlaceholderText(tr("Where the translated images go"));
}

void ExportPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

QString ExportPage::summaryText() const { return m_summary->text(); }

void ExportPage::addInputDir(const QString &dir)
{
    auto *item = new QListWidgetItem(QDir::toNativeSeparators(dir), m_inputs);
    item->setData(Qt::UserRole, dir);
}

void ExportPage::setOutputDir(const QString &dir) { m_output->setText(QDir::toNativeSeparators(dir)); }

ExportRequest ExportPage::request() const
{
    ExportRequest r;
    for (int i = 0; i < m_inputs->count(); ++i)
        r.options.inputs.push_back(m_inputs->item(i)->data(Qt::UserRole).toString().toStdString());
    r.options.outputDir = QDir::fromNativeSeparators(m_output->text().trimmed()).toStdString();
    r.options.recursion = m_recursive->isChecked() ? cgs::Recursion::IncludeSubfolders
                                                   : cgs::Recursion::TopLevelOnly;
    r.options.format = m_format->currentText().toStdString();
    r.options.quality = m_quality->value();
    r.options.overwrite = m_existing->currentData().toBool();
    r.model = m_picker->translatorOptions();
    return r;
}

void ExportPage::startExport()
{
    m_banner->clear();
    m_failures->clear();
    m_summary->clear();
    const ExportRequest r = request();
    if (r.options.inputs.empty() || r.options.outputDir.empty()) {
        m_banner->showError(tr("Choose input folders and an output folder."));
        return;
    }
    if (r.model.model.empty()) {
        m_banner->showError(tr("Choose a model first."));
        return;
    }
    m_progress->setRange(0, 0);
    m_rate->setText(tr("Starting\u2026")); // not the previous export's rate
    m_job.start(r);
    updateButtons();
}

void ExportPage::cancelExport() { m_job.cancel(); }

void ExportPage::updateButtons()
{
    m_start->setEnabled(!m_job.isRunning());
    m_cancel->setEnabled(m_job.isRunning());
    m_openOutput->setEnabled(!m_output->text().isEmpty() && QFileInfo(m_output->text()).isDir());
}

void ExportPage::showProgress(const cgs::ExportProgress &p)
{
    m_progress->setRange(0, static_cast<int>(qMax<qint64>(1, p.total)));
    m_progress->setValue(static_cast<int>(p.processed()));
    const QString current = QString::fromStdString(p.currentFile);
    // A video is one file of many frames: its own frame count and rate tell how it goes.
    if (p.video.total > 0 && !current.isEmpty())
        m_rate->setText(tr("%1: frame %2 of %3, %4 frames/s")
                            .arg(QFileInfo(current).fileName())
                            .arg(p.video.frame)
                            .arg(p.video.total)
                            .arg(p.video.framesPerSecond, 0, 'f', 1));
    // Until the first image is done there is no rate to tell (a large image can take seconds).
    else if (p.translated == 0 && p.imagesPerSecond <= 0)
        m_rate->setText(current.isEmpty() ? tr("Starting\u2026")
                                          : tr("Working on %1\u2026")
                                                .arg(QFileInfo(current).fileName()));
    // Large images take seconds each: then the time per image says more than "0.0 images/s".
    else if (p.imagesPerSecond < 1)
        m_rate->setText(tr("%1 s per image, %2 s left")
                            .arg(p.imagesPerSecond > 0 ? 1.0 / p.imagesPerSecond : 0.0, 0, 'f', 1)
                            .arg(p.etaSeconds, 0, 'f', 0));
    else
        m_rate->setText(tr("%1 images/s, %2 s left").arg(p.imagesPerSecond, 0, 'f', 1)
                            .arg(p.etaSeconds, 0, 'f', 0));
}

QString ExportPage::rateText() const { return m_rate->text(); }

void ExportPage::showSummary(const cgs::ExportSummary &summary, const QString &error)
{
    const cgs::ExportProgress &p = summary.progress;
    showProgress(p);
    updateButtons();
    if (!error.isEmpty())
        m_banner->showError(tr("The export could not run"), error);
    else if (!summary.warnings.empty()) {
        QStringList warnings;
        for (const auto &w : summary.warnings)
            warnings << QString::fromStdString(w);
        m_banner->showMessage(ErrorBanner::Level::Warning,
                              tr("Exported with a warning about the model"),
                              warnings.join(QLatin1Char('\n')));
    }
    for (const cgs::ExportFailure &f : summary.failures)
        new QTreeWidgetItem(m_failures, {QDir::toNativeSeparators(QString::fromStdString(f.path)),
                                         QString::fromStdString(f.reason)});
    QString text = tr("%1 written, %2 skipped, %3 failed of %4 in %5 s.")
                       .arg(p.translated).arg(p.skipped).arg(p.failed).arg(p.total)
                       .arg(summary.seconds, 0, 'f', 1);
    if (summary.cancelled)
        text = tr("Cancelled.") + QLatin1Char(' ') + text;
    m_summary->setText(text);
    emit exportFinished(summary, error);
}

void ExportPage::loadSettings(QSettings &settings)
{
    m_output->setText(settings.value(QStringLiteral("export/output")).toString());
    m_format->setCurrentText(settings.value(QStringLiteral("export/format"), "png").toString());
    m_quality->setValue(settings.value(QStringLiteral("export/quality"), 95).toInt());
    m_recursive->setChecked(settings.value(QStringLiteral("export/recursive"), false).toBool());
}

void ExportPage::saveSettings(QSettings &settings) const
{
    settings.setValue(QStringLiteral("export/output"), m_output->text());
    settings.setValue(QStringLiteral("export/format"), m_format->currentText());
    settings.setValue(QStringLiteral("export/quality"), m_quality->value());
    settings.setValue(QStringLiteral("export/recursive"), m_recursive->isChecked());
}

void ExportPage::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void ExportPage::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls())
        if (QFileInfo(url.toLocalFile()).isDir())
            addInputDir(url.toLocalFile());
    event->acceptProposedAction();
}

} // namespace cgs::ui

#include "ui/train/train_options_form.h"

#include "app/download/download_catalog.h"
#include "ui/train/dataset_overview_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QMenu>
#include <QMimeData>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace cgs::ui {

namespace {
QSpinBox *spin(int min, int max, int step = 1)
{
    auto *box = new QSpinBox;
    box->setRange(min, max);
    box->setSingleStep(step);
    return box;
}

QDoubleSpinBox *doubleSpin(double min, double max, double step, int decimals)
{
    auto *box = new QDoubleSpinBox;
    box->setRange(min, max);
    box->setSingleStep(step);
    box->setDecimals(decimals);
    return box;
}

// Form labels in the order the rows are created (see build*Group).
QStringList labelTexts()
{
    return {
        QObject::tr("Dataroot (trainA/, trainB/)"), QObject::tr("Domain A folder"),
        QObject::tr("Domain B folder"), QObject::tr("Run name"), QObject::tr("Runs folder"),
        // main
        QObject::tr("Crop size (px)"), QObject::tr("Generator"), QObject::tr("Epochs"),
        QObject::tr("Decay epochs"), QObject::tr("\u03bb cycle"), QObject::tr("\u03bb identity"),
        QObject::tr("Batch size"), QObject::tr("Learning rate"), QObject::tr("Device"),
        QObject::tr("Seed (-1 = random)"),
        // advanced
        QObject::tr("Load size (px)"), QObject::tr("Generator filters (ngf)"),
        QObject::tr("Discriminator filters (ndf)"), QObject::tr("Image pool size"),
        QObject::tr("Preview every (images)"), QObject::tr("Preview images"),
        QObject::tr("Keep checkpoint every (epochs)"), QObject::tr("Max images per domain"),
        QObject::tr("Decoding threads"), QObject::tr("CPU threads (0 = default)"),
        QObject::tr("No horizontal flip"), QObject::tr("Preprocessing"), QObject::tr("GAN loss"),
        QObject::tr("Adam β1"), QObject::tr("Save latest every (images)")};
}
// The field of a QFormLayout row, from its label.
QWidget *fieldOf(QLabel *label)
{
    auto *form = label->parentWidget() ? qobject_cast<QFormLayout *>(label->parentWidget()->layout()) : nullptr;
    int row = -1;
    QFormLayout::ItemRole role{};
    if (!form || (form->getWidgetPosition(label, &row, &role), row < 0))
        return nullptr;
    QLayoutItem *item = form->itemAt(row, QFormLayout::FieldRole);
    return item ? item->widget() : nullptr;
}

// Tooltips in the order of labelTexts(): what the field does and the official train.py default
// (the form starts at the same values; the fields that the official code lacks say so).
QStringList toolTipTexts()
{
    return {
        QObject::tr("A folder holding trainA/ and trainB/, the two image domains (--dataroot; required)."),
        QObject::tr("Images of domain A, instead of <dataroot>/trainA (not in the official code)."),
        QObject::tr("Images of domain B, instead of <dataroot>/trainB (not in the official code)."),
        QObject::tr("Name of the run folder (--name; official default: experiment_name)."),
        QObject::tr("Folder that holds the run folders (--checkpoints_dir; official default: ./checkpoints)."),
        QObject::tr("Training images are cropped to this square size (--crop_size; official default: 256)."),
        QObject::tr("Generator: a ResNet with 9 residual blocks (for 256 px) or 6 (for 128 px) "
                    "(--netG; official default: resnet_9blocks)."),
        QObject::tr("Epochs at the initial learning rate (--n_epochs; official default: 100)."),
        QObject::tr("Epochs over which the learning rate falls linearly to zero (--n_epochs_decay; "
                    "official default: 100)."),
        QObject::tr("Weight of the cycle-consistency losses A → B → A and B → A → B "
                    "(--lambda_A, --lambda_B; official default: 10)."),
        QObject::tr("Weight of the identity loss, relative to \u03bb cycle; 0 turns it off "
                    "(--lambda_identity; official default: 0.5)."),
        QObject::tr("Images per step (--batch_size; official default: 1)."),
        QObject::tr("Initial learning rate of Adam (--lr; official default: 0.0002)."),
        QObject::tr("Where to train, by name: Automatic takes the first of the list, a CUDA GPU "
                    "when there is one (--device; the official code uses --gpu_ids 0)."),
        QObject::tr("-1: a new random seed each run (printed and saved); a fixed seed makes CPU runs "
                    "reproducible (not in the official code)."),
        QObject::tr("Images are scaled to this size before the crop (--load_size; official default: 286)."),
        QObject::tr("Filters of the generator's first layer (--ngf; official default: 64)."),
        QObject::tr("Filters of the discriminator's first layer (--ndf; official default: 64)."),
        QObject::tr("Generated images kept to train the discriminators on a history; 0 = none "
                    "(--pool_size; official default: 50)."),
        QObject::tr("A preview every this many training images (--display_freq; official default: 400)."),
        QObject::tr("Image pairs in each preview (not in the official code; default: 1)."),
        QObject::tr("Keep a checkpoint every this many epochs (--save_epoch_freq; official default: 5)."),
        QObject::tr("Use at most this many images per domain; -1 = all (--max_dataset_size; official "
                    "default: all)."),
        QObject::tr("Threads that decode images (--num_threads; official default: 4)."),
        QObject::tr("LibTorch's CPU threads; 0 = one per core (not in the official code)."),
        QObject::tr("Do not flip training images at random (--no_flip; official default: off, "
                    "images are flipped)."),
        QObject::tr("How images become crops: resize_and_crop scales to the load size, then crops "
                    "(--preprocess; official default: resize_and_crop)."),
        QObject::tr("The adversarial loss: lsgan (least squares), vanilla (cross-entropy) or wgangp "
                    "(--gan_mode; official default: lsgan)."),
        QObject::tr("Adam's momentum term β1 (--beta1; official default: 0.5)."),
        QObject::tr("Rewrite checkpoints/latest every this many images (--save_latest_freq; official "
                    "default: 5000).")};
}
} // namespace

void TrainOptionsForm::setEditable(bool editable)
{
    for (QWidget *group : {static_cast<QWidget *>(m_dataGroup), static_cast<QWidget *>(m_mainGroup),
                           static_cast<QWidget *>(m_advancedGroup)})
        group->setEnabled(editable);
    m_overview->setEstimateAllowed(editable);
    setAcceptDrops(editable);
}

bool TrainOptionsForm::isEditable() const { return m_dataGroup->isEnabled(); }

TrainOptionsForm::TrainOptionsForm(QWidget *parent) : QWidget(parent)
{
    setAcceptDrops(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildDataGroup());
    m_overview = new DatasetOverviewPanel;
    layout->addWidget(m_overview);
    layout->addWidget(buildMainGroup());
    layout->addWidget(buildAdvancedGroup());
    layout->addStretch(1);
    setOptions(cgs::TrainOptions{});
    retranslateUi();
    // Command-line option -> the field and label (index into labelTexts()) that set it.
    const QList<QPair<const char *, QPair<QWidget *, int>>> table = {
        {"dataroot", {m_dataroot, 0}},        {"name", {m_runName, 3}},
        {"checkpoints_dir", {m_runsDir, 4}},  {"crop_size", {m_cropSize, 5}},
        {"netG", {m_blocks, 6}},              {"n_epochs", {m_epochs, 7}},
        {"n_epochs_decay", {m_decayEpochs, 8}}, {"lambda_A", {m_lambdaCycle, 9}},
        {"lambda_B", {m_lambdaCycle, 9}},     {"lambda_identity", {m_lambdaIdentity, 10}},
        {"batch_size", {m_batchSize, 11}},    {"lr", {m_lr, 12}},
        {"device", {m_device, 13}},           {"seed", {m_seed, 14}},
        {"load_size", {m_loadSize, 15}},      {"ngf", {m_ngf, 16}},
        {"ndf", {m_ndf, 17}},                 {"pool_size", {m_poolSize, 18}},
        {"display_freq", {m_displayFreq, 19}}, {"preview_count", {m_previewCount, 20}},
        {"save_epoch_freq", {m_saveEpochFreq, 21}}, {"max_dataset_size", {m_maxDatasetSize, 22}},
        {"num_threads", {m_dataThreads, 23}}, {"cpu_threads", {m_cpuThreads, 24}},
        {"no_flip", {m_noFlip, 25}},          {"preprocess", {m_preprocess, 26}},
        {"gan_mode", {m_ganMode, 27}},        {"beta1", {m_beta1, 28}},
        {"save_latest_freq", {m_saveLatestFreq, 29}}};
    for (const auto &entry : table)
        m_optionFields.insert(QString::fromLatin1(entry.first), entry.second);
    // The overview follows the folders and the sizes it judges the images against.
    m_overviewDelay = new QTimer(this);
    m_overviewDelay->setSingleShot(true);
    m_overviewDelay->setInterval(400);
    connect(m_overviewDelay, &QTimer::timeout, this, [this] {
        const bool folders = !m_dataroot->text().trimmed().isEmpty() ||
                             (!m_dirA->text().trimmed().isEmpty() && !m_dirB->text().trimmed().isEmpty());
        if (folders)
            m_overview->inspect(options());
    });
    auto later = [this] { m_overviewDelay->start(); };
    for (QLineEdit *edit : {m_dataroot, m_dirA, m_dirB})
        connect(edit, &QLineEdit::textChanged, this, later);
    for (QSpinBox *box : {m_cropSize, m_loadSize, m_batchSize})
        connect(box, &QSpinBox::valueChanged, this, later);
    connect(m_preprocess, &QComboBox::currentIndexChanged, this, later);
}

int TrainOptionsForm::fullWidthHint() const
{
    // The collapsed section's content still has a size hint; the group box adds its frame.
    const QMargins group = m_advancedGroup->contentsMargins();
    const QMargins form = layout()->contentsMargins();
    const int advanced = m_advancedInner->sizeHint().width() + group.left() + group.right() +
                         form.left() + form.right();
    return qMax(qMax(sizeHint().width(), minimumSizeHint().width()), advanced);
}

QString TrainOptionsForm::explainError(const QString &coreMessage)
{
    clearMarks();
    const QStringList texts = labelTexts();
    QString result;
    // "--device cpu" reads as a setting of the field; any other "--option" as the field's label.
    static const QRegularExpression option(QStringLiteral("--([A-Za-z_0-9]+)( cpu| cuda)?"));
    qsizetype last = 0;
    auto it = option.globalMatch(coreMessage);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        result += coreMessage.mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        const auto field = m_optionFields.constFind(m.captured(1));
        if (field == m_optionFields.cend()) {
            result += m.captured(0);
            continue;
        }
        const QString label = texts.value(field->second);
        result += m.captured(2).isEmpty()
                      ? QStringLiteral("\u201c%1\u201d").arg(label)
                      : QStringLiteral("%1 = %2").arg(label, m.captured(2).trimmed());
        QWidget *widget = field->first;
        if (m_marked.contains(widget))
            continue;
        m_marked << widget;
        widget->setStyleSheet(QStringLiteral("border: 2px solid #d0302f;"));
        if (m_advancedGroup->isAncestorOf(widget))
            m_advancedGroup->setChecked(true);
    }
    result += coreMessage.mid(last);
    return result;
}

void TrainOptionsForm::clearMarks()
{
    for (QWidget *widget : std::as_const(m_marked))
        widget->setStyleSheet(QString());
    m_marked.clear();
}

QWidget *TrainOptionsForm::folderRow(QLineEdit *edit, const QString &settingsKey)
{
    auto *row = new QWidget;
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto *browse = new QToolButton;
    browse->setText(QStringLiteral("\u2026"));
    h->addWidget(edit, 1);
    h->addWidget(browse);
    m_browseButtons << browse;
    connect(browse, &QToolButton::clicked, this, [this, edit, settingsKey] {
        QSettings settings;
        const QString start = edit->text().isEmpty()
                                  ? settings.value(settingsKey, QDir::homePath()).toString()
                                  : edit->text();
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose a folder"), start);
        if (!dir.isEmpty()) {
            edit->setText(QDir::toNativeSeparators(dir));
            settings.setValue(settingsKey, dir);
        }
    });
    return row;
}

QWidget *TrainOptionsForm::buildDataGroup()
{
    m_dataGroup = new QGroupBox;
    auto *form = new QFormLayout(m_dataGroup);
    m_dataroot = new QLineEdit;
    m_dirA = new QLineEdit;
    m_dirB = new QLineEdit;
    m_runName = new QLineEdit;
    m_runsDir = new QLineEdit;
    const QList<QWidget *> fields = {folderRow(m_dataroot, QStringLiteral("folders/dataroot")),
                                     folderRow(m_dirA, QStringLiteral("folders/domainA")),
                                     folderRow(m_dirB, QStringLiteral("folders/domainB")),
                                     m_runName, folderRow(m_runsDir, QStringLiteral("folders/runs"))};
    for (QWidget *field : fields) {
        m_labels << new QLabel;
        form->addRow(m_labels.last(), field);
    }
    // The datasets downloaded with "Get models and datasets..." (listed when the menu opens).
    m_downloadedDatasets = new QToolButton;
    m_downloadedDatasets->setObjectName(QStringLiteral("downloadedDatasets"));
    m_downloadedDatasets->setIcon(QIcon(QStringLiteral(":/icons/folder.png")));
    m_downloadedDatasets->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_downloadedDatasets);
    m_downloadedDatasets->setMenu(menu);
    connect(menu, &QMenu::aboutToShow, this, [this, menu] {
        menu->clear();
        const QString data = cgs::download::dataFolder();
        for (const auto &entry : cgs::download::catalog()) {
            if (entry.kind != cgs::download::ItemKind::Dataset || !cgs::download::isInstalled(entry, data))
                continue;
            const QString path = cgs::download::installedPath(entry, data);
            const QString text = entry.description.isEmpty() ? entry.name
                                                             : entry.name + QStringLiteral(" (") + entry.description + QLatin1Char(')');
            menu->addAction(text, this, [this, path] { useFolders({path}); });
        }
        if (menu->isEmpty())
            menu->addAction(tr("None yet: File \u2192 Get models and datasets\u2026"))->setEnabled(false);
    });
    fields.first()->layout()->addWidget(m_downloadedDatasets);
    return m_dataGroup;
}

QWidget *TrainOptionsForm::buildMainGroup()
{
    m_mainGroup = new QGroupBox;
    auto *form = new QFormLayout(m_mainGroup);
    m_cropSize = spin(16, 2048, 16);
    m_blocks = new QComboBox;
    m_epochs = spin(0, 100000);
    m_decayEpochs = spin(0, 100000);
    m_lambdaCycle = doubleSpin(0, 1000, 1, 2);
    m_lambdaIdentity = doubleSpin(0, 10, 0.1, 2);
    m_batchSize = spin(1, 256);
    m_lr = doubleSpin(0, 1, 0.00005, 6);
    // Devices by name, not free text: the list of this machine comes with setDevices().
    m_device = new QComboBox;
    m_device->addItem(tr("Automatic (a GPU when there is one)"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    // A line edit, not a spin box: seeds are 64-bit (a run's random seed does not fit an int).
    m_seed = new QLineEdit;
    m_seed->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("-1|[0-9]{1,19}")), m_seed));
    m_seed->setText(QStringLiteral("-1"));
    const QList<QWidget *> fields = {m_cropSize, m_blocks, m_epochs, m_decayEpochs, m_lambdaCycle,
                                     m_lambdaIdentity, m_batchSize, m_lr, m_device, m_seed};
    for (QWidget *field : fields) {
        m_labels << new QLabel;
        form->addRow(m_labels.last(), field);
    }
    return m_mainGroup;
}

QWidget *TrainOptionsForm::buildAdvancedGroup()
{
    m_advancedGroup = new QGroupBox;
    m_advancedGroup->setCheckable(true);
    m_advancedGroup->setChecked(false);
    auto *inner = new QWidget;
    m_advancedInner = inner;
    auto *form = new QFormLayout(inner);
    form->setContentsMargins(9, 6, 9, 9);
    m_loadSize = spin(16, 4096, 2);
    m_ngf = spin(1, 512);
    m_ndf = spin(1, 512);
    m_poolSize = spin(0, 1000);
    m_displayFreq = spin(1, 1000000);
    m_previewCount = spin(1, 16);
    m_saveEpochFreq = spin(1, 100000);
    m_maxDatasetSize = spin(-1, 100000000);
    m_dataThreads = spin(0, 64);
    m_cpuThreads = spin(0, 256);
    m_noFlip = new QCheckBox;
    m_preprocess = new QComboBox;
    for (cgs::Preprocess p : {cgs::Preprocess::ResizeAndCrop, cgs::Preprocess::Crop,
                              cgs::Preprocess::ScaleWidth, cgs::Preprocess::ScaleWidthAndCrop,
                              cgs::Preprocess::None})
        m_preprocess->addItem(QString::fromLatin1(cgs::toString(p)), static_cast<int>(p));
    m_ganMode = new QComboBox;
    for (cgs::GanMode g : {cgs::GanMode::LSGAN, cgs::GanMode::Vanilla})
        m_ganMode->addItem(QString::fromLatin1(cgs::toString(g)), static_cast<int>(g));
    m_beta1 = doubleSpin(0, 0.999, 0.05, 3);
    m_saveLatestFreq = spin(1, 100000000, 100);
    const QList<QWidget *> fields = {m_loadSize,      m_ngf,         m_ndf,
                                     m_poolSize,      m_displayFreq, m_previewCount,
                                     m_saveEpochFreq, m_maxDatasetSize, m_dataThreads,
                                     m_cpuThreads,    m_noFlip,      m_preprocess,
                                     m_ganMode,       m_beta1,       m_saveLatestFreq};
    for (QWidget *field : fields) {
        m_labels << new QLabel;
        form->addRow(m_labels.last(), field);
    }
    auto *outer = new QVBoxLayout(m_advancedGroup);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(inner);
    inner->setVisible(false);
    m_advancedGroup->setFlat(true); // collapsed: a title, not an empty frame
    connect(m_advancedGroup, &QGroupBox::toggled, inner, &QWidget::setVisible);
    connect(m_advancedGroup, &QGroupBox::toggled, m_advancedGroup,
            [group = m_advancedGroup](bool open) { group->setFlat(!open); });
    return m_advancedGroup;
}

void TrainOptionsForm::retranslateUi()
{
    m_dataGroup->setTitle(tr("Data"));
    m_downloadedDatasets->setToolTip(tr("Use a downloaded official dataset"));
    m_mainGroup->setTitle(tr("Training"));
    m_advancedGroup->setTitle(tr("Advanced"));
    const QStringList texts = labelTexts();
    const QStringList tips = toolTipTexts();
    for (int i = 0; i < m_labels.size() && i < texts.size(); ++i) {
        m_labels[i]->setText(texts[i]);
        m_labels[i]->setToolTip(tips.value(i));
        if (QWidget *field = fieldOf(m_labels[i]))
            field->setToolTip(tips.value(i));
    }
    updateDeviceToolTip();
    const int blocks = m_blocks->currentIndex();
    m_blocks->clear();
    m_blocks->addItem(tr("ResNet, 6 blocks (128 px)"), QStringLiteral("resnet_6blocks"));
    m_blocks->addItem(tr("ResNet, 9 blocks (256 px)"), QStringLiteral("resnet_9blocks"));
    m_blocks->setCurrentIndex(qMax(0, blocks));
    m_dataroot->setPlaceholderText(tr("Drop a folder here"));
    m_dirA->setPlaceholderText(tr("Optional: overrides <dataroot>/trainA"));
    m_dirB->setPlaceholderText(tr("Optional: overrides <dataroot>/trainB"));
    for (QToolButton *browse : m_browseButtons)
        browse->setToolTip(tr("Choose a folder"));
}

void TrainOptionsForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

cgs::TrainOptions TrainOptionsForm::options() const
{
    cgs::TrainOptions o;
    o.dataroot = QDir::fromNativeSeparators(m_dataroot->text().trimmed()).toStdString();
    o.dirA = QDir::fromNativeSeparators(m_dirA->text().trimmed()).toStdString();
    o.dirB = QDir::fromNativeSeparators(m_dirB->text().trimmed()).toStdString();
    o.name = m_runName->text().trimmed().toStdString();
    o.checkpointsDir = QDir::fromNativeSeparators(m_runsDir->text().trimmed()).toStdString();
    o.cropSize = m_cropSize->value();
    o.loadSize = qMax(m_loadSize->value(), o.cropSize);
    o.netG = m_blocks->currentData().toString().toStdString();
    o.nEpochs = m_epochs->value();
    o.nEpochsDecay = m_decayEpochs->value();
    o.lambdaA = o.lambdaB = m_lambdaCycle->value();
    o.lambdaIdentity = m_lambdaIdentity->value();
    o.batchSize = m_batchSize->value();
    o.lr = m_lr->value();
    o.device = m_device->currentData().toString().toStdString();
    bool seedOk = false;
    o.seed = m_seed->text().toLongLong(&seedOk);
    if (!seedOk)
        o.seed = -1; // empty: a new random seed, as -1
    o.ngf = m_ngf->value();
    o.ndf = m_ndf->value();
    o.poolSize = m_poolSize->value();
    o.displayFreq = m_displayFreq->value();
    o.previewCount = m_previewCount->value();
    o.saveEpochFreq = m_saveEpochFreq->value();
    o.maxDatasetSize = m_maxDatasetSize->value();
    o.numThreads = m_dataThreads->value();
    o.cpuThreads = m_cpuThreads->value();
    o.noFlip = m_noFlip->isChecked();
    o.preprocess = static_cast<cgs::Preprocess>(m_preprocess->currentData().toInt());
    o.ganMode = static_cast<cgs::GanMode>(m_ganMode->currentData().toInt());
    o.beta1 = m_beta1->value();
    o.saveLatestFreq = m_saveLatestFreq->value();
    return o;
}

void TrainOptionsForm::setOptions(const cgs::TrainOptions &o)
{
    m_dataroot->setText(QDir::toNativeSeparators(QString::fromStdString(o.dataroot)));
    m_dirA->setText(QDir::toNativeSeparators(QString::fromStdString(o.dirA)));
    m_dirB->setText(QDir::toNativeSeparators(QString::fromStdString(o.dirB)));
    m_runName->setText(QString::fromStdString(o.name));
    m_runsDir->setText(QDir::toNativeSeparators(QString::fromStdString(o.checkpointsDir)));
    m_cropSize->setValue(o.cropSize);
    m_loadSize->setValue(o.loadSize);
    if (m_blocks->count() == 0) {
        m_blocks->addItem(QString(), QStringLiteral("resnet_6blocks"));
        m_blocks->addItem(QString(), QStringLiteral("resnet_9blocks"));
    }
    m_blocks->setCurrentIndex(o.netG == "resnet_6blocks" ? 0 : 1);
    m_epochs->setValue(o.nEpochs);
    m_decayEpochs->setValue(o.nEpochsDecay);
    m_lambdaCycle->setValue(o.lambdaA);
    m_lambdaIdentity->setValue(o.lambdaIdentity);
    m_batchSize->setValue(o.batchSize);
    m_lr->setValue(o.lr);
    selectDevice(QString::fromStdString(o.device));
    m_seed->setText(QString::number(static_cast<qlonglong>(o.seed)));
    m_ngf->setValue(o.ngf);
    m_ndf->setValue(o.ndf);
    m_poolSize->setValue(o.poolSize);
    m_displayFreq->setValue(o.displayFreq);
    m_previewCount->setValue(o.previewCount);
    m_saveEpochFreq->setValue(o.saveEpochFreq);
    m_maxDatasetSize->setValue(static_cast<int>(o.maxDatasetSize));
    m_dataThreads->setValue(o.numThreads);
    m_cpuThreads->setValue(o.cpuThreads);
    m_noFlip->setChecked(o.noFlip);
    m_preprocess->setCurrentIndex(m_preprocess->findData(static_cast<int>(o.preprocess)));
    m_ganMode->setCurrentIndex(m_ganMode->findData(static_cast<int>(o.ganMode)));
    m_beta1->setValue(o.beta1);
    m_saveLatestFreq->setValue(o.saveLatestFreq);
}

cgs::TrainOptions TrainOptionsForm::quickStartOptions(const QString &dataroot,
                                                      const QString &runsDir)
{
    cgs::TrainOptions o;
    o.dataroot = dataroot.toStdString();
    o.checkpointsDir = runsDir.toStdString();
    o.name = "monet2photo_demo";
    o.netG = "resnet_6blocks";
    o.cropSize = 64;
    o.loadSize = 72;
    o.ngf = 16;
    o.ndf = 16;
    o.nEpochs = 5;
    o.nEpochsDecay = 5;
    o.displayFreq = 10;
    o.printFreq = 10;
    o.saveEpochFreq = 1;
    o.numThreads = 1;
    o.seed = 1;
    return o;
}

void TrainOptionsForm::setRunName(const QString &name) { m_runName->setText(name); }

void TrainOptionsForm::loadSettings(QSettings &settings)
{
    const QString json = settings.value(QStringLiteral("train/options")).toString();
    if (json.isEmpty())
        return;
    // Saved options from an older version may no longer validate: keep the current ones then.
    try {
        setOptions(cgs::trainOptionsFromJson(json.toStdString()));
    } catch (const std::exception &) {
    }
}

void TrainOptionsForm::saveSettings(QSettings &settings) const
{
    try {
        settings.setValue(QStringLiteral("train/options"),
                          QString::fromStdString(cgs::toJson(options())));
    } catch (const std::exception &) {
    }
}

void TrainOptionsForm::useFolders(const QStringList &folders)
{
    int domain = folders.size() == 1 && !m_dirA->text().isEmpty() ? 1 : 0;
    for (const QString &folder : folders) {
        const QDir dir(folder);
        const QString native = QDir::toNativeSeparators(dir.absolutePath());
        if (dir.exists(QStringLiteral("trainA")) && dir.exists(QStringLiteral("trainB"))) {
            m_dataroot->setText(native);
            m_dirA->clear();
            m_dirB->clear();
        } else {
            (domain++ % 2 == 0 ? m_dirA : m_dirB)->setText(native);
        }
    }
}

void TrainOptionsForm::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void TrainOptionsForm::dropEvent(QDropEvent *event)
{
    QStringList folders;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isDir())
            folders << url.toLocalFile();
    if (!folders.isEmpty()) {
        useFolders(folders);
        event->acceptProposedAction();
    }
}

void TrainOptionsForm::selectDevice(const QString &spec)
{
    const QString wanted = spec.isEmpty() ? QStringLiteral("auto") : spec;
    int index = m_device->findData(wanted);
    if (index < 0 && wanted == QLatin1String("cuda"))
        index = m_device->findData(QStringLiteral("cuda:0"));
    if (index < 0) {
        // A run made elsewhere (another machine's GPU): shown as it is, training says why not.
        m_device->addItem(tr("%1 (not on this machine)").arg(wanted), wanted);
        index = m_device->count() - 1;
    }
    m_device->setCurrentIndex(index);
}

void TrainOptionsForm::setDevices(const std::vector<cgs::ComputeDevice> &devices,
                                  const QString &gpuUnavailable)
{
    const QString current = m_device->currentData().toString();
    const QSignalBlocker blocker(m_device);
    m_device->clear();
    const QString first = devices.empty() ? tr("CPU") : QString::fromStdString(devices.front().name);
    m_device->addItem(tr("Automatic: %1").arg(first), QStringLiteral("auto"));
    for (const cgs::ComputeDevice &d : devices) {
        const QString name = QString::fromStdString(d.name);
        const QString text =
            d.gpu ? tr("%1, %2 GB (%3)").arg(name).arg(d.memoryBytes / 1e9, 0, 'f', 1)
                        .arg(QString::fromStdString(d.spec))
                  : tr("CPU: %1, %2 cores").arg(name).arg(d.cores);
        m_device->addItem(text, QString::fromStdString(d.spec));
        QStringList facts;
        if (d.gpu)
            facts << tr("compute capability %1.%2").arg(d.computeMajor).arg(d.computeMinor);
        for (const auto &f : d.features)
            facts << QString::fromStdString(f);
        facts << (d.bf16 ? tr("bf16 native") : tr("bf16 emulated (slow)"));
        m_device->setItemData(m_device->count() - 1, facts.join(QStringLiteral(", ")),
                              Qt::ToolTipRole);
    }
    m_gpuUnavailable = gpuUnavailable;
    updateDeviceToolTip();
    selectDevice(current);
}

// The device field's tooltip, and why this machine's NVIDIA GPU is not in the list when so.
void TrainOptionsForm::updateDeviceToolTip()
{
    const QString tip = toolTipTexts().value(13);
    m_device->setToolTip(m_gpuUnavailable.isEmpty()
                             ? tip
                             : tip + QStringLiteral("\n\n") + m_gpuUnavailable);
}

} // namespace cgs::ui

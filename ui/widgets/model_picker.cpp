#include "ui/widgets/model_picker.h"

#include "app/download/download_catalog.h"
#include "core/engine/checkpoint/model_location.h"
#include "core/engine/train/run_folder.h"
#include "core/engine/translate/demo_model.h"
#include "ui/widgets/domain_names.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QToolButton>

namespace cgs::ui {

namespace {
const char *kRecentKey = "models/recent";
constexpr int kMaxRecent = 12;
} // namespace

ModelPicker::ModelPicker(QWidget *parent)
    : QWidget(parent), m_modelLabel(new QLabel), m_directionLabel(new QLabel),
      m_models(new QComboBox), m_direction(new QComboBox), m_browseRun(new QToolButton),
      m_browseWeights(new QToolButton)
{
    m_models->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_models->setMinimumContentsLength(28);
    m_direction->addItem(QString(), static_cast<int>(cgs::Direction::AToB));
    m_direction->addItem(QString(), static_cast<int>(cgs::Direction::BToA));
    m_browseRun->setIcon(QIcon(QStringLiteral(":/icons/folder.png")));
    m_browseWeights->setIcon(QIcon(QStringLiteral(":/icons/model.png")));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_modelLabel);
    layout->addWidget(m_models, 1);
    layout->addWidget(m_browseRun);
    layout->addWidget(m_browseWeights);
    layout->addSpacing(12);
    layout->addWidget(m_directionLabel);
    layout->addWidget(m_direction);
    connect(m_models, &QComboBox::currentIndexChanged, this, &ModelPicker::modelChanged);
    connect(m_direction, &QComboBox::currentIndexChanged, this, &ModelPicker::modelChanged);
    connect(m_browseRun, &QToolButton::clicked, this, &ModelPicker::browseRun);
    connect(m_browseWeights, &QToolButton::clicked, this, &ModelPicker::browseWeights);
    reloadRecent();
    retranslateUi();
    // A photo dropped on a fresh install goes photo -> Monet with the demo model.
    if (isDemoModel()) {
        setDirection(cgs::Direction::BToA);
        m_demoChoseDirection = true;
    }
    // A direction the user picks is kept; the demo's photo -> Monet default is not carried over
    // to the next model (A -> B is what a model's own direction means).
    connect(m_direction, &QComboBox::activated, this, [this] { m_demoChoseDirection = false; });
    connect(this, &ModelPicker::modelChanged, this, &ModelPicker::followModel);
}

void ModelPicker::retranslateUi()
{
    m_modelLabel->setText(tr("Model"));
    m_directionLabel->setText(tr("Direction"));
    updateDirectionNames();
    m_browseRun->setToolTip(tr("Open a run or checkpoint folder"));
    m_browseWeights->setToolTip(tr("Open an official .pth weight file"));
    m_models->setPlaceholderText(tr("No model: train one or open one"));
}

void ModelPicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

QString ModelPicker::model() const { return m_models->currentData().toString(); }

cgs::Direction ModelPicker::direction() const
{
    return static_cast<cgs::Direction>(m_direction->currentData().toInt());
}

cgs::TranslatorOptions ModelPicker::translatorOptions() const
{
    cgs::TranslatorOptions options;
    options.model = model().toStdString();
    options.direction = direction();
    return options;
}

QStringList ModelPicker::recentModels()
{
    return QSettings().value(QLatin1String(kRecentKey)).toStringList();
}

void ModelPicker::rememberModel(const QString &path)
{
    QStringList recent = recentModels();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    QSettings().setValue(QLatin1String(kRecentKey), recent);
}

void ModelPicker::reloadRecent()
{
    const QString current = model();
    const QSignalBlocker blocker(m_models);
    m_models->clear();
    // Downloaded official models are named by what they do ("photo -> Monet").
    const QString data = cgs::download::dataFolder();
    QStringList paths = recentModels();
    for (const auto &entry : cgs::download::catalog())
        if (entry.kind == cgs::download::ItemKind::Model && cgs::download::isInstalled(entry, data))
            paths << cgs::download::installedPath(entry, data);
    paths << m_runs; // the Runs page's runs with a checkpoint
    for (const QString &path : paths) {
        if (!QFileInfo::exists(path) || m_models->findData(path) >= 0)
            continue;
        const auto *official = cgs::download::installedModelAt(path, data);
        const QString label = official ? tr("%1 (official %2)").arg(official->description, official->name)
                                       : describeModel(path);
        m_models->addItem(label, path);
        m_models->setItemData(m_models->count() - 1, QDir::toNativeSeparators(path),
                              Qt::ToolTipRole);
    }
    // The bundled demo model comes last, so that it is the choice until the user opens another.
    const QString demo = QString::fromStdString(cgs::findDemoModelFolder());
    if (!demo.isEmpty() && m_models->findData(demo) < 0) {
        m_models->addItem(QIcon(QStringLiteral(":/icons/model.png")), tr("Demo model: Monet \u2194 photo"),
                          demo);
        m_models->setItemData(m_models->count() - 1,
                              QString::fromStdString(cgs::demoModelDescription()) + QLatin1Char('\n') +
                                  QDir::toNativeSeparators(demo),
                              Qt::ToolTipRole);
    }
    const int index = m_models->findData(current);
    m_models->setCurrentIndex(index >= 0 ? index : (m_models->count() > 0 ? 0 : -1));
    updateDirectionNames();
}

// A run says how far it got, when, and whether it is finished, so that a stopped 2-epoch try
// is not mistaken for the trained model; other models say what they are.
QString ModelPicker::describeModel(const QString &path)
{
    const std::string p = path.toStdString();
    const QString name = QFileInfo(path).fileName();
    switch (cgs::locateModel(p).kind) {
    case cgs::ModelKind::Run: {
        const cgs::RunFolder::Summary s = cgs::RunFolder(p).summary();
        using State = cgs::RunFolder::RunState;
        const QString state = s.status.state == State::Finished   ? tr("finished")
                              : s.status.state == State::Training ? tr("training")
                              : s.status.state == State::Paused   ? tr("paused")
                              : s.status.state == State::Failed   ? tr("failed")
                                                                  : tr("stopped");
        const QString when = QLocale().toString(QDateTime::fromSecsSinceEpoch(s.modified),
                                                QLocale::ShortFormat);
        return tr("%1 (run, epoch %2 of %3, %4, %5)")
            .arg(name).arg(s.epoch).arg(s.totalEpochs).arg(state, when);
    }
    case cgs::ModelKind::OfficialRun:
    case cgs::ModelKind::OfficialModel:
        return tr("%1 (official code's folder)").arg(name);
    case cgs::ModelKind::OfficialFile:
        return tr("%1 (weight file)").arg(name);
    default:
        return name;
    }
}

void ModelPicker::setRuns(const QStringList &runDirs)
{
    if (runDirs == m_runs)
        return;
    m_runs = runDirs;
    const QString before = model();
    reloadRecent();
    if (before != model())
        emit modelChanged();
}

void ModelPicker::setRunsFolder(const QString &dir) { m_runsFolder = dir; }

bool ModelPicker::isDemoModel() const
{
    const QString demo = QString::fromStdString(cgs::findDemoModelFolder());
    return !demo.isEmpty() && model() == demo;
}

void ModelPicker::followModel()
{
    updateDirectionNames();
    if (m_demoChoseDirection && !isDemoModel()) {
        m_demoChoseDirection = false;
        setDirection(cgs::Direction::AToB); // emits modelChanged when it changes
    }
}

void ModelPicker::updateDirectionNames()
{
    // The demo model's domains have names; other models are A and B until they say otherwise.
    const bool demo = isDemoModel();
    m_direction->setItemText(0, demo ? tr("Monet \u2192 photo") : tr("A \u2192 B"));
    m_direction->setItemText(1, demo ? tr("photo \u2192 Monet") : tr("B \u2192 A"));
    // An official pretrained file holds one generator: its direction is what it does.
    const auto *official = cgs::download::installedModelAt(model(), cgs::download::dataFolder());
    if (official) {
        m_direction->setItemText(0, official->description);
        m_direction->setItemText(1, official->description);
    }
    m_direction->setEnabled(!official);
    // A run of ours names its domains after its dataset ("horse -> zebra" instead of "A -> B").
    const DomainNames names = demo || official ? DomainNames{} : runDomainNames(model());
    if (names.named()) {
        m_direction->setItemText(0, names.direction(cgs::Direction::AToB));
        m_direction->setItemText(1, names.direction(cgs::Direction::BToA));
    }
}

void ModelPicker::setModel(const QString &path)
{
    const QString cleaned = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    rememberModel(cleaned);
    const QString before = model();
    {
        const QSignalBlocker blocker(m_models);
        reloadRecent();
        m_models->setCurrentIndex(m_models->findData(cleaned));
    }
    if (before != model())
        emit modelChanged();
}

void ModelPicker::setDirection(cgs::Direction direction)
{
    m_direction->setCurrentIndex(m_direction->findData(static_cast<int>(direction)));
}

void ModelPicker::browseRun()
{
    QSettings settings;
    const QString start = m_runsFolder.isEmpty() ? QDir::homePath() : m_runsFolder;
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Open a run or checkpoint folder"),
        settings.value(QStringLiteral("folders/models"), start).toString());
    if (dir.isEmpty())
        return;
    settings.setValue(QStringLiteral("folders/models"), dir);
    setModel(dir);
}

void ModelPicker::browseWeights()
{
    QSettings settings;
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Open an official .pth weight file"),
        settings.value(QStringLiteral("folders/models"), QDir::homePath()).toString(),
        tr("PyTorch weights (*.pth *.pt);;All files (*)"));
    if (file.isEmpty())
        return;
    settings.setValue(QStringLiteral("folders/models"), QFileInfo(file).absolutePath());
    setModel(file);
}

} // namespace cgs::ui

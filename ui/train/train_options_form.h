#pragma once

#include "core/engine/device.h"

#include "core/engine/train/train_options.h"

#include <QHash>
#include <QPair>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSettings;
class QSpinBox;
class QToolButton;
class QTimer;

namespace cgs::ui {

class DatasetOverviewPanel;

// The options of a training run: data folders (a dataroot with trainA/ trainB/, or explicit
// domain folders; chosen by dialog or dropped), the main options, and an "Advanced" section
// for the rest. Maps to and from cgs::TrainOptions and remembers itself in QSettings.
class TrainOptionsForm : public QWidget {
    Q_OBJECT
public:
    explicit TrainOptionsForm(QWidget *parent = nullptr);

    cgs::TrainOptions options() const;
    void setOptions(const cgs::TrainOptions &options);
    // This machine's devices (cgs::listDevices(), GPUs first), offered by name; the one chosen
    // is kept. `gpuUnavailable`: why an NVIDIA GPU here cannot be used (shown in the field's
    // tooltip), "" when there is nothing to say.
    void setDevices(const std::vector<cgs::ComputeDevice> &devices, const QString &gpuUnavailable);
    QComboBox *deviceBox() const { return m_device; }
    // Small model settings that train visibly within seconds on a CPU, on `dataroot`.
    static cgs::TrainOptions quickStartOptions(const QString &dataroot, const QString &runsDir);

    void setRunName(const QString &name);
    // Off while training or watching: the fields are read-only, the dataset overview stays
    // readable (a disabled widget would grey its thumbnails).
    void setEditable(bool editable);
    bool isEditable() const;
    // The width the form needs with Advanced open (so that opening it never adds a horizontal
    // scroll bar or clips a field).
    int fullWidthHint() const;

    // Rewrites the command-line option names in a core message into this form's labels
    // ("--name must not be empty" -> "“Run name” must not be empty", "use --device cpu" ->
    // "use Device = cpu"), marks the fields it names (opening Advanced when one is there) and
    // returns the rewritten message. Marks stay until clearMarks().
    QString explainError(const QString &coreMessage);
    void clearMarks();
    // The fields marked by the last explainError().
    QList<QWidget *> markedFields() const { return m_marked; }
    void loadSettings(QSettings &settings);
    void saveSettings(QSettings &settings) const;

public slots:
    // A folder with trainA/ and trainB/ becomes the dataroot; other folders fill domain A,
    // then domain B.
    void useFolders(const QStringList &folders);
    void retranslateUi();

protected:
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void selectDevice(const QString &spec);
    void updateDeviceToolTip();
    QWidget *buildDataGroup();
    QWidget *buildMainGroup();
    QWidget *buildAdvancedGroup();
    QWidget *folderRow(QLineEdit *edit, const QString &settingsKey);

    QGroupBox *m_dataGroup, *m_mainGroup, *m_advancedGroup;
    QWidget *m_advancedInner = nullptr;
    QLineEdit *m_dataroot, *m_dirA, *m_dirB, *m_runName, *m_runsDir;
    QSpinBox *m_cropSize, *m_epochs, *m_decayEpochs, *m_batchSize;
    QLineEdit *m_seed; // 64-bit: -1 or 0 .. 9223372036854775807
    QString m_gpuUnavailable;
    QComboBox *m_blocks, *m_device;
    QDoubleSpinBox *m_lambdaCycle, *m_lambdaIdentity, *m_lr;
    QSpinBox *m_loadSize, *m_ngf, *m_ndf, *m_poolSize, *m_displayFreq, *m_previewCount,
        *m_saveEpochFreq, *m_maxDatasetSize, *m_dataThreads, *m_cpuThreads;
    QCheckBox *m_noFlip;
    QComboBox *m_preprocess, *m_ganMode;
    QDoubleSpinBox *m_beta1;
    QSpinBox *m_saveLatestFreq;
    QList<QLabel *> m_labels; // the form labels, in creation order, for retranslateUi
    QList<QToolButton *> m_browseButtons;
    QToolButton *m_downloadedDatasets = nullptr; // menu of the datasets downloaded from the authors
    DatasetOverviewPanel *m_overview = nullptr;  // what the chosen folders hold (below the Data group)
    QTimer *m_overviewDelay = nullptr;           // waits for typing to settle before a scan
    QHash<QString, QPair<QWidget *, int>> m_optionFields; // CLI option -> field, label index
    QList<QWidget *> m_marked;
};

} // namespace cgs::ui

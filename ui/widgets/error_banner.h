#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace cgs::ui {

// An inline message strip for a page (docs/ARCHITECTURE.md "Errors": training and preview errors are shown
// inline, not in a dialog): a summary in bold and the core message as detail. Hidden while
// empty; the close button hides it.
class ErrorBanner : public QFrame {
    Q_OBJECT
public:
    enum class Level { Info, Warning, Error };

    explicit ErrorBanner(QWidget *parent = nullptr);

    QString summary() const;
    QString detail() const;
    Level level() const { return m_level; }

public slots:
    void showMessage(cgs::ui::ErrorBanner::Level level, const QString &summary,
                     const QString &detail = {});
    void showError(const QString &summary, const QString &detail = {});
    void clear();

private:
    QLabel *m_summary;
    QLabel *m_detail;
    QToolButton *m_close;
    Level m_level = Level::Info;
};

} // namespace cgs::ui

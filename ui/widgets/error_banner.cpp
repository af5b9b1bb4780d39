#include "ui/widgets/error_banner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace cgs::ui {

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent), m_summary(new QLabel(this)), m_detail(new QLabel(this)),
      m_close(new QToolButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_summary->setWordWrap(true);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    auto *texts = new QVBoxLayout;
    texts->addWidget(m_summary);
    texts->addWidget(m_detail);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addLayout(texts, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &ErrorBanner::clear);
    hide();
}

QString ErrorBanner::summary() const { return m_summary->text(); }

QString ErrorBanner::detail() const { return m_detail->text(); }

void ErrorBanner::showMessage(Level level, const QString &summary, const QString &detail)
{
    m_level = level;
    QPalette pal = palette();
    const QColor colour = level == Level::Error     ? QColor(253, 226, 226)
                          : level == Level::Warning ? QColor(255, 243, 205)
                                                    : QColor(224, 238, 252);
    pal.setColor(QPalette::Window, colour);
    pal.setColor(QPalette::WindowText, QColor(30, 30, 30));
    setPalette(pal);
    m_summary->setText(summary);
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
    show();
}

void ErrorBanner::showError(const QString &summary, const QString &detail)
{
    showMessage(Level::Error, summary, detail);
}

void ErrorBanner::clear()
{
    m_summary->clear();
    m_detail->clear();
    hide();
}

} // namespace cgs::ui

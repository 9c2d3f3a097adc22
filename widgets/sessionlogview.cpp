// SPDX-License-Identifier: BSD-3-Clause
// Quoted: lupdate follows only quoted includes, and needs both classes to give
// SessionPanel::tr() its context (the strings stay the panel's translations).
#include <widgets/sessionlogview.h>
#include <widgets/sessionpanel.h>

#include <core/models/sessionlogmodel.h>
#include <core/session/sessioneventjson.h>

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

// The strings are in SessionPanel's translation context, with the panel's others.

namespace copp::ui {

namespace {

QString hexBlock(const QString& hex)
{
    // 32 bytes per line, offsets in front: what a driver engineer compares against a dump.
    QString out;
    for (qsizetype i = 0; i < hex.size(); i += 64)
        out += QStringLiteral("%1  %2\n").arg(i / 2, 4, 16, QLatin1Char('0')).arg(hex.mid(i, 64));
    return out;
}

// Problems-only and text filtering over the session log.
class LogFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setProblemsOnly(bool on)
    {
        m_problemsOnly = on;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        if (m_problemsOnly && !index.data(models::SessionLogModel::ProblemRole).toBool())
            return false;
        const QString summary = sourceModel()->index(row, models::SessionLogModel::SummaryColumn, parent).data().toString();
        const QString name = index.data(models::SessionLogModel::EventNameRole).toString();
        return filterRegularExpression().pattern().isEmpty() || summary.contains(filterRegularExpression())
            || name.contains(filterRegularExpression());
    }

private:
    bool m_problemsOnly = false;
};

} // namespace

SessionLogView::SessionLogView(models::SessionLogModel* log, QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* filterRow = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setAccessibleName(SessionPanel::tr("Filter the session log"));
    m_filter->setPlaceholderText(SessionPanel::tr("Filter (text or event name)"));
    m_filter->setClearButtonEnabled(true);
    m_problemsOnly = new QCheckBox(SessionPanel::tr("Pro&blems only"), this);
    m_problemsOnly->setAccessibleName(SessionPanel::tr("Show problems only"));
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_problemsOnly);
    layout->addLayout(filterRow);
    auto* filter = new LogFilter(this);
    m_proxy = filter;
    m_proxy->setSourceModel(log);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_problemsOnly, &QCheckBox::toggled, this, [filter](bool on) { filter->setProblemsOnly(on); });
    auto* split = new QSplitter(Qt::Horizontal, this);
    m_view = new QTableView(split);
    m_view->setAccessibleName(SessionPanel::tr("Session log"));
    m_view->setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    m_detail = new QTextBrowser(split);
    m_detail->setAccessibleName(SessionPanel::tr("Decoded fields and bytes of the selected log entry"));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_detail->setFont(mono);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SessionLogView::showDetail);
}

void SessionLogView::clearDetail()
{
    m_detail->clear();
}

void SessionLogView::showDetail()
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid()) {
        m_detail->clear();
        return;
    }
    const auto event = index.data(models::SessionLogModel::EventRole).value<session::SessionEvent>();
    // The decoded fields exactly as the contract writes them (what --json prints).
    QString text = SessionPanel::tr("Decoded fields:\n")
        + QString::fromUtf8(QJsonDocument(session::toJson(event)).toJson(QJsonDocument::Indented));
    const QVariant callData = index.data(models::SessionLogModel::CallRole);
    if (callData.isValid()) {
        const auto call = callData.value<session::DeviceCall>();
        text += SessionPanel::tr("\nDevice call %1 (hresult 0x%2, %3 ms):\n").arg(call.method).arg(call.hresult, 8, 16, QLatin1Char('0')).arg(call.durationMs);
        for (const auto& [part, fields] : {std::pair{QStringLiteral("params"), call.params}, std::pair{QStringLiteral("result"), call.result}}) {
            for (const session::DeviceCall::Field& f : fields) {
                text += QStringLiteral("\n%1.%2 (%3 bytes):\n").arg(part, f.name).arg(f.text.size() / 2);
                text += f.name == u"certificateChain" ? f.text.left(200) + QStringLiteral("…\n") : hexBlock(f.text);
            }
        }
    }
    m_detail->setPlainText(text);
}

} // namespace copp::ui

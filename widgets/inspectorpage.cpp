// SPDX-License-Identifier: BSD-3-Clause
#include <widgets/inspectorpage.h> // quoted: lupdate (no include path) finds the class, its tr() context, only so

#include <core/models/certificatetreemodel.h>
#include <core/models/validationstepmodel.h>
#include <core/validation/diagnosis.h>
#include <widgets/byterangeview.h>
#include <widgets/outcomedecorationproxy.h>
#include <widgets/stepdetailview.h>

#include <QAction>
#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTreeView>

#include <algorithm>

namespace copp::ui {

namespace {

// How long a status message covers the verdict line.
constexpr int kMessageTimeoutMs = 8000;

// Step titles are elided in the middle: the rule id at the end, "(cert.signature)",
// stays in view (the status line names the first failure by it).
class MiddleElidingDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideMiddle;
    }
};

} // namespace

InspectorPage::InspectorPage(QWidget* parent) : QWidget(parent)
{
    createStepView();
    createCertificateTree();
    m_detail = new StepDetailView;
    m_bytes = new ByteRangeView;
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_detail, tr("Step &details"));
    m_tabs->addTab(m_bytes, tr("Raw &bytes"));
    m_tabs->setAccessibleName(tr("Details and raw bytes"));

    auto* right = new QSplitter(Qt::Vertical);
    right->addWidget(m_steps);
    right->addWidget(m_tabs);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    auto* main = new QSplitter(Qt::Horizontal);
    main->addWidget(m_tree);
    main->addWidget(right);
    main->setStretchFactor(0, 2);
    main->setStretchFactor(1, 3);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(main);

    connect(m_steps->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &InspectorPage::updateCurrentStep);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &InspectorPage::updateCurrentNode);
    m_detail->showStep(m_model->report(), nullptr);
}

void InspectorPage::createStepView()
{
    m_model = new models::ValidationStepModel(this);
    m_proxy = new OutcomeDecorationProxy(models::ValidationStepModel::OutcomeRole, this);
    m_proxy->setSourceModel(m_model);

    m_steps = new QTreeView;
    m_steps->setModel(m_proxy);
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->setAlternatingRowColors(true);
    m_steps->setAccessibleName(tr("Validation steps"));
    m_steps->setAccessibleDescription(tr("Every step of the certificate-chain validation procedure, in order, with its outcome"));
    m_steps->header()->setStretchLastSection(true);
    m_steps->viewport()->installEventFilter(this); // fitStepColumns() when it is resized
    m_steps->setItemDelegateForColumn(models::ValidationStepModel::RuleColumn, new MiddleElidingDelegate(m_steps));
}

void InspectorPage::createCertificateTree()
{
    m_treeModel = new models::CertificateTreeModel(this);
    m_treeProxy = new OutcomeDecorationProxy(models::CertificateTreeModel::OutcomeRole, this);
    m_treeProxy->setSourceModel(m_treeModel);
    m_tree = new QTreeView;
    m_tree->setModel(m_treeProxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setAccessibleName(tr("Certificate tree"));
    m_tree->setAccessibleDescription(tr("The chain's certificates and elements with decoded values; "
                                        "the nodes the selected step used are selected"));
    // Deeper nodes ("Exponent" under PublicKey/KeyValue/RSAKeyValue) were cut short:
    // widen the Element column for what an expansion shows, up to half the view so
    // the values stay in sight; never narrow it (the user may have widened it).
    connect(m_tree, &QTreeView::expanded, this, [this] {
        const int before = m_tree->columnWidth(0);
        m_tree->resizeColumnToContents(0);
        m_tree->setColumnWidth(0, std::max(before, std::min(m_tree->columnWidth(0), m_tree->viewport()->width() / 2)));
    });

    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* copyHex = new QAction(tr("Copy Value as &Hex"), m_tree);
    connect(copyHex, &QAction::triggered, this, [this] { copyCurrentValue(models::CertificateTreeModel::CopyHexRole); });
    auto* copyBase64 = new QAction(tr("Copy Value as &Base64"), m_tree);
    connect(copyBase64, &QAction::triggered, this, [this] { copyCurrentValue(models::CertificateTreeModel::CopyBase64Role); });
    auto* copyText = new QAction(tr("&Copy Value"), m_tree);
    copyText->setShortcut(QKeySequence::Copy);
    copyText->setShortcutContext(Qt::WidgetShortcut);
    connect(copyText, &QAction::triggered, this, [this] { copyCurrentValue(Qt::DisplayRole); });
    m_tree->addActions({copyText, copyHex, copyBase64});
}

const validation::ValidationReport& InspectorPage::report() const
{
    return m_model->report();
}

void InspectorPage::showReport(const validation::ValidationReport& report, const QByteArray& chainBytes,
                               const QString& fileName)
{
    m_fileName = fileName;
    m_model->setReport(report);
    m_treeModel->setReport(m_model->report());
    m_tree->expandToDepth(2);
    m_tree->resizeColumnToContents(0);
    m_bytes->setDocumentBytes(chainBytes);
    fitStepColumns();
    // Take the engineer straight to the first failure.
    const int row = m_model->report().isValid() ? 0 : m_model->firstFailureRow();
    const QModelIndex current = m_proxy->index(row, 0);
    m_steps->setCurrentIndex(current);
    m_steps->scrollTo(current);
    updateCurrentStep();
}

QString InspectorPage::verdict() const
{
    const auto& report = m_model->report();
    if (report.format == validation::ChainFormat::X509) {
        if (const auto* f = report.firstFailure())
            return tr("✗ REJECTED: %1 — first failure: %2%3 (X.509 trust anchor: %4)")
                .arg(m_fileName, validation::ruleId(f->rule),
                     f->certificate < 0 ? QString() : tr(" in certificate %1").arg(f->certificate), report.trustRootName);
        return tr("✓ VALID: %1 (X.509 trust anchor: %2)").arg(m_fileName, report.trustRootName);
    }
    // Both verdicts name the trust root: a chain rejected only because another
    // root was in use looked like a broken chain.
    if (const auto* f = report.firstFailure()) {
        const QString verdict = tr("✗ REJECTED: %1 — first failure: %2%3 (trust root: %4)")
                                    .arg(m_fileName, validation::ruleId(f->rule),
                                         f->certificate < 0 ? QString() : tr(" in certificate %1").arg(f->certificate), report.trustRootName);
        // docs/cli.md#diagnoses: a proven cause is named where the eye goes first.
        return f->diagnosis ? verdict + tr(" — likely cause: %1").arg(validation::diagnosisId(f->diagnosis->id)) : verdict;
    }
    return tr("✓ VALID: %1 (trust root: %2)").arg(m_fileName, report.trustRootName);
}

void InspectorPage::updateCurrentStep()
{
    const QModelIndex current = m_proxy->mapToSource(m_steps->currentIndex());
    const validation::StepResult* step = m_model->stepAt(current);
    m_detail->showStep(m_model->report(), step);
    // The tree nodes the step used, and the exact bytes it hashed or compared.
    QItemSelection nodes;
    QList<cert::ByteSpan> spans;
    QList<cert::ByteSpan> differing; // docs/gui.md: a proven cause marks the bytes that differ
    if (step) {
        selectNodesOf(*step, nodes);
        for (const auto& range : step->ranges)
            spans.append(range.span);
        if (step->diagnosis)
            differing = step->diagnosis->differing;
    }
    {
        const QSignalBlocker block(m_tree->selectionModel());
        m_tree->selectionModel()->select(nodes, QItemSelectionModel::ClearAndSelect);
    }
    // The blocked selectionChanged is also what repaints the view: without this the
    // tree kept showing the previous step's nodes until something else repainted it.
    m_tree->viewport()->update();
    m_bytes->highlight(spans, differing);
}

// Adds the tree nodes `step` used to `nodes`, and brings them into view.
void InspectorPage::selectNodesOf(const validation::StepResult& step, QItemSelection& nodes)
{
    // X.509 steps name a certificate (path order), not XML elements.
    if (m_model->report().format == validation::ChainFormat::X509 && step.certificate >= 0) {
        const QModelIndex node = m_treeProxy->mapFromSource(m_treeModel->indexForCertificate(step.certificate));
        if (node.isValid()) {
            nodes.select(node, node.siblingAtColumn(models::CertificateTreeModel::ValueColumn));
            m_tree->scrollTo(node);
        }
    }
    // Every node the step used is shown: collapsed branches above it are opened
    // (cert.exponent's Exponent stayed hidden under PublicKey/KeyValue/RSAKeyValue).
    // The tree scrolls twice, to the last node and then the first, so the first is
    // in view with as many of the others as fit: one scroll per node took minutes
    // for a Data with 99,000 duplicated children (each a round trip to the display server).
    QModelIndex first, last, openedParent;
    for (int element : step.elements) {
        const QModelIndex node = m_treeProxy->mapFromSource(m_treeModel->indexForElement(element));
        if (!node.isValid())
            continue;
        nodes.select(node, node.siblingAtColumn(models::CertificateTreeModel::ValueColumn));
        if (node.parent() != openedParent) { // siblings share their ancestors
            openedParent = node.parent();
            for (QModelIndex up = openedParent; up.isValid(); up = up.parent())
                m_tree->expand(up);
        }
        if (!first.isValid())
            first = node;
        last = node;
    }
    if (first.isValid()) {
        m_tree->scrollTo(last);
        m_tree->scrollTo(first);
    }
}

// Long (German) step titles widened the Step column until Detail had ~100 px, or
// none on a 1024 px screen. Step takes at most half of the width Outcome and
// Certificate leave: longer titles are elided (their tooltip shows them whole),
// and Detail, the last section, stretches over the rest.
void InspectorPage::fitStepColumns()
{
    using Model = models::ValidationStepModel;
    for (int column = 0; column < Model::DetailColumn; ++column)
        m_steps->resizeColumnToContents(column);
    const int rest = m_steps->viewport()->width() - m_steps->columnWidth(Model::OutcomeColumn)
        - m_steps->columnWidth(Model::CertificateColumn);
    const int most = std::max(rest / 2, m_steps->header()->minimumSectionSize());
    if (m_steps->columnWidth(Model::RuleColumn) > most)
        m_steps->setColumnWidth(Model::RuleColumn, most);
}

bool InspectorPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_steps->viewport() && event->type() == QEvent::Resize && m_model->rowCount() > 0)
        fitStepColumns();
    return QWidget::eventFilter(watched, event);
}

void InspectorPage::updateCurrentNode()
{
    const QModelIndex node = m_treeProxy->mapToSource(m_tree->currentIndex());
    const qsizetype begin = node.data(models::CertificateTreeModel::SpanBeginRole).toLongLong();
    const qsizetype end = node.data(models::CertificateTreeModel::SpanEndRole).toLongLong();
    if (begin >= 0)
        m_bytes->highlight({cert::ByteSpan{begin, end}});
    const QStringList steps = node.data(models::CertificateTreeModel::StepRulesRole).toStringList();
    emit statusMessage(steps.isEmpty() ? tr("No validation step used this element.")
                                       : tr("Steps that used this element: %1").arg(steps.join(QStringLiteral(", "))),
                       kMessageTimeoutMs);
}

void InspectorPage::copyCurrentValue(int role)
{
    const QModelIndex node = m_treeProxy->mapToSource(m_tree->currentIndex());
    const QString value = role == Qt::DisplayRole
        ? node.siblingAtColumn(models::CertificateTreeModel::ValueColumn).data().toString()
        : node.data(role).toString();
    if (value.isEmpty()) {
        emit statusMessage(tr("This element has no value to copy in that form."), 4000);
        return;
    }
    QGuiApplication::clipboard()->setText(value);
    emit statusMessage(tr("Copied %1 characters.").arg(value.size()), 3000);
}

} // namespace copp::ui

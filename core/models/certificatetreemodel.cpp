#include "certificatetreemodel.h"

#include <core/cert/bytevalues.h>
#include <core/cert/rsakeyvalue.h>
#include <core/validation/reporttext.h>

namespace copp::models {

using validation::Outcome;

namespace {
constexpr int kChainLength = 3;

QString hexPreview(const QByteArray& bytes)
{
    const QString hex = QString::fromLatin1(bytes.toHex());
    return hex.size() > 48 ? hex.left(48) + QStringLiteral("…") : hex;
}

} // namespace

CertificateTreeModel::CertificateTreeModel(QObject* parent) : QAbstractItemModel(parent)
{
    m_nodes.append(Node{});
}

int CertificateTreeModel::addNode(int parent, int element, const QString& missingName)
{
    Node node;
    node.element = element;
    node.parent = parent;
    node.row = static_cast<int>(m_nodes[parent].children.size());
    node.missingName = missingName;
    const int index = static_cast<int>(m_nodes.size());
    m_nodes.append(node);
    m_nodes[parent].children.append(index);
    if (element >= 0)
        m_nodeOfElement.insert(element, index);
    return index;
}

void CertificateTreeModel::addElementSubtree(int parentNode, int element)
{
    const int node = addNode(parentNode, element);
    for (int child : m_report.document.element(element).children)
        addElementSubtree(node, child);
}

void CertificateTreeModel::setReport(const validation::ValidationReport& report)
{
    beginResetModel();
    m_report = report;
    m_nodes.resize(1);
    m_nodes[0].children.clear();
    m_nodeOfElement.clear();
    const auto& doc = m_report.document;
    if (doc.isWellFormed()) {
        const int collection = addNode(0, doc.rootElement());
        const QList<int> certificates = doc.children(doc.rootElement(), u"Certificate");
        for (int i = 0; i < qMax<qsizetype>(kChainLength, certificates.size()); ++i) {
            if (i >= certificates.size()) {
                // "Kleopatra's trust chain": a gap is shown, not hidden.
                addNode(collection, -1, tr("Certificate %1 (%2)").arg(i).arg(validation::certificateRoleName(i)));
                continue;
            }
            const int certNode = addNode(collection, certificates[i]);
            for (const char16_t* part : {u"Data", u"Signature"}) {
                if (doc.children(certificates[i], part).isEmpty())
                    addNode(certNode, -1, QString::fromUtf16(part));
            }
            for (int child : doc.element(certificates[i]).children)
                addElementSubtree(certNode, child);
        }
        // Other children of the collection (unexpected ones included) stay visible.
        for (int child : doc.element(doc.rootElement()).children) {
            if (!m_nodeOfElement.contains(child))
                addElementSubtree(collection, child);
        }
    }
    // Which steps used which nodes, and the worst outcome among them.
    for (const auto& step : m_report.steps) {
        const QString id = validation::ruleId(step.rule)
            + (step.certificate < 0 ? QString() : u'@' + QString::number(step.certificate));
        for (int element : step.elements) {
            const int node = m_nodeOfElement.value(element, -1);
            if (node < 0)
                continue;
            Node& n = m_nodes[node];
            if (!n.steps.contains(id))
                n.steps.append(id);
            if (step.outcome != Outcome::Skipped && n.worst != static_cast<int>(Outcome::Fail))
                n.worst = static_cast<int>(step.outcome);
        }
    }
    // A failure inside a certificate marks the certificate (and the collection)
    // failed too, so a collapsed tree still shows where to look.
    for (int node = 1; node < m_nodes.size(); ++node) {
        if (m_nodes[node].worst != static_cast<int>(Outcome::Fail))
            continue;
        for (int up = m_nodes[node].parent; up > 0; up = m_nodes[up].parent)
            m_nodes[up].worst = static_cast<int>(Outcome::Fail);
    }
    endResetModel();
}

QModelIndex CertificateTreeModel::indexForElement(int element) const
{
    const int node = m_nodeOfElement.value(element, -1);
    return node < 0 ? QModelIndex() : createIndex(m_nodes[node].row, 0, quintptr(node));
}

QModelIndex CertificateTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    const int parentNode = parent.isValid() ? static_cast<int>(parent.internalId()) : 0;
    if (column < 0 || column >= ColumnCount || row < 0 || row >= m_nodes[parentNode].children.size())
        return {};
    return createIndex(row, column, quintptr(m_nodes[parentNode].children[row]));
}

QModelIndex CertificateTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    const int parentNode = m_nodes[static_cast<int>(child.internalId())].parent;
    if (parentNode <= 0)
        return {};
    return createIndex(m_nodes[parentNode].row, 0, quintptr(parentNode));
}

int CertificateTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const int node = parent.isValid() ? static_cast<int>(parent.internalId()) : 0;
    return static_cast<int>(m_nodes[node].children.size());
}

int CertificateTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QString CertificateTreeModel::nameOf(const Node& node) const
{
    if (node.element < 0)
        return tr("%1 — missing").arg(node.missingName);
    const auto& e = m_report.document.element(node.element);
    if (e.localName == u"Certificate" && e.parent == m_report.document.rootElement()) {
        const int i = static_cast<int>(m_report.document.children(e.parent, u"Certificate").indexOf(node.element));
        return tr("Certificate %1 (%2)").arg(i).arg(validation::certificateRoleName(i));
    }
    return e.qualifiedName;
}

QString CertificateTreeModel::valueOf(const Node& node) const
{
    if (node.element < 0)
        return {};
    const auto& doc = m_report.document;
    const auto& e = doc.element(node.element);
    if (!e.children.isEmpty()) {
        if (e.localName == u"Data" && e.outer.isValid())
            return tr("%1 bytes, SHA-1 %2").arg(e.outer.size()).arg(QString::fromLatin1(cert::elementSha1(doc, node.element).toHex()));
        if (e.localName == u"PublicKey" || e.localName == u"KeyInfo") {
            const auto key = cert::readKeyValue(doc, node.element, e.localName);
            if (key.ok())
                return tr("RSA %1-bit, exponent %2")
                    .arg(cert::bitLength(cert::toByteArray(key.key.modulus)))
                    .arg(cert::bigEndianNumber(cert::toByteArray(key.key.exponent)));
        }
        return {};
    }
    QByteArray decoded;
    const bool base64 = e.localName == u"Modulus" || e.localName == u"Exponent" || e.localName == u"DigestValue"
        || e.localName == u"SignatureValue";
    if (base64 && cert::decodeBase64Text(e.text, &decoded)) {
        if (e.localName == u"Modulus")
            return tr("%1 bytes (%2-bit): %3").arg(decoded.size()).arg(cert::bitLength(decoded)).arg(hexPreview(decoded));
        if (e.localName == u"Exponent")
            return tr("%1 (%2 bytes)").arg(cert::bigEndianNumber(decoded)).arg(decoded.size());
        return tr("%1 bytes: %2").arg(decoded.size()).arg(hexPreview(decoded));
    }
    return e.text.trimmed();
}

QVariant CertificateTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const Node& node = m_nodes[static_cast<int>(index.internalId())];
    const auto* element = node.element >= 0 ? &m_report.document.element(node.element) : nullptr;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return index.column() == NameColumn ? nameOf(node) : valueOf(node);
    case Qt::ToolTipRole:
        return node.steps.isEmpty() ? QVariant() : QVariant(tr("Used by: %1").arg(node.steps.join(QStringLiteral(", "))));
    case ElementRole:
        return node.element;
    case SpanBeginRole:
        return element ? element->outer.begin : -1;
    case SpanEndRole:
        return element ? element->outer.end : -1;
    case MissingRole:
        return node.element < 0;
    case StepRulesRole:
        return node.steps;
    case OutcomeRole:
        return node.worst < 0 ? QVariant() : QVariant(node.worst);
    case CopyHexRole:
    case CopyBase64Role: {
        QByteArray decoded;
        if (!element || !element->children.isEmpty() || !cert::decodeBase64Text(element->text, &decoded) || decoded.isEmpty())
            return {};
        return role == CopyHexRole ? QString::fromLatin1(decoded.toHex()) : QString::fromLatin1(decoded.toBase64());
    }
    default:
        return {};
    }
}

QVariant CertificateTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Element") : tr("Value");
}

} // namespace copp::models

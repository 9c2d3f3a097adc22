// SPDX-License-Identifier: BSD-3-Clause
#include <core/models/certificatetreemodel.h>

#include <core/cert/bytevalues.h>
#include <core/cert/rsakeyvalue.h>
#include <core/validation/reporttext.h>

#include <array>

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
    m_nodeOfCertificate.clear();
    const auto& doc = m_report.document;
    if (m_report.format == validation::ChainFormat::X509) {
        buildX509();
    } else if (doc.isWellFormed()) {
        const int collection = addNode(0, doc.rootElement());
        const QList<int> certificates = doc.children(doc.rootElement(), u"Certificate");
        for (int i = 0; i < qMax<qsizetype>(kChainLength, certificates.size()); ++i) {
            if (i >= certificates.size()) {
                // "Kleopatra's trust chain": a gap is shown, not hidden.
                m_nodeOfCertificate.append(
                    addNode(collection, -1, tr("Certificate %1 (%2)").arg(i).arg(validation::certificateRoleName(i))));
                continue;
            }
            const int certNode = addNode(collection, certificates[i]);
            m_nodeOfCertificate.append(certNode);
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
    if (m_report.format != validation::ChainFormat::X509) {
        for (const auto& step : m_report.steps) {
            for (int element : step.elements) {
                const int node = m_nodeOfElement.value(element, -1);
                // A collection step that passed while using a certificate (collection.count
                // counts them) says nothing about the certificate: its own steps decide its
                // tick. With collection.version failed, every certificate step was skipped,
                // and collection.count's pass showed ticks on certificates nobody checked.
                const bool certificate = m_nodeOfCertificate.contains(node);
                if (node >= 0)
                    noteStep(node, step, !certificate || step.certificate >= 0 || step.outcome == Outcome::Fail);
            }
            if (step.certificate >= 0 && step.certificate < m_nodeOfCertificate.size())
                noteStep(m_nodeOfCertificate[step.certificate], step);
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

void CertificateTreeModel::noteStep(int node, const validation::StepResult& step, bool decidesOutcome)
{
    const QString id = validation::ruleAt(step.rule, step.certificate);
    Node& n = m_nodes[node];
    if (!n.steps.contains(id))
        n.steps.append(id);
    if (!decidesOutcome)
        return;
    // A failure outweighs a pass, and one pass outweighs skipped steps: a node is
    // "not checked" only when every step that used it was skipped.
    const auto rank = [](int outcome) {
        return outcome < 0 ? 0 : outcome == int(Outcome::Skipped) ? 1 : outcome == int(Outcome::Pass) ? 2 : 3;
    };
    if (rank(int(step.outcome)) > rank(n.worst))
        n.worst = int(step.outcome);
}

int CertificateTreeModel::addX509Node(int parent, const QString& name, const QString& value, cert::ByteSpan span,
                                      const QByteArray& copyBytes)
{
    const int node = addNode(parent, -1);
    Node& n = m_nodes[node];
    n.x509 = true;
    n.name = name;
    n.value = value;
    n.span = span;
    n.copyBytes = copyBytes;
    return node;
}

// One top node per certificate (path order), its decoded fields as children.
// Which steps are "about" a field: x509.path (collection level) the names,
// x509.validity the dates, x509.key the key, x509.signature the signature
// algorithm and the issuer, x509.trusted_root the SPKI hash, x509.ca the CA flag.
void CertificateTreeModel::buildX509()
{
    using validation::Rule;
    enum Field { Subject, Issuer, Serial, NotBefore, NotAfter, PublicKey, SignatureAlgorithm, SpkiHash, Ca, FieldCount };
    const auto& certs = m_report.x509Certificates;
    const int pathLength = m_report.x509PathLength;
    QList<std::array<int, FieldCount>> fields;
    for (int i = 0; i < certs.size(); ++i) {
        const cert::X509CertificateInfo& c = certs[i];
        const cert::ByteSpan span = c.span.isValid() ? c.span : cert::ByteSpan{};
        const bool intermediate = pathLength > 2 && i > 0 && i < pathLength - 1;
        const QString role = intermediate ? QString() : m_report.certificateRole(i);
        const QString title = role.isEmpty() ? tr("%1: %2").arg(i).arg(c.shortName())
                                             : tr("%1 %2: %3").arg(i).arg(role, c.shortName());
        const int top = addX509Node(0, title, tr("%1 bytes of DER").arg(c.der.size()), span, c.der);
        m_nodeOfCertificate.append(top);

        QString key;
        if (c.keyBits <= 0)
            key = tr("%1 (the key does not decode)").arg(c.publicKeyAlgorithm);
        else if (c.rsaKey || c.publicKeyAlgorithm == u"rsaEncryption" || c.publicKeyAlgorithm == u"RSASSA-PSS")
            key = c.isRsaEncryptionKey ? tr("RSA %1 bits").arg(c.keyBits)
                                       : tr("RSA %1 bits (%2)").arg(c.keyBits).arg(c.publicKeyAlgorithm);
        else
            key = tr("%1, %2 bits").arg(c.publicKeyAlgorithm).arg(c.keyBits);
        const QString ca = !c.basicConstraintsCa.present ? tr("no basicConstraints extension")
            : c.basicConstraintsCa.value                 ? tr("yes (basicConstraints cA = true)")
                                                         : tr("no (basicConstraints cA = false)");
        const auto date = [](const QDateTime& t) {
            return t.isValid() ? t.toUTC().toString(Qt::ISODate) : tr("(not readable)");
        };
        std::array<int, FieldCount> rows{};
        rows[Subject] = addX509Node(top, tr("Subject"), c.subject, span);
        rows[Issuer] = addX509Node(top, tr("Issuer"), c.issuer, span);
        rows[Serial] = addX509Node(top, tr("Serial"), c.serialHex, span, QByteArray::fromHex(c.serialHex.toLatin1()));
        rows[NotBefore] = addX509Node(top, tr("Valid from"), date(c.notBefore), span);
        rows[NotAfter] = addX509Node(top, tr("Valid until"), date(c.notAfter), span);
        rows[PublicKey] = addX509Node(top, tr("Public key"), key, span, c.spkiDer);
        rows[SignatureAlgorithm] = addX509Node(top, tr("Signature algorithm"), c.signatureAlgorithm, span);
        rows[SpkiHash] = addX509Node(top, tr("SPKI SHA-256"), QString::fromLatin1(c.spkiSha256.toHex()), span, c.spkiSha256);
        rows[Ca] = addX509Node(top, tr("CA"), ca, span);
        fields.append(rows);
    }
    for (const auto& step : m_report.steps) {
        QList<Field> about;
        switch (step.rule) {
        case Rule::X509Path: about = {Subject, Issuer}; break;
        case Rule::X509Validity: about = {NotBefore, NotAfter}; break;
        case Rule::X509Key: about = {PublicKey}; break;
        case Rule::X509Ca: about = {Ca}; break;
        case Rule::X509Signature: about = {SignatureAlgorithm, Issuer}; break;
        case Rule::X509TrustedRoot: about = {SpkiHash}; break;
        default: break;
        }
        for (int i = 0; i < certs.size(); ++i) {
            if (step.certificate >= 0 && step.certificate != i)
                continue;
            if (step.certificate < 0 && step.rule != Rule::X509Path)
                continue;
            if (step.certificate == i)
                noteStep(m_nodeOfCertificate[i], step);
            for (Field f : about)
                noteStep(fields[i][f], step);
        }
    }
}

QModelIndex CertificateTreeModel::indexForCertificate(int certificate) const
{
    if (certificate < 0 || certificate >= m_nodeOfCertificate.size())
        return {};
    const int node = m_nodeOfCertificate[certificate];
    return createIndex(m_nodes[node].row, 0, quintptr(node));
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
    if (node.x509)
        return node.name;
    if (node.element < 0)
        return tr("%1 — missing").arg(node.missingName);
    const auto& e = m_report.document.element(node.element);
    if (e.localName == u"Certificate" && e.parent == m_report.document.rootElement()) {
        const int i = static_cast<int>(m_report.document.children(e.parent, u"Certificate").indexOf(node.element));
        return tr("Certificate %1 (%2)").arg(i).arg(validation::certificateRoleName(i));
    }
    return e.qualifiedName.toString();
}

QString CertificateTreeModel::valueOf(const Node& node) const
{
    if (node.x509)
        return node.value;
    if (node.element < 0)
        return {};
    const auto& doc = m_report.document;
    const auto& e = doc.element(node.element);
    if (node.worst == int(Outcome::Skipped) && e.localName == u"Certificate")
        return tr("not checked: its steps were skipped");
    if (!e.children.empty()) {
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
    return e.text.trimmed().toString();
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
    case Qt::ToolTipRole: {
        if (node.steps.isEmpty())
            return {};
        const QString usedBy = tr("Used by: %1").arg(node.steps.join(QStringLiteral(", ")));
        // The grey dash is explained in words (colour and shape are not enough).
        return node.worst == int(Outcome::Skipped) ? tr("Not checked: its steps were skipped.") + u'\n' + usedBy
                                                   : usedBy;
    }
    case Qt::AccessibleDescriptionRole: // the icon in words, for screen readers
        return node.worst < 0 ? QVariant() : QVariant(outcomeText(Outcome(node.worst)));
    case ElementRole:
        return node.element;
    case SpanBeginRole:
        if (node.x509)
            return node.span.isValid() ? node.span.begin : -1;
        return element ? element->outer.begin : -1;
    case SpanEndRole:
        if (node.x509)
            return node.span.isValid() ? node.span.end : -1;
        return element ? element->outer.end : -1;
    case MissingRole:
        return node.element < 0 && !node.x509;
    case StepRulesRole:
        return node.steps;
    case OutcomeRole:
        return node.worst < 0 ? QVariant() : QVariant(node.worst);
    case CopyHexRole:
    case CopyBase64Role: {
        if (node.x509) {
            if (node.copyBytes.isEmpty())
                return {};
            return role == CopyHexRole ? QString::fromLatin1(node.copyBytes.toHex())
                                       : QString::fromLatin1(node.copyBytes.toBase64());
        }
        QByteArray decoded;
        if (!element || !element->children.empty() || !cert::decodeBase64Text(element->text, &decoded) || decoded.isEmpty())
            return {};
        return role == CopyHexRole ? QString::fromLatin1(decoded.toHex()) : QString::fromLatin1(decoded.toBase64());
    }
    default:
        return {};
    }
}

QString CertificateTreeModel::outcomeText(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Pass:
        return tr("Passed");
    case Outcome::Fail:
        return tr("Failed");
    case Outcome::Skipped:
        //: a tree node whose steps were all skipped (the step list says "Skipped")
        return tr("Not checked");
    }
    return {};
}

QVariant CertificateTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (m_report.format == validation::ChainFormat::X509)
        return section == NameColumn ? tr("Certificate / field") : tr("Value");
    return section == NameColumn ? tr("Element") : tr("Value");
}

} // namespace copp::models

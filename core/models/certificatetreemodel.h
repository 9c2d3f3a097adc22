// SPDX-License-Identifier: BSD-3-Clause
// The certificate chain as a tree: collection -> certificates (leaf, IHV, root)
// -> Data / Signature -> elements, with decoded values (key sizes, hex, numbers).
// A certificate, Data or Signature the procedure needs but the file lacks is a
// node of its own, marked missing. Data roles only (no colours or icons).
// An X.509 (OPM) report is shown as one node per certificate in path order
// ("0 leaf: CN=…") with its decoded fields as children; every row of a
// certificate carries the certificate's DER span and the outcome of the steps
// about that field.
#pragma once

#include <core/validation/validationreport.h>

#include <QAbstractItemModel>

namespace copp::models {

class CertificateTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, ColumnCount };
    enum Role {
        ElementRole = Qt::UserRole + 1, // XmlDocument element index, -1 for a missing node
        SpanBeginRole,                  // byte offset of the element's '<', -1 when missing
        SpanEndRole,
        MissingRole,                    // bool
        StepRulesRole,                  // QStringList "cert.digest@0" of the steps that used it
        OutcomeRole,                    // int(Outcome): Fail if any step using it failed, else Pass if one
                                        // passed, else Skipped (not checked); invalid if no step used it
        CopyHexRole,                    // decoded bytes as hex, for base64 values
        CopyBase64Role,
    };

    explicit CertificateTreeModel(QObject* parent = nullptr);

    void setReport(const validation::ValidationReport& report);
    // The node showing an element, or an invalid index.
    QModelIndex indexForElement(int element) const;
    // X.509 reports: the top node of certificate `certificate` (path order), or invalid.
    QModelIndex indexForCertificate(int certificate) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node {
        int element = -1;   // -1: missing
        int parent = -1;    // node index
        int row = 0;
        QList<int> children;
        QString missingName;
        QStringList steps;
        int worst = -1;     // -1 none, else int(Outcome): Fail, then Pass, then Skipped
        // X.509 nodes (element stays -1, not missing): text, span, bytes to copy.
        bool x509 = false;
        QString name;
        QString value;
        cert::ByteSpan span;
        QByteArray copyBytes;
    };
    int addNode(int parent, int element, const QString& missingName = {});
    void buildX509();
    int addX509Node(int parent, const QString& name, const QString& value, cert::ByteSpan span,
                    const QByteArray& copyBytes = {});
    void noteStep(int node, const validation::StepResult& step, bool decidesOutcome = true);
    void addElementSubtree(int parentNode, int element);
    static QString outcomeText(validation::Outcome outcome);
    QString nameOf(const Node& node) const;
    QString valueOf(const Node& node) const;

    validation::ValidationReport m_report;
    QList<Node> m_nodes;        // m_nodes[0] is the invisible root
    QHash<int, int> m_nodeOfElement;
    QList<int> m_nodeOfCertificate; // top node per certificate (COPP: missing ones too)
};

} // namespace copp::models

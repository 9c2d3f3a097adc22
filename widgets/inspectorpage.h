// SPDX-License-Identifier: BSD-3-Clause
// The inspector page: the chain's certificate tree, the list of validation
// steps with their outcomes, and the selected step's details and raw bytes.
// Selecting a step selects the tree nodes it used and highlights the bytes it
// read; selecting a node highlights its bytes and names the steps that used it.
#pragma once

#include <core/validation/validationreport.h>

#include <QItemSelection>
#include <QWidget>

class QTabWidget;
class QTreeView;

namespace copp::models {
class CertificateTreeModel;
class ValidationStepModel;
}

namespace copp::ui {

class ByteRangeView;
class OutcomeDecorationProxy;
class StepDetailView;

class InspectorPage : public QWidget {
    Q_OBJECT
public:
    explicit InspectorPage(QWidget* parent = nullptr);

    // Shows `report` of `chainBytes` (read from `fileName`), at its first failure.
    void showReport(const validation::ValidationReport& report, const QByteArray& chainBytes, const QString& fileName);
    const validation::ValidationReport& report() const;
    // "✓ VALID: …" or "✗ REJECTED: … — first failure: …", naming the trust root.
    QString verdict() const;

    QTreeView* stepView() const { return m_steps; }
    QTreeView* certificateView() const { return m_tree; }
    ByteRangeView* byteView() const { return m_bytes; }
    const models::ValidationStepModel* stepModel() const { return m_model; }
    const models::CertificateTreeModel* certificateModel() const { return m_treeModel; }

signals:
    // For the window's status line: shown for `timeoutMs` milliseconds.
    void statusMessage(const QString& message, int timeoutMs);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createStepView();
    void createCertificateTree();
    void updateCurrentStep();
    void selectNodesOf(const validation::StepResult& step, QItemSelection& nodes);
    void updateCurrentNode();
    void fitStepColumns();
    void copyCurrentValue(int role);

    QString m_fileName;
    models::ValidationStepModel* m_model = nullptr;
    OutcomeDecorationProxy* m_proxy = nullptr;
    QTreeView* m_steps = nullptr;
    models::CertificateTreeModel* m_treeModel = nullptr;
    OutcomeDecorationProxy* m_treeProxy = nullptr;
    QTreeView* m_tree = nullptr;
    StepDetailView* m_detail = nullptr;
    ByteRangeView* m_bytes = nullptr;
    QTabWidget* m_tabs = nullptr;
};

} // namespace copp::ui

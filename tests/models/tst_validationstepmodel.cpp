// SPDX-License-Identifier: BSD-3-Clause
// ValidationStepModel and the decoration proxy: model contract, roles, first failure.
#include <support/testsupport.h>

#include <core/models/validationstepmodel.h>
#include <widgets/outcomedecorationproxy.h>

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QSignalSpy>
#include <QtTest>

using namespace copp;
using models::ValidationStepModel;

class TestValidationStepModel : public QObject {
    Q_OBJECT
private slots:
    void contractAndRoles()
    {
        ValidationStepModel model;
        ui::OutcomeDecorationProxy proxy(ValidationStepModel::OutcomeRole);
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(reset.isValid());
        QCOMPARE(model.firstFailureRow(), -1);

        const auto chain = tests::testPki().chain({}, testpki::Break{validation::Rule::CertSignature, 1});
        model.setReport(tests::validateWithTestRoot(chain.xml));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 29);
        const int row = model.firstFailureRow();
        QCOMPARE(model.index(row, 0).data(ValidationStepModel::RuleIdRole).toString(), QStringLiteral("cert.signature"));
        QCOMPARE(model.index(row, 0).data(ValidationStepModel::CertificateRole).toInt(), 1);
        QCOMPARE(model.index(row, ValidationStepModel::OutcomeColumn).data().toString(), QStringLiteral("Failed"));
        QVERIFY(model.index(row, 0).data(ValidationStepModel::FactsTextRole).toString().contains(QStringLiteral("salt")));
        QVERIFY(model.index(row, ValidationStepModel::DetailColumn).data().toString().contains(QStringLiteral("salt length 20")));
        QVERIFY(!model.index(0, ValidationStepModel::CertificateColumn).data(Qt::AccessibleTextRole).toString().isEmpty());
        // Core gives no colours or icons; the proxy adds an icon and keeps the text.
        QVERIFY(!model.index(row, 0).data(Qt::DecorationRole).isValid());
        const QModelIndex decorated = proxy.index(row, ValidationStepModel::OutcomeColumn);
        QVERIFY(!decorated.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(decorated.data().toString(), QStringLiteral("Failed"));
        QVERIFY(decorated.data(Qt::ForegroundRole).isValid());
        // Views elide long (German) titles: the tooltip has the whole title, then the description.
        const QString tip = model.index(row, ValidationStepModel::RuleColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.startsWith(QStringLiteral("Signature (cert.signature)\n")), qPrintable(tip));
        QVERIFY(tip.size() > QStringLiteral("Signature (cert.signature)\n").size());
    }
};

QTEST_MAIN(TestValidationStepModel)
#include "tst_validationstepmodel.moc"

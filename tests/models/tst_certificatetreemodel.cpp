// SPDX-License-Identifier: BSD-3-Clause
// CertificateTreeModel: model contract, decoded values, missing nodes, step links.
#include <support/testsupport.h>

#include <core/models/certificatetreemodel.h>

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace copp;
using models::CertificateTreeModel;

namespace {
// The tree as indented text (Hotspot's model-test idea): readable failures.
QString dump(const QAbstractItemModel& model, const QModelIndex& parent = {}, int depth = 0, int maxDepth = 3)
{
    QString out;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex i = model.index(row, 0, parent);
        out += QString(depth * 2, u' ') + i.data().toString() + u'\n';
        if (depth + 1 < maxDepth)
            out += dump(model, i, depth + 1, maxDepth);
    }
    return out;
}

QModelIndex findByName(const QAbstractItemModel& model, const QString& name, const QModelIndex& parent = {})
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex i = model.index(row, 0, parent);
        if (i.data().toString() == name)
            return i;
        if (const QModelIndex found = findByName(model, name, i); found.isValid())
            return found;
    }
    return {};
}
} // namespace

class TestCertificateTreeModel : public QObject {
    Q_OBJECT
private slots:
    void structureAndValues()
    {
        CertificateTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto chain = tests::testPki().chain();
        model.setReport(tests::validateWithTestRoot(chain.xml));
        QCOMPARE(dump(model, {}, 0, 3),
                 QStringLiteral("c:CertificateCollection\n  Certificate 0 (leaf)\n    c:Data\n    Signature\n"
                                "  Certificate 1 (IHV)\n    c:Data\n    Signature\n  Certificate 2 (root)\n    c:Data\n    Signature\n"));
        const QModelIndex modulus = findByName(model, QStringLiteral("Modulus"));
        QVERIFY(modulus.isValid());
        QVERIFY2(modulus.siblingAtColumn(1).data().toString().startsWith(QStringLiteral("256 bytes (2048-bit)")),
                 qPrintable(modulus.siblingAtColumn(1).data().toString()));
        QCOMPARE(modulus.data(CertificateTreeModel::CopyHexRole).toString().size(), 512);
        // Data shows its size and the SHA-1 of its exact bytes.
        const QModelIndex data = findByName(model, QStringLiteral("c:Data"));
        QVERIFY(data.siblingAtColumn(1).data().toString().contains(QString::fromLatin1(chain.digests.at(0).toHex())));
        QCOMPARE(data.data(CertificateTreeModel::SpanBeginRole).toLongLong(), chain.xml.indexOf(chain.dataBytes.at(0)));
        // Steps that used the leaf's Data are listed on it.
        const QStringList steps = data.data(CertificateTreeModel::StepRulesRole).toStringList();
        QVERIFY2(steps.contains(QStringLiteral("cert.digest@0")) && steps.contains(QStringLiteral("cert.signature@0")),
                 qPrintable(steps.join(u',')));
    }

    void missingPartsAreNodes()
    {
        CertificateTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QByteArray xml = tests::testPki().chain().xml;
        // Drop the last certificate entirely and the IHV's Signature.
        const qsizetype lastCert = xml.lastIndexOf("<c:Certificate ");
        xml.remove(lastCert, xml.indexOf("</c:Certificate>", lastCert) + 16 - lastCert);
        const qsizetype second = xml.indexOf("<Signature", xml.indexOf("<c:Certificate ", xml.indexOf("<c:Certificate ") + 1));
        xml.remove(second, xml.indexOf("</Signature>", second) + 12 - second);
        model.setReport(tests::validateWithTestRoot(xml));
        const QModelIndex missingRoot = findByName(model, QStringLiteral("Certificate 2 (root) — missing"));
        QVERIFY2(missingRoot.isValid(), qPrintable(dump(model)));
        QVERIFY(missingRoot.data(CertificateTreeModel::MissingRole).toBool());
        QVERIFY(findByName(model, QStringLiteral("Signature — missing")).isValid());
    }

    void failingNodesCarryTheOutcome()
    {
        CertificateTreeModel model;
        const auto chain = tests::testPki().chain({}, testpki::Break{validation::Rule::CertDigest, 1});
        model.setReport(tests::validateWithTestRoot(chain.xml));
        const QModelIndex digest = model.indexForElement(
            tests::validateWithTestRoot(chain.xml).steps.at(15).elements.last()); // cert.digest@1's DigestValue
        QVERIFY(digest.isValid());
        QCOMPARE(digest.data(CertificateTreeModel::OutcomeRole).toInt(), int(validation::Outcome::Fail));
        // The failure shows on the certificate too (collapsed trees still point at it).
        const QModelIndex certificate = model.index(1, 0, model.index(0, 0));
        QCOMPARE(certificate.data().toString(), QStringLiteral("Certificate 1 (IHV)"));
        QCOMPARE(certificate.data(CertificateTreeModel::OutcomeRole).toInt(), int(validation::Outcome::Fail));
        QCOMPARE(model.index(0, 0, model.index(0, 0)).data(CertificateTreeModel::OutcomeRole).toInt(),
                 int(validation::Outcome::Pass));
    }

    // With collection.version failed, every step of the certificates is skipped:
    // they showed ticks (collection.count, which passed, had counted them). Now
    // they are "not checked", in icon (the proxy's dash) and in words.
    void certificatesWhoseStepsWereSkippedAreNotChecked()
    {
        CertificateTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto chain = tests::testPki().chain({}, testpki::Break{validation::Rule::CollectionVersion, -1});
        model.setReport(tests::validateWithTestRoot(chain.xml));
        const QModelIndex collection = model.index(0, 0);
        QCOMPARE(collection.data(CertificateTreeModel::OutcomeRole).toInt(), int(validation::Outcome::Fail));
        for (int i = 0; i < 3; ++i) {
            const QModelIndex certificate = model.index(i, 0, collection);
            QCOMPARE(certificate.data(CertificateTreeModel::OutcomeRole).toInt(), int(validation::Outcome::Skipped));
            QCOMPARE(certificate.data(Qt::AccessibleDescriptionRole).toString(), QStringLiteral("Not checked"));
            QVERIFY2(certificate.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Not checked")),
                     qPrintable(certificate.data(Qt::ToolTipRole).toString()));
            QCOMPARE(certificate.siblingAtColumn(CertificateTreeModel::ValueColumn).data().toString(),
                     QStringLiteral("not checked: its steps were skipped"));
        }
        // A valid chain keeps its ticks, though crl.revoked is skipped (no list given).
        model.setReport(tests::validateWithTestRoot(tests::testPki().chain().xml));
        for (int i = 0; i < 3; ++i) {
            const QModelIndex certificate = model.index(i, 0, model.index(0, 0));
            QCOMPARE(certificate.data(CertificateTreeModel::OutcomeRole).toInt(), int(validation::Outcome::Pass));
            QCOMPARE(certificate.data(Qt::AccessibleDescriptionRole).toString(), QStringLiteral("Passed"));
            QVERIFY(certificate.siblingAtColumn(CertificateTreeModel::ValueColumn).data().toString().isEmpty());
        }
    }

    void notWellFormedGivesAnEmptyTree()
    {
        CertificateTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(tests::validateWithTestRoot("<broken"));
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCertificateTreeModel)
#include "tst_certificatetreemodel.moc"

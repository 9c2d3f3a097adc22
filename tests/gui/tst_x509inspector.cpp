// SPDX-License-Identifier: BSD-3-Clause
// The inspector with OPM certificate bundles (X.509), offscreen: the test PKI's
// PKCS#7 bundle opened in MainWindow lists the x509.* steps; the certificate
// tree has one node per certificate in path order with decoded fields, the
// certificate's DER span and step outcomes; the verdict is valid with the test
// root as trust anchor and fails x509.trusted_root with the default anchor; a
// bad anchor file changes nothing; a broken signature shows where.
#include <support/testsupport.h>

#include <app/gui/mainwindow.h>
#include <core/cert/x509bundle.h>
#include <core/models/certificatetreemodel.h>
#include <core/models/validationstepmodel.h>

#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace copp;
using models::CertificateTreeModel;
using models::ValidationStepModel;
using validation::Outcome;
using validation::Rule;

#define OPEN_AND_WAIT(window, path)                                                \
    do {                                                                           \
        QVERIFY((window).openChain(path));                                         \
        QTRY_VERIFY_WITH_TIMEOUT(!(window).isValidating(), 20000);                 \
    } while (false)
#define WAIT_SHOWN(window) QTRY_VERIFY_WITH_TIMEOUT(!(window).isValidating(), 20000)

namespace {

QStringList stepIds(const ValidationStepModel& model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex i = model.index(row, 0);
        const int cert = i.data(ValidationStepModel::CertificateRole).toInt();
        ids << i.data(ValidationStepModel::RuleIdRole).toString() + (cert < 0 ? QString() : u'@' + QString::number(cert));
    }
    return ids;
}

QString name(const QModelIndex& node)
{
    return node.siblingAtColumn(CertificateTreeModel::NameColumn).data().toString();
}

QString value(const QModelIndex& node)
{
    return node.siblingAtColumn(CertificateTreeModel::ValueColumn).data().toString();
}

// The child row of a certificate node called `field`, or invalid.
QModelIndex field(const QAbstractItemModel& model, const QModelIndex& certificate, const QString& field)
{
    for (int row = 0; row < model.rowCount(certificate); ++row) {
        const QModelIndex child = model.index(row, 0, certificate);
        if (name(child) == field)
            return child;
    }
    return {};
}

QVariant outcome(const QModelIndex& node)
{
    return node.data(CertificateTreeModel::OutcomeRole);
}

} // namespace

class TestX509Inspector : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString write(const QString& fileName, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(fileName);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(bytes);
        return path;
    }
    QString anchorPath() { return write(QStringLiteral("test-anchor.pem"), tests::x509Material().trustAnchorPem); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CoppScopeTest"));
        QSettings().clear();
    }

    void validBundleWithTrustAnchor()
    {
        const testpki::X509Material& material = tests::x509Material();
        ui::MainWindow w;
        QVERIFY(w.setX509TrustAnchorFile(anchorPath()));
        OPEN_AND_WAIT(w, write(QStringLiteral("opm.p7b"), material.bundle));
        QVERIFY2(w.verdictText().startsWith(QStringLiteral("✓ VALID: opm.p7b")), qPrintable(w.verdictText()));
        QVERIFY2(w.verdictText().contains(QStringLiteral("test-anchor.pem")), qPrintable(w.verdictText()));
        QCOMPARE(w.stepModel()->report().format, validation::ChainFormat::X509);

        // The step list: only x509.* rules, every one of them, all passed.
        const QStringList ids = stepIds(*w.stepModel());
        for (const QString& id : ids)
            QVERIFY2(id.startsWith(QStringLiteral("x509.")), qPrintable(id));
        for (Rule rule : validation::kX509Rules)
            QVERIFY2(ids.join(u' ').contains(validation::ruleId(rule)), qPrintable(validation::ruleId(rule)));
        QVERIFY(ids.contains(QStringLiteral("x509.signature@1")));
        QVERIFY(ids.contains(QStringLiteral("x509.trusted_root@2")));

        // The tree: three certificates in path order, each with its fields.
        const CertificateTreeModel& tree = *w.certificateModel();
        QCOMPARE(tree.rowCount(), 3);
        QVERIFY2(name(tree.index(0, 0)).startsWith(QStringLiteral("0 leaf: CN=") + testpki::X509TestPki::leafCn()),
                 qPrintable(name(tree.index(0, 0))));
        QVERIFY2(name(tree.index(1, 0)).startsWith(QStringLiteral("1: CN=") + testpki::X509TestPki::intermediateCn()),
                 qPrintable(name(tree.index(1, 0))));
        QVERIFY2(name(tree.index(2, 0)).startsWith(QStringLiteral("2 root: CN=") + testpki::X509TestPki::rootCn()),
                 qPrintable(name(tree.index(2, 0))));
        const QStringList cns{testpki::X509TestPki::leafCn(), testpki::X509TestPki::intermediateCn(),
                              testpki::X509TestPki::rootCn()};
        for (int i = 0; i < 3; ++i) {
            const QModelIndex cert = tree.index(i, 0);
            QCOMPARE(outcome(cert).toInt(), static_cast<int>(Outcome::Pass));
            for (const char* f : {"Subject", "Issuer", "Serial", "Valid from", "Valid until", "Public key",
                                  "Signature algorithm", "SPKI SHA-256", "CA"})
                QVERIFY2(field(tree, cert, QString::fromLatin1(f)).isValid(), f);
            QVERIFY(value(field(tree, cert, QStringLiteral("Subject"))).contains(QStringLiteral("CN=") + cns[i]));
            QVERIFY(value(field(tree, cert, QStringLiteral("Issuer"))).contains(QStringLiteral("CN=") + cns[qMin(i + 1, 2)]));
            QCOMPARE(value(field(tree, cert, QStringLiteral("Public key"))), QStringLiteral("RSA 2048 bits"));
            QCOMPARE(value(field(tree, cert, QStringLiteral("Signature algorithm"))), QStringLiteral("sha256WithRSAEncryption"));
            QVERIFY(value(field(tree, cert, QStringLiteral("CA"))).startsWith(i == 0 ? QStringLiteral("no") : QStringLiteral("yes")));
            QVERIFY(outcome(field(tree, cert, QStringLiteral("Valid until"))).isValid());
            QVERIFY(!outcome(field(tree, cert, QStringLiteral("Serial"))).isValid()); // no step is about it
            QVERIFY(field(tree, cert, QStringLiteral("Valid from")).data(CertificateTreeModel::StepRulesRole).toStringList()
                        .contains(QStringLiteral("x509.validity@%1").arg(i)));
            // The span is the certificate's DER in the bundle, found independently.
            const QByteArray& der = material.certificates[i];
            const qsizetype at = material.bundle.indexOf(der);
            QVERIFY(at > 0);
            for (const QModelIndex& node : {cert, field(tree, cert, QStringLiteral("Subject"))}) {
                QCOMPARE(node.data(CertificateTreeModel::SpanBeginRole).toLongLong(), at);
                QCOMPARE(node.data(CertificateTreeModel::SpanEndRole).toLongLong(), at + der.size());
            }
            QCOMPARE(cert.data(CertificateTreeModel::CopyHexRole).toString(), QString::fromLatin1(der.toHex()));
        }
        const QString spki = value(field(tree, tree.index(2, 0), QStringLiteral("SPKI SHA-256")));
        QCOMPARE(spki, QString::fromLatin1(w.stepModel()->report().x509Certificates[2].spkiSha256.toHex()));
        QCOMPARE(spki.size(), 64);

        // The view shows the X.509 tree, and a step selects its certificate.
        QCOMPARE(w.certificateView()->model()->rowCount(), 3);
        const int row = static_cast<int>(ids.indexOf(QStringLiteral("x509.signature@1")));
        w.stepView()->setCurrentIndex(w.stepView()->model()->index(row, 0));
        const QModelIndexList selected = w.certificateView()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QVERIFY(name(selected.first()).startsWith(QStringLiteral("1: ")));
    }

    void defaultAnchorRejectsTheTestRoot()
    {
        ui::MainWindow w;
        OPEN_AND_WAIT(w, write(QStringLiteral("default.p7b"), tests::x509Material().bundle));
        QVERIFY2(w.verdictText().startsWith(QStringLiteral("✗ REJECTED: default.p7b")), qPrintable(w.verdictText()));
        QVERIFY2(w.verdictText().contains(QStringLiteral("x509.trusted_root in certificate 2")), qPrintable(w.verdictText()));
        QVERIFY(w.verdictText().contains(QStringLiteral("X.509 trust anchor: ")));
        QCOMPARE(tests::failuresText(w.stepModel()->report()), QStringList{QStringLiteral("x509.trusted_root@2")});
        const CertificateTreeModel& tree = *w.certificateModel();
        QCOMPARE(tree.rowCount(), 3);
        QCOMPARE(outcome(tree.index(2, 0)).toInt(), static_cast<int>(Outcome::Fail));
        QCOMPARE(outcome(field(tree, tree.index(2, 0), QStringLiteral("SPKI SHA-256"))).toInt(), static_cast<int>(Outcome::Fail));
        QCOMPARE(outcome(tree.index(0, 0)).toInt(), static_cast<int>(Outcome::Pass));

        // With the anchor: valid; a file that is no certificate changes nothing; back to the default: rejected.
        QVERIFY(w.setX509TrustAnchorFile(anchorPath()));
        WAIT_SHOWN(w);
        QVERIFY2(w.verdictText().startsWith(QStringLiteral("✓ VALID")), qPrintable(w.verdictText()));
        QVERIFY(!w.setX509TrustAnchorFile(write(QStringLiteral("junk.pem"), "this is not a certificate")));
        QVERIFY(!w.setX509TrustAnchorFile(m_dir.filePath(QStringLiteral("missing.pem"))));
        WAIT_SHOWN(w);
        QVERIFY2(w.verdictText().startsWith(QStringLiteral("✓ VALID")), qPrintable(w.verdictText()));
        QVERIFY(w.verdictText().contains(QStringLiteral("test-anchor.pem")));
        w.useDefaultX509Anchor();
        WAIT_SHOWN(w);
        QVERIFY2(w.verdictText().contains(QStringLiteral("x509.trusted_root")), qPrintable(w.verdictText()));
    }

    void brokenSignatureShowsWhere()
    {
        ui::MainWindow w;
        QVERIFY(w.setX509TrustAnchorFile(anchorPath()));
        const auto& broken = tests::x509Material(testpki::X509Break{Rule::X509Signature, 1});
        OPEN_AND_WAIT(w, write(QStringLiteral("broken.p7b"), broken.bundle));
        QVERIFY2(w.verdictText().contains(QStringLiteral("x509.signature in certificate 1")), qPrintable(w.verdictText()));
        const CertificateTreeModel& tree = *w.certificateModel();
        QCOMPARE(tree.rowCount(), 3);
        QCOMPARE(outcome(tree.index(1, 0)).toInt(), static_cast<int>(Outcome::Fail));
        QCOMPARE(outcome(field(tree, tree.index(1, 0), QStringLiteral("Signature algorithm"))).toInt(),
                 static_cast<int>(Outcome::Fail));
        QCOMPARE(outcome(field(tree, tree.index(1, 0), QStringLiteral("Public key"))).toInt(), static_cast<int>(Outcome::Pass));
        QCOMPARE(outcome(tree.index(0, 0)).toInt(), static_cast<int>(Outcome::Pass));
        // The step list opens on the failure.
        const QModelIndex current = w.stepView()->currentIndex();
        QCOMPARE(current.data(ValidationStepModel::RuleIdRole).toString(), QStringLiteral("x509.signature"));
        QCOMPARE(current.data(ValidationStepModel::CertificateRole).toInt(), 1);
    }

    void pemBundleHasNoSpans()
    {
        QByteArray pem;
        for (const QByteArray& der : tests::x509Material().certificates)
            pem += cert::toPem(der, "CERTIFICATE");
        ui::MainWindow w;
        QVERIFY(w.setX509TrustAnchorFile(anchorPath()));
        OPEN_AND_WAIT(w, write(QStringLiteral("chain.pem"), pem));
        QVERIFY2(w.verdictText().startsWith(QStringLiteral("✓ VALID")), qPrintable(w.verdictText()));
        const CertificateTreeModel& tree = *w.certificateModel();
        QCOMPARE(tree.rowCount(), 3);
        QCOMPARE(tree.index(0, 0).data(CertificateTreeModel::SpanBeginRole).toLongLong(), -1);
        QVERIFY(!tree.index(0, 0).data(CertificateTreeModel::MissingRole).toBool());
    }

    void xmlChainStillShownAsXml()
    {
        ui::MainWindow w;
        QVERIFY(w.setX509TrustAnchorFile(anchorPath()));
        OPEN_AND_WAIT(w, write(QStringLiteral("first.p7b"), tests::x509Material().bundle));
        QCOMPARE(w.certificateModel()->rowCount(), 3);
        w.setTrustRootFile(write(QStringLiteral("root.xml"), tests::testPki().rootKeyXml()));
        OPEN_AND_WAIT(w, write(QStringLiteral("chain.xml"), tests::testPki().chain().xml));
        WAIT_SHOWN(w);
        QVERIFY2(w.verdictText().startsWith(QStringLiteral("✓ VALID: chain.xml (trust root:")), qPrintable(w.verdictText()));
        QCOMPARE(w.stepModel()->report().format, validation::ChainFormat::CoppXml);
        QCOMPARE(w.certificateModel()->rowCount(), 1); // the collection
        QCOMPARE(name(w.certificateModel()->index(0, 0, w.certificateModel()->index(0, 0))),
                 QStringLiteral("Certificate 0 (leaf)"));
    }
};

QTEST_MAIN(TestX509Inspector)
#include "tst_x509inspector.moc"

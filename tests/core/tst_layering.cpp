// SPDX-License-Identifier: BSD-3-Clause
// docs/architecture.md: core/ never includes widget or GUI headers (the CMake check
// guards linking; this guards includes in headers that compile anyway).
#include <QDirIterator>
#include <QRegularExpression>
#include <QtTest>

class TestLayering : public QObject {
    Q_OBJECT
private slots:
    void coreHasNoGuiIncludes()
    {
        const QString core = qEnvironmentVariable("COPP_SOURCE_DIR") + QStringLiteral("/core");
        QVERIFY2(QFileInfo(core).isDir(), qPrintable(core));
        const QRegularExpression forbidden(QStringLiteral("#\\s*include\\s*[<\"](QWidget|QColor|QIcon|QPixmap|QFont|QtWidgets|QtGui)"));
        int files = 0;
        QDirIterator it(core, {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(f.readAll());
            QVERIFY2(!forbidden.match(text).hasMatch(), qPrintable(f.fileName()));
            ++files;
        }
        QVERIFY(files > 10);
    }

    void kernelHasNoQt()
    {
        const QString kernel = qEnvironmentVariable("COPP_SOURCE_DIR") + QStringLiteral("/core/kernel");
        QDirIterator it(kernel, {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains("#include <Q"), qPrintable(f.fileName()));
            ++files;
        }
        QVERIFY(files > 3);
    }

    // The tiers point down only: core never includes widgets or app, widgets
    // never include app, the kernel includes nothing of core above it
    // (docs/architecture.md "Layers").
    void includesPointDown()
    {
        struct Tier {
            QString folder;
            QRegularExpression forbidden;
        };
        const QList<Tier> tiers = {
            {QStringLiteral("core"), QRegularExpression(QStringLiteral(R"(#\s*include\s*<(widgets|app)/)"))},
            {QStringLiteral("widgets"), QRegularExpression(QStringLiteral(R"(#\s*include\s*<app/)"))},
            {QStringLiteral("core/kernel"), QRegularExpression(QStringLiteral(R"(#\s*include\s*<core/(?!kernel/))"))},
        };
        for (const Tier& tier : tiers) {
            const QString dir = qEnvironmentVariable("COPP_SOURCE_DIR") + QLatin1Char('/') + tier.folder;
            QDirIterator it(dir, {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories);
            int files = 0;
            while (it.hasNext()) {
                QFile f(it.next());
                QVERIFY(f.open(QIODevice::ReadOnly));
                const auto match = tier.forbidden.match(QString::fromUtf8(f.readAll()));
                QVERIFY2(!match.hasMatch(), qPrintable(f.fileName() + QStringLiteral(": ") + match.captured(0)));
                ++files;
            }
            QVERIFY2(files > 3, qPrintable(tier.folder));
        }
    }

    // core/kernel/wire (copp_wire) is shared by the kernel and the Windows
    // agent, which links neither Qt nor Crypto++: standard headers only.
    void wireHasOnlyStandardIncludes()
    {
        const QString wire = qEnvironmentVariable("COPP_SOURCE_DIR") + QStringLiteral("/core/kernel/wire");
        const QRegularExpression include(QStringLiteral("#\\s*include\\s*([<\"][^>\"]*[>\"])"));
        QDirIterator it(wire, {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            auto matches = include.globalMatch(QString::fromUtf8(f.readAll()));
            while (matches.hasNext()) {
                const QString header = matches.next().captured(1);
                QVERIFY2(header.startsWith(u'<') && !header.contains(u'/') && !header.contains(u'.'),
                         qPrintable(f.fileName() + QStringLiteral(": ") + header));
            }
            ++files;
        }
        QCOMPARE(files, 4);
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"

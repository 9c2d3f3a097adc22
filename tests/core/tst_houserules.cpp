// SPDX-License-Identifier: BSD-3-Clause
// The house rules of docs/development.md that a machine can check: every source
// file carries its SPDX line, no file outside tests grows past 600 lines,
// includes name their tier, and comments point into the repository (docs/ and
// rule ids), never to reference material outside it.
#include <QDirIterator>
#include <QRegularExpression>
#include <QtTest>

namespace {

QString sourceDir()
{
    return qEnvironmentVariable("COPP_SOURCE_DIR");
}

// Every C++ source below the given top-level folders, as paths relative to the
// source tree.
QStringList sources(const QStringList& tops, const QStringList& patterns = {QStringLiteral("*.h"), QStringLiteral("*.cpp")})
{
    QStringList out;
    const QDir root(sourceDir());
    for (const QString& top : tops) {
        QDirIterator it(root.filePath(top), patterns, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            out << root.relativeFilePath(it.next());
    }
    out.sort();
    return out;
}

QByteArray contents(const QString& relative)
{
    QFile f(QDir(sourceDir()).filePath(relative));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

const QStringList kProductTops = {QStringLiteral("core"), QStringLiteral("widgets"), QStringLiteral("app")};
const QStringList kAllTops = {QStringLiteral("core"), QStringLiteral("widgets"), QStringLiteral("app"), QStringLiteral("tests")};

} // namespace

class TestHouseRules : public QObject {
    Q_OBJECT
private slots:
    void everySourceHasItsSpdxLine()
    {
        const QStringList files = sources(kAllTops + QStringList{QStringLiteral("cmake"), QStringLiteral("scripts")},
                                          {QStringLiteral("*.h"), QStringLiteral("*.cpp"), QStringLiteral("*.cmake"),
                                           QStringLiteral("CMakeLists.txt"), QStringLiteral("*.sh")});
        QVERIFY(files.size() > 100);
        QStringList missing;
        for (const QString& file : files) {
            const QList<QByteArray> head = contents(file).split('\n').mid(0, 2);
            if (!head.join('\n').contains("SPDX-License-Identifier: BSD-3-Clause"))
                missing << file;
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char(' '))));
    }

    void noProductFileOverSixHundredLines()
    {
        QStringList tooLong;
        for (const QString& file : sources(kProductTops)) {
            const qsizetype lines = contents(file).count('\n');
            if (lines > 600)
                tooLong << QStringLiteral("%1 (%2 lines)").arg(file).arg(lines);
        }
        QVERIFY2(tooLong.isEmpty(), qPrintable(tooLong.join(QStringLiteral(", "))));
    }

    void includesNameTheirTier()
    {
        // Only moc's generated "name.moc" is included by bare name.
        const QRegularExpression bare(QStringLiteral("^\\s*#\\s*include\\s*\"(?![^\"]+\\.moc\")[^\"]+\""),
                                      QRegularExpression::MultilineOption);
        QStringList offenders;
        for (const QString& file : sources(kAllTops)) {
            const auto match = bare.match(QString::fromUtf8(contents(file)));
            if (match.hasMatch())
                offenders << QStringLiteral("%1: %2").arg(file, match.captured(0).trimmed());
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
    }

    void commentsPointIntoTheRepository()
    {
        // The reference documents, the design seeds and the issue tracker are
        // not part of the repository; comments name docs/ sections and rule ids.
        const QRegularExpression outside(QStringLiteral(
            R"(\.\./shared/(spec|seeds)|cli-contract\.md|(?<!docs/)\bprotocol\.md|\bseeds?[ /]?0\d\d|\bseeds/|\b[Ii]ssues? #?\d+|ARCHITECTURE\.md|EXAMPLES\.md)"));
        QStringList offenders;
        const QStringList files = sources(kAllTops + QStringList{QStringLiteral("cmake"), QStringLiteral("scripts")},
                                          {QStringLiteral("*.h"), QStringLiteral("*.cpp"), QStringLiteral("*.cmake"),
                                           QStringLiteral("CMakeLists.txt"), QStringLiteral("*.sh")});
        for (const QString& file : files) {
            const QList<QByteArray> lines = contents(file).split('\n');
            for (qsizetype i = 0; i < lines.size(); ++i) {
                const QString line = QString::fromUtf8(lines[i]);
                if (outside.match(line).hasMatch())
                    offenders << QStringLiteral("%1:%2: %3").arg(file).arg(i + 1).arg(line.trimmed());
            }
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.mid(0, 40).join(QLatin1Char('\n'))));
    }

    void theRepositoryHasItsLicence()
    {
        const QByteArray licence = contents(QStringLiteral("LICENSE"));
        QVERIFY(licence.startsWith("BSD 3-Clause License"));
    }
};

QTEST_GUILESS_MAIN(TestHouseRules)
#include "tst_houserules.moc"

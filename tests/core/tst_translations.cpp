// SPDX-License-Identifier: BSD-3-Clause
// Every .ts in translations/ is complete (no unfinished, empty or vanished
// entries) and up to date with the sources (lupdate finds nothing new), and the
// built .qm translates.
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Entry {
    QString context;
    QString source;
    QString translation;
    QString type;
};

QList<Entry> readTs(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QList<Entry> entries;
    QXmlStreamReader xml(&file);
    QString context;
    Entry current;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name")
            context = xml.readElementText();
        else if (xml.name() == u"message")
            current = Entry{context, {}, {}, {}};
        else if (xml.name() == u"source")
            current.source = xml.readElementText();
        else if (xml.name() == u"translation") {
            current.type = xml.attributes().value(QStringLiteral("type")).toString();
            current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements); // plural forms are <numerusform> children
            entries.append(current);
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return entries;
}

QString sourceDir()
{
    return qEnvironmentVariable("COPP_SOURCE_DIR");
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void everyEntryIsTranslated()
    {
        const QStringList files = QDir(sourceDir() + QStringLiteral("/translations")).entryList({QStringLiteral("*.ts")});
        QVERIFY(!files.isEmpty());
        for (const QString& name : files) {
            const QList<Entry> entries = readTs(sourceDir() + QStringLiteral("/translations/") + name);
            QVERIFY(entries.size() > 100);
            for (const Entry& e : entries) {
                const QString where = name + QStringLiteral(" [") + e.context + QStringLiteral("] ") + e.source;
                QVERIFY2(e.type.isEmpty(), qPrintable(e.type + QStringLiteral(": ") + where));
                QVERIFY2(!e.translation.isEmpty(), qPrintable(QStringLiteral("empty: ") + where));
                // Placeholders survive translation.
                for (int n = 1; n <= 9; ++n) {
                    const QString p = u'%' + QString::number(n);
                    QVERIFY2(e.source.contains(p) == e.translation.contains(p), qPrintable(p + QStringLiteral(" in ") + where));
                }
            }
        }
    }

    void noSourceStringIsMissing()
    {
        const QString lupdate = QStringLiteral(COPP_LUPDATE);
        if (lupdate.isEmpty() || lupdate.endsWith(QStringLiteral("NOTFOUND")))
            QSKIP("lupdate not found (qt6-l10n-tools)");
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
        QProcess p;
        p.setWorkingDirectory(sourceDir());
        // -I .: includes name their tier (<widgets/sessionpanel.h>), and lupdate
        // needs the class's namespace from its header to file the context.
        p.start(lupdate, {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-I"), QStringLiteral("."),
                          QStringLiteral("core"), QStringLiteral("widgets"), QStringLiteral("app"), QStringLiteral("-ts"), fresh});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        QSet<QString> committed;
        for (const Entry& e : readTs(sourceDir() + QStringLiteral("/translations/coppscope_de.ts")))
            committed.insert(e.context + u'\x1f' + e.source);
        QStringList missing;
        const QList<Entry> now = readTs(fresh);
        for (const Entry& e : now) {
            if (!committed.contains(e.context + u'\x1f' + e.source))
                missing.append(QStringLiteral("[") + e.context + QStringLiteral("] ") + e.source);
        }
        QVERIFY(now.size() > 100);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("run lupdate and translate: ") + missing.join(QStringLiteral("; "))));
    }

    void builtCatalogTranslates()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral("coppscope_de"), QStringLiteral(COPP_QM_DIR)));
        QCOMPARE(translator.translate("copp::validation::Rule", "Signature"), QStringLiteral("Signatur"));
        QCOMPARE(translator.translate("copp::models::ValidationStepModel", "Failed"), QStringLiteral("Fehlgeschlagen"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"

// SPDX-License-Identifier: BSD-3-Clause
// coppscope-cli session, emulator --stdio and calc end to end (docs/cli.md
// §2-§4): events, exit codes, secrets, the agent pipe both ways, transcripts.
#include <support/testsupport.h>

#include <core/kernel/protocol/sessionstart.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace copp;

namespace {
// A session's --json output, one event per line.
struct Run : tests::CliRun {
    QList<QJsonObject> events() const
    {
        QList<QJsonObject> list;
        for (const QByteArray& line : out.split('\n'))
            if (!line.trimmed().isEmpty())
                list.append(QJsonDocument::fromJson(line).object());
        return list;
    }
    QStringList alerts() const
    {
        QStringList kinds;
        for (const QJsonObject& e : events())
            if (e.value(QStringLiteral("event")).toString() == u"alert")
                kinds.append(e.value(QStringLiteral("kind")).toString());
        return kinds;
    }
};
} // namespace

class TestSessionCli : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_keys;

    Run cli(const QStringList& args) { return Run{tests::runCli(args)}; }
    QStringList session(QStringList extra)
    {
        return QStringList{QStringLiteral("session"), QStringLiteral("--keys"), m_keys, QStringLiteral("--json"),
                           QStringLiteral("--poll-ms"), QStringLiteral("100")}
            + extra;
    }
    QString agent(const QString& faults = QString())
    {
        return QStringLiteral("exec:'%1' emulator --stdio --keys '%2' %3").arg(qEnvironmentVariable("COPP_CLI"), m_keys, faults);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_keys = m_dir.filePath(QStringLiteral("keys"));
        QVERIFY(QDir().mkpath(m_keys));
        QVERIFY(tests::testPki().keys().save(m_keys).ok()); // no key generation in each run
    }

    void cleanSessionExitsZeroWithEveryEvent()
    {
        const Run r = cli(session({QStringLiteral("--device"), QStringLiteral("emulator"), QStringLiteral("--protect"),
                                   QStringLiteral("hdcp=1"), QStringLiteral("--duration"), QStringLiteral("0.6")}));
        QCOMPARE(r.exitCode, 0);
        QStringList names;
        for (const QJsonObject& e : r.events()) {
            names.append(e.value(QStringLiteral("event")).toString());
            QVERIFY(!e.contains(QStringLiteral("session_key")));
        }
        for (const char* expected : {"key_exchange", "chain", "session_started", "command", "status", "end"})
            QVERIFY2(names.contains(QLatin1String(expected)), expected);
        QCOMPARE(names.count(QStringLiteral("end")), 1);
        QCOMPARE(names.last(), QStringLiteral("end"));
        QVERIFY(r.alerts().isEmpty());
        const QJsonObject chain = r.events().at(names.indexOf(QStringLiteral("chain")));
        QVERIFY(chain.value(QStringLiteral("valid")).toBool());
        QVERIFY(chain.value(QStringLiteral("test_root")).toBool());
    }

    void sessionKeyAppearsOnlyWhenRevealed()
    {
        const Run hidden = cli(session({QStringLiteral("--duration"), QStringLiteral("0")}));
        const Run shown = cli(session({QStringLiteral("--duration"), QStringLiteral("0"), QStringLiteral("--reveal-secrets")}));
        QString key;
        for (const QJsonObject& e : shown.events())
            if (e.value(QStringLiteral("event")).toString() == u"session_started")
                key = e.value(QStringLiteral("session_key")).toString();
        QCOMPARE(key.size(), 32);
        QVERIFY(!hidden.out.contains("session_key"));
        // A different session has a different key, but no encoding of any key is printed when hidden.
        QVERIFY(!hidden.out.contains(key.toLatin1()));
    }

    void faultsAndScenariosRaiseAlertsAndExitOne_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("alert");
        QTest::newRow("bad-reply-mac") << QStringList{QStringLiteral("--fault"), QStringLiteral("bad-reply-mac@2")} << "mac_mismatch";
        QTest::newRow("untrusted-chain") << QStringList{QStringLiteral("--fault"), QStringLiteral("untrusted-chain")} << "chain_invalid";
        QTest::newRow("revoked-chain") << QStringList{QStringLiteral("--fault"), QStringLiteral("revoked-chain")} << "chain_invalid";
        QTest::newRow("fail-command") << QStringList{QStringLiteral("--fault"), QStringLiteral("fail-command=E_INVALIDARG")} << "device_error";
        QTest::newRow("stall") << QStringList{QStringLiteral("--fault"), QStringLiteral("stall@2"), QStringLiteral("--call-timeout"),
                                              QStringLiteral("0.2")}
                               << "timeout";
    }

    void faultsAndScenariosRaiseAlertsAndExitOne()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, alert);
        const Run r = cli(session(QStringList{QStringLiteral("--protect"), QStringLiteral("hdcp=1"), QStringLiteral("--duration"),
                                              QStringLiteral("0.5")}
                                  + options));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.alerts().contains(alert), r.out.constData());
        QCOMPARE(r.events().last().value(QStringLiteral("event")).toString(), QStringLiteral("end"));
    }

    void agentPipeBothWays()
    {
        // The emulator served over the pipe, driven by the session client.
        QString root = m_dir.filePath(QStringLiteral("root.xml"));
        QFile rootFile(root);
        QVERIFY(rootFile.open(QIODevice::WriteOnly));
        rootFile.write(tests::testPki().rootKeyXml());
        rootFile.close();
        const Run clean = cli(session({QStringLiteral("--device"), agent(), QStringLiteral("--trust-root"), root,
                                       QStringLiteral("--protect"), QStringLiteral("hdcp=1"), QStringLiteral("--duration"),
                                       QStringLiteral("0.5")}));
        QCOMPARE(clean.exitCode, 0);
        QVERIFY(clean.alerts().isEmpty());
        const Run faulty = cli(session({QStringLiteral("--device"), agent(QStringLiteral("--fault wrong-random@2")),
                                        QStringLiteral("--trust-root"), root, QStringLiteral("--duration"), QStringLiteral("0.3")}));
        QCOMPARE(faulty.exitCode, 1);
        QVERIFY(faulty.alerts().contains(QStringLiteral("random_mismatch")));
        // Without --trust-root an agent's chain is checked against Microsoft's key: rejected.
        const Run untrusted = cli(session({QStringLiteral("--device"), agent(), QStringLiteral("--duration"), QStringLiteral("0")}));
        QCOMPARE(untrusted.alerts(), QStringList{QStringLiteral("chain_invalid")});
        // A --trust-anchor (X.509) says nothing about this XML chain: still Microsoft's key,
        // and the chain event does not claim a test root (it did).
        const QString anchor = m_dir.filePath(QStringLiteral("anchor.pem"));
        QCOMPARE(cli({QStringLiteral("emulator"), QStringLiteral("--stdio"), QStringLiteral("--interface"), QStringLiteral("opm"),
                      QStringLiteral("--keys"), m_keys, QStringLiteral("--trust-anchor-out"), anchor})
                     .exitCode,
                 0);
        const Run anchored = cli(session({QStringLiteral("--device"), agent(), QStringLiteral("--trust-anchor"), anchor,
                                          QStringLiteral("--duration"), QStringLiteral("0")}));
        QCOMPARE(anchored.alerts(), QStringList{QStringLiteral("chain_invalid")});
        for (const Run* run : {&untrusted, &anchored}) {
            const QJsonObject chain = run->events().at(1);
            QCOMPARE(chain.value(QStringLiteral("event")).toString(), QStringLiteral("chain"));
            QCOMPARE(chain.value(QStringLiteral("test_root")).toBool(true), false);
            QVERIFY(chain.value(QStringLiteral("trust_root")).toString().contains(QStringLiteral("Microsoft")));
        }
        QCOMPARE(clean.events().at(1).value(QStringLiteral("test_root")).toBool(), true); // --trust-root
    }

    void deviceThatCannotStartExitsTwo()
    {
        const Run r = cli(session({QStringLiteral("--device"), QStringLiteral("exec:/nonexistent/agent")}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("could not be started"));

        // docs/cli.md#session: "Every run, failed ones included, ends with exactly one end
        // event"; the transcript is written as for any failed run.
        const QString transcript = m_dir.filePath(QStringLiteral("not-started.json"));
        const Run json = cli(session({QStringLiteral("--device"), QStringLiteral("exec:/nonexistent/agent"), QStringLiteral("--json"),
                                      QStringLiteral("--transcript"), transcript}));
        QCOMPARE(json.exitCode, 2);
        const QList<QJsonObject> events = json.events();
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).value(QStringLiteral("event")).toString(), QStringLiteral("error"));
        QVERIFY(events.at(0).value(QStringLiteral("detail")).toString().contains(
            QStringLiteral("exited (code 127): the shell could not find the command")));
        QCOMPARE(events.at(1).value(QStringLiteral("event")).toString(), QStringLiteral("end"));
        QCOMPARE(events.at(1).value(QStringLiteral("reason")).toString(), QStringLiteral("the device could not be started"));
        QCOMPARE(events.at(1).value(QStringLiteral("started")).toBool(true), false);
        QFile file(transcript);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("events")).toArray().size(), 2);
    }

    // An agent that exits mid-session (a shell loop passes six requests, then the
    // emulator sees EOF): one device_error alert, then no more calls and an end event saying
    // so. It used to raise the same alert at every call, three per poll, until the
    // duration ran out. The transcript marks the call, so its replay stops there too.
    void agentThatExitsMidSessionIsLostOnce()
    {
        const QString root = m_dir.filePath(QStringLiteral("exit-root.xml"));
        QFile rootFile(root);
        QVERIFY(rootFile.open(QIODevice::WriteOnly));
        rootFile.write(tests::testPki().rootKeyXml());
        rootFile.close();
        const QString transcript = m_dir.filePath(QStringLiteral("lost.json"));
        const QString sixRequests = QStringLiteral(R"(i=0; while [ $i -lt 6 ] && IFS= read -r l; do printf '%s\n' "$l"; i=$((i+1)); done)");
        const QString device = QStringLiteral("exec:") + sixRequests + QStringLiteral(" | ") + agent().mid(5);
        const Run r = cli(session({QStringLiteral("--device"), device, QStringLiteral("--trust-root"), root,
                                   QStringLiteral("--protect"), QStringLiteral("hdcp=1"), QStringLiteral("--duration"),
                                   QStringLiteral("1.5"), QStringLiteral("--transcript"), transcript, QStringLiteral("--reveal-secrets")}));
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.alerts(), QStringList{QStringLiteral("device_error")});
        const QList<QJsonObject> events = r.events();
        int alertAt = -1;
        for (int i = 0; i < events.size(); ++i)
            if (events[i].value(QStringLiteral("event")).toString() == u"alert")
                alertAt = i;
        QVERIFY(events.at(alertAt).value(QStringLiteral("detail")).toString().contains(QStringLiteral("exited (code 0)")));
        QCOMPARE(alertAt, events.size() - 2); // nothing but the end after it
        QCOMPARE(events.last().value(QStringLiteral("event")).toString(), QStringLiteral("end"));
        QCOMPARE(events.last().value(QStringLiteral("reason")).toString(), QStringLiteral("device lost"));
        // Six answered: describe (asked for the transcript, then by the engine), key
        // exchange, start, the connector read at start, the command. The first poll's
        // call fails, and nothing is called after it.
        QCOMPARE(events.last().value(QStringLiteral("status_calls")).toInt(), 2);
        QCOMPARE(events.last().value(QStringLiteral("commands")).toInt(), 1);

        QFile file(transcript);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray calls = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("calls")).toArray();
        QVERIFY(!calls.isEmpty());
        QVERIFY(calls.last().toObject().value(QStringLiteral("lost")).toBool());
        const Run replay = cli({QStringLiteral("session"), QStringLiteral("--device"), QStringLiteral("replay:") + transcript,
                                QStringLiteral("--json")});
        QCOMPARE(replay.alerts(), QStringList{QStringLiteral("device_error")});
        bool matched = false;
        for (const QJsonObject& e : replay.events())
            if (e.value(QStringLiteral("event")).toString() == u"replay")
                matched = e.value(QStringLiteral("events_match")).toBool() && !e.contains(QStringLiteral("divergence"));
        QVERIFY2(matched, replay.out.constData());
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("device") << QStringList{QStringLiteral("--device"), QStringLiteral("nowhere")};
        QTest::newRow("protect") << QStringList{QStringLiteral("--protect"), QStringLiteral("hdcp=7")};
        QTest::newRow("fault") << QStringList{QStringLiteral("--fault"), QStringLiteral("explode")};
        QTest::newRow("scenario") << QStringList{QStringLiteral("--scenario"), QStringLiteral("no-such-scenario")};
        QTest::newRow("poll") << QStringList{QStringLiteral("--poll-ms"), QStringLiteral("0")};
        // A deadline that rounds to 0 ms, or NaN, switched the deadline off: a stalled device hung the run.
        QTest::newRow("call timeout under 1 ms") << QStringList{QStringLiteral("--call-timeout"), QStringLiteral("0.0009")};
        QTest::newRow("call timeout NaN") << QStringList{QStringLiteral("--call-timeout"), QStringLiteral("nan")};
        QTest::newRow("call timeout 0") << QStringList{QStringLiteral("--call-timeout"), QStringLiteral("0")};
        QTest::newRow("duration NaN") << QStringList{QStringLiteral("--duration"), QStringLiteral("nan")};
        // An X.509 chain has no revocation check: the fault did nothing and the run was green.
        QTest::newRow("revoked-chain on OPM semantics")
            << QStringList{QStringLiteral("--interface"), QStringLiteral("opm"), QStringLiteral("--fault"), QStringLiteral("revoked-chain")};
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, options);
        const Run r = cli(session(options));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
    }

    void transcriptRecordsCallsAndEvents()
    {
        const QString file = m_dir.filePath(QStringLiteral("t.json"));
        const Run r = cli(session({QStringLiteral("--protect"), QStringLiteral("hdcp=1"), QStringLiteral("--duration"),
                                   QStringLiteral("0.2"), QStringLiteral("--transcript"), file}));
        QCOMPARE(r.exitCode, 0);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        const QJsonObject t = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(t.value(QStringLiteral("format")).toString(), QStringLiteral("coppscope-transcript"));
        const QJsonArray calls = t.value(QStringLiteral("calls")).toArray();
        QCOMPARE(calls.first().toObject().value(QStringLiteral("method")).toString(), QStringLiteral("copp.keyExchange"));
        QCOMPARE(t.value(QStringLiteral("version")).toInt(), 2);
        int statusCalls = 0;
        for (const QJsonValue& call : calls) {
            if (call.toObject().value(QStringLiteral("method")).toString() != u"copp.protectionStatus")
                continue;
            ++statusCalls;
            // Version 2: the 4096-byte reply without its trailing zeros (a MAC, the
            // status data), which readers pad back.
            const QString output = call.toObject().value(QStringLiteral("result")).toObject().value(QStringLiteral("output")).toString();
            QVERIFY2(output.size() > 2 * 16 && output.size() < 2 * 100, qPrintable(output));
            QVERIFY(!output.endsWith(QStringLiteral("00")));
        }
        QVERIFY(statusCalls > 0);
        QCOMPARE(t.value(QStringLiteral("events")).toArray().size(), r.events().size());
        QVERIFY(!bytes.contains("session_key"));
    }

    void calcOmacMatchesRfc4493()
    {
        const Run r = cli({QStringLiteral("calc"), QStringLiteral("omac"), QStringLiteral("--key"),
                           QStringLiteral("2b7e151628aed2a6abf7158809cf4f3c"), QStringLiteral("--data"),
                           QStringLiteral("6bc1bee22e409f96e93d7e117393172a")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QByteArray("070a16b46b4d4144f79bdd9dd04a287c"));
        const Run empty = cli({QStringLiteral("calc"), QStringLiteral("omac"), QStringLiteral("--key"),
                               QStringLiteral("2b7e151628aed2a6abf7158809cf4f3c"), QStringLiteral("--data"), QString()});
        QCOMPARE(empty.out.trimmed(), QByteArray("bb1d6929e95937287fa37d129b756746"));
        const Run badKey = cli({QStringLiteral("calc"), QStringLiteral("omac"), QStringLiteral("--key"), QStringLiteral("00"),
                                QStringLiteral("--data"), QString()});
        QCOMPARE(badKey.exitCode, 2);
    }

    // README: "--help on any command prints that command's own usage" (calc --help was an unknown calculator).
    void calcHelpListsTheCalculators()
    {
        const Run r = cli({QStringLiteral("calc"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char* name : {"omac", "copp-signature", "opm-init"})
            QVERIFY2(r.out.contains(name), r.out.constData());
    }

    // The fault descriptions are UTF-8 ("§5.3"), not Latin-1 ("Â§5.3").
    void faultListIsUtf8()
    {
        const Run r = cli({QStringLiteral("emulator"), QStringLiteral("--list-faults")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("(\xC2\xA7" "5.3)"));  // "(§5.3)"
        QVERIFY(!r.out.contains("\xC3\x82"));       // "Â"
    }

    void calcCoppSignatureOpensToTheGivenSecrets()
    {
        const QString chain = m_dir.filePath(QStringLiteral("chain.xml"));
        QFile f(chain);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(tests::testPki().chain().xml);
        f.close();
        const Run r = cli({QStringLiteral("calc"), QStringLiteral("copp-signature"), QStringLiteral("--chain"), chain,
                           QStringLiteral("--driver-random"), QStringLiteral("101112131415161718191a1b1c1d1e1f"),
                           QStringLiteral("--session-key"), QStringLiteral("000102030405060708090a0b0c0d0e0f"),
                           QStringLiteral("--status-seq"), QStringLiteral("7"), QStringLiteral("--command-seq"),
                           QStringLiteral("0xffffffff")});
        QCOMPARE(r.exitCode, 0);
        const QByteArray bytes = QByteArray::fromHex(r.out.trimmed());
        QCOMPARE(bytes.size(), 256);
        copp::protocol::Signature256 signature{};
        std::copy(bytes.begin(), bytes.end(), signature.begin());
        const auto secrets = copp::protocol::openCoppSignature(tests::testPki().keys().leaf, signature);
        QVERIFY(secrets.ok());
        QCOMPARE(secrets->statusSequence, 7u);
        QCOMPARE(secrets->commandSequence, 0xffffffffu);
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(secrets->key.data()), 16).toHex(),
                 QByteArray("000102030405060708090a0b0c0d0e0f"));
    }
};

QTEST_GUILESS_MAIN(TestSessionCli)
#include "tst_sessioncli.moc"

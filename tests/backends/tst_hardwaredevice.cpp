// SPDX-License-Identifier: BSD-3-Clause
// HardwareDevice: the Windows backend's byte-moving HwDevice seen as the
// project's CoppDevice/OpmDevice. On Linux the Win32 devices do not exist, so a
// whole COPP session runs through the adapter over the emulator wrapped as an
// HwDevice (bytes in both directions, every call), failures keep their
// HRESULT, the selection syntax is checked, and opening real hardware says
// where it is available.
#include <support/testsupport.h>

#include <core/session/sessioneventjson.h>
#include <core/device/emulator/coppemulator.h>
#include <core/device/hardwaredevice.h>
#include <core/session/sessionengine.h>

#include <QTest>

using namespace copp;

namespace {

template <typename To, typename From>
To convert(const From& from)
{
    To to{};
    std::copy(from.begin(), from.end(), to.begin());
    return to;
}

// The emulator behind the HwDevice API (COPP interface), counting the calls.
class EmulatorAsHw final : public device::hw::HwDevice {
public:
    explicit EmulatorAsHw(device::CoppDevice& inner) : m_inner(inner) {}
    int calls = 0;
    device::hw::Description describe() const override { return {"fake hardware (emulator)", "copp", "copp", "output"}; }
    device::hw::CertificateReply keyExchange() override
    {
        ++calls;
        auto r = m_inner.keyExchange();
        if (!r)
            return {r.error().hresult, {}, {}};
        return {0, convert<device::hw::Random16>(r->driverRandom), r->certificateChain};
    }
    std::uint32_t sessionSequenceStart(const device::hw::Signature256& s) override
    {
        ++calls;
        auto r = m_inner.sessionSequenceStart(convert<protocol::Signature256>(s));
        return r ? 0 : r.error().hresult;
    }
    std::uint32_t protectionCommand(const device::hw::Block4096& c) override
    {
        ++calls;
        auto r = m_inner.protectionCommand(convert<protocol::Block4096>(c));
        return r ? 0 : r.error().hresult;
    }
    device::hw::BlockReply protectionStatus(const device::hw::Block4096& in) override
    {
        ++calls;
        auto r = m_inner.protectionStatus(convert<protocol::Block4096>(in));
        if (!r)
            return {r.error().hresult, {}};
        return {0, convert<device::hw::Block4096>(r.value())};
    }

private:
    device::CoppDevice& m_inner;
};

} // namespace

class TestHardwareDevice : public QObject {
    Q_OBJECT
private slots:
    void aWholeSessionThroughTheAdapter()
    {
        std::int64_t now = 0;
        const device::Clock clock = [&now] { return now; };
        auto output = std::make_shared<device::EmulatedOutput>(device::OutputProfile{}, clock);
        auto material = std::make_shared<const device::EmulatorMaterial>(device::EmulatorMaterial::create(tests::testPki(), {}));
        device::CoppEmulator emulator(output, material);
        auto fake = std::make_unique<EmulatorAsHw>(emulator);
        EmulatorAsHw* hw = fake.get();
        device::HardwareDevice device(std::move(fake));
        QCOMPARE(device.describe().name, std::string("fake hardware (emulator)"));
        QCOMPARE(device.describe().interface, std::string("copp"));

        session::SessionOptions options;
        options.policy.trustRoot = validation::TrustRoot::fromRsaKeyValueXml(material->rootKeyXml, QStringLiteral("emulator")).value();
        crypto::DeterministicRandom random(7);
        std::vector<QJsonObject> events;
        session::SessionEngine engine(device, options, random, [&](const copp::session::SessionEvent& typed) { const QJsonObject e = copp::session::toJson(typed); events.push_back(e); }, clock);
        QVERIFY(engine.start());
        QVERIFY(engine.setProtectionLevel(protocol::protection::Hdcp, 1).ok());
        now += 500; // HDCP engages
        engine.poll();
        QVERIFY2(engine.alerts().empty(), "every reply's OMAC, size and random passed through intact");
        auto global = engine.query(protocol::StatusRequest::GlobalLevel, protocol::protection::Hdcp);
        QVERIFY(global.ok());
        QVERIFY(global->checksPassed);
        QCOMPARE(global->value, 1u);
        QCOMPARE(hw->calls, 2 + 1 + 1 + 3 + 1); // key exchange, start, connector, command, poll, query
    }

    void failuresKeepTheirHresult()
    {
        // FailedDevice is what the Win32 backend returns for an output it cannot open.
        device::HardwareDevice device(std::make_unique<device::hw::FailedDevice>(
            device::hw::Description{"\\\\.\\DISPLAY9 [unavailable: no such monitor]", "copp", "copp", "output"}, 0x80070057u));
        auto k = device.keyExchange();
        QVERIFY(!k);
        QCOMPARE(k.error().code, Error::Code::Device);
        QCOMPARE(k.error().hresult, 0x80070057u);
        QVERIFY2(k.error().detail.find("E_INVALIDARG") != std::string::npos, k.error().detail.c_str());
        QCOMPARE(device.protectionStatus({}).error().hresult, 0x80070057u);
        QCOMPARE(device.getInformation({}).error().hresult, 0x80070057u);
        QCOMPARE(device.configure({}, {}).error().hresult, 0x80070057u);
        QCOMPARE(device.finishInitialization({}).error().hresult, 0x80070057u);
    }

    void selectionSyntax_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("monitor");
        QTest::addColumn<int>("output");
        QTest::addColumn<QString>("iface");
        QTest::addColumn<QString>("semantics");
        QTest::newRow("monitor") << "0" << true << 0 << 0 << "copp" << "copp";
        QTest::newRow("monitor.output opm") << "1.2,interface=opm,semantics=opm" << true << 1 << 2 << "opm" << "opm";
        QTest::newRow("opm copp semantics") << "0,interface=opm" << true << 0 << 0 << "opm" << "copp";
        QTest::newRow("copp over opm api") << "0,api=opm" << true << 0 << 0 << "copp" << "copp";
        QTest::newRow("evr") << "3,api=evr" << true << 3 << 0 << "copp" << "copp";
        QTest::newRow("empty") << "" << false << 0 << 0 << "" << "";
        QTest::newRow("letters") << "x" << false << 0 << 0 << "" << "";
        QTest::newRow("unknown option") << "0,speed=fast" << false << 0 << 0 << "" << "";
        QTest::newRow("directshow cannot do opm") << "0,api=vmr9,interface=opm" << false << 0 << 0 << "" << "";
        QTest::newRow("copp interface has copp semantics") << "0,semantics=opm" << false << 0 << 0 << "" << "";
        QTest::newRow("huge number") << "123456789" << false << 0 << 0 << "" << "";
    }

    void selectionSyntax()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        const auto s = device::parseHardwareSelection(text.toStdString());
        QCOMPARE(s.ok(), ok);
        if (!ok) {
            QCOMPARE(s.error().code, Error::Code::Usage);
            return;
        }
        QFETCH(int, monitor);
        QFETCH(int, output);
        QFETCH(QString, iface);
        QFETCH(QString, semantics);
        QCOMPARE(int(s->monitor), monitor);
        QCOMPARE(int(s->output), output);
        QCOMPARE(QString::fromStdString(s->iface), iface);
        QCOMPARE(QString::fromStdString(s->semantics), semantics);
    }

    void realHardwareOnlyOnWindows()
    {
        const auto opened = device::openHardware(device::hw::DeviceSelection{});
#ifdef _WIN32
        QVERIFY(device::hardwareAvailable());
        QVERIFY(opened.ok()); // never null: an output that cannot be opened answers its HRESULT
#else
        QVERIFY(!device::hardwareAvailable());
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, Error::Code::Usage);
        QVERIFY2(opened.error().detail.find("coppscope-agent.exe") != std::string::npos, opened.error().detail.c_str());
#endif
    }
};

QTEST_GUILESS_MAIN(TestHardwareDevice)
#include "tst_hardwaredevice.moc"

// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/emulator/emulatorsetup.h>

#include <core/kernel/protocol/constants.h>
#include <core/util/numbertext.h>

#include <algorithm>

namespace copp::device {

namespace {

// nullopt: the COPP interface (CoppEmulator); otherwise the OPM object's role.
Result<std::optional<OpmRole>> opmRole(const EmulatorSettings& s)
{
    auto usage = [](std::string text) { return makeError(Error::Code::Usage, std::move(text)); };
    const QString interface = s.interface.isEmpty() ? (s.codec ? QStringLiteral("opm") : QStringLiteral("copp")) : s.interface;
    if (interface != u"copp" && interface != u"opm")
        return usage("--interface: expected copp or opm, not \"" + s.interface.toStdString() + "\"");
    if (s.codec && interface != u"opm")
        return usage("--codec implies --interface opm");
    const QString semantics = s.semantics.isEmpty() ? interface : s.semantics;
    if (semantics != u"copp" && semantics != u"opm")
        return usage("--semantics: expected copp or opm, not \"" + s.semantics.toStdString() + "\"");
    if (s.codec && semantics != u"opm")
        return usage("--codec uses OPM semantics (the OPM handshake of codec merit)");
    if (!s.codec && (!s.clsid.isEmpty() || !s.merit.isEmpty()))
        return usage("--clsid and --merit describe a codec: add --codec");
    if (interface == u"copp") {
        if (semantics != u"copp")
            return usage("the COPP interface has COPP semantics only (--semantics opm needs --interface opm)");
        return std::optional<OpmRole>{};
    }
    OpmRole role;
    role.opmSemantics = semantics == u"opm";
    role.codec = s.codec;
    if (s.codec) {
        const auto clsid = protocol::Guid::parse(s.clsid.toStdString());
        if (!clsid)
            return usage("--clsid: expected a GUID such as {9bb9327c-4eb5-4727-9f00-b42b0919c0da}, not \"" + s.clsid.toStdString() + "\"");
        const auto merit = util::parseU32(s.merit);
        if (!merit)
            return usage("--merit: expected a number from 0 to 4294967295 (decimal, or hex after 0x), not \""
                         + s.merit.toStdString() + "\"");
        role.clsid = *clsid;
        role.merit = *merit;
    }
    return std::optional<OpmRole>(role);
}

} // namespace

Result<BuiltEmulator> buildEmulator(const EmulatorSettings& settings)
{
    std::vector<Fault> faults;
    for (const QString& text : settings.faults) {
        auto fault = parseFault(text.toStdString());
        if (!fault)
            return fault.error();
        faults.push_back(fault.value());
    }
    OutputProfile profile;
    std::shared_ptr<ScenarioPlayer> player;
    if (!settings.scenario.isEmpty()) {
        auto scenario = Scenario::load(settings.scenario);
        if (!scenario)
            return scenario.error();
        profile = scenario->output;
        player = std::make_shared<ScenarioPlayer>(scenario.value(), steadyClock());
    }
    if (!settings.connector.isEmpty()) {
        const auto connector = protocol::connectorFromName(settings.connector.toStdString());
        if (!connector)
            return makeError(Error::Code::Usage, "--connector: unknown connector \"" + settings.connector.toStdString() + "\"");
        profile = OutputProfile::forConnector(*connector);
    }
    auto role = opmRole(settings);
    if (!role)
        return role.error();
    auto pki = loadEmulatorPki(settings.keyDirectory);
    if (!pki)
        return makeError(Error::Code::Usage, "emulator test keys: " + pki.error().detail);
    EmulatorMaterial material = EmulatorMaterial::create(pki.value(), faults);
    if (role->has_value() && role->value().opmSemantics) {
        // The X.509 rules of docs/cli.md#opm-sessions have no revocation check, so
        // this fault would do nothing: refused rather than a quietly green run.
        if (std::any_of(faults.begin(), faults.end(), [](const Fault& f) { return f.kind == FaultKind::RevokedChain; }))
            return makeError(Error::Code::Usage, "revoked-chain needs COPP semantics: an OPM (X.509) chain is checked "
                                                 "against no revocation list; try untrusted-chain or tampered-chain");
        auto x509 = loadEmulatorX509Pki(settings.keyDirectory);
        if (!x509)
            return makeError(Error::Code::Usage, "emulator X.509 test keys: " + x509.error().detail);
        auto opm = EmulatorMaterial::createOpm(x509.value(), faults);
        if (!opm)
            return makeError(Error::Code::Usage, "emulator X.509 test chain: " + opm.error().detail);
        material.opm = std::move(opm.value());
    }
    auto shared = std::make_shared<const EmulatorMaterial>(std::move(material));
    auto output = std::make_shared<EmulatedOutput>(profile);
    if (role->has_value())
        return BuiltEmulator{std::make_shared<OpmEmulator>(output, shared, role->value(), faults, player), shared};
    return BuiltEmulator{std::make_shared<CoppEmulator>(output, shared, faults, player), shared};
}

} // namespace copp::device

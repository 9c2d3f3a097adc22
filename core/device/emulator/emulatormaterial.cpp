// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/emulator/emulatormaterial.h>

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace copp::device {

namespace {
bool has(const std::vector<Fault>& faults, FaultKind kind)
{
    return std::any_of(faults.begin(), faults.end(), [kind](const Fault& f) { return f.kind == kind; });
}
} // namespace

EmulatorMaterial EmulatorMaterial::create(const testpki::TestPki& pki, const std::vector<Fault>& faults)
{
    std::optional<testpki::Break> broken;
    if (has(faults, FaultKind::UntrustedChain))
        broken = testpki::Break{validation::Rule::CertTrustedRoot, 2};
    else if (has(faults, FaultKind::TamperedChain))
        broken = testpki::Break{validation::Rule::CertDigest, 1};
    testpki::ChainStyle style;
    style.manufacturer = QStringLiteral("CoppScope driver emulator - TEST chain");
    const testpki::BuiltChain built = pki.chain(style, broken);
    QList<QByteArray> revoked;
    if (has(faults, FaultKind::RevokedChain))
        revoked.append(built.digests.first()); // the leaf
    return EmulatorMaterial{built.xml, pki.keys().leaf, pki.rootKeyXml(), pki.revocationList(revoked), std::nullopt};
}

Result<EmulatorMaterial::Opm> EmulatorMaterial::createOpm(const testpki::X509TestPki& pki, const std::vector<Fault>& faults)
{
    std::optional<testpki::X509Break> broken;
    if (has(faults, FaultKind::UntrustedChain))
        broken = testpki::X509Break{validation::Rule::X509TrustedRoot, 2};
    else if (has(faults, FaultKind::TamperedChain))
        broken = testpki::X509Break{validation::Rule::X509Signature, 1};
    auto material = pki.material(broken);
    if (!material)
        return material.error();
    auto leaf = crypto::RsaPrivateKey::fromPkcs8(
        ByteView(reinterpret_cast<const std::uint8_t*>(material->leafPrivateKey.constData()),
                 static_cast<std::size_t>(material->leafPrivateKey.size())));
    if (!leaf)
        return leaf.error();
    return Opm{material->bundle, std::move(leaf.value()), material->trustAnchorPem};
}

namespace {
QString keyFolder(const QString& keyDirectory)
{
    return keyDirectory.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + QStringLiteral("/coppscope/emulator-test-keys")
        : keyDirectory;
}
} // namespace

Result<testpki::X509TestPki> loadEmulatorX509Pki(const QString& keyDirectory)
{
    // One fixed date for every validity period, so that every emulator process
    // with the same keys issues byte-identical certificates: a root written by
    // --trust-anchor-out matches the chain of the next run (notBefore 2024-12-31, notAfter 2035-01-01 00:00 UTC).
    const QDateTime issued(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    const QString dir = keyFolder(keyDirectory);
    if (testpki::X509KeySet::existsIn(dir)) {
        if (auto keys = testpki::X509KeySet::load(dir))
            return testpki::X509TestPki(std::move(keys.value()), issued);
    }
    auto keys = testpki::X509KeySet::generate();
    if (!keys)
        return keys.error();
    if (QDir().mkpath(dir))
        (void)keys->save(dir); // a cache, as for the COPP keys
    return testpki::X509TestPki(std::move(keys.value()), issued);
}

Result<testpki::TestPki> loadEmulatorPki(const QString& keyDirectory)
{
    const QString dir = keyFolder(keyDirectory);
    if (QFileInfo::exists(dir + QStringLiteral("/leaf.p8"))) {
        auto keys = testpki::KeySet::load(dir);
        if (keys)
            return testpki::TestPki(std::move(keys.value()));
    }
    auto keys = testpki::KeySet::generate();
    if (!keys)
        return keys.error();
    if (QDir().mkpath(dir))
        (void)keys->save(dir); // a cache: failing to keep the keys only costs time next run
    return testpki::TestPki(std::move(keys.value()));
}

} // namespace copp::device

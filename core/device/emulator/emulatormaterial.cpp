#include "emulatormaterial.h"

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
    return EmulatorMaterial{built.xml, pki.keys().leaf, pki.rootKeyXml(), pki.revocationList(revoked)};
}

Result<testpki::TestPki> loadEmulatorPki(const QString& keyDirectory)
{
    const QString dir = keyDirectory.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + QStringLiteral("/coppscope/emulator-test-keys")
        : keyDirectory;
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

// SPDX-License-Identifier: BSD-3-Clause
#include <core/validation/leafkey.h>

#include <core/cert/rsakeyvalue.h>

namespace copp::validation {

Result<crypto::RsaPublicKey> leafPublicKey(const cert::XmlDocument& chain)
{
    const QList<int> certificates = chain.children(chain.rootElement(), u"Certificate");
    if (certificates.isEmpty())
        return makeError(Error::Code::Malformed, "the chain has no certificate");
    const cert::Lookup data = cert::findPath(chain, certificates.first(), u"Certificate", {u"Data"});
    if (!data.found())
        return makeError(Error::Code::Malformed, "leaf certificate: " + data.problem.toStdString());
    const cert::Lookup publicKey = cert::findPath(chain, data.element, u"Data", {u"PublicKey"});
    if (!publicKey.found())
        return makeError(Error::Code::Malformed, "leaf certificate: " + publicKey.problem.toStdString());
    const cert::KeyValueRead key = cert::readKeyValue(chain, publicKey.element, u"Data/PublicKey");
    if (!key.ok())
        return makeError(Error::Code::Malformed, "leaf certificate: " + key.problem.toStdString());
    return key.key;
}

} // namespace copp::validation

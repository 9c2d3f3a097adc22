#include "decodedvalues.h"

#include "certificatechecks.h"

namespace copp::validation {

const cert::Base64Read& DecodedValues::base64(const cert::Lookup& found)
{
    auto key = std::make_pair(found.element, found.path);
    auto it = m_base64.find(key);
    if (it == m_base64.end())
        it = m_base64.emplace(std::move(key), cert::readBase64Element(m_doc, found)).first;
    return it->second;
}

const cert::KeyValueRead& DecodedValues::keyValue(int keyParent, QStringView keyParentPath)
{
    auto key = std::make_pair(keyParent, keyParentPath.toString());
    auto it = m_keys.find(key);
    if (it == m_keys.end())
        it = m_keys.emplace(std::move(key), cert::readKeyValue(m_doc, keyParent, keyParentPath,
                                                               [this](const cert::Lookup& l) { return base64(l); }))
                 .first;
    return it->second;
}

QString DecodedValues::fingerprint(const crypto::RsaPublicKey& key)
{
    for (const auto& [modulus, text] : m_fingerprints) {
        if (modulus == key.modulus)
            return text;
    }
    m_fingerprints.emplace_back(key.modulus, modulusFingerprint(key));
    return m_fingerprints.back().second;
}

} // namespace copp::validation

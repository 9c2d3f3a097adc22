#include "decodedvalues.h"

#include "certificatechecks.h"

namespace copp::validation {

const cert::Base64Read& DecodedValues::base64(const cert::Lookup& found)
{
    auto key = std::make_pair(found.element, found.path);
    auto it = m_base64.find(key);
    if (it == m_base64.end()) {
        const std::optional<QByteArray> none;
        const auto& decoded = found.found() ? decodedText(m_doc.element(found.element).text) : none;
        it = m_base64.emplace(std::move(key), cert::base64Verdict(found, decoded)).first;
    }
    return it->second;
}

const std::optional<QByteArray>& DecodedValues::decodedText(QStringView text)
{
    for (const auto& [seen, decoded] : m_texts) {
        if (seen == text)
            return decoded;
    }
    QByteArray bytes;
    const bool ok = cert::decodeBase64Text(text, &bytes);
    m_texts.emplace_back(text, ok ? std::optional<QByteArray>(std::move(bytes)) : std::nullopt);
    return m_texts.back().second;
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

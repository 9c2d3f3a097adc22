// SPDX-License-Identifier: BSD-3-Clause
#include <core/validation/decodedvalues.h>

#include <core/validation/certificatechecks.h>

namespace copp::validation {

cert::Base64Read DecodedValues::base64(const cert::Lookup& found)
{
    if (!found.found())
        return cert::base64Verdict(found, std::nullopt);
    if (QString problem = cert::childElementProblem(m_doc, found); !problem.isEmpty())
        return cert::Base64Read{{}, std::move(problem)};
    return cert::base64Verdict(found, decodedText(m_doc.element(found.element).text));
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
    for (const KeyEntry& entry : m_keys) {
        if (entry.keyParent == keyParent && entry.path == keyParentPath)
            return entry.read;
    }
    const auto decode = [this](const cert::Lookup& l) { return base64(l); };
    m_keys.push_back({keyParent, keyParentPath.toString(), cert::readKeyValue(m_doc, keyParent, keyParentPath, decode)});
    return m_keys.back().read;
}

const cert::MarkupMap& DecodedValues::markup(int element)
{
    for (const auto& [known, map] : m_markups) {
        if (known == element)
            return map;
    }
    return m_markups.emplace_back(element, cert::mapElementMarkup(m_doc, element)).second;
}

} // namespace copp::validation

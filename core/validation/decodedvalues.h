// SPDX-License-Identifier: BSD-3-Clause
// The base64 values and RSA keys of one document, each
// decoded once per validation. Several rules read the same element (a
// certificate's Signature/KeyInfo key is read by cert.link, cert.signature and
// cert.trusted_root), and a chain repeats each issuer key in the next
// certificate (cert.link requires it); decoding is deterministic, so the
// answer is the same and the work need not be.
#pragma once

#include <core/cert/markupmap.h>
#include <core/cert/rsakeyvalue.h>

#include <QString>

#include <deque>
#include <optional>
#include <utility>

namespace copp::validation {

class DecodedValues {
public:
    explicit DecodedValues(const cert::XmlDocument& doc) : m_doc(doc) {}
    DecodedValues(const DecodedValues&) = delete;
    DecodedValues& operator=(const DecodedValues&) = delete;

    // cert::readBase64Element; each distinct text is decoded once (the verdict,
    // which names the element's path, is a cheap copy of the decoded bytes).
    cert::Base64Read base64(const cert::Lookup& found);
    // cert::readKeyValue, remembered per key parent and path.
    const cert::KeyValueRead& keyValue(int keyParent, QStringView keyParentPath);
    // cert::mapElementMarkup, read once per element: a failing digest and a
    // failing signature of one certificate both diagnose its Data.
    const cert::MarkupMap& markup(int element);

private:
    const cert::XmlDocument& m_doc;
    const std::optional<QByteArray>& decodedText(QStringView text);

    std::deque<std::pair<QStringView, std::optional<QByteArray>>> m_texts; // views into m_doc; stable references
    struct KeyEntry {
        int keyParent;
        QString path;
        cert::KeyValueRead read;
    };
    std::deque<KeyEntry> m_keys; // a handful; stable references
    std::deque<std::pair<int, cert::MarkupMap>> m_markups; // one per diagnosed Data; stable references
};

} // namespace copp::validation

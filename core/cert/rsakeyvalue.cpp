// SPDX-License-Identifier: BSD-3-Clause
#include <core/cert/rsakeyvalue.h>

#include <core/cert/xmldocument.h>

#include <algorithm>


namespace copp::cert {

namespace {
// Report data stays English (the JSON must not depend on the locale).
QString english(const char* s)
{
    return QString::fromUtf8(s);
}
} // namespace

bool decodeBase64Text(QStringView text, QByteArray* out)
{
    // Characters beyond Latin-1 become '?' and those beyond ASCII are no base64
    // either: both make the strict decode below fail, as they must.
    QByteArray compact = text.toLatin1();
    // XML whitespace inside base64 is insignificant (docs/cli.md). Every
    // whitespace character is below '+', the smallest base64 character, so
    // one comparison a character finds whether there is any to remove.
    if (std::any_of(compact.cbegin(), compact.cend(), [](char c) { return static_cast<unsigned char>(c) < '+'; }))
        compact.erase(std::remove_if(compact.begin(), compact.end(), isXmlSpace), compact.end());
    // Base64 in these documents is always padded; Qt would accept it unpadded.
    if (compact.size() % 4 != 0)
        return false;
    auto decoded = QByteArray::fromBase64Encoding(std::move(compact), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    *out = std::move(decoded.decoded);
    return true;
}

copp::Bytes toBytes(const QByteArray& data)
{
    return copp::Bytes(data.begin(), data.end());
}

QByteArray toByteArray(const copp::Bytes& data)
{
    return QByteArray(reinterpret_cast<const char*>(data.data()), static_cast<qsizetype>(data.size()));
}

Base64Read readBase64Element(const XmlDocument& doc, const Lookup& found)
{
    if (!found.found())
        return base64Verdict(found, std::nullopt);
    if (QString problem = childElementProblem(doc, found); !problem.isEmpty())
        return Base64Read{{}, std::move(problem)};
    QByteArray bytes;
    const bool decoded = decodeBase64Text(doc.element(found.element).text, &bytes);
    return base64Verdict(found, decoded ? std::optional<QByteArray>(std::move(bytes)) : std::nullopt);
}

QString childElementProblem(const XmlDocument& doc, const Lookup& found)
{
    const XmlElement& e = doc.element(found.element);
    if (e.children.empty())
        return {};
    return english("%1 holds a child element <%2>; a value is text only")
        .arg(found.path(), doc.element(e.children.front()).qualifiedName);
}

Base64Read base64Verdict(const Lookup& found, const std::optional<QByteArray>& decoded)
{
    Base64Read out;
    if (!found.found())
        out.problem = found.problem;
    else if (!decoded)
        out.problem = english("%1 is not valid base64").arg(found.path());
    else if (decoded->isEmpty())
        out.problem = english("%1 is empty").arg(found.path());
    else
        out.bytes = *decoded;
    return out;
}

KeyValueRead readRsaKeyValue(const XmlDocument& doc, int rsaKeyValue, QStringView path, const Base64Decoder& decode)
{
    KeyValueRead out;
    auto part = [&](QStringView name, copp::Bytes* bytes, int* element) {
        const Lookup l = findPath(doc, rsaKeyValue, path, {name});
        const Base64Read read = decode ? decode(l) : readBase64Element(doc, l);
        if (!read.ok()) {
            out.problem = read.problem;
            out.problemPath = l.path();
            return false;
        }
        *element = l.element;
        *bytes = toBytes(read.bytes);
        return true;
    };
    if (part(u"Modulus", &out.key.modulus, &out.modulusElement))
        part(u"Exponent", &out.key.exponent, &out.exponentElement);
    return out;
}

KeyValueRead readKeyValue(const XmlDocument& doc, int keyParent, QStringView keyParentPath, const Base64Decoder& decode)
{
    const Lookup rsa = findPath(doc, keyParent, keyParentPath, {u"KeyValue", u"RSAKeyValue"});
    if (!rsa.found()) {
        KeyValueRead out;
        out.problem = rsa.problem;
        out.problemPath = rsa.path();
        return out;
    }
    return readRsaKeyValue(doc, rsa.element, rsa.path(), decode);
}

} // namespace copp::cert

#pragma once

#include <QByteArrayView>

namespace copp::cert {

// The byte offset of the '<' of the first start tag with more than `maxAttributes`
// attributes (namespace declarations included), or -1 when there is none.
//
// Why: QXmlStreamReader checks every attribute of a tag against all the earlier
// ones (duplicates, prefixes), so one tag with 80,000 attributes takes 20 s. This
// linear pass runs before the reader and lets the document be refused at once.
// It counts '=' outside quoted values in each start tag and skips comments, CDATA
// sections, processing instructions and end tags; a malformed tag can only be
// over-counted, and a malformed document is refused anyway.
qsizetype firstCrowdedTag(QByteArrayView bytes, int maxAttributes);

} // namespace copp::cert

#include "crowdedtag.h"

namespace copp::cert {

namespace {

// The offset just past `terminator` at or after `from`, or -1.
qsizetype pastNext(QByteArrayView bytes, qsizetype from, QByteArrayView terminator)
{
    const qsizetype at = bytes.indexOf(terminator, from);
    return at < 0 ? -1 : at + terminator.size();
}

} // namespace

qsizetype firstCrowdedTag(QByteArrayView bytes, int maxAttributes)
{
    qsizetype pos = 0;
    while (pos >= 0 && pos < bytes.size()) {
        const qsizetype open = bytes.indexOf('<', pos);
        if (open < 0)
            return -1;
        const QByteArrayView rest = bytes.sliced(open);
        if (rest.startsWith("<!--")) {
            pos = pastNext(bytes, open + 4, "-->");
        } else if (rest.startsWith("<![CDATA[")) {
            pos = pastNext(bytes, open + 9, "]]>");
        } else if (rest.startsWith("<?")) {
            pos = pastNext(bytes, open + 2, "?>");
        } else if (rest.startsWith("<!") || rest.startsWith("</")) {
            pos = open + 2; // a DTD is refused on its own; an end tag holds no attributes
        } else {
            // A start tag: '>' inside a quoted value does not end it.
            int attributes = 0;
            char quote = 0;
            qsizetype i = open + 1;
            for (; i < bytes.size(); ++i) {
                const char c = bytes[i];
                if (quote) {
                    if (c == quote)
                        quote = 0;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '=') {
                    if (++attributes > maxAttributes)
                        return open;
                } else if (c == '>') {
                    break;
                }
            }
            pos = i + 1;
        }
    }
    return -1;
}

} // namespace copp::cert

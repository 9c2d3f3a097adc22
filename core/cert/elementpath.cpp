// SPDX-License-Identifier: BSD-3-Clause
#include <core/cert/elementpath.h>

#include <algorithm>

namespace copp::cert {

QString Lookup::path() const
{
    qsizetype length = from.size();
    for (int i = 0; i < walked; ++i)
        length += 1 + names[static_cast<std::size_t>(i)].size();
    QString out;
    out.reserve(length);
    out += from;
    for (int i = 0; i < walked; ++i) {
        out += u'/';
        out += names[static_cast<std::size_t>(i)];
    }
    return out;
}

Lookup detail::findPath(const XmlDocument& doc, int from, QStringView fromName, std::span<const QStringView> path)
{
    Lookup out;
    out.from = fromName;
    // The template findPath guarantees the path fits; never write past `names` regardless.
    Q_ASSERT(path.size() <= out.names.size());
    const int count = static_cast<int>(std::min(path.size(), out.names.size()));
    std::copy_n(path.begin(), count, out.names.begin());
    int current = from;
    for (int depth = 0; depth < count; ++depth) {
        const QStringView name = out.names[static_cast<std::size_t>(depth)];
        int match = -1;
        int matches = 0;
        for (int child : doc.element(current).children) {
            if (doc.element(child).localName == name) {
                match = child;
                ++matches;
            }
        }
        if (matches != 1) {
            out.walked = depth; // the parent's path, for "… has 2 … elements"
            const QString parent = out.path();
            out.walked = depth + 1;
            out.problem = matches == 0
                ? QStringLiteral("%1 is missing").arg(out.path())
                : QStringLiteral("%1 has %2 %3 elements; expected one").arg(parent).arg(matches).arg(name);
            return out;
        }
        current = match;
    }
    out.element = current;
    out.walked = count;
    return out;
}

} // namespace copp::cert

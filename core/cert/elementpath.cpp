#include "elementpath.h"


namespace copp::cert {

Lookup findPath(const XmlDocument& doc, int from, QStringView fromName,
                std::initializer_list<QStringView> path)
{
    Lookup out;
    int current = from;
    int depth = 0;
    auto pathTo = [&](int steps) {
        qsizetype length = fromName.size();
        for (auto it = path.begin(); it != path.begin() + steps; ++it)
            length += 1 + it->size();
        QString walked;
        walked.reserve(length); // one allocation: every rule step looks paths up
        walked += fromName;
        for (auto it = path.begin(); it != path.begin() + steps; ++it) {
            walked += u'/';
            walked += *it;
        }
        return walked;
    };
    for (QStringView name : path) {
        ++depth;
        int match = -1;
        int matches = 0;
        for (int child : doc.element(current).children) {
            if (doc.element(child).localName == name) {
                match = child;
                ++matches;
            }
        }
        if (matches != 1) {
            out.path = pathTo(depth);
            out.problem = matches == 0
                ? QStringLiteral("%1 is missing").arg(out.path)
                : QStringLiteral("%1 has %2 %3 elements; expected one").arg(pathTo(depth - 1)).arg(matches).arg(name);
            return out;
        }
        current = match;
    }
    out.element = current;
    out.path = pathTo(depth);
    return out;
}

} // namespace copp::cert

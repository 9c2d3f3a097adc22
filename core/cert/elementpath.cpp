#include "elementpath.h"


namespace copp::cert {

Lookup findPath(const XmlDocument& doc, int from, QStringView fromName,
                std::initializer_list<QStringView> path)
{
    Lookup out;
    QString walked = fromName.toString();
    int current = from;
    for (QStringView name : path) {
        const QString parentPath = walked;
        walked += u'/' + name.toString();
        const QList<int> matches = doc.children(current, name);
        if (matches.isEmpty()) {
            out.path = walked;
            out.problem = QStringLiteral("%1 is missing").arg(walked);
            return out;
        }
        if (matches.size() > 1) {
            out.path = walked;
            out.problem = QStringLiteral("%1 has %2 %3 elements; expected one")
                              .arg(parentPath)
                              .arg(matches.size())
                              .arg(name);
            return out;
        }
        current = matches.first();
    }
    out.element = current;
    out.path = walked;
    return out;
}

} // namespace copp::cert

// Finding elements by a path of local names ("elements are matched by local
// name, whatever their prefix or namespace", cli-contract.md), reporting
// precisely what is missing or ambiguous when the path does not resolve.
#pragma once

#include "xmldocument.h"

#include <initializer_list>

namespace copp::cert {

struct Lookup {
    int element = -1;
    QString path;    // e.g. "Data/PublicKey/KeyValue"
    QString problem; // English: "Data/PublicKey is missing", "Data has 2 PublicKey elements"
    bool found() const { return element >= 0; }
};

// Each step must match exactly one direct child.
Lookup findPath(const XmlDocument& doc, int from, QStringView fromName,
                std::initializer_list<QStringView> path);

} // namespace copp::cert

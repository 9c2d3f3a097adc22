// Finding elements by a path of local names ("elements are matched by local
// name, whatever their prefix or namespace", cli-contract.md), reporting
// precisely what is missing or ambiguous when the path does not resolve.
#pragma once

#include "xmldocument.h"

#include <array>
#include <initializer_list>

namespace copp::cert {

struct Lookup {
    static constexpr int kMaxNames = 8;

    int element = -1;
    QString problem; // English: "Data/PublicKey is missing", "Data has 2 PublicKey elements"
    bool found() const { return element >= 0; }

    // "Data/PublicKey/KeyValue": the names walked, up to the one that did not
    // resolve. Built on request: most lookups succeed and are never named.
    QString path() const;

    // The names findPath was given: views of the caller's strings (literals,
    // or a path the caller keeps alive while it uses this Lookup's path()).
    QStringView from;
    std::array<QStringView, kMaxNames> names{};
    int walked = 0; // names in path()
};

// Each step must match exactly one direct child. At most Lookup::kMaxNames names.
Lookup findPath(const XmlDocument& doc, int from, QStringView fromName,
                std::initializer_list<QStringView> path);

} // namespace copp::cert

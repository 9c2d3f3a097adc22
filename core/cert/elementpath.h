// SPDX-License-Identifier: BSD-3-Clause
// Finding elements by a path of local names ("elements are matched by local
// name, whatever their prefix or namespace", docs/cli.md), reporting
// precisely what is missing or ambiguous when the path does not resolve.
#pragma once

#include <core/cert/xmldocument.h>

#include <array>
#include <span>

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

namespace detail {
// Call findPath below; this takes at most Lookup::kMaxNames names.
Lookup findPath(const XmlDocument& doc, int from, QStringView fromName, std::span<const QStringView> path);
} // namespace detail

// Each step must match exactly one direct child. A longer path than a Lookup
// can name does not compile (rather than being cut short).
template <std::size_t N>
Lookup findPath(const XmlDocument& doc, int from, QStringView fromName, const QStringView (&path)[N])
{
    static_assert(N >= 1 && N <= std::size_t(Lookup::kMaxNames), "findPath: 1 to Lookup::kMaxNames names");
    return detail::findPath(doc, from, fromName, std::span<const QStringView>(path));
}

} // namespace copp::cert

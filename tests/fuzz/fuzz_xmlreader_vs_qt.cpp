// SPDX-License-Identifier: BSD-3-Clause
// Differential fuzz target: XmlDocument::parse (expat) against QXmlStreamReader
// (support/qtxmlreference.h). Both must give the same verdict under the same
// limits and, for a well-formed input, the same tree: names, namespaces,
// attributes, text, byte spans and line numbers. The validator hashes and
// verifies those byte spans, so a disagreement would be a parser differential
// in a signature check; the target aborts on the first.
//
// Built like the others (see CMakeLists.txt): fuzz_xmlreader_vs_qt with libFuzzer,
// fuzz_xmlreader_vs_qt_replay runs the seed corpus as a ctest test.
#include <support/xmldiff.h>

#include <core/cert/xmldocument.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size > 64 * 1024)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    // Tight limits too, so the depth, element and attribute limits are reached at the boundary.
    copp::cert::XmlLimits tight;
    tight.maxDepth = 4;
    tight.maxElements = 12;
    tight.maxAttributes = 3;
    tight.maxNamespacesInScope = 2;
    for (const copp::cert::XmlLimits& limits : {copp::cert::XmlLimits(), tight}) {
        const QString difference = copp::tests::xmlReadingDifference(bytes, limits);
        if (!difference.isEmpty()) {
            std::fprintf(stderr, "expat differs from QXmlStreamReader: %s\n", qPrintable(difference));
            std::abort();
        }
    }
    return 0;
}

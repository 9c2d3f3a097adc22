// Differential fuzz target: XmlDocument::parse's fast path (StrictXmlScanner)
// against QXmlStreamReader (XmlDocument::parseWithStreamReader). Whenever the
// scanner accepts an input it must build exactly the reference's tree: same
// names, namespaces, attributes, text, byte spans and line numbers. The
// validator hashes and verifies those byte spans, so a disagreement would be
// a parser differential in a signature check; the target aborts on the first.
// The texts are also held to QXmlStreamReader's own events (xmlTextDifference),
// since both parses fill the same XmlTreeBuilder.
//
// Built like the others (see CMakeLists.txt): fuzz_xmlscanner with libFuzzer,
// fuzz_xmlscanner_replay runs the seed corpus as a ctest test.
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
        const copp::cert::XmlDocument fast = copp::cert::XmlDocument::parse(bytes, limits);
        const copp::cert::XmlDocument reference = copp::cert::XmlDocument::parseWithStreamReader(bytes, limits);
        const QString difference = copp::tests::xmlTreeDifference(fast, reference);
        if (!difference.isEmpty()) {
            std::fprintf(stderr, "StrictXmlScanner differs from QXmlStreamReader: %s\n", qPrintable(difference));
            std::abort();
        }
        // Both went through XmlTreeBuilder: hold its joined texts to the reader's events.
        const QString textDifference = copp::tests::xmlTextDifference(reference);
        if (!textDifference.isEmpty()) {
            std::fprintf(stderr, "XmlTreeBuilder's texts differ from QXmlStreamReader's: %s\n", qPrintable(textDifference));
            std::abort();
        }
    }
    return 0;
}

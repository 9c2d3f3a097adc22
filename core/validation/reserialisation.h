// SPDX-License-Identifier: BSD-3-Clause
// The byte transformations of docs/cli.md#diagnoses: a certificate's Data bytes
// as a toolchain may have had them when it signed, before it (or an editor, a
// checkout, a DOM round trip) wrote the file. Each is built from the file's own
// bytes and their markup, once, in the contract's order.
#pragma once

#include <core/validation/diagnosis.h>

#include <core/cert/markupmap.h>

namespace copp::validation {

struct Reserialisation {
    QByteArray bytes;    // the Data bytes as they may have been signed
    Diagnosis diagnosis; // what proving them would say: the file's differing bytes, what was undone
};

// The first transformation, in contract order, whose bytes `matches` accepts;
// transformations that would leave the bytes as they are are not tried. The
// Data element's markup comes from `markup` when given (a digest and a
// signature step of one certificate read it once), else it is read here.
std::optional<Reserialisation> firstMatchingReserialisation(const cert::XmlDocument& doc, int dataElement,
                                                            const std::function<bool(QByteArrayView)>& matches,
                                                            const MarkupSource& markup = {});

} // namespace copp::validation

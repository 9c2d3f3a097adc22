// SPDX-License-Identifier: BSD-3-Clause
// The 4096- and 4112-byte blocks of docs/cli.md#the-device-agent-protocol in transcripts.
//
// A status request carries about 44 significant bytes of its 4096, and the rest
// are zeros: written in full, an hour of polling one protection type at the
// default 500 ms was 360 MB of hex, more than the 256 MiB a transcript may have
// when it is read back. Transcript version 2 writes each block without its
// trailing zero bytes; readers put them back before decoding or comparing, and
// version 1 transcripts (blocks in full) read as before.
#pragma once

#include <core/kernel/bytes.h>

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringView>

namespace copp::session {

// The size of the block `field` holds in `method`'s params or result (4096 or
// 4112), or 0 for anything else (the 16-byte randoms, 256-byte signatures,
// base64 chains and `additional` are written in full).
qsizetype transcriptBlockSize(QStringView method, QStringView field);

// Lowercase hex of `block` without its trailing zero bytes ("" for all zeros).
QString compactBlockHex(ByteView block);

// `fields` (a call's params or result) with every block field of `method`
// padded back to its full size with "00". A field that is not even-length hex
// shorter than its block is left as it is, for the decoder to report.
QJsonObject expandBlocks(QStringView method, QJsonObject fields);

// One recorded device call, decoded for display (the session log's detail
// pane): its blocks expanded to full size.
struct DeviceCall {
    QString method;               // "copp.protectionStatus", ...
    quint32 hresult = 0;
    qint64 durationMs = 0;
    QString error;                // the failure's detail, empty on success
    struct Field {
        QString name;             // "input", "certificateChain", ...
        QString text;             // lowercase hex; base64 for certificateChain
    };
    QList<Field> params, result;
};
DeviceCall decodeCall(const QJsonObject& call);

} // namespace copp::session

Q_DECLARE_METATYPE(copp::session::DeviceCall)

namespace copp::session {

} // namespace copp::session

// SPDX-License-Identifier: BSD-3-Clause
#include <core/validation/chaininspection.h>

#include <core/cert/x509bundle.h>

#include <core/util/filereader.h>
#include <core/util/streamfilereader.h>
#include <core/util/watchedfile.h>
#include <core/validation/chainvalidator.h>
#include <core/validation/x509validator.h>

#include <utility>

namespace copp::validation {

ChainInspection::ChainInspection(QObject* parent) : QObject(parent), m_file(new util::WatchedFile(this))
{
    // Engineers edit chains in another editor: validate again when the file changes.
    connect(m_file, &util::WatchedFile::changed, this, &ChainInspection::revalidate);
    connect(m_file, &util::WatchedFile::gone, this, &ChainInspection::chainGone);
}

QString ChainInspection::chainPath() const
{
    return m_file->path();
}

bool ChainInspection::isChainGone() const
{
    return m_file->isGone();
}

bool ChainInspection::open(const QString& path)
{
    // A named pipe or a device: reading it may wait for a writer (up to
    // util::kInteractiveStallLimit), so it is not read on the GUI thread.
    if (util::isStreamFile(path)) {
        readInBackground(path, [this, path](const QByteArray& bytes) { use(path, bytes); });
        return true;
    }
    cancelReading(); // a pipe still being read is no longer wanted
    const auto bytes = readNow(path);
    if (!bytes)
        return false;
    use(path, *bytes);
    return true;
}

std::optional<QByteArray> ChainInspection::readNow(const QString& path)
{
    auto bytes = util::readFileLimited(path, util::kDefaultMaxFileBytes, util::kInteractiveStallLimit);
    if (!bytes) {
        emit problem(QString::fromStdString(bytes.error().detail));
        return std::nullopt;
    }
    return std::move(bytes.value());
}

void ChainInspection::use(const QString& path, const QByteArray& bytes)
{
    m_file->watch(path);
    emit opened(path);
    validate(bytes);
}

void ChainInspection::revalidate()
{
    const QString path = chainPath();
    if (path.isEmpty())
        return;
    if (util::isStreamFile(path)) {
        readInBackground(path, [this](const QByteArray& bytes) { validate(bytes); });
        return;
    }
    if (const auto bytes = readNow(path))
        validate(*bytes);
}

// Reading a pipe or device can take up to util::kInteractiveStallLimit (3 s) when
// no writer comes: on the GUI thread that froze the window without a word.
template <typename Use>
void ChainInspection::readInBackground(const QString& path, Use use)
{
    m_readingPath = path;
    m_read.run(
        [path] {
            auto bytes = util::readFileLimited(path, util::kDefaultMaxFileBytes, util::kInteractiveStallLimit);
            return bytes ? ReadResult{std::move(bytes.value()), {}}
                         : ReadResult{{}, QString::fromStdString(bytes.error().detail)};
        },
        [this, use = std::move(use)](const ReadResult& result) {
            emit busyChanged();
            if (!result.error.isEmpty())
                emit problem(result.error); // the chain shown so far stays
            else
                use(result.bytes);
        });
    emit busyChanged();
}

void ChainInspection::cancelReading()
{
    if (!m_read.isRunning())
        return;
    m_read.cancel();
    emit busyChanged();
}

// Large files take a while to parse: validated on a worker thread so the window
// stays responsive.
void ChainInspection::validate(const QByteArray& chainBytes)
{
    m_validation.run(
        [policy = m_policy, chainBytes] {
            // OPM certificates (a DER or PEM X.509 bundle) or a COPP XML chain.
            if (looksLikeX509(chainBytes)) {
                ValidationReport report = X509ChainValidator(policy.x509).validate(chainBytes);
                cert::releaseOpenSslThreadState(); // this is a Qt pool thread
                return report;
            }
            return ChainValidator(policy).validate(chainBytes);
        },
        [this, chainBytes](const ValidationReport& report) {
            m_chainBytes = chainBytes;
            emit busyChanged();
            emit inspected(report, chainBytes);
        });
    emit busyChanged();
}

} // namespace copp::validation

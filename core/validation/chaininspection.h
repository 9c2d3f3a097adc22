// SPDX-License-Identifier: BSD-3-Clause
// The chain the inspector shows: reads the file (a pipe or device on a worker
// thread: it may keep the reader waiting), validates it against the policy on
// a worker thread, validates again when the file changes, and hands over only
// the newest result (util::LatestOnly).
#pragma once

#include <core/validation/validationpolicy.h>
#include <core/validation/validationreport.h>
#include <core/util/latestonly.h>

#include <QByteArray>
#include <QObject>
#include <QString>

#include <optional>

namespace copp::util {
class WatchedFile;
}

namespace copp::validation {

class ChainInspection : public QObject {
    Q_OBJECT
public:
    explicit ChainInspection(QObject* parent = nullptr);

    // False (and problem()) when the file cannot be read; the chain shown so far
    // stays. A pipe or device is read on a worker: then true means reading has
    // started, and a problem is told later.
    bool open(const QString& path);
    void revalidate(); // reads the chain file again; nothing before open()

    const ValidationPolicy& policy() const { return m_policy; }
    void setPolicy(const ValidationPolicy& policy) { m_policy = policy; } // used from the next validation on

    QString chainPath() const;
    const QByteArray& chainBytes() const { return m_chainBytes; } // of the report last handed over
    bool isChainGone() const;             // deleted or moved: its last result is what was shown
    bool isReading() const { return m_read.isRunning(); }
    bool isValidating() const { return m_validation.isRunning(); }
    QString busyFile() const { return isReading() ? m_readingPath : chainPath(); }

signals:
    void opened(const QString& path); // read; its validation follows
    void busyChanged();               // reading or validating started or ended
    void inspected(const copp::validation::ValidationReport& report, const QByteArray& chainBytes);
    void problem(const QString& message);
    void chainGone(); // once, until the file is back (and validated again)

private:
    struct ReadResult {
        QByteArray bytes;
        QString error; // empty: read
    };
    template <typename Use>
    void readInBackground(const QString& path, Use use);
    void cancelReading();
    std::optional<QByteArray> readNow(const QString& path); // a file; problem() when it cannot be read
    void use(const QString& path, const QByteArray& bytes);
    void validate(const QByteArray& chainBytes);

    ValidationPolicy m_policy;
    QByteArray m_chainBytes;
    QString m_readingPath;
    util::WatchedFile* m_file;
    util::LatestOnly<ReadResult> m_read;
    util::LatestOnly<ValidationReport> m_validation;
};

} // namespace copp::validation

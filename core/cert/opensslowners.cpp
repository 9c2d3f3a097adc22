// SPDX-License-Identifier: BSD-3-Clause
#include <core/cert/opensslowners.h>

#include <QCoreApplication>
#include <QThread>

#include <openssl/crypto.h>

namespace copp::cert::openssl {

void releaseStateWhenThreadFinishes()
{
    thread_local bool registered = false;
    if (registered)
        return;
    registered = true;
    QThread* thread = QThread::currentThread();
    const QCoreApplication* app = QCoreApplication::instance();
    if (!thread || (app && thread == app->thread()))
        return;
    // QThread::finished is emitted in the finishing thread itself, before wait() returns.
    QObject::connect(thread, &QThread::finished, [] { OPENSSL_thread_stop(); });
}

} // namespace copp::cert::openssl

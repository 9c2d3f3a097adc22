// SPDX-License-Identifier: BSD-3-Clause
#include <app/gui/trustmenu.h> // quoted: lupdate (no include path) finds the class, its tr() context, only so

#include <core/util/filereader.h>
#include <core/util/streamfilereader.h>
#include <core/validation/chaininspection.h>

#include <QActionGroup>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMenu>

#include <utility>

namespace copp::ui {

TrustMenu::TrustMenu(QMenu* menu, validation::ChainInspection* inspection, QWidget* window)
    : QObject(menu), m_inspection(inspection), m_window(window)
{
    createActions(menu);
}

void TrustMenu::createActions(QMenu* trust)
{
    m_microsoftRootAction = trust->addAction(tr("Use &Microsoft's COPP Root (Default)"), this, &TrustMenu::useMicrosoftRoot);
    m_testRootAction = trust->addAction(tr("Use a &Test Root Key File…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(m_window, tr("Open test root key (RSAKeyValue XML)"), QString(),
                                                          tr("Key files (*.xml);;All files (*)"));
        if (!path.isEmpty())
            setTrustRootFile(path);
    });
    trust->addSeparator();
    m_x509AnchorAction = trust->addAction(tr("Use X.509 Trust &Anchor…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            m_window, tr("Open X.509 trust anchor (the root certificate of OPM bundles)"), QString(),
            tr("Certificates (*.pem *.der *.cer *.crt);;All files (*)"));
        if (!path.isEmpty())
            setX509TrustAnchorFile(path);
    });
    m_x509DefaultAction = trust->addAction(tr("Use Microsoft's Media Root for &X.509 (Default)"), this, &TrustMenu::useDefaultX509Anchor);
    trust->addSeparator();
    m_crlAction = trust->addAction(tr("Check Against a &Revocation List…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(m_window, tr("Open revocation list"), QString(),
                                                          tr("Revocation lists (*.crl);;All files (*)"));
        if (!path.isEmpty())
            setRevocationListFile(path);
    });
    m_noCrlAction = trust->addAction(tr("&No Revocation List"), this, &TrustMenu::useNoRevocationList);
    // Each pair is a choice: a check mark shows the one in use. The marks are set
    // from the policy whenever the menu opens, so a cancelled file dialog or a file
    // that cannot be used leaves no false mark behind.
    for (const auto& [first, second] : {std::pair{m_microsoftRootAction, m_testRootAction},
                                        std::pair{m_x509AnchorAction, m_x509DefaultAction},
                                        std::pair{m_crlAction, m_noCrlAction}}) {
        auto* group = new QActionGroup(trust);
        for (QAction* a : {first, second}) {
            a->setCheckable(true);
            group->addAction(a);
        }
    }
    connect(trust, &QMenu::aboutToShow, this, &TrustMenu::syncChecks);
    syncChecks();
}

void TrustMenu::syncChecks()
{
    const validation::ValidationPolicy& policy = m_inspection->policy();
    m_microsoftRootAction->setChecked(policy.trustRoot.isMicrosoft);
    m_testRootAction->setChecked(!policy.trustRoot.isMicrosoft);
    m_x509DefaultAction->setChecked(!policy.x509.trustAnchorDer);
    m_x509AnchorAction->setChecked(policy.x509.trustAnchorDer.has_value());
    m_crlAction->setChecked(policy.revocationList.has_value());
    m_noCrlAction->setChecked(!policy.revocationList);
}

template <typename Change>
void TrustMenu::changePolicy(Change change)
{
    validation::ValidationPolicy policy = m_inspection->policy();
    change(policy);
    m_inspection->setPolicy(policy);
    m_inspection->revalidate();
}

bool TrustMenu::setTrustRootFile(const QString& path)
{
    // The root in use stays when this one cannot be used: say which (a missing
    // --trust-root file said only "no such file", and chains were then silently
    // checked against Microsoft's root).
    const QString instead = tr("Chains are checked against %1 instead.").arg(trustRootText());
    const auto bytes = readOrReport(path, 1024 * 1024, instead);
    if (!bytes)
        return false;
    auto root = validation::TrustRoot::fromRsaKeyValueXml(*bytes, validation::TrustRoot::nameForFile(path));
    if (!root) {
        emit problem(QString::fromStdString(root.error().detail) + u'\n' + instead);
        return false;
    }
    changePolicy([&root](validation::ValidationPolicy& p) { p.trustRoot = root.value(); });
    return true;
}

QString TrustMenu::trustRootText() const
{
    const validation::TrustRoot& root = m_inspection->policy().trustRoot;
    return root.isMicrosoft ? tr("Microsoft's COPP root") : root.name;
}

void TrustMenu::useMicrosoftRoot()
{
    changePolicy([](validation::ValidationPolicy& p) { p.trustRoot = validation::TrustRoot::microsoft(); });
}

bool TrustMenu::setX509TrustAnchorFile(const QString& path)
{
    auto anchor = validation::X509Policy::withTrustAnchorFile(path);
    if (!anchor) {
        emit problem(tr("Cannot use %1 as the X.509 trust anchor: %2")
                         .arg(QDir::toNativeSeparators(path), QString::fromStdString(anchor.error().detail)));
        return false; // the anchor in use stays
    }
    emit statusMessage(tr("X.509 trust anchor: %1").arg(anchor.value().trustAnchorName), 5000);
    changePolicy([&anchor](validation::ValidationPolicy& p) { p.x509 = anchor.value(); });
    return true;
}

void TrustMenu::useDefaultX509Anchor()
{
    changePolicy([](validation::ValidationPolicy& p) { p.x509 = validation::X509Policy{}; });
}

bool TrustMenu::setRevocationListFile(const QString& path)
{
    const auto bytes = readOrReport(path, util::kDefaultMaxFileBytes);
    if (!bytes)
        return false;
    changePolicy([&bytes](validation::ValidationPolicy& p) { p.revocationList = *bytes; });
    return true;
}

void TrustMenu::useNoRevocationList()
{
    changePolicy([](validation::ValidationPolicy& p) { p.revocationList.reset(); });
}

std::optional<QByteArray> TrustMenu::readOrReport(const QString& path, qint64 maxBytes, const QString& consequence)
{
    // A pipe named as a trust root or revocation list is read here, on the GUI
    // thread (up to 3 s without a writer): at least the cursor says so.
    const bool mayWait = util::isStreamFile(path);
    if (mayWait)
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    auto bytes = util::readFileLimited(path, maxBytes, util::kInteractiveStallLimit);
    if (mayWait)
        QGuiApplication::restoreOverrideCursor();
    if (!bytes) {
        const QString problem = QString::fromStdString(bytes.error().detail);
        emit this->problem(consequence.isEmpty() ? problem : problem + u'\n' + consequence);
        return std::nullopt;
    }
    return std::move(bytes.value());
}

} // namespace copp::ui

// SPDX-License-Identifier: BSD-3-Clause
// The Trust menu and what it sets: the COPP trust root (Microsoft's or a test
// root key file), the X.509 trust anchor for OPM bundles, and the revocation
// list. A file that cannot be used leaves the choice in use and says why; every
// change validates the open chain again.
#pragma once

#include <QObject>

#include <optional>

class QAction;
class QMenu;
class QWidget;

namespace copp::validation {
class ChainInspection;
}

namespace copp::ui {

class TrustMenu : public QObject {
    Q_OBJECT
public:
    // Fills `menu`; file dialogs open over `window`.
    TrustMenu(QMenu* menu, validation::ChainInspection* inspection, QWidget* window);

    bool setTrustRootFile(const QString& path);
    void useMicrosoftRoot();
    bool setRevocationListFile(const QString& path);
    void useNoRevocationList();
    bool setX509TrustAnchorFile(const QString& path);
    void useDefaultX509Anchor();

signals:
    void problem(const QString& message);
    void statusMessage(const QString& message, int timeoutMs);

private:
    void createActions(QMenu* menu);
    void syncChecks();
    QString trustRootText() const;
    // `consequence` is said after the problem (what happens instead).
    std::optional<QByteArray> readOrReport(const QString& path, qint64 maxBytes, const QString& consequence = {});
    template <typename Change>
    void changePolicy(Change change);

    validation::ChainInspection* m_inspection;
    QWidget* m_window;
    QAction* m_microsoftRootAction = nullptr; // the check marks show what is in use
    QAction* m_testRootAction = nullptr;
    QAction* m_x509AnchorAction = nullptr;
    QAction* m_x509DefaultAction = nullptr;
    QAction* m_crlAction = nullptr;
    QAction* m_noCrlAction = nullptr;
};

} // namespace copp::ui

// SPDX-License-Identifier: BSD-3-Clause
// The window's language: the system's by default, or a choice from --lang or
// the View > Language menu (remembered in the settings). Loads our embedded
// translation and Qt's own (standard dialogs).
#pragma once

#include <QList>
#include <QString>
#include <QTranslator>

namespace copp::ui {

struct LanguageChoice {
    QString code; // "" = the system's language
    QString name; // in its own language: "Deutsch"
};

class Language {
public:
    // English plus every translation embedded at :/i18n.
    static QList<LanguageChoice> available();
    // The remembered menu choice ("" when none).
    static QString savedChoice();
    static void saveChoice(const QString& code);

    // Replaces the installed translators; "" means the system's locale.
    void apply(const QString& code);

private:
    QTranslator m_app;
    QTranslator m_qt;
};

} // namespace copp::ui

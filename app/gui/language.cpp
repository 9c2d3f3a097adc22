// SPDX-License-Identifier: BSD-3-Clause
#include <app/gui/language.h>

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>

namespace copp::ui {

namespace {
const QString kSettingsKey = QStringLiteral("language");
}

QList<LanguageChoice> Language::available()
{
    QList<LanguageChoice> out{{QStringLiteral("en"), QStringLiteral("English")}};
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("coppscope_*.qm")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const QString code = file.mid(10, file.size() - 13); // coppscope_<code>.qm
        const QLocale locale(code);
        QString name = locale.nativeLanguageName();
        if (!name.isEmpty())
            name[0] = name.at(0).toUpper();
        out.append({code, name.isEmpty() ? code : name});
    }
    return out;
}

QString Language::savedChoice()
{
    return QSettings().value(kSettingsKey).toString();
}

void Language::saveChoice(const QString& code)
{
    QSettings().setValue(kSettingsKey, code);
}

void Language::apply(const QString& code)
{
    QCoreApplication::removeTranslator(&m_app);
    QCoreApplication::removeTranslator(&m_qt);
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    QLocale::setDefault(locale);
    if (m_app.load(locale, QStringLiteral("coppscope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&m_app);
    if (m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
}

} // namespace copp::ui

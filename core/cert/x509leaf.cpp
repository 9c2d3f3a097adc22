// SPDX-License-Identifier: BSD-3-Clause
#include <core/cert/x509leaf.h>

#include <QStringList>

#include <algorithm>

namespace copp::cert {

namespace {

// `issuer` issued `subject`: its subject name is the subject's issuer name
// (RFC 5280 §4.1.2.4), and it is not the same certificate (a root issues itself).
bool issues(const X509CertificateInfo& issuer, const X509CertificateInfo& subject)
{
    return &issuer != &subject && !subject.issuerDer.isEmpty() && subject.issuerDer == issuer.subjectDer;
}

} // namespace

QString namedInBundle(const X509CertificateInfo& certificate)
{
    return QStringLiteral("%1 (bundle position %2)").arg(certificate.shortName()).arg(certificate.bundleIndex);
}

Result<int> findX509Leaf(const X509Bundle& bundle)
{
    const QList<X509CertificateInfo>& all = bundle.certificates;
    QList<int> leaves;
    for (int i = 0; i < all.size(); ++i) {
        const bool issuesAnother = std::any_of(all.begin(), all.end(), [&](const X509CertificateInfo& other) {
            return issues(all.at(i), other);
        });
        if (!issuesAnother)
            leaves.append(i);
    }
    // A self-issued root that issues nothing else here (its intermediate left out)
    // is not the leaf when another certificate can be.
    if (leaves.size() > 1) {
        QList<int> notRoots;
        for (const int i : leaves) {
            if (!all.at(i).isSelfIssued)
                notRoots.append(i);
        }
        if (!notRoots.isEmpty())
            leaves = notRoots;
    }
    if (leaves.size() == 1)
        return leaves.constFirst();
    if (leaves.isEmpty())
        return makeError(Error::Code::Malformed,
                         QStringLiteral("every certificate of the bundle issues another, so none is the leaf").toStdString());
    QStringList names;
    for (const int i : leaves)
        names.append(namedInBundle(all.at(i)));
    return makeError(Error::Code::Malformed,
                     QStringLiteral("%1 certificates issue no other, so the leaf is not clear: %2")
                         .arg(leaves.size()).arg(names.join(QStringLiteral(", "))).toStdString());
}

} // namespace copp::cert

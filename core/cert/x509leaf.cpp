// SPDX-License-Identifier: BSD-3-Clause
#include <core/cert/x509leaf.h>

#include <QStringList>

namespace copp::cert {

bool x509Issued(const X509CertificateInfo& issuer, const X509CertificateInfo& subject)
{
    const bool names = issuer.subjectDer == subject.issuerDer || issuer.subject == subject.issuer;
    const bool keyIds = issuer.subjectKeyId.isEmpty() || subject.authorityKeyId.isEmpty()
        || issuer.subjectKeyId == subject.authorityKeyId;
    return names && keyIds;
}

QList<int> x509LeafCandidates(const QList<X509CertificateInfo>& certificates)
{
    QList<int> leaves;
    for (int i = 0; i < certificates.size(); ++i) {
        bool issuedAnother = false;
        for (int j = 0; j < certificates.size() && !issuedAnother; ++j)
            issuedAnother = j != i && x509Issued(certificates[i], certificates[j]);
        if (!issuedAnother)
            leaves.append(i);
    }
    return leaves;
}

QString namedInBundle(const X509CertificateInfo& certificate)
{
    return QStringLiteral("%1 (bundle position %2)").arg(certificate.shortName()).arg(certificate.bundleIndex);
}

Result<int> findX509Leaf(const X509Bundle& bundle)
{
    const QList<X509CertificateInfo>& all = bundle.certificates;
    QList<int> leaves = x509LeafCandidates(all);
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

// SPDX-License-Identifier: BSD-3-Clause
// The per-certificate steps of the "Validate Certificate Procedure" (docs/protocol.md §8.1),
// one function per rule. The chain validator runs them on the driver's chain;
// the revocation check reuses digest/signature/link on the CRL signer's chain.
#pragma once

#include <core/validation/decodedvalues.h>
#include <core/validation/trustroot.h>
#include <core/validation/validationreport.h>

#include <core/cert/elementpath.h>

#include <QSet>

namespace copp::validation {

// The elements of one <Certificate>, located once.
struct CertificateContext {
    const cert::XmlDocument* doc = nullptr;
    int index = 0;      // 0 = leaf
    int count = 0;      // certificates in the collection
    int element = -1;   // the Certificate element
    cert::Lookup data;      // Certificate/Data
    cert::Lookup signature; // Certificate/Signature
    const TrustRoot* trustRoot = nullptr; // lets checkSignature reuse the pre-parsed root key
    DecodedValues* values = nullptr;      // shared by the document's certificates

    static CertificateContext locate(const cert::XmlDocument& doc, int certificateElement,
                                     int index, int count, const TrustRoot* trustRoot,
                                     DecodedValues& values);
    bool isLeaf() const { return index == 0; }
    bool isFinal() const { return index == count - 1; }
};

// docs/cli.md: "A missing element ... fails the first step that needs it."
// Remembers which missing inputs were already reported, so later steps that
// need the same input are `skipped` instead of failing again.
class MissingInputs {
public:
    // True when the problem was not reported before (the caller fails).
    bool firstReport(int certificate, const QString& problem)
    {
        const QString key = QString::number(certificate) + u':' + problem;
        if (m_reported.contains(key))
            return false;
        m_reported.insert(key);
        return true;
    }

private:
    QSet<QString> m_reported;
};

StepResult checkUniqueChildren(const CertificateContext& c, MissingInputs& missing);
StepResult checkModulus(const CertificateContext& c, MissingInputs& missing);
StepResult checkExponent(const CertificateContext& c, MissingInputs& missing);
StepResult checkLeafUsage(const CertificateContext& c, MissingInputs& missing);
StepResult checkLink(const CertificateContext& c, const CertificateContext& previous,
                     MissingInputs& missing);
// `usage` is SignCertificate for chains, SignCRL for a revocation list's signer.
StepResult checkSignUsage(const CertificateContext& c, MissingInputs& missing,
                          QStringView usage = u"SignCertificate");
StepResult checkDigest(const CertificateContext& c, MissingInputs& missing);
StepResult checkSignature(const CertificateContext& c, MissingInputs& missing);
StepResult checkTrustedRoot(const CertificateContext& c, const TrustRoot& root,
                            MissingInputs& missing);

// Explains a failed RSASSA-PSS verification from the decoded encoding
// (recovered salt length, H vs H'); used for certificates and the CRL.
Message explainPssFailure(const crypto::PssDecoding& decoding, Facts* facts);

// Short fingerprint for showing keys: SHA-1 of the modulus bytes, hex,
// computed when a view shows it.
FactValue modulusFingerprint(const crypto::RsaPublicKey& key);

} // namespace copp::validation

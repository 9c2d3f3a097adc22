<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>copp::cli</name>
    <message>
        <source>Usage: coppscope-cli COMMAND [OPTIONS]

Commands:
  verify    Validate COPP certificate chains (exit 0 valid, 1 rejected, 2 error)
  testpki   Write test chains, a test root key and revocation lists

  coppscope-cli COMMAND --help   options of a command
  coppscope-cli --version        version
</source>
        <translation>Aufruf: coppscope-cli BEFEHL [OPTIONEN]

Befehle:
  verify    COPP-Zertifikatsketten prüfen (Exit 0 gültig, 1 abgelehnt, 2 Fehler)
  testpki   Testketten, einen Test-Stammschlüssel und Sperrlisten schreiben

  coppscope-cli BEFEHL --help   Optionen eines Befehls
  coppscope-cli --version       Version
</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Write TEST certificate material: a COPP chain in the driver serialization, the test root key (for verify --trust-root) and a signed revocation list (for verify --crl).
Nothing written here chains to Microsoft&apos;s root.</source>
        <translation>TEST-Zertifikatsmaterial schreiben: eine COPP-Kette in der Serialisierung der Treiber, den Test-Stammschlüssel (für verify --trust-root) und eine signierte Sperrliste (für verify --crl).
Nichts davon führt zum Stammschlüssel von Microsoft.</translation>
    </message>
    <message>
        <source>Folder to write into (created if needed).</source>
        <translation>Zielordner (wird bei Bedarf angelegt).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>ORDNER</translation>
    </message>
    <message>
        <source>Reuse the test keys in DIR (made and saved there when absent). Default: DIR/keys under --out.</source>
        <translation>Die Testschlüssel in ORDNER wiederverwenden (fehlen sie, werden sie dort erzeugt und gespeichert). Vorgabe: ORDNER/keys unter --out.</translation>
    </message>
    <message>
        <source>Make the material fail exactly this rule, e.g. cert.signature@1, collection.version, crl.revoked@0.</source>
        <translation>Das Material genau an dieser Regel scheitern lassen, z. B. cert.signature@1, collection.version, crl.revoked@0.</translation>
    </message>
    <message>
        <source>RULE[@N]</source>
        <translation>REGEL[@N]</translation>
    </message>
    <message>
        <source>Write without namespaces (no c: prefixes).</source>
        <translation>Ohne Namensräume schreiben (keine c:-Präfixe).</translation>
    </message>
    <message>
        <source>Indent the XML (signed as written).</source>
        <translation>Das XML einrücken (signiert wie geschrieben).</translation>
    </message>
    <message>
        <source>Namespace prefix for certificate elements (default c).</source>
        <translation>Namensraum-Präfix für Zertifikatselemente (Vorgabe c).</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>testpki: --out DIR is required (try --help)</source>
        <translation>testpki: --out ORDNER ist erforderlich (siehe --help)</translation>
    </message>
    <message>
        <source>testpki: unexpected argument &quot;%1&quot;</source>
        <translation>testpki: unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>--break: %1</source>
        <translation>--break: %1</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>test keys in %1: %2</source>
        <translation>Testschlüssel in %1: %2</translation>
    </message>
    <message>
        <source>TEST MATERIAL written (keys in %1):</source>
        <translation>TESTMATERIAL geschrieben (Schlüssel in %1):</translation>
    </message>
    <message>
        <source>Check it with:
  coppscope-cli verify %1 --trust-root %2 --crl %3
</source>
        <translation>Prüfen mit:
  coppscope-cli verify %1 --trust-root %2 --crl %3
</translation>
    </message>
    <message>
        <source>Expected first failure: %1
</source>
        <translation>Erwarteter erster Fehler: %1
</translation>
    </message>
    <message>
        <source>Validate COPP certificate chains (seed 003&apos;s procedure; rules and JSON per cli-contract.md).
Exit status: 0 every chain valid, 1 a chain rejected, 2 usage error or unreadable file.</source>
        <translation>COPP-Zertifikatsketten prüfen (Verfahren aus Seed 003; Regeln und JSON nach cli-contract.md).
Exit-Status: 0 alle Ketten gültig, 1 eine Kette abgelehnt, 2 Aufruffehler oder unlesbare Datei.</translation>
    </message>
    <message>
        <source>Trust this &lt;RSAKeyValue&gt; key instead of Microsoft&apos;s COPP root.</source>
        <translation>Diesem &lt;RSAKeyValue&gt;-Schlüssel statt dem COPP-Stammschlüssel von Microsoft vertrauen.</translation>
    </message>
    <message>
        <source>KEY.xml</source>
        <translation>SCHLÜSSEL.xml</translation>
    </message>
    <message>
        <source>Check revocation against this revocation list.</source>
        <translation>Sperrung anhand dieser Sperrliste prüfen.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Print JSON: one object; with several files, one object per line with a &quot;file&quot; key.</source>
        <translation>JSON ausgeben: ein Objekt; bei mehreren Dateien ein Objekt je Zeile mit einem Schlüssel „file“.</translation>
    </message>
    <message>
        <source>Show the evidence of passing steps too.</source>
        <translation>Auch die Belege bestandener Schritte zeigen.</translation>
    </message>
    <message>
        <source>Certificate chain files (XML).</source>
        <translation>Dateien mit Zertifikatsketten (XML).</translation>
    </message>
    <message>
        <source>CHAIN.xml...</source>
        <translation>KETTE.xml...</translation>
    </message>
    <message>
        <source>verify: no chain file given (try --help)</source>
        <translation>verify: keine Kettendatei angegeben (siehe --help)</translation>
    </message>
    <message>
        <source>trust root: %1</source>
        <translation>Vertrauensanker: %1</translation>
    </message>
    <message>
        <source>revocation list: %1</source>
        <translation>Sperrliste: %1</translation>
    </message>
</context>
<context>
    <name>copp::models::CertificateTreeModel</name>
    <message>
        <source>Certificate %1 (%2)</source>
        <translation>Zertifikat %1 (%2)</translation>
    </message>
    <message>
        <source>%1 — missing</source>
        <translation>%1 — fehlt</translation>
    </message>
    <message>
        <source>%1 bytes, SHA-1 %2</source>
        <translation>%1 Bytes, SHA-1 %2</translation>
    </message>
    <message>
        <source>RSA %1-bit, exponent %2</source>
        <translation>RSA %1 Bit, Exponent %2</translation>
    </message>
    <message>
        <source>%1 bytes (%2-bit): %3</source>
        <translation>%1 Bytes (%2 Bit): %3</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Bytes)</translation>
    </message>
    <message>
        <source>%1 bytes: %2</source>
        <translation>%1 Bytes: %2</translation>
    </message>
    <message>
        <source>Used by: %1</source>
        <translation>Verwendet von: %1</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>copp::models::ValidationStepModel</name>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>whole chain</source>
        <translation>ganze Kette</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>copp::ui::ByteRangeView</name>
    <message>
        <source>Raw chain bytes</source>
        <translation>Rohe Bytes der Kette</translation>
    </message>
    <message>
        <source>The chain file as read, with the bytes of the selected step highlighted</source>
        <translation>Die Kettendatei wie gelesen; die Bytes des gewählten Schritts sind hervorgehoben</translation>
    </message>
</context>
<context>
    <name>copp::ui::MainWindow</name>
    <message>
        <source>CoppScope</source>
        <translation>CoppScope</translation>
    </message>
    <message>
        <source>Validation steps</source>
        <translation>Prüfschritte</translation>
    </message>
    <message>
        <source>Every step of the certificate-chain validation procedure, in order, with its outcome</source>
        <translation>Jeder Schritt des Prüfverfahrens für Zertifikatsketten, in Reihenfolge, mit seinem Ergebnis</translation>
    </message>
    <message>
        <source>Certificate tree</source>
        <translation>Zertifikatsbaum</translation>
    </message>
    <message>
        <source>The chain&apos;s certificates and elements with decoded values; the nodes the selected step used are selected</source>
        <translation>Die Zertifikate und Elemente der Kette mit dekodierten Werten; die vom gewählten Schritt verwendeten Knoten sind ausgewählt</translation>
    </message>
    <message>
        <source>Step &amp;details</source>
        <translation>Schritt&amp;details</translation>
    </message>
    <message>
        <source>Raw &amp;bytes</source>
        <translation>Roh&amp;bytes</translation>
    </message>
    <message>
        <source>Details and raw bytes</source>
        <translation>Details und Rohbytes</translation>
    </message>
    <message>
        <source>Open a COPP certificate chain (File &gt; Open, or drop a file here).</source>
        <translation>Eine COPP-Zertifikatskette öffnen (Datei &gt; Öffnen, oder eine Datei hierher ziehen).</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Copy Value as &amp;Hex</source>
        <translation>Wert als &amp;Hex kopieren</translation>
    </message>
    <message>
        <source>Copy Value as &amp;Base64</source>
        <translation>Wert als &amp;Base64 kopieren</translation>
    </message>
    <message>
        <source>&amp;Copy Value</source>
        <translation>Wert &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Chain…</source>
        <translation>Kette ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open COPP certificate chain</source>
        <translation>COPP-Zertifikatskette öffnen</translation>
    </message>
    <message>
        <source>Certificate chains (*.xml);;All files (*)</source>
        <translation>Zertifikatsketten (*.xml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Validate Again</source>
        <translation>Erneut &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Export Report as JSON…</source>
        <translation>Bericht als JSON &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export validation report</source>
        <translation>Prüfbericht exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Trust</source>
        <translation>&amp;Vertrauen</translation>
    </message>
    <message>
        <source>Use &amp;Microsoft&apos;s COPP Root</source>
        <translation>COPP-Stammschlüssel von &amp;Microsoft verwenden</translation>
    </message>
    <message>
        <source>Use a &amp;Test Root Key File…</source>
        <translation>&amp;Test-Stammschlüsseldatei verwenden…</translation>
    </message>
    <message>
        <source>Open test root key (RSAKeyValue XML)</source>
        <translation>Test-Stammschlüssel öffnen (RSAKeyValue-XML)</translation>
    </message>
    <message>
        <source>Key files (*.xml);;All files (*)</source>
        <translation>Schlüsseldateien (*.xml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Check Against a &amp;Revocation List…</source>
        <translation>Gegen eine &amp;Sperrliste prüfen…</translation>
    </message>
    <message>
        <source>Open revocation list</source>
        <translation>Sperrliste öffnen</translation>
    </message>
    <message>
        <source>Revocation lists (*.crl);;All files (*)</source>
        <translation>Sperrlisten (*.crl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;No Revocation List</source>
        <translation>&amp;Keine Sperrliste</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About CoppScope</source>
        <translation>&amp;Über CoppScope</translation>
    </message>
    <message>
        <source>About CoppScope</source>
        <translation>Über CoppScope</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;CoppScope %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Inspects and tests COPP output-protection sessions.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;CoppScope %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Untersucht und testet COPP-Sitzungen für Ausgabeschutz.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — CoppScope</source>
        <translation>%1 — CoppScope</translation>
    </message>
    <message>
        <source>✗ REJECTED: %1 — first failure: %2%3</source>
        <translation>✗ ABGELEHNT: %1 — erster Fehler: %2%3</translation>
    </message>
    <message>
        <source> in certificate %1</source>
        <translation> in Zertifikat %1</translation>
    </message>
    <message>
        <source>✓ VALID: %1 (trust root: %2)</source>
        <translation>✓ GÜLTIG: %1 (Vertrauensanker: %2)</translation>
    </message>
    <message>
        <source>No validation step used this element.</source>
        <translation>Kein Prüfschritt hat dieses Element verwendet.</translation>
    </message>
    <message>
        <source>Steps that used this element: %1</source>
        <translation>Schritte, die dieses Element verwendet haben: %1</translation>
    </message>
    <message>
        <source>Open a chain first.</source>
        <translation>Zuerst eine Kette öffnen.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Bericht nach %1 geschrieben</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>This element has no value to copy in that form.</source>
        <translation>Dieses Element hat keinen Wert, der sich in dieser Form kopieren lässt.</translation>
    </message>
    <message>
        <source>Copied %1 characters.</source>
        <translation>%1 Zeichen kopiert.</translation>
    </message>
    <message>
        <source>Validating</source>
        <translation>Wird geprüft</translation>
    </message>
    <message>
        <source>Export Report as &amp;HTML…</source>
        <translation>Bericht als &amp;HTML exportieren…</translation>
    </message>
    <message>
        <source>Export validation report for partners</source>
        <translation>Prüfbericht für Partner exportieren</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>HTML-Seite (*.html)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Validating %1…</source>
        <translation>%1 wird geprüft…</translation>
    </message>
    <message>
        <source>CoppScope %1</source>
        <translation>CoppScope %1</translation>
    </message>
</context>
<context>
    <name>copp::ui::StepDetailView</name>
    <message>
        <source>Step details</source>
        <translation>Schrittdetails</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a validation step to see its evidence and the bytes it checked.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Einen Prüfschritt wählen, um seine Belege und die geprüften Bytes zu sehen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>bytes %1 to %2 (%3 bytes)</source>
        <translation>Bytes %1 bis %2 (%3 Bytes)</translation>
    </message>
    <message>
        <source>
… (%1 more bytes)</source>
        <translation>
… (%1 weitere Bytes)</translation>
    </message>
</context>
<context>
    <name>copp::validation</name>
    <message>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>not checked: %1 (reported by an earlier step)</source>
        <translation>nicht geprüft: %1 (von einem früheren Schritt gemeldet)</translation>
    </message>
    <message>
        <source>Data has %1 distinct child elements</source>
        <translation>Data hat %1 verschiedene Kindelemente</translation>
    </message>
    <message>
        <source>Data has duplicated child elements: %1</source>
        <translation>Data hat doppelte Kindelemente: %1</translation>
    </message>
    <message>
        <source>Modulus is %1 bytes</source>
        <translation>Modulus hat %1 Bytes</translation>
    </message>
    <message>
        <source>Modulus is %1 bytes: a leading zero byte is written before the %2-byte value; lengths are of the decoded bytes, literally</source>
        <translation>Modulus hat %1 Bytes: vor dem %2-Byte-Wert steht ein führendes Nullbyte; gezählt werden die dekodierten Bytes, wörtlich</translation>
    </message>
    <message>
        <source>Modulus is %1 bytes; the %2 certificate needs %3 bytes</source>
        <translation>Modulus hat %1 Bytes; das Zertifikat (%2) braucht %3 Bytes</translation>
    </message>
    <message>
        <source>Exponent is %1 (%2 bytes)</source>
        <translation>Exponent ist %1 (%2 Bytes)</translation>
    </message>
    <message>
        <source>Exponent is %1 bytes; at most 4 are allowed</source>
        <translation>Exponent hat %1 Bytes; höchstens 4 sind erlaubt</translation>
    </message>
    <message>
        <source>KeyUsage/EncryptKey = 1 and Features/COPPCertificate = 1</source>
        <translation>KeyUsage/EncryptKey = 1 und Features/COPPCertificate = 1</translation>
    </message>
    <message>
        <source>Data/PublicKey equals certificate %1&apos;s Signature/KeyInfo</source>
        <translation>Data/PublicKey gleicht Signature/KeyInfo von Zertifikat %1</translation>
    </message>
    <message>
        <source>Data/PublicKey differs from certificate %1&apos;s Signature/KeyInfo: %2</source>
        <translation>Data/PublicKey weicht von Signature/KeyInfo von Zertifikat %1 ab: %2</translation>
    </message>
    <message>
        <source>KeyUsage/%1 = 1</source>
        <translation>KeyUsage/%1 = 1</translation>
    </message>
    <message>
        <source>DigestValue is %1 bytes; a SHA-1 digest is 20</source>
        <translation>DigestValue hat %1 Bytes; ein SHA-1-Hash hat 20</translation>
    </message>
    <message>
        <source>SHA-1 of the %1 Data bytes matches DigestValue</source>
        <translation>SHA-1 der %1 Data-Bytes stimmt mit DigestValue überein</translation>
    </message>
    <message>
        <source>SHA-1 of the %1 Data bytes is %2, DigestValue says %3</source>
        <translation>SHA-1 der %1 Data-Bytes ist %2, DigestValue sagt %3</translation>
    </message>
    <message>
        <source>the signature length does not match the key</source>
        <translation>die Signaturlänge passt nicht zum Schlüssel</translation>
    </message>
    <message>
        <source>the signature is not smaller than the modulus: not made with this key</source>
        <translation>die Signatur ist nicht kleiner als der Modulus: nicht mit diesem Schlüssel erstellt</translation>
    </message>
    <message>
        <source>the key is too small for an RSASSA-PSS SHA-1 encoding</source>
        <translation>der Schlüssel ist zu klein für eine RSASSA-PSS-SHA-1-Kodierung</translation>
    </message>
    <message>
        <source>no PSS encoding inside (trailer byte 0x%1, expected 0xbc): signed with another key, or not with RSASSA-PSS</source>
        <translation>keine PSS-Kodierung enthalten (Endbyte 0x%1, erwartet 0xbc): mit einem anderen Schlüssel oder nicht mit RSASSA-PSS signiert</translation>
    </message>
    <message>
        <source>no PSS encoding inside (high bits of the encoded message set): signed with another key</source>
        <translation>keine PSS-Kodierung enthalten (hohe Bits der kodierten Nachricht gesetzt): mit einem anderen Schlüssel signiert</translation>
    </message>
    <message>
        <source>no PSS encoding inside (padding is not 00..00 01): signed with another key, or another hash/MGF</source>
        <translation>keine PSS-Kodierung enthalten (Auffüllung ist nicht 00..00 01): mit einem anderen Schlüssel oder anderem Hash/MGF signiert</translation>
    </message>
    <message>
        <source>a valid RSASSA-PSS signature, but with salt length %1; COPP requires salt length 0</source>
        <translation>eine gültige RSASSA-PSS-Signatur, aber mit Salt-Länge %1; COPP verlangt Salt-Länge 0</translation>
    </message>
    <message>
        <source>salt length %1 (COPP requires 0) and H != H&apos;: signed over other bytes than this Data element</source>
        <translation>Salt-Länge %1 (COPP verlangt 0) und H != H&apos;: über andere Bytes als dieses Data-Element signiert</translation>
    </message>
    <message>
        <source>H != H&apos;: signed over other bytes than this Data element (edited after signing, or re-serialised XML)</source>
        <translation>H != H&apos;: über andere Bytes als dieses Data-Element signiert (nach dem Signieren bearbeitet oder XML neu serialisiert)</translation>
    </message>
    <message>
        <source>Signature/KeyInfo is not a usable RSA key: %1</source>
        <translation>Signature/KeyInfo ist kein brauchbarer RSA-Schlüssel: %1</translation>
    </message>
    <message>
        <source>SignatureValue is %1 bytes; a signature by a %2-bit key is %3 bytes</source>
        <translation>SignatureValue hat %1 Bytes; eine Signatur mit einem %2-Bit-Schlüssel hat %3 Bytes</translation>
    </message>
    <message>
        <source>RSASSA-PSS (SHA-1, salt 0) signature by the %1-bit KeyInfo key verifies</source>
        <translation>RSASSA-PSS-Signatur (SHA-1, Salt 0) mit dem %1-Bit-Schlüssel aus KeyInfo ist gültig</translation>
    </message>
    <message>
        <source>signature does not verify: %1</source>
        <translation>Signatur ist ungültig: %1</translation>
    </message>
    <message>
        <source>Signature/KeyInfo is the trusted root (%1)</source>
        <translation>Signature/KeyInfo ist der Vertrauensanker (%1)</translation>
    </message>
    <message>
        <source>Signature/KeyInfo is not the trusted root (%1)</source>
        <translation>Signature/KeyInfo ist nicht der Vertrauensanker (%1)</translation>
    </message>
    <message>
        <source>not checked: the collection failed %1</source>
        <translation>nicht geprüft: die Sammlung scheiterte an %1</translation>
    </message>
    <message>
        <source>not checked: no revocation list given</source>
        <translation>nicht geprüft: keine Sperrliste angegeben</translation>
    </message>
    <message>
        <source>not checked: the revocation list is not trusted (crl.signature failed)</source>
        <translation>nicht geprüft: der Sperrliste wird nicht vertraut (crl.signature fehlgeschlagen)</translation>
    </message>
    <message>
        <source>not checked: the document is not well-formed XML</source>
        <translation>nicht geprüft: das Dokument ist kein wohlgeformtes XML</translation>
    </message>
    <message>
        <source>well-formed XML, %1 elements</source>
        <translation>wohlgeformtes XML, %1 Elemente</translation>
    </message>
    <message>
        <source>not well-formed XML: %1 (line %2, column %3)</source>
        <translation>kein wohlgeformtes XML: %1 (Zeile %2, Spalte %3)</translation>
    </message>
    <message>
        <source>not UTF-8: %1</source>
        <translation>nicht UTF-8: %1</translation>
    </message>
    <message>
        <source>valid UTF-8 (no encoding declared)</source>
        <translation>gültiges UTF-8 (keine Kodierung deklariert)</translation>
    </message>
    <message>
        <source>valid UTF-8, declared as %1</source>
        <translation>gültiges UTF-8, deklariert als %1</translation>
    </message>
    <message>
        <source>the root element is &lt;%1&gt;, not CertificateCollection</source>
        <translation>das Wurzelelement ist &lt;%1&gt;, nicht CertificateCollection</translation>
    </message>
    <message>
        <source>CertificateCollection has no Version attribute</source>
        <translation>CertificateCollection hat kein Attribut Version</translation>
    </message>
    <message>
        <source>CertificateCollection has conflicting Version attributes: %1</source>
        <translation>CertificateCollection hat widersprüchliche Version-Attribute: %1</translation>
    </message>
    <message>
        <source>Version &quot;%1&quot; is 2.0 or later</source>
        <translation>Version „%1“ ist 2.0 oder neuer</translation>
    </message>
    <message>
        <source>Version &quot;%1&quot; is below 2.0</source>
        <translation>Version „%1“ ist kleiner als 2.0</translation>
    </message>
    <message>
        <source>Version &quot;%1&quot; is not a decimal number</source>
        <translation>Version „%1“ ist keine Dezimalzahl</translation>
    </message>
    <message>
        <source>exactly three Certificate elements</source>
        <translation>genau drei Certificate-Elemente</translation>
    </message>
    <message>
        <source>%1 Certificate elements; exactly three are required</source>
        <translation>%1 Certificate-Elemente; genau drei sind verlangt</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>SKIP</source>
        <translation>AUSGELASSEN</translation>
    </message>
    <message>
        <source>leaf</source>
        <translation>Blatt</translation>
    </message>
    <message>
        <source>IHV</source>
        <translation>IHV</translation>
    </message>
    <message>
        <source>root</source>
        <translation>Stamm</translation>
    </message>
    <message>
        <source>%1: VALID (trust root: %2)
</source>
        <translation>%1: GÜLTIG (Vertrauensanker: %2)
</translation>
    </message>
    <message>
        <source> in certificate %1 (%2)</source>
        <translation> in Zertifikat %1 (%2)</translation>
    </message>
    <message>
        <source>%1: REJECTED: first failure %2%3
</source>
        <translation>%1: ABGELEHNT: erster Fehler %2%3
</translation>
    </message>
    <message>
        <source>the revocation list is malformed: %1</source>
        <translation>die Sperrliste ist fehlerhaft aufgebaut: %1</translation>
    </message>
    <message>
        <source>signature type %1; only 2 (SHA-1 with RSA) is defined</source>
        <translation>Signaturtyp %1; nur 2 (SHA-1 mit RSA) ist definiert</translation>
    </message>
    <message>
        <source>the signer certificate has no usable key: %1</source>
        <translation>das Zertifikat des Unterzeichners hat keinen brauchbaren Schlüssel: %1</translation>
    </message>
    <message>
        <source>the list&apos;s signature does not verify: %1</source>
        <translation>die Signatur der Liste ist ungültig: %1</translation>
    </message>
    <message>
        <source>version %1, %2 revoked digests, signed by a key that chains to %3</source>
        <translation>Version %1, %2 gesperrte Hashes, signiert mit einem Schlüssel, der zu %3 führt</translation>
    </message>
    <message>
        <source>not checked: certificate %1 has no Data element to hash</source>
        <translation>nicht geprüft: Zertifikat %1 hat kein Data-Element zum Hashen</translation>
    </message>
    <message>
        <source>this certificate&apos;s digest %1 is revoked (list entry %2)</source>
        <translation>der Hash %1 dieses Zertifikats ist gesperrt (Listeneintrag %2)</translation>
    </message>
    <message>
        <source>certificate %1 above it is revoked (digest %2, list entry %3)</source>
        <translation>das darüberliegende Zertifikat %1 ist gesperrt (Hash %2, Listeneintrag %3)</translation>
    </message>
    <message>
        <source>neither this certificate nor any above it is listed</source>
        <translation>weder dieses Zertifikat noch ein darüberliegendes ist gelistet</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>REJECTED: this chain is not valid.</source>
        <translation>ABGELEHNT: Diese Kette ist nicht gültig.</translation>
    </message>
    <message>
        <source>First failure: %1%2 — %3</source>
        <translation>Erster Fehler: %1%2 — %3</translation>
    </message>
    <message>
        <source>VALID: every step of the validation procedure passed.</source>
        <translation>GÜLTIG: Alle Schritte des Prüfverfahrens wurden bestanden.</translation>
    </message>
    <message>
        <source>%1: bytes %2–%3 of the file</source>
        <translation>%1: Bytes %2–%3 der Datei</translation>
    </message>
    <message>
        <source>COPP chain validation: %1</source>
        <translation>COPP-Kettenprüfung: %1</translation>
    </message>
    <message>
        <source>COPP certificate-chain validation</source>
        <translation>Prüfung einer COPP-Zertifikatskette</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>SHA-256 of the file</source>
        <translation>SHA-256 der Datei</translation>
    </message>
    <message>
        <source>Trust root</source>
        <translation>Vertrauensanker</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 mit %2</translation>
    </message>
    <message>
        <source>Validation steps, in procedure order</source>
        <translation>Prüfschritte in der Reihenfolge des Verfahrens</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Explanation and evidence</source>
        <translation>Erklärung und Belege</translation>
    </message>
</context>
<context>
    <name>copp::validation::Fact</name>
    <message>
        <source>duplicated element</source>
        <translation>doppeltes Element</translation>
    </message>
    <message>
        <source>children</source>
        <translation>Kindelemente</translation>
    </message>
    <message>
        <source>Modulus</source>
        <translation>Modulus</translation>
    </message>
    <message>
        <source>expected length (bytes)</source>
        <translation>erwartete Länge (Bytes)</translation>
    </message>
    <message>
        <source>decoded length (bytes)</source>
        <translation>dekodierte Länge (Bytes)</translation>
    </message>
    <message>
        <source>key size (bits)</source>
        <translation>Schlüssellänge (Bit)</translation>
    </message>
    <message>
        <source>Exponent</source>
        <translation>Exponent</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>flag</source>
        <translation>Kennzeichen</translation>
    </message>
    <message>
        <source>this certificate&apos;s Data/PublicKey</source>
        <translation>Data/PublicKey dieses Zertifikats</translation>
    </message>
    <message>
        <source>previous certificate&apos;s Signature/KeyInfo</source>
        <translation>Signature/KeyInfo des vorigen Zertifikats</translation>
    </message>
    <message>
        <source>Data/PublicKey modulus SHA-1</source>
        <translation>SHA-1 des Modulus aus Data/PublicKey</translation>
    </message>
    <message>
        <source>previous KeyInfo modulus SHA-1</source>
        <translation>SHA-1 des Modulus aus dem vorigen KeyInfo</translation>
    </message>
    <message>
        <source>hashed Data bytes</source>
        <translation>gehashte Data-Bytes</translation>
    </message>
    <message>
        <source>DigestValue</source>
        <translation>DigestValue</translation>
    </message>
    <message>
        <source>hashed bytes</source>
        <translation>gehashte Bytes</translation>
    </message>
    <message>
        <source>expected (DigestValue)</source>
        <translation>erwartet (DigestValue)</translation>
    </message>
    <message>
        <source>actual (SHA-1 of Data)</source>
        <translation>tatsächlich (SHA-1 von Data)</translation>
    </message>
    <message>
        <source>trailer byte</source>
        <translation>Endbyte</translation>
    </message>
    <message>
        <source>recovered salt length</source>
        <translation>gefundene Salt-Länge</translation>
    </message>
    <message>
        <source>H (from signature)</source>
        <translation>H (aus der Signatur)</translation>
    </message>
    <message>
        <source>H&apos; (recomputed)</source>
        <translation>H&apos; (neu berechnet)</translation>
    </message>
    <message>
        <source>signed Data bytes</source>
        <translation>signierte Data-Bytes</translation>
    </message>
    <message>
        <source>SignatureValue</source>
        <translation>SignatureValue</translation>
    </message>
    <message>
        <source>KeyInfo (signer&apos;s key)</source>
        <translation>KeyInfo (Schlüssel des Unterzeichners)</translation>
    </message>
    <message>
        <source>signer key (bits)</source>
        <translation>Schlüssel des Unterzeichners (Bit)</translation>
    </message>
    <message>
        <source>signature length (bytes)</source>
        <translation>Signaturlänge (Bytes)</translation>
    </message>
    <message>
        <source>KeyInfo</source>
        <translation>KeyInfo</translation>
    </message>
    <message>
        <source>trusted root</source>
        <translation>Vertrauensanker</translation>
    </message>
    <message>
        <source>expected modulus SHA-1</source>
        <translation>erwarteter Modulus-SHA-1</translation>
    </message>
    <message>
        <source>actual modulus SHA-1</source>
        <translation>tatsächlicher Modulus-SHA-1</translation>
    </message>
    <message>
        <source>document size (bytes)</source>
        <translation>Dokumentgröße (Bytes)</translation>
    </message>
    <message>
        <source>line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>byte offset</source>
        <translation>Byte-Position</translation>
    </message>
    <message>
        <source>error position</source>
        <translation>Fehlerstelle</translation>
    </message>
    <message>
        <source>invalid byte</source>
        <translation>ungültiges Byte</translation>
    </message>
    <message>
        <source>byte-order mark</source>
        <translation>Byte-Order-Mark</translation>
    </message>
    <message>
        <source>CertificateCollection start tag</source>
        <translation>Start-Tag von CertificateCollection</translation>
    </message>
    <message>
        <source>Certificate elements</source>
        <translation>Certificate-Elemente</translation>
    </message>
    <message>
        <source>list version</source>
        <translation>Listenversion</translation>
    </message>
    <message>
        <source>revoked digests</source>
        <translation>gesperrte Hashes</translation>
    </message>
    <message>
        <source>signed bytes</source>
        <translation>signierte Bytes</translation>
    </message>
    <message>
        <source>revoked digest</source>
        <translation>gesperrter Hash</translation>
    </message>
    <message>
        <source>list entry</source>
        <translation>Listeneintrag</translation>
    </message>
    <message>
        <source>digest</source>
        <translation>Hash</translation>
    </message>
</context>
<context>
    <name>copp::validation::Html</name>
    <message>
        <source>en</source>
        <comment>HTML language code</comment>
        <translation>de</translation>
    </message>
</context>
<context>
    <name>copp::validation::Rule</name>
    <message>
        <source>Well-formed XML</source>
        <translation>Wohlgeformtes XML</translation>
    </message>
    <message>
        <source>Verify that the CertificateCollection is well-formed XML.</source>
        <translation>Prüfen, dass die CertificateCollection wohlgeformtes XML ist.</translation>
    </message>
    <message>
        <source>UTF-8 encoding</source>
        <translation>UTF-8-Kodierung</translation>
    </message>
    <message>
        <source>Verify that the CertificateCollection is encoded in UTF-8 format.</source>
        <translation>Prüfen, dass die CertificateCollection in UTF-8 kodiert ist.</translation>
    </message>
    <message>
        <source>Collection version</source>
        <translation>Version der Sammlung</translation>
    </message>
    <message>
        <source>Check that the Version attribute in the CertificateCollection element is 2.0 or later.</source>
        <translation>Prüfen, dass das Attribut Version des Elements CertificateCollection 2.0 oder neuer ist.</translation>
    </message>
    <message>
        <source>Three certificates</source>
        <translation>Drei Zertifikate</translation>
    </message>
    <message>
        <source>Verify that the certificate chain contains exactly three Certificate elements.</source>
        <translation>Prüfen, dass die Zertifikatskette genau drei Certificate-Elemente enthält.</translation>
    </message>
    <message>
        <source>No duplicated Data children</source>
        <translation>Keine doppelten Data-Kinder</translation>
    </message>
    <message>
        <source>Verify that none of the child elements in the Data element is duplicated.</source>
        <translation>Prüfen, dass kein Kindelement des Data-Elements doppelt vorkommt.</translation>
    </message>
    <message>
        <source>Modulus size</source>
        <translation>Modulus-Größe</translation>
    </message>
    <message>
        <source>Data/PublicKey/KeyValue/RSAKeyValue/Modulus exists and decodes to 256 bytes (128 bytes for the root certificate).</source>
        <translation>Data/PublicKey/KeyValue/RSAKeyValue/Modulus ist vorhanden und ergibt dekodiert 256 Bytes (128 Bytes beim Stammzertifikat).</translation>
    </message>
    <message>
        <source>Exponent size</source>
        <translation>Exponent-Größe</translation>
    </message>
    <message>
        <source>Data/PublicKey/KeyValue/RSAKeyValue/Exponent exists and decodes to at most 4 bytes.</source>
        <translation>Data/PublicKey/KeyValue/RSAKeyValue/Exponent ist vorhanden und ergibt dekodiert höchstens 4 Bytes.</translation>
    </message>
    <message>
        <source>Leaf key usage and features</source>
        <translation>Schlüsselverwendung und Merkmale des Blattzertifikats</translation>
    </message>
    <message>
        <source>The leaf&apos;s KeyUsage contains EncryptKey = 1 and its Features contain COPPCertificate = 1.</source>
        <translation>KeyUsage des Blattzertifikats enthält EncryptKey = 1 und seine Features enthalten COPPCertificate = 1.</translation>
    </message>
    <message>
        <source>Chain link</source>
        <translation>Kettenglied</translation>
    </message>
    <message>
        <source>Data/PublicKey exactly matches the previous certificate&apos;s Signature/KeyInfo.</source>
        <translation>Data/PublicKey stimmt genau mit Signature/KeyInfo des vorigen Zertifikats überein.</translation>
    </message>
    <message>
        <source>Signing key usage</source>
        <translation>Schlüsselverwendung zum Signieren</translation>
    </message>
    <message>
        <source>KeyUsage contains SignCertificate = 1.</source>
        <translation>KeyUsage enthält SignCertificate = 1.</translation>
    </message>
    <message>
        <source>Data digest</source>
        <translation>Data-Hash</translation>
    </message>
    <message>
        <source>SHA-1 over every byte from &lt;Data to &lt;/Data&gt; equals Signature/SignedInfo/Reference/DigestValue.</source>
        <translation>SHA-1 über alle Bytes von &lt;Data bis &lt;/Data&gt; gleicht Signature/SignedInfo/Reference/DigestValue.</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>RSASSA-PSS (SHA-1, MGF1-SHA-1, salt length 0) over the Data bytes verifies with Signature/KeyInfo.</source>
        <translation>RSASSA-PSS (SHA-1, MGF1-SHA-1, Salt-Länge 0) über die Data-Bytes ist mit Signature/KeyInfo gültig.</translation>
    </message>
    <message>
        <source>Trusted root</source>
        <translation>Vertrauensanker</translation>
    </message>
    <message>
        <source>The final certificate&apos;s Signature/KeyInfo equals the trusted root key.</source>
        <translation>Signature/KeyInfo des letzten Zertifikats gleicht dem vertrauenswürdigen Stammschlüssel.</translation>
    </message>
    <message>
        <source>Revocation list signature</source>
        <translation>Signatur der Sperrliste</translation>
    </message>
    <message>
        <source>The revocation list parses exactly, its signer links to the trusted root, and its signature verifies.</source>
        <translation>Die Sperrliste lässt sich genau lesen, ihr Unterzeichner führt zum Vertrauensanker, und ihre Signatur ist gültig.</translation>
    </message>
    <message>
        <source>Not revoked</source>
        <translation>Nicht gesperrt</translation>
    </message>
    <message>
        <source>Neither this certificate&apos;s digest nor that of a certificate above it is in the revocation list.</source>
        <translation>Weder der Hash dieses Zertifikats noch der eines darüberliegenden steht in der Sperrliste.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Inspect COPP certificate chains.</source>
        <translation>COPP-Zertifikatsketten untersuchen.</translation>
    </message>
    <message>
        <source>Trust this test root (RSAKeyValue XML).</source>
        <translation>Diesem Test-Stammschlüssel vertrauen (RSAKeyValue-XML).</translation>
    </message>
    <message>
        <source>Check against this revocation list.</source>
        <translation>Gegen diese Sperrliste prüfen.</translation>
    </message>
    <message>
        <source>Certificate chain to open.</source>
        <translation>Zu öffnende Zertifikatskette.</translation>
    </message>
    <message>
        <source>Language of the window, e.g. de or en (default: the system&apos;s).</source>
        <translation>Sprache des Fensters, z. B. de oder en (Vorgabe: die des Systems).</translation>
    </message>
</context>
</TS>

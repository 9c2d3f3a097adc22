<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>copp::cert</name>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>the file is empty apart from a byte-order mark</source>
        <translation>die Datei ist bis auf eine Byte-Order-Mark leer</translation>
    </message>
    <message>
        <source>the file has no elements, only whitespace</source>
        <translation>die Datei enthält keine Elemente, nur Leerraum</translation>
    </message>
    <message>
        <source>the file has no elements, only an XML declaration, comments or processing instructions</source>
        <translation>die Datei enthält keine Elemente, nur eine XML-Deklaration, Kommentare oder Verarbeitungsanweisungen</translation>
    </message>
</context>
<context>
    <name>copp::cli</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
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
        <source>RULE[@N]</source>
        <translation>REGEL[@N]</translation>
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
        <source>Trust this &lt;RSAKeyValue&gt; key instead of Microsoft&apos;s COPP root.</source>
        <translation>Diesem &lt;RSAKeyValue&gt;-Schlüssel statt dem COPP-Stammschlüssel von Microsoft vertrauen.</translation>
    </message>
    <message>
        <source>KEY.xml</source>
        <translation>SCHLÜSSEL.xml</translation>
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
    <message>
        <source>Print the OMAC-1 (AES-128-CMAC) tag of the data as lowercase hex.</source>
        <translation>Den OMAC-1-Wert (AES-128-CMAC) der Daten in Kleinbuchstaben-Hex ausgeben.</translation>
    </message>
    <message>
        <source>The 16-byte key in hex.</source>
        <translation>Der 16-Byte-Schlüssel in Hex.</translation>
    </message>
    <message>
        <source>HEX</source>
        <translation>HEX</translation>
    </message>
    <message>
        <source>The message in hex (&quot;&quot; is the empty message).</source>
        <translation>Die Nachricht in Hex (&quot;&quot; ist die leere Nachricht).</translation>
    </message>
    <message>
        <source>Read the message&apos;s raw bytes from FILE.</source>
        <translation>Die Bytes der Nachricht aus DATEI lesen.</translation>
    </message>
    <message>
        <source>calc omac: --key must be 16 bytes of hex (32 hex digits)</source>
        <translation>calc omac: --key muss 16 Bytes in Hex sein (32 Hex-Ziffern)</translation>
    </message>
    <message>
        <source>calc omac: give exactly one of --data and --data-file</source>
        <translation>calc omac: genau eines von --data und --data-file angeben</translation>
    </message>
    <message>
        <source>calc omac: --data is not hex</source>
        <translation>calc omac: --data ist kein Hex</translation>
    </message>
    <message>
        <source>Print the 256-byte AMCOPPSignature (hex) a Windows application passes to SessionSequenceStart for the chain&apos;s leaf key (reverse the 40 bytes, RSAES-PKCS1-v1_5, reverse the result). The padding is random, so every run prints different bytes that decrypt to the same 40 bytes.</source>
        <translation>Die 256 Byte AMCOPPSignature (Hex) ausgeben, die eine Windows-Anwendung für den Blattschlüssel der Kette an SessionSequenceStart übergibt (die 40 Bytes umkehren, RSAES-PKCS1-v1_5, das Ergebnis umkehren). Das Padding ist zufällig: Jeder Lauf gibt andere Bytes aus, die zu denselben 40 Bytes entschlüsseln.</translation>
    </message>
    <message>
        <source>The driver&apos;s certificate chain (XML).</source>
        <translation>Die Zertifikatskette des Treibers (XML).</translation>
    </message>
    <message>
        <source>CHAIN.xml</source>
        <translation>KETTE.xml</translation>
    </message>
    <message>
        <source>The 16-byte driver random from KeyExchange, hex.</source>
        <translation>Die 16-Byte-Zufallszahl des Treibers aus KeyExchange, Hex.</translation>
    </message>
    <message>
        <source>The 16-byte session key, hex.</source>
        <translation>Der 16-Byte-Sitzungsschlüssel, Hex.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>calc copp-signature: --%1 is required</source>
        <translation>calc copp-signature: --%1 ist erforderlich</translation>
    </message>
    <message>
        <source>calc copp-signature: --driver-random must be 16 bytes of hex</source>
        <translation>calc copp-signature: --driver-random muss 16 Bytes in Hex sein</translation>
    </message>
    <message>
        <source>calc copp-signature: --session-key must be 16 bytes of hex</source>
        <translation>calc copp-signature: --session-key muss 16 Bytes in Hex sein</translation>
    </message>
    <message>
        <source>calc copp-signature: the chain is not well-formed XML: %1</source>
        <translation>calc copp-signature: Die Kette ist kein wohlgeformtes XML: %1</translation>
    </message>
    <message>
        <source>Speak the agent protocol on stdin/stdout (required).</source>
        <translation>Das Agentenprotokoll auf stdin/stdout sprechen (erforderlich).</translation>
    </message>
    <message>
        <source>Inject a fault, NAME[=VALUE][@N]. Repeatable.</source>
        <translation>Einen Fehler einspeisen, NAME[=WERT][@N]. Wiederholbar.</translation>
    </message>
    <message>
        <source>FAULT</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>Play a scenario timeline (a built-in name or a JSON file).</source>
        <translation>Ein Szenario abspielen (ein eingebauter Name oder eine JSON-Datei).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>The output&apos;s connector (hdmi, dvi, displayport, vga, component, s-video, composite).</source>
        <translation>Der Anschluss des Ausgangs (hdmi, dvi, displayport, vga, component, s-video, composite).</translation>
    </message>
    <message>
        <source>CONNECTOR</source>
        <translation>ANSCHLUSS</translation>
    </message>
    <message>
        <source>Keep the emulator&apos;s test keys in DIR.</source>
        <translation>Die Testschlüssel des Emulators in ORDNER aufbewahren.</translation>
    </message>
    <message>
        <source>Write the emulator&apos;s revocation list to FILE before serving.</source>
        <translation>Die Sperrliste des Emulators vor dem Start in DATEI schreiben.</translation>
    </message>
    <message>
        <source>List the faults and scenarios, then exit.</source>
        <translation>Die Fehler und Szenarien auflisten und beenden.</translation>
    </message>
    <message>
        <source>Faults (--fault NAME[=VALUE][@N]; @N = the N-th status call):
</source>
        <translation>Fehler (--fault NAME[=WERT][@N]; @N = die N-te Statusabfrage):
</translation>
    </message>
    <message>
        <source>Scenarios (--scenario NAME):
</source>
        <translation>Szenarien (--scenario NAME):
</translation>
    </message>
    <message>
        <source>emulator: only --stdio is supported (try --help)</source>
        <translation>emulator: nur --stdio wird unterstützt (siehe --help)</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot write the transcript %1: %2</source>
        <translation>Das Protokoll %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Set this protection level (hdcp, acp, cgmsa, dpcp), e.g. hdcp=1. Repeatable.</source>
        <translation>Diese Schutzstufe setzen (hdcp, acp, cgmsa, dpcp), z. B. hdcp=1. Wiederholbar.</translation>
    </message>
    <message>
        <source>TYPE=LEVEL</source>
        <translation>TYP=STUFE</translation>
    </message>
    <message>
        <source>Poll for this long (default 5).</source>
        <translation>So lange abfragen (Vorgabe 5).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <source>Poll interval (default 500).</source>
        <translation>Abfrageintervall (Vorgabe 500).</translation>
    </message>
    <message>
        <source>Write every call, reply and event to FILE (JSON).</source>
        <translation>Jeden Aufruf, jede Antwort und jedes Ereignis in DATEI schreiben (JSON).</translation>
    </message>
    <message>
        <source>One JSON object per line, each with an &quot;event&quot; key.</source>
        <translation>Ein JSON-Objekt je Zeile, jedes mit einem Schlüssel „event“.</translation>
    </message>
    <message>
        <source>Show the session key (hidden otherwise).</source>
        <translation>Den Sitzungsschlüssel zeigen (sonst verborgen).</translation>
    </message>
    <message>
        <source>--protect %1: expected TYPE=LEVEL with TYPE hdcp, acp, cgmsa or dpcp and a valid level</source>
        <translation>--protect %1: erwartet TYP=STUFE mit TYP hdcp, acp, cgmsa oder dpcp und einer gültigen Stufe</translation>
    </message>
    <message>
        <source>--duration: a number of seconds between 0 and 86400</source>
        <translation>--duration: eine Anzahl Sekunden zwischen 0 und 86400</translation>
    </message>
    <message>
        <source>--poll-ms: a number of milliseconds from 10</source>
        <translation>--poll-ms: eine Anzahl Millisekunden ab 10</translation>
    </message>
    <message>
        <source>--protect does not go with a replay: the transcript decides every command</source>
        <translation>--protect passt nicht zu einer Wiedergabe: der Mitschnitt bestimmt jeden Befehl</translation>
    </message>
    <message>
        <source>Print the 256-byte OPM_ENCRYPTED_INITIALIZATION_PARAMETERS (hex) an application passes to FinishInitialization (the 40 bytes in natural order, RSAES-OAEP with SHA-512 and MGF1-SHA-512, empty label) for the leaf key of an OPM certificate bundle. OAEP is randomised, so every run prints different bytes that decrypt to the same 40 bytes.</source>
        <translation>Die 256 Byte OPM_ENCRYPTED_INITIALIZATION_PARAMETERS (Hex) ausgeben, die eine Anwendung für den Blattschlüssel eines OPM-Zertifikatsbündels an FinishInitialization übergibt (die 40 Bytes in natürlicher Reihenfolge, RSAES-OAEP mit SHA-512 und MGF1-SHA-512, leeres Label). OAEP ist randomisiert: Jeder Lauf gibt andere Bytes aus, die zu denselben 40 Bytes entschlüsseln.</translation>
    </message>
    <message>
        <source>The OPM certificate chain: PKCS#7 or certificates, DER or PEM.</source>
        <translation>Die OPM-Zertifikatskette: PKCS#7 oder Zertifikate, DER oder PEM.</translation>
    </message>
    <message>
        <source>The 16-byte driver random from StartInitialization, hex.</source>
        <translation>Der 16-Byte-Zufallswert des Treibers aus StartInitialization, in Hex.</translation>
    </message>
    <message>
        <source>calc opm-init: --%1 is required</source>
        <translation>calc opm-init: --%1 ist erforderlich</translation>
    </message>
    <message>
        <source>calc opm-init: --driver-random must be 16 bytes of hex</source>
        <translation>calc opm-init: --driver-random muss 16 Bytes in Hex sein</translation>
    </message>
    <message>
        <source>calc opm-init: --session-key must be 16 bytes of hex</source>
        <translation>calc opm-init: --session-key muss 16 Bytes in Hex sein</translation>
    </message>
    <message>
        <source>calc: which calculator? omac, copp-signature or opm-init</source>
        <translation>calc: welcher Rechner? omac, copp-signature oder opm-init</translation>
    </message>
    <message>
        <source>calc: unknown calculator &quot;%1&quot; (omac, copp-signature, opm-init)</source>
        <translation>calc: unbekannter Rechner „%1“ (omac, copp-signature, opm-init)</translation>
    </message>
    <message>
        <source>Serve the built-in driver emulator as a device agent: JSON lines on stdin/stdout (the device agent protocol); logs go to stderr. EOF on stdin ends it. By default a COPP device with COPP semantics and one output (HDMI with HDCP unless --connector or --scenario say otherwise); --interface opm serves an OPM protected output, --codec a hardware codec for codec merit.</source>
        <translation>Den eingebauten Treiberemulator als Geräteagent bereitstellen: JSON-Zeilen auf stdin/stdout (das Geräteagent-Protokoll); Protokolle gehen nach stderr. EOF auf stdin beendet ihn. Standardmäßig ein COPP-Gerät mit COPP-Semantik und einem Ausgang (HDMI mit HDCP, sofern --connector oder --scenario nichts anderes angeben); --interface opm stellt einen geschützten OPM-Ausgang bereit, --codec einen Hardware-Codec für Codec-Merit.</translation>
    </message>
    <message>
        <source>Write the emulator&apos;s test root to FILE before serving: the certificate (PEM) for OPM semantics, the RSAKeyValue for COPP.</source>
        <translation>Das Test-Stammzertifikat des Emulators vor dem Start in DATEI schreiben: das Zertifikat (PEM) für OPM-Semantik, den RSAKeyValue für COPP.</translation>
    </message>
    <message>
        <source>Answer the copp.* calls (copp, the default) or the opm.* calls (opm).</source>
        <translation>Die copp.*-Aufrufe (copp, Vorgabe) oder die opm.*-Aufrufe (opm) beantworten.</translation>
    </message>
    <message>
        <source>copp|opm</source>
        <translation>copp|opm</translation>
    </message>
    <message>
        <source>OPM semantics (X.509 chain, OAEP) or COPP semantics (XML chain, PKCS#1); default: the interface&apos;s.</source>
        <translation>OPM-Semantik (X.509-Kette, OAEP) oder COPP-Semantik (XML-Kette, PKCS#1); Vorgabe: die der Schnittstelle.</translation>
    </message>
    <message>
        <source>Be a hardware codec for codec merit; implies --interface opm.</source>
        <translation>Als Hardware-Codec für Codec-Merit auftreten; impliziert --interface opm.</translation>
    </message>
    <message>
        <source>The codec&apos;s CLSID, the verifier it expects.</source>
        <translation>Die CLSID des Codecs, der Verifier, den er erwartet.</translation>
    </message>
    <message>
        <source>GUID</source>
        <translation>GUID</translation>
    </message>
    <message>
        <source>The merit the codec reports.</source>
        <translation>Der Merit, den der Codec meldet.</translation>
    </message>
    <message>
        <source>emulator: --codec needs --clsid GUID and --merit N</source>
        <translation>emulator: --codec braucht --clsid GUID und --merit N</translation>
    </message>
    <message>
        <source>Usage: coppscope-cli COMMAND [OPTIONS]

Commands:
  verify    Validate COPP and OPM certificate chains (exit 0 valid, 1 rejected, 2 error)
  testpki   Write test chains, a test root key and revocation lists (--x509: OPM chains)
  session   Run a COPP or OPM session against a device (exit 0 no alert, 1 alerts, 2 error)
  merit     Verify a hardware codec&apos;s merit over OPM (exit 0 verified, 1 not, 2 error)
  calc      Calculators: omac, copp-signature, opm-init
  emulator  Serve the built-in driver emulator as a device agent (--stdio)

  coppscope-cli COMMAND --help   options of a command
  coppscope-cli --version        version
</source>
        <translation>Aufruf: coppscope-cli BEFEHL [OPTIONEN]

Befehle:
  verify    COPP- und OPM-Zertifikatsketten prüfen (Exit 0 gültig, 1 abgelehnt, 2 Fehler)
  testpki   Testketten, einen Test-Stammschlüssel und Sperrlisten schreiben (--x509: OPM-Ketten)
  session   Eine COPP- oder OPM-Sitzung mit einem Gerät ausführen (Exit 0 kein Alarm, 1 Alarme, 2 Fehler)
  merit     Merit eines Hardware-Codecs über OPM prüfen (Exit 0 bestätigt, 1 nicht, 2 Fehler)
  calc      Rechner: omac, copp-signature, opm-init
  emulator  Den eingebauten Treiberemulator als Geräteagent bereitstellen (--stdio)

  coppscope-cli BEFEHL --help    Optionen eines Befehls
  coppscope-cli --version        Version
</translation>
    </message>
    <message>
        <source>Verify a hardware codec&apos;s merit as MFGetMFTMerit does: the OPM handshake, one OPM_GET_CODEC_INFO request with the CLSID as verifier, the reply&apos;s OMAC, random echo and size, then Merit compared with --expect-merit.
Exit status: 0 verified, 1 a check failed or the merit differs, 2 usage error or the device could not be started.</source>
        <translation>Den Merit eines Hardware-Codecs so prüfen wie MFGetMFTMerit: der OPM-Handshake, eine OPM_GET_CODEC_INFO-Anfrage mit der CLSID als Verifier, OMAC, Zufallsecho und Größe der Antwort, dann Merit im Vergleich mit --expect-merit.
Exit-Status: 0 bestätigt, 1 eine Prüfung ist fehlgeschlagen oder der Merit weicht ab, 2 Aufruffehler oder das Gerät ließ sich nicht starten.</translation>
    </message>
    <message>
        <source>The MFT&apos;s CLSID, sent as the verifier.</source>
        <translation>Die CLSID des MFT, als Verifier gesendet.</translation>
    </message>
    <message>
        <source>With --device emulator: the merit the built-in codec reports (default 1).</source>
        <translation>Mit --device emulator: der Merit, den der eingebaute Codec meldet (Vorgabe 1).</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Ein JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <source>merit: --clsid GUID and --expect-merit N are required</source>
        <translation>merit: --clsid GUID und --expect-merit N sind erforderlich</translation>
    </message>
    <message>
        <source>--clsid: expected a GUID such as {9bb9327c-4eb5-4727-9f00-b42b0919c0da}</source>
        <translation>--clsid: erwartet eine GUID wie {9bb9327c-4eb5-4727-9f00-b42b0919c0da}</translation>
    </message>
    <message>
        <source>merit: a replay cannot answer a new codec request; use --device emulator or exec:COMMAND</source>
        <translation>merit: Eine Wiedergabe kann keine neue Codec-Anfrage beantworten; --device emulator oder exec:BEFEHL verwenden</translation>
    </message>
    <message>
        <source>VERIFIED: merit %1</source>
        <translation>BESTÄTIGT: Merit %1</translation>
    </message>
    <message>
        <source>NOT VERIFIED (expected merit %1)</source>
        <translation>NICHT BESTÄTIGT (erwarteter Merit %1)</translation>
    </message>
    <message>
        <source>Check it with:
  coppscope-cli verify %1 --trust-anchor %2
</source>
        <translation>Prüfen mit:
  coppscope-cli verify %1 --trust-anchor %2
</translation>
    </message>
    <message>
        <source>Make the material fail exactly this rule, e.g. cert.signature@1, collection.version, crl.revoked@0; with --x509: x509.decode, x509.path, x509.validity@N, x509.key@N, x509.ca@N (N 1-2), x509.signature@N, x509.trusted_root (N: 0 leaf, 1 intermediate, 2 root).</source>
        <translation>Das Material genau an dieser Regel scheitern lassen, z. B. cert.signature@1, collection.version, crl.revoked@0; mit --x509: x509.decode, x509.path, x509.validity@N, x509.key@N, x509.ca@N (N 1-2), x509.signature@N, x509.trusted_root (N: 0 Blatt, 1 Zwischenzertifikat, 2 Stamm).</translation>
    </message>
    <message>
        <source>Write an OPM X.509 chain (leaf, intermediate, root; RSA-2048) instead of a COPP chain.</source>
        <translation>Eine OPM-X.509-Kette (Blatt, Zwischenzertifikat, Stamm; RSA-2048) statt einer COPP-Kette schreiben.</translation>
    </message>
    <message>
        <source>Write without namespaces (no c: prefixes; COPP chains).</source>
        <translation>Ohne Namensräume schreiben (keine c:-Präfixe; COPP-Ketten).</translation>
    </message>
    <message>
        <source>Indent the XML (signed as written; COPP chains).</source>
        <translation>Das XML einrücken (signiert wie geschrieben; COPP-Ketten).</translation>
    </message>
    <message>
        <source>Namespace prefix for certificate elements (default c; COPP chains).</source>
        <translation>Namensraum-Präfix für Zertifikatselemente (Vorgabe c; COPP-Ketten).</translation>
    </message>
    <message>
        <source>--break: %1 is a rule of OPM chains: add --x509</source>
        <translation>--break: %1 ist eine Regel für OPM-Ketten: --x509 hinzufügen</translation>
    </message>
    <message>
        <source>Validate COPP certificate chains (Microsoft&apos;s validation procedure, rule by rule) and OPM X.509 chains (a PKCS #7 bundle or certificates, DER or PEM; x509.* rules), told apart by their first bytes.
Exit status: 0 every chain valid, 1 a chain rejected, 2 usage error or unreadable file.</source>
        <translation>COPP-Zertifikatsketten (Microsofts Prüfverfahren, Regel für Regel) und OPM-X.509-Ketten (ein PKCS #7-Bündel oder Zertifikate, DER oder PEM; x509.*-Regeln) prüfen, unterschieden anhand ihrer ersten Bytes.
Exit-Status: 0 jede Kette gültig, 1 eine Kette abgelehnt, 2 Aufruffehler oder unlesbare Datei.</translation>
    </message>
    <message>
        <source>Check revocation against this revocation list (COPP chains).</source>
        <translation>Sperrstatus anhand dieser Sperrliste prüfen (COPP-Ketten).</translation>
    </message>
    <message>
        <source>Trust this root certificate (PEM or DER) for OPM X.509 chains instead of Microsoft&apos;s media root (matched by its public key hash; unconfirmed).</source>
        <translation>Diesem Stammzertifikat (PEM oder DER) für OPM-X.509-Ketten statt dem Medien-Stammzertifikat von Microsoft vertrauen (abgeglichen über den Hash seines öffentlichen Schlüssels; unbestätigt).</translation>
    </message>
    <message>
        <source>Certificate chain files: COPP XML, or OPM PKCS #7 / X.509 (DER or PEM).</source>
        <translation>Zertifikatskettendateien: COPP-XML oder OPM-PKCS #7 / X.509 (DER oder PEM).</translation>
    </message>
    <message>
        <source>CHAIN...</source>
        <translation>KETTE...</translation>
    </message>
    <message>
        <source>trust anchor: %1</source>
        <translation>Vertrauensanker: %1</translation>
    </message>
    <message>
        <source>  (the list revokes certificate %1, and with it every certificate below it: crl.revoked fails for 0 to %1)
</source>
        <translation>  (die Liste sperrt Zertifikat %1 und damit jedes Zertifikat darunter: crl.revoked schlägt für 0 bis %1 fehl)
</translation>
    </message>
    <message>
        <source>testpki: --plain writes no prefixes; leave out --prefix</source>
        <translation>testpki: --plain schreibt keine Präfixe; lassen Sie --prefix weg</translation>
    </message>
    <message>
        <source>testpki: --prefix &quot;%1&quot; is not an XML namespace prefix: start with a letter or &apos;_&apos;, go on with letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, and do not start with &quot;xml&quot; (--plain writes no prefix)</source>
        <translation>testpki: --prefix „%1“ ist kein XML-Namensraum-Präfix: beginnen Sie mit einem Buchstaben oder „_“, fahren Sie mit Buchstaben, Ziffern, „-“, „_“ oder „.“ fort und beginnen Sie nicht mit „xml“ (--plain schreibt kein Präfix)</translation>
    </message>
    <message>
        <source>Starting status sequence number (decimal, or hex after 0x).</source>
        <translation>Startwert der Status-Sequenznummer (dezimal, oder hexadezimal nach 0x).</translation>
    </message>
    <message>
        <source>Starting command sequence number (decimal, or hex after 0x).</source>
        <translation>Startwert der Befehls-Sequenznummer (dezimal, oder hexadezimal nach 0x).</translation>
    </message>
    <message>
        <source>calc copp-signature: sequence numbers are unsigned 32-bit numbers, decimal or hex after 0x</source>
        <translation>calc copp-signature: Sequenznummern sind vorzeichenlose 32-Bit-Zahlen, dezimal oder hexadezimal nach 0x</translation>
    </message>
    <message>
        <source>calc opm-init: sequence numbers are unsigned 32-bit numbers, decimal or hex after 0x</source>
        <translation>calc opm-init: Sequenznummern sind vorzeichenlose 32-Bit-Zahlen, dezimal oder hexadezimal nach 0x</translation>
    </message>
    <message>
        <source>The merit registered for the MFT (decimal, or hex after 0x).</source>
        <translation>Der für den MFT registrierte Merit (dezimal, oder hexadezimal nach 0x).</translation>
    </message>
    <message>
        <source>--expect-merit: a number from 0 to 4294967295 (decimal, or hex after 0x)</source>
        <translation>--expect-merit: eine Zahl von 0 bis 4294967295 (dezimal, oder hexadezimal nach 0x)</translation>
    </message>
    <message>
        <source>Run the application side of a COPP or OPM session (as the device describes itself): key exchange, chain validation, session start, SetProtectionLevel per --protect, then poll the levels.
Exit status: 0 no alert, 1 at least one alert, 2 usage error or the device could not be started.</source>
        <translation>Die Anwendungsseite einer COPP- oder OPM-Sitzung ausführen (so, wie sich das Gerät beschreibt): Schlüsselaustausch, Kettenprüfung, Sitzungsstart, SetProtectionLevel je --protect, dann die Schutzstufen abfragen.
Exit-Status: 0 kein Alarm, 1 mindestens ein Alarm, 2 Aufruffehler oder das Gerät ließ sich nicht starten.</translation>
    </message>
    <message>
        <source>Usage: coppscope-cli calc CALCULATOR [options]
Byte-exact protocol values for driver engineers.

Calculators (each has --help):
  omac            OMAC-1 (AES-CMAC) tag of bytes under a key
  copp-signature  AMCOPPSignature for SessionSequenceStart with a chain&apos;s leaf key
  opm-init        OPM_ENCRYPTED_INITIALIZATION_PARAMETERS for an OPM certificate

Exit status: 0 printed, 2 usage error, unreadable file or input a calculator cannot use.
</source>
        <translation>Aufruf: coppscope-cli calc RECHNER [Optionen]
Bytegenaue Protokollwerte für Treiberentwickler.

Rechner (jeder hat --help):
  omac            OMAC-1-Tag (AES-CMAC) von Bytes unter einem Schlüssel
  copp-signature  AMCOPPSignature für SessionSequenceStart mit dem Blattschlüssel einer Kette
  opm-init        OPM_ENCRYPTED_INITIALIZATION_PARAMETERS für ein OPM-Zertifikat

Exit-Status: 0 ausgegeben, 2 Aufruffehler, unlesbare Datei oder Eingabe, die ein Rechner nicht verwenden kann.
</translation>
    </message>
    <message>
        <source>Write TEST certificate material: a COPP chain in the driver serialization, the test root key (for verify --trust-root) and a signed revocation list (for verify --crl).
With --x509, an OPM chain instead: opm-chain.p7b (PKCS #7 certificates-only bundle, DER; opm-chain.pem the same as PEM), opm-root.pem (the test root, for verify --trust-anchor) and opm-leaf.p8 (the leaf&apos;s private key, PKCS #8 DER).
Nothing written here chains to Microsoft&apos;s root.
Exit status: 0 written, 2 usage error, unusable keys folder or a file that cannot be written.</source>
        <translation>TEST-Zertifikatsmaterial schreiben: eine COPP-Kette in der Serialisierung des Treibers, den Test-Stammschlüssel (für verify --trust-root) und eine signierte Sperrliste (für verify --crl).
Mit --x509 stattdessen eine OPM-Kette: opm-chain.p7b (PKCS #7-Bündel nur mit Zertifikaten, DER; opm-chain.pem dasselbe als PEM), opm-root.pem (das Test-Stammzertifikat, für verify --trust-anchor) und opm-leaf.p8 (der private Schlüssel des Blattzertifikats, PKCS #8 DER).
Nichts hiervon führt in einer Kette zum Stammzertifikat von Microsoft.
Exit-Status: 0 geschrieben, 2 Aufruffehler, unbrauchbarer Schlüsselordner oder eine Datei, die nicht geschrieben werden kann.</translation>
    </message>
    <message>
        <source>testpki: --%1 may be given only once</source>
        <translation>testpki: --%1 darf nur einmal angegeben werden</translation>
    </message>
    <message>
        <source>testpki: --%1 applies to COPP chains; --x509 writes DER</source>
        <translation>testpki: --%1 gilt für COPP-Ketten; --x509 schreibt DER</translation>
    </message>
    <message>
        <source>verify: --%1 may be given only once</source>
        <translation>verify: --%1 darf nur einmal angegeben werden</translation>
    </message>
    <message>
        <source>Write the evidence bundle (transcript.json, alerts.csv, summary.json, report.html) into DIR when the session ends, also on an error or Ctrl+C; never overwrites.</source>
        <translation>Die Belege (transcript.json, alerts.csv, summary.json, report.html) bei Sitzungsende nach DIR schreiben, auch bei einem Fehler oder Strg+C; überschreibt nie.</translation>
    </message>
    <message>
        <source>--evidence is given twice</source>
        <translation>--evidence ist zweimal angegeben</translation>
    </message>
    <message>
        <source>evidence: %1</source>
        <translation>Belege: %1</translation>
    </message>
    <message>
        <source>evidence written to %1: %2</source>
        <translation>Belege geschrieben nach %1: %2</translation>
    </message>
    <message>
        <source>Validate up to N files at a time (default: one per processor core, here %1). The output and the exit status are those of --jobs 1.</source>
        <translation>Bis zu N Dateien gleichzeitig prüfen (Vorgabe: eine je Prozessorkern, hier %1). Ausgabe und Exit-Status sind die von --jobs 1.</translation>
    </message>
    <message>
        <source>verify: --jobs takes a whole number from 1 to %1, not &quot;%2&quot;</source>
        <translation>verify: --jobs erwartet eine ganze Zahl von 1 bis %1, nicht &quot;%2&quot;</translation>
    </message>
    <message>
        <source>calc opm-init: %1: %2</source>
        <translation>calc opm-init: %1: %2</translation>
    </message>
    <message>
        <source>calc opm-init: %1: the leaf %2 has no RSA key (%3)</source>
        <translation>calc opm-init: %1: das Blattzertifikat %2 hat keinen RSA-Schlüssel (%3)</translation>
    </message>
    <message>
        <source>calc opm-init: the key of %1, the certificate that issues no other; the chain was not validated</source>
        <translation>calc opm-init: der Schlüssel von %1, dem Zertifikat, das kein anderes ausstellt; die Kette wurde nicht geprüft</translation>
    </message>
    <message>
        <source>Write a chain whose certificate N (default 0, the leaf) was signed as diagnosis ID describes, e.g. line_endings (signed over LF, file with CRLF), character_references, attribute_quotes, tag_whitespace, inner_content, namespace_declarations_removed, canonical_form, sha256, pss_salt_length, pss_sha256, pkcs1_v1_5, other_chain_key.</source>
        <translation>Eine Kette schreiben, deren Zertifikat N (Vorgabe 0, das Blatt) so signiert wurde, wie die Diagnose ID es beschreibt, z. B. line_endings (über LF signiert, Datei mit CRLF), character_references, attribute_quotes, tag_whitespace, inner_content, namespace_declarations_removed, canonical_form, sha256, pss_salt_length, pss_sha256, pkcs1_v1_5, other_chain_key.</translation>
    </message>
    <message>
        <source>ID[@N]</source>
        <translation>ID[@N]</translation>
    </message>
    <message>
        <source>testpki: --damage writes a COPP chain with one proven cause of failure; leave out --%1</source>
        <translation>testpki: --damage schreibt eine COPP-Kette mit einer nachweisbaren Fehlerursache; --%1 weglassen</translation>
    </message>
    <message>
        <source>--damage: %1</source>
        <translation>--damage: %1</translation>
    </message>
    <message>
        <source>--damage %1 changes the namespace declarations or attributes of Data: leave out --plain</source>
        <translation>--damage %1 ändert die Namensraumdeklarationen oder Attribute von Data: --plain weglassen</translation>
    </message>
    <message>
        <source>Expected diagnosis: %1
</source>
        <translation>Erwartete Diagnose: %1
</translation>
    </message>
</context>
<context>
    <name>copp::cli::DeviceOptions</name>
    <message>
        <source>DEVICE</source>
        <translation>GERÄT</translation>
    </message>
    <message>
        <source>Trust this &lt;RSAKeyValue&gt; root for the chain (default: Microsoft&apos;s; the emulator&apos;s test root with --device emulator).</source>
        <translation>Diesem &lt;RSAKeyValue&gt;-Stammschlüssel für die Kette vertrauen (Vorgabe: der von Microsoft; mit --device emulator der Test-Stammschlüssel des Emulators).</translation>
    </message>
    <message>
        <source>KEY.xml</source>
        <translation>SCHLÜSSEL.xml</translation>
    </message>
    <message>
        <source>Check the chain against this revocation list (with --device emulator: the emulator&apos;s own list by default).</source>
        <translation>Die Kette anhand dieser Sperrliste prüfen (mit --device emulator: standardmäßig die eigene Liste des Emulators).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>X.509 trust anchor for OPM chains (ignored for COPP chains).</source>
        <translation>X.509-Vertrauensanker für OPM-Ketten (für COPP-Ketten ohne Wirkung).</translation>
    </message>
    <message>
        <source>CERT</source>
        <translation>ZERTIFIKAT</translation>
    </message>
    <message>
        <source>Deadline of each device call (default 5).</source>
        <translation>Frist jedes Geräteaufrufs (Vorgabe 5).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <source>Built-in emulator: inject a fault, NAME[=VALUE][@N] (see coppscope-cli emulator --list-faults). Repeatable.</source>
        <translation>Eingebauter Emulator: einen Fehler einspeisen, NAME[=WERT][@N] (siehe coppscope-cli emulator --list-faults). Wiederholbar.</translation>
    </message>
    <message>
        <source>FAULT</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>Built-in emulator: play a scenario timeline (a built-in name or a JSON file).</source>
        <translation>Eingebauter Emulator: ein Szenario abspielen (ein eingebauter Name oder eine JSON-Datei).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Built-in emulator: the output&apos;s connector (hdmi, dvi, displayport, vga, component, s-video, composite).</source>
        <translation>Eingebauter Emulator: der Anschluss des Ausgangs (hdmi, dvi, displayport, vga, component, s-video, composite).</translation>
    </message>
    <message>
        <source>CONNECTOR</source>
        <translation>ANSCHLUSS</translation>
    </message>
    <message>
        <source>Built-in emulator: keep its test keys in DIR (default: the user&apos;s cache folder).</source>
        <translation>Eingebauter Emulator: seine Testschlüssel in ORDNER aufbewahren (Vorgabe: der Cache-Ordner des Benutzers).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>ORDNER</translation>
    </message>
    <message>
        <source>emulator (built in), exec:COMMAND (a device agent) or replay:FILE (a transcript recorded with --reveal-secrets).</source>
        <translation>emulator (eingebaut), exec:BEFEHL (ein Geräteagent) oder replay:DATEI (ein mit --reveal-secrets aufgezeichneter Mitschnitt).</translation>
    </message>
    <message>
        <source>Built-in emulator: a COPP device (copp, the default) or an OPM protected output (opm).</source>
        <translation>Eingebauter Emulator: ein COPP-Gerät (copp, Vorgabe) oder ein geschützter OPM-Ausgang (opm).</translation>
    </message>
    <message>
        <source>copp|opm</source>
        <translation>copp|opm</translation>
    </message>
    <message>
        <source>Built-in emulator: OPM or COPP semantics of an OPM output (default: the interface&apos;s).</source>
        <translation>Eingebauter Emulator: OPM- oder COPP-Semantik eines OPM-Ausgangs (Vorgabe: die der Schnittstelle).</translation>
    </message>
    <message>
        <source>--fault, --scenario, --connector, --interface and --semantics belong to the built-in emulator; pass them to the agent&apos;s own command</source>
        <translation>--fault, --scenario, --connector, --interface und --semantics gehören zum eingebauten Emulator; sie dem eigenen Befehl des Agenten übergeben</translation>
    </message>
    <message>
        <source>--fault, --scenario, --connector, --interface and --semantics belong to the built-in emulator; a replay plays what was recorded</source>
        <translation>--fault, --scenario, --connector, --interface und --semantics gehören zum eingebauten Emulator; eine Wiedergabe spielt ab, was aufgezeichnet wurde</translation>
    </message>
    <message>
        <source>--fault, --scenario, --connector, --interface and --semantics belong to the built-in emulator; choose real hardware as hardware:MONITOR[.OUTPUT][,api=…][,interface=…][,semantics=…]</source>
        <translation>--fault, --scenario, --connector, --interface und --semantics gehören zum eingebauten Emulator; echte Hardware als hardware:MONITOR[.AUSGANG][,api=…][,interface=…][,semantics=…] wählen</translation>
    </message>
    <message>
        <source>--call-timeout: a number of seconds from 0.001 to 3600</source>
        <translation>--call-timeout: eine Anzahl Sekunden von 0.001 bis 3600</translation>
    </message>
</context>
<context>
    <name>copp::models::AlertModel</name>
    <message>
        <source>Certificate chain invalid</source>
        <translation>Zertifikatskette ungültig</translation>
    </message>
    <message>
        <source>Device call failed</source>
        <translation>Geräteaufruf fehlgeschlagen</translation>
    </message>
    <message>
        <source>Reply MAC does not verify</source>
        <translation>MAC der Antwort ist ungültig</translation>
    </message>
    <message>
        <source>Reply does not echo the random number</source>
        <translation>Antwort gibt die Zufallszahl nicht zurück</translation>
    </message>
    <message>
        <source>Reply has the wrong size</source>
        <translation>Antwort hat die falsche Größe</translation>
    </message>
    <message>
        <source>Protection level dropped</source>
        <translation>Schutzstufe gesunken</translation>
    </message>
    <message>
        <source>Link lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>Renegotiation required</source>
        <translation>Neuaushandlung erforderlich</translation>
    </message>
    <message>
        <source>Connector changed</source>
        <translation>Anschluss gewechselt</translation>
    </message>
    <message>
        <source>Revoked device</source>
        <translation>Gesperrtes Gerät</translation>
    </message>
    <message>
        <source>Tampering</source>
        <translation>Manipulation</translation>
    </message>
    <message>
        <source>Device not answering</source>
        <translation>Gerät antwortet nicht</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>%L1 s</source>
        <translation>%L1 s</translation>
    </message>
    <message>
        <source>yes, at %L1 s</source>
        <translation>ja, bei %L1 s</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Quittiert</translation>
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
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>%1 bytes of DER</source>
        <translation>%1 Bytes DER</translation>
    </message>
    <message>
        <source>%1 (the key does not decode)</source>
        <translation>%1 (der Schlüssel lässt sich nicht dekodieren)</translation>
    </message>
    <message>
        <source>RSA %1 bits</source>
        <translation>RSA %1 Bit</translation>
    </message>
    <message>
        <source>RSA %1 bits (%2)</source>
        <translation>RSA %1 Bit (%2)</translation>
    </message>
    <message>
        <source>%1, %2 bits</source>
        <translation>%1, %2 Bit</translation>
    </message>
    <message>
        <source>no basicConstraints extension</source>
        <translation>keine basicConstraints-Erweiterung</translation>
    </message>
    <message>
        <source>yes (basicConstraints cA = true)</source>
        <translation>ja (basicConstraints cA = true)</translation>
    </message>
    <message>
        <source>no (basicConstraints cA = false)</source>
        <translation>nein (basicConstraints cA = false)</translation>
    </message>
    <message>
        <source>(not readable)</source>
        <translation>(nicht lesbar)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>Öffentlicher Schlüssel</translation>
    </message>
    <message>
        <source>Signature algorithm</source>
        <translation>Signaturalgorithmus</translation>
    </message>
    <message>
        <source>SPKI SHA-256</source>
        <translation>SPKI-SHA-256</translation>
    </message>
    <message>
        <source>CA</source>
        <translation>CA</translation>
    </message>
    <message>
        <source>Certificate / field</source>
        <translation>Zertifikat / Feld</translation>
    </message>
    <message>
        <source>not checked: its steps were skipped</source>
        <translation>nicht geprüft: seine Schritte wurden übersprungen</translation>
    </message>
    <message>
        <source>Not checked: its steps were skipped.</source>
        <translation>Nicht geprüft: seine Schritte wurden übersprungen.</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not checked</source>
        <extracomment>a tree node whose steps were all skipped (the step list says &quot;Skipped&quot;)</extracomment>
        <translation>Nicht geprüft</translation>
    </message>
</context>
<context>
    <name>copp::models::ProtectionHistory</name>
    <message>
        <source>%1: the call failed with HRESULT 0x%2</source>
        <translation>%1: Der Aufruf ist mit HRESULT 0x%2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: the reply failed the %2 check, not believed</source>
        <translation>%1: Die Antwort hat die Prüfung %2 nicht bestanden und wird verworfen</translation>
    </message>
    <message>
        <source>%1 level %2 refused with HRESULT %3</source>
        <translation>%1-Stufe %2 abgelehnt mit HRESULT %3</translation>
    </message>
</context>
<context>
    <name>copp::models::SessionLogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>%L1 s</source>
        <translation>%L1 s</translation>
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
    <name>copp::session</name>
    <message>
        <source>the device agent could not be started: %1</source>
        <translation>Der Geräteagent ließ sich nicht starten: %1</translation>
    </message>
    <message>
        <source>transcript: %1</source>
        <translation>Mitschnitt: %1</translation>
    </message>
    <message>
        <source>transcript %1: %2</source>
        <translation>Mitschnitt %1: %2</translation>
    </message>
    <message>
        <source>trust root: %1</source>
        <translation>Vertrauensanker: %1</translation>
    </message>
    <message>
        <source>revocation list: %1</source>
        <translation>Sperrliste: %1</translation>
    </message>
    <message>
        <source>key exchange: %1 sent a %2-byte chain, driver random %3</source>
        <translation>Schlüsselaustausch: %1 sandte eine Kette mit %2 Bytes, Treiber-Zufallszahl %3</translation>
    </message>
    <message>
        <source>chain: VALID (trust root: %1)</source>
        <translation>Kette: GÜLTIG (Vertrauensanker: %1)</translation>
    </message>
    <message>
        <source>chain: REJECTED, first failure %1 (trust root: %2)</source>
        <translation>Kette: ABGELEHNT, erster Fehler %1 (Vertrauensanker: %2)</translation>
    </message>
    <message>
        <source>session started: status sequence %1, command sequence %2</source>
        <translation>Sitzung gestartet: Statussequenz %1, Befehlssequenz %2</translation>
    </message>
    <message>
        <source>, session key %1</source>
        <translation>, Sitzungsschlüssel %1</translation>
    </message>
    <message>
        <source>command %1 %2=%3 (sequence %4): %5</source>
        <translation>Befehl %1 %2=%3 (Sequenz %4): %5</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>status %1: %2, flags %3%4</source>
        <translation>Status %1: %2, Flags %3%4</translation>
    </message>
    <message>
        <source> (CHECKS FAILED)</source>
        <translation> (PRÜFUNGEN FEHLGESCHLAGEN)</translation>
    </message>
    <message>
        <source>ALERT %1: %2</source>
        <translation>ALARM %1: %2</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>replay: %1 of %2 recorded calls played</source>
        <translation>Wiedergabe: %1 von %2 aufgezeichneten Aufrufen abgespielt</translation>
    </message>
    <message>
        <source>; DIVERGED: %1</source>
        <translation>; ABGEWICHEN: %1</translation>
    </message>
    <message>
        <source>; events as recorded</source>
        <translation>; Ereignisse wie aufgezeichnet</translation>
    </message>
    <message>
        <source>; events DIFFER: %1</source>
        <translation>; Ereignisse WEICHEN AB: %1</translation>
    </message>
    <message>
        <source>--device: expected emulator, exec:COMMAND, replay:FILE or hardware:MONITOR (Windows), not &quot;%1&quot;</source>
        <translation>--device: erwartet emulator, exec:BEFEHL, replay:DATEI oder hardware:MONITOR (Windows), nicht „%1“</translation>
    </message>
    <message>
        <source>trust anchor: %1</source>
        <translation>Vertrauensanker: %1</translation>
    </message>
    <message>
        <source>merit %1</source>
        <translation>Merit %1</translation>
    </message>
    <message>
        <source>end (%1): %2 alert(s), %3 status call(s), %4 command(s)</source>
        <translation>Ende (%1): %2 Alarm(e), %3 Statusabfrage(n), %4 Befehl(e)</translation>
    </message>
    <message>
        <source>FAILED, hresult %1</source>
        <translation>FEHLGESCHLAGEN, HRESULT %1</translation>
    </message>
    <message>
        <source>status %1: FAILED, hresult %2</source>
        <translation>Status %1: FEHLGESCHLAGEN, HRESULT %2</translation>
    </message>
    <message>
        <source>%L1 s</source>
        <translation>%L1 s</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>✔ protected</source>
        <translation>✔ geschützt</translation>
    </message>
    <message>
        <source>✖ unprotected</source>
        <translation>✖ ungeschützt</translation>
    </message>
    <message>
        <source>? unknown</source>
        <translation>? unbekannt</translation>
    </message>
    <message>
        <source>CoppScope session evidence</source>
        <translation>CoppScope-Sitzungsbelege</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Started (UTC)</source>
        <translation>Beginn (UTC)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>Connector</source>
        <translation>Anschluss</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>nicht gelesen</translation>
    </message>
    <message>
        <source>Requested at the start</source>
        <translation>Zu Beginn angefordert</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Poll interval</source>
        <translation>Abfrageintervall</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Trust root</source>
        <translation>Vertrauensanker</translation>
    </message>
    <message>
        <source>Certificate chain</source>
        <translation>Zertifikatskette</translation>
    </message>
    <message>
        <source>not received</source>
        <translation>nicht empfangen</translation>
    </message>
    <message>
        <source>✔ valid</source>
        <translation>✔ gültig</translation>
    </message>
    <message>
        <source>✖ rejected: %1</source>
        <translation>✖ abgelehnt: %1</translation>
    </message>
    <message>
        <source>SHA-256 of transcript.json</source>
        <translation>SHA-256 von transcript.json</translation>
    </message>
    <message>
        <source>Requested: %1; unprotected for %2.</source>
        <translation>Angefordert: %1; ungeschützt für %2.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Actual level</source>
        <translation>Tatsächliche Stufe</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Protection levels over the whole session</source>
        <translation>Schutzstufen über die ganze Sitzung</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>Alarme (%1)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Quittiert</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>bei %1</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Every call and event is in transcript.json; summary.json has these figures for programs.</source>
        <translation>Jeder Aufruf und jedes Ereignis steht in transcript.json; summary.json enthält diese Angaben für Programme.</translation>
    </message>
    <message>
        <source>✔ PROTECTED for the whole session</source>
        <translation>✔ GESCHÜTZT während der ganzen Sitzung</translation>
    </message>
    <message numerus="yes">
        <source>✖ protection lost %n×, %1 unprotected</source>
        <translation>
            <numerusform>✖ Schutz %n× verloren, %1 ungeschützt</numerusform>
            <numerusform>✖ Schutz %n× verloren, %1 ungeschützt</numerusform>
        </translation>
    </message>
    <message>
        <source>✖ NOT PROTECTED: a requested protection never took effect</source>
        <translation>✖ NICHT GESCHÜTZT: ein angeforderter Schutz hat nie gegriffen</translation>
    </message>
    <message>
        <source>? no protection was requested</source>
        <translation>? es wurde kein Schutz angefordert</translation>
    </message>
    <message>
        <source>✖ the session did not start</source>
        <translation>✖ die Sitzung hat nicht begonnen</translation>
    </message>
</context>
<context>
    <name>copp::session::Alert</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 failed with %2: %3</source>
        <translation>%1 ist mit %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>%1 failed: the device&apos;s reply cannot be used: %2</source>
        <translation>%1 ist fehlgeschlagen: die Antwort des Geräts ist unbrauchbar: %2</translation>
    </message>
    <message>
        <source>the certificate chain fails %1 in certificate %2: %3</source>
        <translation>die Zertifikatskette verletzt %1 in Zertifikat %2: %3</translation>
    </message>
    <message>
        <source>the certificate chain fails %1: %2</source>
        <translation>die Zertifikatskette verletzt %1: %2</translation>
    </message>
    <message>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>%1: the reply&apos;s OMAC does not verify with the session key</source>
        <translation>%1: der OMAC der Antwort lässt sich mit dem Sitzungsschlüssel nicht bestätigen</translation>
    </message>
    <message>
        <source>%1: the reply&apos;s size field is %2, expected %3</source>
        <translation>%1: das Größenfeld der Antwort ist %2, erwartet %3</translation>
    </message>
    <message>
        <source>%1: the reply does not echo the request&apos;s random number</source>
        <translation>%1: die Antwort gibt die Zufallszahl der Anfrage nicht zurück</translation>
    </message>
    <message>
        <source>%1: status flags carry LinkLost</source>
        <translation>%1: die Statusflags melden LinkLost</translation>
    </message>
    <message>
        <source>%1: status flags carry RenegotiationRequired</source>
        <translation>%1: die Statusflags melden RenegotiationRequired</translation>
    </message>
    <message>
        <source>%1: status flags carry REVOKED_HDCP_DEVICE_ATTACHED</source>
        <translation>%1: die Statusflags melden REVOKED_HDCP_DEVICE_ATTACHED</translation>
    </message>
    <message>
        <source>%1: status flags carry TAMPERING_DETECTED</source>
        <translation>%1: die Statusflags melden TAMPERING_DETECTED</translation>
    </message>
    <message>
        <source>the connector changed from %1 to %2</source>
        <translation>der Anschluss hat von %1 zu %2 gewechselt</translation>
    </message>
    <message>
        <source>%1 global level is %2, below the %3 this session asked for</source>
        <translation>globale %1-Stufe ist %2, unter den %3, die diese Sitzung angefordert hat</translation>
    </message>
    <message>
        <source>%1 local level is %2, below the %3 this session asked for</source>
        <translation>lokale %1-Stufe ist %2, unter den %3, die diese Sitzung angefordert hat</translation>
    </message>
</context>
<context>
    <name>copp::session::ProtectionState</name>
    <message>
        <source>HDCP on</source>
        <translation>HDCP ein</translation>
    </message>
    <message>
        <source>HDCP off</source>
        <translation>HDCP aus</translation>
    </message>
    <message>
        <source>DPCP on</source>
        <translation>DPCP ein</translation>
    </message>
    <message>
        <source>DPCP off</source>
        <translation>DPCP aus</translation>
    </message>
    <message>
        <source>ACP level %1</source>
        <translation>ACP-Stufe %1</translation>
    </message>
    <message>
        <source>ACP off</source>
        <translation>ACP aus</translation>
    </message>
    <message>
        <source>CGMS-A off</source>
        <translation>CGMS-A aus</translation>
    </message>
    <message>
        <source>CGMS-A copy freely</source>
        <translation>CGMS-A frei kopierbar</translation>
    </message>
    <message>
        <source>CGMS-A copy no more</source>
        <translation>CGMS-A keine weitere Kopie</translation>
    </message>
    <message>
        <source>CGMS-A copy one generation</source>
        <translation>CGMS-A eine Generation kopierbar</translation>
    </message>
    <message>
        <source>CGMS-A copy never</source>
        <translation>CGMS-A nie kopierbar</translation>
    </message>
    <message>
        <source>CGMS-A level %1</source>
        <translation>CGMS-A-Stufe %1</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>%1 output</source>
        <translation>Ausgang %1</translation>
    </message>
    <message>
        <source>%1 not read yet</source>
        <translation>%1 noch nicht gelesen</translation>
    </message>
    <message>
        <source>%1: PROTECTED — %2</source>
        <translation>%1: GESCHÜTZT — %2</translation>
    </message>
    <message>
        <source>%1: NOT PROTECTED — %2</source>
        <translation>%1: NICHT GESCHÜTZT — %2</translation>
    </message>
    <message>
        <source>%1: no protection requested</source>
        <translation>%1: kein Schutz angefordert</translation>
    </message>
    <message>
        <source>No session running</source>
        <translation>Keine Sitzung aktiv</translation>
    </message>
    <message>
        <source>%1: protection not confirmed yet — %2</source>
        <translation>%1: Schutz noch nicht bestätigt — %2</translation>
    </message>
</context>
<context>
    <name>copp::ui::AlertNotifier</name>
    <message>
        <source>CoppScope alert: %1</source>
        <translation>CoppScope-Alarm: %1</translation>
    </message>
    <message numerus="yes">
        <source>CoppScope: %n new alerts</source>
        <translation>
            <numerusform>CoppScope: %n neuer Alarm</numerusform>
            <numerusform>CoppScope: %n neue Alarme</numerusform>
        </translation>
    </message>
    <message>
        <source>Newest: %1 — %2</source>
        <translation>Neuester: %1 — %2</translation>
    </message>
    <message>
        <source>CoppScope alerts</source>
        <translation>CoppScope-Alarme</translation>
    </message>
</context>
<context>
    <name>copp::ui::ByteRangeView</name>
    <message>
        <source>Raw chain bytes</source>
        <translation>Rohe Bytes der Kette</translation>
    </message>
    <message>
        <source>The chain file as read, with the byte offset of each line at its left and carriage returns shown as a symbol; the bytes of the selected step are highlighted, bytes that differ from the signed ones are marked with a wavy underline</source>
        <translation>Die Kettendatei wie gelesen, links der Byte-Offset jeder Zeile, Wagenrückläufe als Symbol; die Bytes des gewählten Schritts sind hervorgehoben, Bytes, die von den signierten abweichen, sind wellig unterstrichen</translation>
    </message>
</context>
<context>
    <name>copp::ui::InspectorPage</name>
    <message>
        <source>Step &amp;details</source>
        <translation>&amp;Schrittdetails</translation>
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
        <source>✗ REJECTED: %1 — first failure: %2%3 (X.509 trust anchor: %4)</source>
        <translation>✗ ABGELEHNT: %1 — erster Fehler: %2%3 (X.509-Vertrauensanker: %4)</translation>
    </message>
    <message>
        <source> in certificate %1</source>
        <translation> in Zertifikat %1</translation>
    </message>
    <message>
        <source>✓ VALID: %1 (X.509 trust anchor: %2)</source>
        <translation>✓ GÜLTIG: %1 (X.509-Vertrauensanker: %2)</translation>
    </message>
    <message>
        <source>✗ REJECTED: %1 — first failure: %2%3 (trust root: %4)</source>
        <translation>✗ ABGELEHNT: %1 — erster Fehler: %2%3 (Vertrauensanker: %4)</translation>
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
        <source>This element has no value to copy in that form.</source>
        <translation>Dieses Element hat keinen Wert, der sich in dieser Form kopieren lässt.</translation>
    </message>
    <message>
        <source>Copied %1 characters.</source>
        <translation>%1 Zeichen kopiert.</translation>
    </message>
    <message>
        <source> — likely cause: %1</source>
        <translation> — wahrscheinliche Ursache: %1</translation>
    </message>
</context>
<context>
    <name>copp::ui::MainWindow</name>
    <message>
        <source>CoppScope</source>
        <translation>CoppScope</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
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
    <message>
        <source>&amp;Inspector</source>
        <translation>&amp;Inspektor</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>Sit&amp;zung</translation>
    </message>
    <message>
        <source>Cannot write the device&apos;s chain to %1: %2</source>
        <translation>Die Kette des Geräts kann nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>&amp;Presenter View</source>
        <translation>&amp;Präsentationsansicht</translation>
    </message>
    <message>
        <source>&amp;Export Evidence…</source>
        <translation>Belege &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export session evidence into a folder</source>
        <translation>Belege der Sitzung in einen Ordner exportieren</translation>
    </message>
    <message>
        <source>&amp;Open Transcript…</source>
        <translation>Mitschnitt ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a session transcript</source>
        <translation>Mitschnitt einer Sitzung öffnen</translation>
    </message>
    <message>
        <source>Transcripts (*.json);;All files (*)</source>
        <translation>Mitschnitte (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Inspector, session and codec merit pages</source>
        <translation>Seiten für Inspektor, Sitzung und Codec-Merit</translation>
    </message>
    <message>
        <source>Codec &amp;Merit</source>
        <translation>Codec-&amp;Merit</translation>
    </message>
    <message>
        <source>Open a COPP certificate chain or an OPM certificate bundle (File &gt; Open, or drop a file here).</source>
        <translation>Eine COPP-Zertifikatskette oder ein OPM-Zertifikatsbündel öffnen (Datei &gt; Öffnen, oder eine Datei hierher ziehen).</translation>
    </message>
    <message>
        <source>Open COPP certificate chain or OPM certificate bundle</source>
        <translation>COPP-Zertifikatskette oder OPM-Zertifikatsbündel öffnen</translation>
    </message>
    <message>
        <source>Certificate chains and bundles (*.xml *.p7b *.p7c *.pem *.der *.cer *.crt);;COPP certificate chains (*.xml);;OPM X.509 bundles (*.p7b *.p7c *.pem *.der *.cer *.crt);;All files (*)</source>
        <translation>Zertifikatsketten und -bündel (*.xml *.p7b *.p7c *.pem *.der *.cer *.crt);;COPP-Zertifikatsketten (*.xml);;OPM-X.509-Bündel (*.p7b *.p7c *.pem *.der *.cer *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Verify Codec &amp;Merit…</source>
        <translation>Codec-&amp;Merit prüfen…</translation>
    </message>
    <message>
        <source>Sessio&amp;n</source>
        <translation>Sitzu&amp;ng</translation>
    </message>
    <message>
        <source>Change the language</source>
        <translation>Sprache wechseln</translation>
    </message>
    <message>
        <source>The new language opens in a new window. The session (running or ended) does not move to it: a running session stops, and its log, alerts and chart are not kept. Export the evidence first if you need it.

Change the language now? Otherwise it changes at the next start.</source>
        <translation>Die neue Sprache öffnet sich in einem neuen Fenster. Die Sitzung (laufend oder beendet) zieht nicht mit um: Eine laufende Sitzung endet, und ihr Protokoll, ihre Alarme und ihr Diagramm bleiben nicht erhalten. Exportieren Sie vorher die Belege, wenn Sie sie brauchen.

Die Sprache jetzt wechseln? Sonst wechselt sie beim nächsten Start.</translation>
    </message>
    <message>
        <source>The language changes at the next start.</source>
        <translation>Die Sprache wechselt beim nächsten Start.</translation>
    </message>
    <message>
        <source>Problems with the files given at start</source>
        <translation>Probleme mit den beim Start angegebenen Dateien</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>%1 was deleted or moved. It is validated again when it is back.</source>
        <translation>%1 wurde gelöscht oder verschoben. Sobald die Datei wieder da ist, wird sie erneut geprüft.</translation>
    </message>
    <message>
        <source>%1 — the file was deleted or moved; this is its last result</source>
        <translation>%1 — die Datei wurde gelöscht oder verschoben; dies ist ihr letztes Ergebnis</translation>
    </message>
    <message>
        <source>Evidence exported</source>
        <translation>Belege exportiert</translation>
    </message>
    <message>
        <source>The evidence of this session is in %1:
%2

%3</source>
        <translation>Die Belege dieser Sitzung liegen in %1:
%2

%3</translation>
    </message>
    <message>
        <source>&amp;Open Folder</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
</context>
<context>
    <name>copp::ui::MeritPanel</name>
    <message>
        <source>Codec merit panel</source>
        <translation>Codec-Merit-Bereich</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Built-in codec emulator</source>
        <translation>Eingebauter Codec-Emulator</translation>
    </message>
    <message>
        <source>Device agent command</source>
        <translation>Befehl des Geräteagenten</translation>
    </message>
    <message>
        <source>Device kind</source>
        <translation>Geräteart</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <source>same as the CLSID requested</source>
        <translation>wie die angefragte CLSID</translation>
    </message>
    <message>
        <source>Emulator codec CLSID</source>
        <translation>CLSID des Emulator-Codecs</translation>
    </message>
    <message>
        <source>The CLSID the built-in codec answers for; empty: the CLSID requested below</source>
        <translation>Die CLSID, für die der eingebaute Codec antwortet; leer: die unten angefragte CLSID</translation>
    </message>
    <message>
        <source>Emulator codec C&amp;LSID:</source>
        <translation>C&amp;LSID des Emulator-Codecs:</translation>
    </message>
    <message>
        <source>Emulator codec merit</source>
        <translation>Merit des Emulator-Codecs</translation>
    </message>
    <message>
        <source>The merit the built-in codec reports</source>
        <translation>Der Merit, den der eingebaute Codec meldet</translation>
    </message>
    <message>
        <source>Emulator codec m&amp;erit:</source>
        <translation>M&amp;erit des Emulator-Codecs:</translation>
    </message>
    <message>
        <source>e.g. coppscope-cli emulator --stdio --codec --clsid … --merit 1</source>
        <translation>z. B. coppscope-cli emulator --stdio --codec --clsid … --merit 1</translation>
    </message>
    <message>
        <source>Agent command</source>
        <translation>Agentenbefehl</translation>
    </message>
    <message>
        <source>Run through /bin/sh -c; the agent speaks the device protocol on stdin/stdout</source>
        <translation>Über /bin/sh -c ausgeführt; der Agent spricht das Geräteprotokoll auf stdin/stdout</translation>
    </message>
    <message>
        <source>A&amp;gent command:</source>
        <translation>Agenten&amp;befehl:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Call deadline in milliseconds</source>
        <translation>Frist je Aufruf in Millisekunden</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>CLSID</source>
        <translation>CLSID</translation>
    </message>
    <message>
        <source>The MFT&apos;s CLSID, sent as the verifier of OPM_GET_CODEC_INFO</source>
        <translation>Die CLSID des MFT, als Verifier von OPM_GET_CODEC_INFO gesendet</translation>
    </message>
    <message>
        <source>&amp;CLSID:</source>
        <translation>&amp;CLSID:</translation>
    </message>
    <message>
        <source>Expected merit</source>
        <translation>Erwarteter Merit</translation>
    </message>
    <message>
        <source>The merit registered for the MFT</source>
        <translation>Der für das MFT registrierte Merit</translation>
    </message>
    <message>
        <source>E&amp;xpected merit:</source>
        <translation>E&amp;rwarteter Merit:</translation>
    </message>
    <message>
        <source>default: the device&apos;s (emulator: its test root; agent: Microsoft&apos;s media root)</source>
        <translation>Vorgabe: der des Geräts (Emulator: sein Test-Stammzertifikat; Agent: das Medien-Stammzertifikat von Microsoft)</translation>
    </message>
    <message>
        <source>X.509 trust anchor file</source>
        <translation>X.509-Vertrauensanker-Datei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>Browse for the X.509 trust anchor file</source>
        <translation>Nach der Datei des X.509-Vertrauensankers suchen</translation>
    </message>
    <message>
        <source>X.509 trust &amp;anchor:</source>
        <translation>X.509-Vertrauensan&amp;ker:</translation>
    </message>
    <message>
        <source>Open X.509 trust anchor</source>
        <translation>X.509-Vertrauensanker öffnen</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.der *.cer *.crt);;All files (*)</source>
        <translation>Zertifikate (*.pem *.der *.cer *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>Aus&amp;führen</translation>
    </message>
    <message>
        <source>Verify the codec&apos;s merit (Ctrl+Return)</source>
        <translation>Den Merit des Codecs prüfen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Run the codec merit check</source>
        <translation>Die Codec-Merit-Prüfung ausführen</translation>
    </message>
    <message>
        <source>Choose a device and press Run (Ctrl+Return).</source>
        <translation>Ein Gerät wählen und „Ausführen“ drücken (Strg+Eingabe).</translation>
    </message>
    <message>
        <source>Merit verdict</source>
        <translation>Merit-Ergebnis</translation>
    </message>
    <message>
        <source>Certificate verdict</source>
        <translation>Zertifikatsergebnis</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Merit checks</source>
        <translation>Merit-Prüfungen</translation>
    </message>
    <message>
        <source>Every check of the codec merit procedure with its result and detail</source>
        <translation>Jede Prüfung des Codec-Merit-Verfahrens mit Ergebnis und Detail</translation>
    </message>
    <message>
        <source>Merit run log</source>
        <translation>Protokoll des Merit-Laufs</translation>
    </message>
    <message>
        <source>The session events of the last run</source>
        <translation>Die Sitzungsereignisse des letzten Laufs</translation>
    </message>
    <message>
        <source>The session events of a run appear here.</source>
        <translation>Die Sitzungsereignisse eines Laufs erscheinen hier.</translation>
    </message>
    <message>
        <source>✖ ERROR: %1</source>
        <translation>✖ FEHLER: %1</translation>
    </message>
    <message>
        <source>the CLSID &quot;%1&quot; is not a GUID; expected one such as %2</source>
        <translation>die CLSID „%1“ ist keine GUID; erwartet wird eine wie %2</translation>
    </message>
    <message>
        <source>the emulator codec CLSID &quot;%1&quot; is not a GUID; expected one such as %2</source>
        <translation>die Codec-CLSID „%1“ des Emulators ist keine GUID; erwartet wird eine wie %2</translation>
    </message>
    <message>
        <source>enter the device agent command to run</source>
        <translation>auszuführenden Befehl des Geräteagenten eingeben</translation>
    </message>
    <message>
        <source>Running: opening the device and asking for the codec&apos;s merit…</source>
        <translation>Läuft: Gerät wird geöffnet und Codec-Merit abgefragt…</translation>
    </message>
    <message>
        <source>✖ ERROR: the device could not be opened: %1</source>
        <translation>✖ FEHLER: Das Gerät konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>✔ ok</source>
        <translation>✔ OK</translation>
    </message>
    <message>
        <source>✖ failed</source>
        <translation>✖ fehlgeschlagen</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>✔ VERIFIED: merit %1</source>
        <translation>✔ BESTÄTIGT: Merit %1</translation>
    </message>
    <message>
        <source>✖ NOT VERIFIED: %1 check failed — %2 (expected merit %3)</source>
        <translation>✖ NICHT BESTÄTIGT: Prüfung %1 fehlgeschlagen — %2 (erwartetes Merit %3)</translation>
    </message>
    <message>
        <source>✖ NOT VERIFIED (expected merit %1)</source>
        <translation>✖ NICHT BESTÄTIGT (erwartetes Merit %1)</translation>
    </message>
    <message>
        <source>Certificate: not validated (the run stopped before the device sent its certificates).</source>
        <translation>Zertifikat: nicht validiert (der Lauf endete, bevor das Gerät seine Zertifikate gesendet hat).</translation>
    </message>
    <message>
        <source>Certificate: ✖ REJECTED — first failure %1%2: %3 (trust anchor: %4)</source>
        <translation>Zertifikat: ✖ ABGELEHNT — erster Fehler %1%2: %3 (Vertrauensanker: %4)</translation>
    </message>
    <message>
        <source>Certificate: ✔ VALID — %1 certificates, trust anchor: %2</source>
        <translation>Zertifikat: ✔ GÜLTIG — %1 Zertifikate, Vertrauensanker: %2</translation>
    </message>
    <message>
        <source>Call deadline:</source>
        <translation>Frist je Aufruf:</translation>
    </message>
</context>
<context>
    <name>copp::ui::PresenterView</name>
    <message>
        <source>CoppScope — presenter view</source>
        <translation>CoppScope — Präsentationsansicht</translation>
    </message>
    <message>
        <source>Presenter view</source>
        <translation>Präsentationsansicht</translation>
    </message>
    <message>
        <source>Protection state</source>
        <translation>Schutzstatus</translation>
    </message>
    <message>
        <source>Latest alert</source>
        <translation>Neuester Alarm</translation>
    </message>
    <message>
        <source>No session running</source>
        <translation>Keine Sitzung aktiv</translation>
    </message>
    <message>
        <source>Protection verdict</source>
        <translation>Schutzurteil</translation>
    </message>
    <message>
        <source>Protection per type</source>
        <translation>Schutz je Typ</translation>
    </message>
    <message>
        <source>Protected since</source>
        <translation>Geschützt seit</translation>
    </message>
    <message>
        <source>NO SESSION</source>
        <translation>KEINE SITZUNG</translation>
    </message>
</context>
<context>
    <name>copp::ui::ProtectionChart</name>
    <message>
        <source>Link lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>Renegotiation required</source>
        <translation>Neuaushandlung</translation>
    </message>
    <message>
        <source>Connector changed</source>
        <translation>Anschlusswechsel</translation>
    </message>
    <message>
        <source>Level drop</source>
        <translation>Stufe gesunken</translation>
    </message>
    <message>
        <source>Reply not believed</source>
        <translation>Antwort verworfen</translation>
    </message>
    <message>
        <source>Other alert</source>
        <translation>Anderer Alarm</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>angefordert</translation>
    </message>
    <message>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <source>global</source>
        <translation>global</translation>
    </message>
    <message>
        <source>Protection levels chart</source>
        <translation>Diagramm der Schutzstufen</translation>
    </message>
    <message>
        <source>Requested, local and global protection levels per type over time, with alerts</source>
        <translation>Angeforderte, lokale und globale Schutzstufen je Typ im Zeitverlauf, mit Alarmen</translation>
    </message>
    <message>
        <source>Time since the session began</source>
        <translation>Zeit seit Beginn der Sitzung</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Protection levels over time</source>
        <translation>Schutzstufen im Zeitverlauf</translation>
    </message>
    <message>
        <source>Chart controls</source>
        <translation>Diagrammsteuerung</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Freeze the view while data keeps arriving (Space)</source>
        <translation>Die Ansicht einfrieren, während weiter Daten eintreffen (Leertaste)</translation>
    </message>
    <message>
        <source>Follow live</source>
        <translation>Live folgen</translation>
    </message>
    <message>
        <source>Follow the newest data (End)</source>
        <translation>Den neuesten Daten folgen (Ende)</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alles zeigen</translation>
    </message>
    <message>
        <source>Show the whole session (Home)</source>
        <translation>Die ganze Sitzung zeigen (Pos1)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Vergrößern (+)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Verkleinern (-)</translation>
    </message>
    <message>
        <source>Chart view state</source>
        <translation>Ansichtszustand des Diagramms</translation>
    </message>
    <message>
        <source>Live: last %1 s</source>
        <translation>Live: letzte %1 s</translation>
    </message>
    <message>
        <source>Showing the whole session</source>
        <translation>Die ganze Sitzung wird gezeigt</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>%1 requested</source>
        <translation>%1 angefordert</translation>
    </message>
    <message>
        <source>%1 local</source>
        <translation>%1 lokal</translation>
    </message>
    <message>
        <source>%1 global</source>
        <translation>%1 global</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 to %2; %n alert(s) in view</source>
        <translation>
            <numerusform>Anzeige von %1 bis %2; %n Alarm im Ausschnitt</numerusform>
            <numerusform>Anzeige von %1 bis %2; %n Alarme im Ausschnitt</numerusform>
        </translation>
    </message>
    <message>
        <source>(older levels simplified to bound memory)</source>
        <translation>(ältere Stufen vereinfacht, um den Speicher zu begrenzen)</translation>
    </message>
    <message>
        <source>%1  %2: %3</source>
        <translation>%1  %2: %3</translation>
    </message>
    <message>
        <source>… and more: zoom in to separate them</source>
        <translation>… und weitere: zum Trennen vergrößern</translation>
    </message>
    <message>
        <source>%1 %2 level</source>
        <translation>%1-Stufe (%2)</translation>
    </message>
    <message>
        <source>%1 at %2: unknown</source>
        <translation>%1 bei %2: unbekannt</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 bei %2: %3</translation>
    </message>
    <message>
        <source>Protection levels</source>
        <translation>Schutzstufen</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefordert</translation>
    </message>
    <message numerus="yes">
        <source>(%n older alert(s) dropped to bound memory)</source>
        <translation>
            <numerusform>(%n älterer Alarm verworfen, um den Speicher zu begrenzen)</numerusform>
            <numerusform>(%n ältere Alarme verworfen, um den Speicher zu begrenzen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Local / virtual</source>
        <translation>Lokal / virtuell</translation>
    </message>
    <message>
        <source>Global / actual</source>
        <translation>Global / tatsächlich</translation>
    </message>
    <message>
        <source>Command refused</source>
        <translation>Befehl abgelehnt</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>copy freely</source>
        <translation>Kopieren erlaubt</translation>
    </message>
    <message>
        <source>copy no more</source>
        <translation>keine weitere Kopie</translation>
    </message>
    <message>
        <source>copy one generation</source>
        <translation>eine Kopiergeneration</translation>
    </message>
    <message>
        <source>copy never</source>
        <translation>Kopieren verboten</translation>
    </message>
    <message>
        <source>level %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>no protection level available</source>
        <translation>keine Schutzstufe verfügbar</translation>
    </message>
    <message>
        <source>invalid level %1</source>
        <translation>ungültige Stufe %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>protection type and level name</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1, redistribution control required</source>
        <translation>%1, Weiterverbreitungskontrolle erforderlich</translation>
    </message>
    <message>
        <source>Shortfall: below request</source>
        <translation>Unterschreitung: unter der Anforderung</translation>
    </message>
    <message>
        <source>Redistribution control</source>
        <translation>Weiterverbreitungskontrolle</translation>
    </message>
    <message>
        <source>R</source>
        <comment>mark: redistribution control required</comment>
        <translation>W</translation>
    </message>
    <message>
        <source>%1 not offered</source>
        <translation>%1 nicht angeboten</translation>
    </message>
    <message>
        <source>%1 is not offered by this output</source>
        <translation>%1 wird von diesem Ausgang nicht angeboten</translation>
    </message>
    <message>
        <source>(%1 is not offered by this output)</source>
        <translation>(%1 wird von diesem Ausgang nicht angeboten)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>marker and protection type</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 at %2: %3 is not offered by this output</source>
        <translation>%1 bei %2: %3 wird von diesem Ausgang nicht angeboten</translation>
    </message>
    <message>
        <source>%1 is not offered by this output: it has no levels to draw</source>
        <translation>%1 wird von diesem Ausgang nicht angeboten: es gibt keine Stufen zu zeichnen</translation>
    </message>
    <message>
        <source>Shortfall at %1: the actual level %2 protects less than the requested %3</source>
        <translation>Unterschreitung bei %1: die tatsächliche Stufe %2 schützt weniger als die angeforderte %3</translation>
    </message>
</context>
<context>
    <name>copp::ui::RecentFiles</name>
    <message>
        <source>%1 — %2</source>
        <extracomment>Open Recent entry: a file name, then the folders that tell it from others of that name</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
</context>
<context>
    <name>copp::ui::SessionPanel</name>
    <message>
        <source>Session panel</source>
        <translation>Sitzungsbereich</translation>
    </message>
    <message>
        <source>Protection state</source>
        <translation>Schutzstatus</translation>
    </message>
    <message>
        <source>Alert banner</source>
        <translation>Alarmbanner</translation>
    </message>
    <message>
        <source>Acknowledge all alerts</source>
        <translation>Alle Alarme quittieren</translation>
    </message>
    <message>
        <source>Handshake timeline</source>
        <translation>Ablauf des Handshakes</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Show the session key</source>
        <translation>Sitzungsschlüssel zeigen</translation>
    </message>
    <message>
        <source>Only available when the session was started with &quot;Reveal secrets&quot;.</source>
        <translation>Nur verfügbar, wenn die Sitzung mit „Geheimnisse offenlegen“ gestartet wurde.</translation>
    </message>
    <message>
        <source>hidden (•••)</source>
        <translation>verborgen (•••)</translation>
    </message>
    <message>
        <source>Inspect the &amp;chain</source>
        <translation>&amp;Kette untersuchen</translation>
    </message>
    <message>
        <source>Open the device&apos;s certificate chain in the inspector</source>
        <translation>Die Zertifikatskette des Geräts im Inspektor öffnen</translation>
    </message>
    <message>
        <source>Session log and alerts</source>
        <translation>Sitzungsprotokoll und Alarme</translation>
    </message>
    <message>
        <source>Session &amp;log</source>
        <translation>Sitzungs&amp;protokoll</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Built-in driver emulator</source>
        <translation>Eingebauter Treiberemulator</translation>
    </message>
    <message>
        <source>Device agent (command)</source>
        <translation>Geräteagent (Befehl)</translation>
    </message>
    <message>
        <source>Replay a transcript</source>
        <translation>Mitschnitt wiedergeben</translation>
    </message>
    <message>
        <source>Device kind</source>
        <translation>Geräteart</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>(none: a steady HDMI output)</source>
        <translation>(keines: ein gleichbleibender HDMI-Ausgang)</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>e.g. bad-reply-mac@3, stall=8000@5</source>
        <translation>z. B. bad-reply-mac@3, stall=8000@5</translation>
    </message>
    <message>
        <source>Faults to inject, separated by commas: NAME[=VALUE][@N].</source>
        <translation>Einzuspeisende Fehler, durch Kommas getrennt: NAME[=WERT][@N].</translation>
    </message>
    <message>
        <source>Connector</source>
        <translation>Anschluss</translation>
    </message>
    <message>
        <source>(the scenario&apos;s, or HDMI)</source>
        <translation>(der des Szenarios oder HDMI)</translation>
    </message>
    <message>
        <source>C&amp;onnector:</source>
        <translation>Anschl&amp;uss:</translation>
    </message>
    <message>
        <source>Agent command</source>
        <translation>Agentenbefehl</translation>
    </message>
    <message>
        <source>e.g. coppscope-cli emulator --stdio, or ssh lab-pc copp-agent.exe</source>
        <translation>z. B. coppscope-cli emulator --stdio oder ssh lab-pc copp-agent.exe</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>Durchsuchen: %1</translation>
    </message>
    <message>
        <source>Transcript to replay</source>
        <translation>Wiederzugebender Mitschnitt</translation>
    </message>
    <message>
        <source>Transcripts (*.json);;All files (*)</source>
        <translation>Mitschnitte (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>T&amp;rust root:</source>
        <translation>Ver&amp;trauensanker:</translation>
    </message>
    <message>
        <source>Trust root file</source>
        <translation>Datei des Vertrauensankers</translation>
    </message>
    <message>
        <source>Trust root</source>
        <translation>Vertrauensanker</translation>
    </message>
    <message>
        <source>RSAKeyValue files (*.xml);;All files (*)</source>
        <translation>RSAKeyValue-Dateien (*.xml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>default: the emulator&apos;s test root, Microsoft&apos;s key for other devices</source>
        <translation>Vorgabe: der Test-Stammschlüssel des Emulators, für andere Geräte der Schlüssel von Microsoft</translation>
    </message>
    <message>
        <source>Revocation list file</source>
        <translation>Sperrlistendatei</translation>
    </message>
    <message>
        <source>Revocation list</source>
        <translation>Sperrliste</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Set HDCP on at the start</source>
        <translation>HDCP beim Start einschalten</translation>
    </message>
    <message>
        <source>Poll interval in milliseconds</source>
        <translation>Abfrageintervall in Millisekunden</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Reveal secrets</source>
        <translation>Geheimnisse offenlegen</translation>
    </message>
    <message>
        <source>Keep the session key (shown on request) and make the transcript replayable.</source>
        <translation>Den Sitzungsschlüssel behalten (auf Wunsch angezeigt) und den Mitschnitt wiedergabefähig machen.</translation>
    </message>
    <message>
        <source>Start the session</source>
        <translation>Die Sitzung starten</translation>
    </message>
    <message>
        <source>Sto&amp;p</source>
        <translation>Stopp&amp;en</translation>
    </message>
    <message>
        <source>Stop the session</source>
        <translation>Die Sitzung stoppen</translation>
    </message>
    <message>
        <source>Poll every</source>
        <translation>Abfrage alle</translation>
    </message>
    <message>
        <source>Tester controls</source>
        <translation>Teststeuerung</translation>
    </message>
    <message>
        <source>ACP level</source>
        <translation>ACP-Stufe</translation>
    </message>
    <message>
        <source>Set ACP</source>
        <translation>ACP setzen</translation>
    </message>
    <message>
        <source>CGMS-A level</source>
        <translation>CGMS-A-Stufe</translation>
    </message>
    <message>
        <source>Redistribution control</source>
        <translation>Weiterverbreitungskontrolle</translation>
    </message>
    <message>
        <source>CGMS-A redistribution control</source>
        <translation>CGMS-A-Weiterverbreitungskontrolle</translation>
    </message>
    <message>
        <source>Set CGMS-A</source>
        <translation>CGMS-A setzen</translation>
    </message>
    <message>
        <source>TV protection standard for SetSignaling</source>
        <translation>TV-Schutzstandard für SetSignaling</translation>
    </message>
    <message>
        <source>Unknown (0)</source>
        <translation>Unbekannt (0)</translation>
    </message>
    <message>
        <source>NTSC (EIA-608-B, 1)</source>
        <translation>NTSC (EIA-608-B, 1)</translation>
    </message>
    <message>
        <source>PAL (IEC 61880, 2)</source>
        <translation>PAL (IEC 61880, 2)</translation>
    </message>
    <message>
        <source>Set signaling</source>
        <translation>Signalisierung setzen</translation>
    </message>
    <message>
        <source>Send SetSignaling</source>
        <translation>SetSignaling senden</translation>
    </message>
    <message>
        <source>Status request</source>
        <translation>Statusabfrage</translation>
    </message>
    <message>
        <source>Protection type of a level query</source>
        <translation>Schutztyp einer Stufenabfrage</translation>
    </message>
    <message>
        <source>&amp;Query</source>
        <translation>A&amp;bfragen</translation>
    </message>
    <message>
        <source>Run the status query</source>
        <translation>Die Statusabfrage ausführen</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Filter the session log</source>
        <translation>Sitzungsprotokoll filtern</translation>
    </message>
    <message>
        <source>Filter (text or event name)</source>
        <translation>Filter (Text oder Ereignisname)</translation>
    </message>
    <message>
        <source>Show problems only</source>
        <translation>Nur Probleme zeigen</translation>
    </message>
    <message>
        <source>Session log</source>
        <translation>Sitzungsprotokoll</translation>
    </message>
    <message>
        <source>Decoded fields and bytes of the selected log entry</source>
        <translation>Dekodierte Felder und Bytes des gewählten Protokolleintrags</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>⚠ Enter the agent&apos;s command first.</source>
        <translation>⚠ Zuerst den Befehl des Agenten eingeben.</translation>
    </message>
    <message>
        <source>⚠ Choose a transcript to replay first.</source>
        <translation>⚠ Zuerst einen Mitschnitt zur Wiedergabe wählen.</translation>
    </message>
    <message>
        <source>① Key exchange</source>
        <translation>① Schlüsselaustausch</translation>
    </message>
    <message>
        <source>Driver random</source>
        <translation>Treiber-Zufallszahl</translation>
    </message>
    <message>
        <source>Certificate chain</source>
        <translation>Zertifikatskette</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>② Chain validation</source>
        <translation>② Kettenprüfung</translation>
    </message>
    <message>
        <source>✔ valid</source>
        <translation>✔ gültig</translation>
    </message>
    <message>
        <source>✖ rejected: %1</source>
        <translation>✖ abgelehnt: %1</translation>
    </message>
    <message>
        <source>③ Session start</source>
        <translation>③ Sitzungsstart</translation>
    </message>
    <message>
        <source>✔ accepted</source>
        <translation>✔ angenommen</translation>
    </message>
    <message>
        <source>Status sequence</source>
        <translation>Statussequenz</translation>
    </message>
    <message>
        <source>Command sequence</source>
        <translation>Befehlssequenz</translation>
    </message>
    <message>
        <source>AMCOPPSignature (256 bytes)</source>
        <translation>AMCOPPSignature (256 Bytes)</translation>
    </message>
    <message>
        <source>Session key</source>
        <translation>Sitzungsschlüssel</translation>
    </message>
    <message>
        <source>not revealed</source>
        <translation>nicht offengelegt</translation>
    </message>
    <message>
        <source>④ First reply</source>
        <translation>④ Erste Antwort</translation>
    </message>
    <message>
        <source>✖ Stopped</source>
        <translation>✖ Gestoppt</translation>
    </message>
    <message>
        <source>No session running</source>
        <translation>Keine Sitzung aktiv</translation>
    </message>
    <message>
        <source>No unacknowledged alerts.</source>
        <translation>Keine unquittierten Alarme.</translation>
    </message>
    <message>
        <source>Decoded fields:
</source>
        <translation>Dekodierte Felder:
</translation>
    </message>
    <message>
        <source>
Device call %1 (hresult 0x%2, %3 ms):
</source>
        <translation>
Geräteaufruf %1 (HRESULT 0x%2, %3 ms):
</translation>
    </message>
    <message>
        <source>stop the session first</source>
        <translation>zuerst die Sitzung stoppen</translation>
    </message>
    <message>
        <source>ACP:</source>
        <translation>ACP:</translation>
    </message>
    <message>
        <source>CGMS-A:</source>
        <translation>CGMS-A:</translation>
    </message>
    <message>
        <source>Signaling:</source>
        <translation>Signalisierung:</translation>
    </message>
    <message>
        <source>Windows hardware</source>
        <translation>Windows-Hardware</translation>
    </message>
    <message>
        <source>Emulated interface</source>
        <translation>Emulierte Schnittstelle</translation>
    </message>
    <message>
        <source>COPP (IAMCertifiedOutputProtection)</source>
        <translation>COPP (IAMCertifiedOutputProtection)</translation>
    </message>
    <message>
        <source>OPM, OPM semantics (X.509 chain, OAEP)</source>
        <translation>OPM, OPM-Semantik (X.509-Kette, OAEP)</translation>
    </message>
    <message>
        <source>OPM, COPP semantics (XML chain, PKCS#1)</source>
        <translation>OPM, COPP-Semantik (XML-Kette, PKCS#1)</translation>
    </message>
    <message>
        <source>Windows hardware output</source>
        <translation>Windows-Hardwareausgang</translation>
    </message>
    <message>
        <source>MONITOR[.OUTPUT][,api=vmr9|evr|opm][,interface=copp|opm][,semantics=copp|opm], e.g. 0</source>
        <translation>MONITOR[.OUTPUT][,api=vmr9|evr|opm][,interface=copp|opm][,semantics=copp|opm], z. B. 0</translation>
    </message>
    <message>
        <source>Hard&amp;ware output:</source>
        <translation>Hard&amp;wareausgang:</translation>
    </message>
    <message>
        <source>X.509 trust anchor file</source>
        <translation>X.509-Vertrauensanker-Datei</translation>
    </message>
    <message>
        <source>X.509 trust anchor</source>
        <translation>X.509-Vertrauensanker</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.der *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.der *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>OPM chains; default: the emulator&apos;s test root, Microsoft&apos;s media root for other devices</source>
        <translation>OPM-Ketten; Standard: das Test-Stammzertifikat des Emulators, für andere Geräte das Medien-Stammzertifikat von Microsoft</translation>
    </message>
    <message>
        <source>Show a desktop notification for new alerts</source>
        <translation>Desktop-Benachrichtigung bei neuen Alarmen anzeigen</translation>
    </message>
    <message>
        <source>This desktop has no notification area; the banner and the list still show every alert.</source>
        <translation>Dieser Desktop hat keinen Benachrichtigungsbereich; Banner und Liste zeigen weiterhin jeden Alarm an.</translation>
    </message>
    <message>
        <source>Play a sound for new alerts</source>
        <translation>Bei neuen Alarmen einen Ton abspielen</translation>
    </message>
    <message>
        <source>Windows hardware is available only in the Windows build; use a device agent (exec:) from here</source>
        <translation>Windows-Hardware ist nur im Windows-Build verfügbar; von hier aus einen Geräteagenten (exec:) verwenden</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>&amp;Quittieren</translation>
    </message>
    <message>
        <source>Show the session ke&amp;y</source>
        <translation>Sitzungss&amp;chlüssel zeigen</translation>
    </message>
    <message>
        <source>⚠ The session&apos;s trust settings cannot be read: %1</source>
        <translation>⚠ Die Vertrauenseinstellungen der Sitzung sind nicht lesbar: %1</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>Ala&amp;rme</translation>
    </message>
    <message>
        <source>Sc&amp;enario:</source>
        <translation>Szenari&amp;o:</translation>
    </message>
    <message>
        <source>Fa&amp;ults:</source>
        <translation>&amp;Fehler:</translation>
    </message>
    <message>
        <source>Interface:</source>
        <translation>Schnittstelle:</translation>
    </message>
    <message>
        <source>A&amp;gent command:</source>
        <translation>Agentenbefeh&amp;l:</translation>
    </message>
    <message>
        <source>Transcript:</source>
        <translation>Mitschnitt:</translation>
    </message>
    <message>
        <source>Revocation list:</source>
        <translation>Sperrliste:</translation>
    </message>
    <message>
        <source>&amp;X.509 trust anchor:</source>
        <translation>&amp;X.509-Vertrauensanker:</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Pro&amp;blems only</source>
        <translation>Nur Probleme</translation>
    </message>
    <message>
        <source>Acknowledge all</source>
        <translation>Alle bestätigen</translation>
    </message>
    <message>
        <source>Desktop notification</source>
        <translation>Desktop-Benachrichtigung</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Ton</translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation>Sitzung beendet</translation>
    </message>
    <message>
        <source>Session ended; its last state: %1</source>
        <translation>Sitzung beendet; ihr letzter Stand: %1</translation>
    </message>
    <message>
        <source>The session did not start: %1</source>
        <translation>Die Sitzung hat nicht begonnen: %1</translation>
    </message>
    <message>
        <source>Session setup summary</source>
        <translation>Zusammenfassung der Sitzungseinrichtung</translation>
    </message>
    <message>
        <source>Device, scenario, interface and trust of this session</source>
        <translation>Gerät, Szenario, Schnittstelle und Vertrauensanker dieser Sitzung</translation>
    </message>
    <message>
        <source>&amp;Edit setup</source>
        <translation>Einrichtung be&amp;arbeiten</translation>
    </message>
    <message>
        <source>Show the session setup</source>
        <translation>Die Sitzungseinrichtung zeigen</translation>
    </message>
    <message>
        <source>Unfold the device, scenario and trust settings (they apply to the next start).</source>
        <translation>Geräte-, Szenario- und Vertrauenseinstellungen aufklappen (sie gelten ab dem nächsten Start).</translation>
    </message>
    <message>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <source>Show the previous unacknowledged alert</source>
        <translation>Den vorigen unquittierten Alarm zeigen</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Show the next unacknowledged alert</source>
        <translation>Den nächsten unquittierten Alarm zeigen</translation>
    </message>
    <message>
        <source>Acknowledge the alert shown</source>
        <translation>Den gezeigten Alarm quittieren</translation>
    </message>
    <message>
        <source>%1: what this session asked for</source>
        <translation>%1: was diese Sitzung angefordert hat</translation>
    </message>
    <message>
        <source>%1 on</source>
        <translation>%1 ein</translation>
    </message>
    <message>
        <source>%1 off</source>
        <translation>%1 aus</translation>
    </message>
    <message>
        <source>✔ pass</source>
        <translation>✔ bestanden</translation>
    </message>
    <message>
        <source>✖ fail</source>
        <translation>✖ nicht bestanden</translation>
    </message>
    <message>
        <source>– skipped</source>
        <translation>– übersprungen</translation>
    </message>
    <message>
        <source>✔ passed</source>
        <translation>✔ bestanden</translation>
    </message>
    <message>
        <source>✖ failed</source>
        <translation>✖ nicht bestanden</translation>
    </message>
    <message>
        <source>OMAC</source>
        <translation>OMAC</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Random echoed</source>
        <translation>Zufallszahl zurückgegeben</translation>
    </message>
    <message>
        <source>Acknowledge all (%1)</source>
        <translation>Alle quittieren (%1)</translation>
    </message>
    <message>
        <source>⚠ ALERT %1 of %2 unacknowledged, at %3: %4 — %5</source>
        <translation>⚠ ALARM %1 von %2 unquittierten, bei %3: %4 — %5</translation>
    </message>
    <message>
        <source>Start a&amp;gain</source>
        <translation>Erneut s&amp;tarten</translation>
    </message>
    <message>
        <source>Start the session again with this setup</source>
        <translation>Die Sitzung mit dieser Einrichtung erneut starten</translation>
    </message>
    <message>
        <source>this output</source>
        <translation>dieser Ausgang</translation>
    </message>
    <message>
        <source>this %1 output</source>
        <translation>dieser %1-Ausgang</translation>
    </message>
    <message>
        <source>%1 does not offer %2: its protection-type reply lists no protection.</source>
        <translation>%1 bietet %2 nicht an: seine Antwort auf die Schutztyp-Abfrage nennt keinen Schutz.</translation>
    </message>
    <message>
        <source>%1 does not offer %2: its protection-type reply lists %3 only.</source>
        <translation>%1 bietet %2 nicht an: seine Antwort auf die Schutztyp-Abfrage nennt nur %3.</translation>
    </message>
    <message>
        <source>Requested: nothing yet</source>
        <translation>Angefordert: noch nichts</translation>
    </message>
    <message>
        <source>Requested: %1</source>
        <translation>Angefordert: %1</translation>
    </message>
    <message>
        <source>Built-in emulator</source>
        <translation>Eingebauter Emulator</translation>
    </message>
    <message>
        <source>no scenario</source>
        <translation>kein Szenario</translation>
    </message>
    <message>
        <source>scenario %1</source>
        <translation>Szenario %1</translation>
    </message>
    <message>
        <source>faults %1</source>
        <translation>Fehler %1</translation>
    </message>
    <message>
        <source>Agent: %1</source>
        <translation>Agent: %1</translation>
    </message>
    <message>
        <source>Replay of %1</source>
        <translation>Wiedergabe von %1</translation>
    </message>
    <message>
        <source>Windows hardware output %1</source>
        <translation>Windows-Hardwareausgang %1</translation>
    </message>
    <message>
        <source>default trust root</source>
        <translation>Standard-Vertrauensanker</translation>
    </message>
    <message>
        <source>trust root %1</source>
        <translation>Vertrauensanker %1</translation>
    </message>
    <message>
        <source>poll %1 ms</source>
        <translation>Abfrage alle %1 ms</translation>
    </message>
    <message>
        <source>Tester controls and handshake timeline</source>
        <translation>Teststeuerung und Ablauf des Handshakes</translation>
    </message>
    <message>
        <source>⊘ not offered by this output</source>
        <translation>⊘ von diesem Ausgang nicht angeboten</translation>
    </message>
    <message>
        <source>⊘ not offered by this %1 output</source>
        <translation>⊘ von diesem %1-Ausgang nicht angeboten</translation>
    </message>
    <message>
        <source>cannot draw the chart images for the evidence</source>
        <translation>die Diagrammbilder für die Belege können nicht gezeichnet werden</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>PROTECTED</source>
        <translation>GESCHÜTZT</translation>
    </message>
    <message>
        <source>NOT PROTECTED</source>
        <translation>NICHT GESCHÜTZT</translation>
    </message>
    <message>
        <source>CHECKING…</source>
        <translation>WIRD GEPRÜFT…</translation>
    </message>
    <message>
        <source>NO SESSION</source>
        <translation>KEINE SITZUNG</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>%1 output</source>
        <translation>Ausgang %1</translation>
    </message>
    <message>
        <source>Session ended — %1</source>
        <translation>Sitzung beendet — %1</translation>
    </message>
    <message>
        <source>? %1 not read yet</source>
        <translation>? %1 noch nicht gelesen</translation>
    </message>
    <message>
        <source>✖ %1 — %2 requested</source>
        <translation>✖ %1 — %2 angefordert</translation>
    </message>
    <message>
        <source>protected again since %1</source>
        <translation>wieder geschützt seit %1</translation>
    </message>
    <message>
        <source>Last alert at %1: %2</source>
        <translation>Letzter Alarm bei %1: %2</translation>
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
    <message>
        <source>… and %1 more byte ranges</source>
        <translation>… und %1 weitere Bytebereiche</translation>
    </message>
    <message>
        <source>Likely cause (proven)</source>
        <translation>Wahrscheinliche Ursache (nachgewiesen)</translation>
    </message>
    <message>
        <source>%1 (places: %2), marked in the Raw bytes tab:</source>
        <translation>%1 (Stellen: %2), im Reiter „Rohbytes“ markiert:</translation>
    </message>
    <message>
        <source>at byte %1 (bytes were inserted here)</source>
        <translation>bei Byte %1 (hier wurden Bytes eingefügt)</translation>
    </message>
    <message>
        <source>bytes %1 to %2:</source>
        <translation>Bytes %1 bis %2:</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
</context>
<context>
    <name>copp::ui::TrustMenu</name>
    <message>
        <source>Use &amp;Microsoft&apos;s COPP Root (Default)</source>
        <translation>COPP-Stammschlüssel von &amp;Microsoft verwenden (Vorgabe)</translation>
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
        <source>Use X.509 Trust &amp;Anchor…</source>
        <translation>X.509-Vertrauens&amp;anker verwenden…</translation>
    </message>
    <message>
        <source>Open X.509 trust anchor (the root certificate of OPM bundles)</source>
        <translation>X.509-Vertrauensanker öffnen (das Stammzertifikat von OPM-Bündeln)</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.der *.cer *.crt);;All files (*)</source>
        <translation>Zertifikate (*.pem *.der *.cer *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Use Microsoft&apos;s Media Root for &amp;X.509 (Default)</source>
        <translation>Medien-Stammzertifikat von Microsoft für &amp;X.509 verwenden (Vorgabe)</translation>
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
        <source>Chains are checked against %1 instead.</source>
        <translation>Ketten werden stattdessen gegen %1 geprüft.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s COPP root</source>
        <translation>den COPP-Stammschlüssel von Microsoft</translation>
    </message>
    <message>
        <source>Cannot use %1 as the X.509 trust anchor: %2</source>
        <translation>%1 kann nicht als X.509-Vertrauensanker verwendet werden: %2</translation>
    </message>
    <message>
        <source>X.509 trust anchor: %1</source>
        <translation>X.509-Vertrauensanker: %1</translation>
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
    <message>
        <source>Certificates, leaf to root</source>
        <translation>Zertifikate, vom Blatt zur Stamm</translation>
    </message>
    <message>
        <source>Certificates, in bundle order</source>
        <translation>Zertifikate, in Bündelreihenfolge</translation>
    </message>
    <message>
        <source>Subject and issuer</source>
        <translation>Antragsteller und Aussteller</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Fingerprints</source>
        <translation>Fingerabdrücke</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Antragsteller: %1</translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation>Aussteller: %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <source>%1, %2 bits</source>
        <translation>%1, %2 Bit</translation>
    </message>
    <message>
        <source>serial %1</source>
        <translation>Seriennummer %1</translation>
    </message>
    <message>
        <source>certificate SHA-256 %1; SubjectPublicKeyInfo SHA-256 %2</source>
        <translation>Zertifikat-SHA-256 %1; SubjectPublicKeyInfo-SHA-256 %2</translation>
    </message>
    <message>
        <source>OPM certificate validation: %1</source>
        <translation>OPM-Zertifikatsvalidierung: %1</translation>
    </message>
    <message>
        <source>OPM X.509 certificate-chain validation</source>
        <translation>OPM-Validierung der X.509-Zertifikatskette</translation>
    </message>
    <message>
        <source>Trust anchor</source>
        <translation>Vertrauensanker</translation>
    </message>
    <message>
        <source>%1: VALID (trust anchor: %2)
</source>
        <translation>%1: GÜLTIG (Vertrauensanker: %2)
</translation>
    </message>
    <message>
        <source>not on the path</source>
        <translation>nicht auf dem Pfad</translation>
    </message>
    <message>
        <source>leaf and root</source>
        <translation>Blatt und Stamm</translation>
    </message>
    <message>
        <source>intermediate</source>
        <translation>Zwischenzertifikat</translation>
    </message>
    <message>
        <source>not an X.509 certificate bundle: %1</source>
        <translation>kein X.509-Zertifikatsbündel: %1</translation>
    </message>
    <message>
        <source>%1 with %2 certificate(s), each parses</source>
        <translation>%1 mit %2 Zertifikat(en), jedes davon lesbar</translation>
    </message>
    <message>
        <source>no leaf: every certificate issued another one, so the issuer links form a loop</source>
        <translation>kein Blatt: Jedes Zertifikat hat ein anderes ausgestellt, die Ausstellerverweise bilden also eine Schleife</translation>
    </message>
    <message>
        <source>%1 certificates issued no other certificate, so the leaf is ambiguous (exactly one is needed): %2</source>
        <translation>%1 Zertifikate haben kein anderes Zertifikat ausgestellt, das Blatt ist also mehrdeutig (genau eines ist erforderlich): %2</translation>
    </message>
    <message>
        <source>no path to a self-signed root: the issuer of %1, &quot;%2&quot;, is not in the bundle (path so far: %3)</source>
        <translation>kein Pfad zu einem selbstsignierten Stammzertifikat: Der Aussteller von %1, „%2“, ist nicht im Bündel (bisheriger Pfad: %3)</translation>
    </message>
    <message>
        <source>the path loops without reaching a self-signed root: %1</source>
        <translation>der Pfad bildet eine Schleife, ohne ein selbstsigniertes Stammzertifikat zu erreichen: %1</translation>
    </message>
    <message>
        <source>%1 certificate(s) from the leaf to a self-issued root: %2</source>
        <translation>%1 Zertifikat(e) vom Blatt zu einem selbst ausgestellten Stammzertifikat: %2</translation>
    </message>
    <message>
        <source>the path %1 leaves %2 certificate(s) of the bundle unused: %3</source>
        <translation>der Pfad %1 lässt %2 Zertifikat(e) des Bündels ungenutzt: %3</translation>
    </message>
    <message>
        <source>the validity period does not decode</source>
        <translation>der Gültigkeitszeitraum lässt sich nicht dekodieren</translation>
    </message>
    <message>
        <source>not yet valid: valid from %1, validation time %2</source>
        <translation>noch nicht gültig: gültig ab %1, Validierungszeitpunkt %2</translation>
    </message>
    <message>
        <source>expired: valid until %1, validation time %2</source>
        <translation>abgelaufen: gültig bis %1, Validierungszeitpunkt %2</translation>
    </message>
    <message>
        <source>valid from %1 to %2</source>
        <translation>gültig von %1 bis %2</translation>
    </message>
    <message>
        <source>the public key (%1) does not decode</source>
        <translation>der öffentliche Schlüssel (%1) lässt sich nicht dekodieren</translation>
    </message>
    <message>
        <source>the public key is %1, not RSA</source>
        <translation>der öffentliche Schlüssel ist %1, nicht RSA</translation>
    </message>
    <message>
        <source>the leaf&apos;s key is %1, restricted to signatures; OPM encrypts to it and needs rsaEncryption</source>
        <translation>der Schlüssel des Blattzertifikats ist %1, auf Signaturen beschränkt; OPM verschlüsselt damit und benötigt rsaEncryption</translation>
    </message>
    <message>
        <source>the leaf&apos;s RSA key is %1 bits; OPM needs exactly %2</source>
        <translation>der RSA-Schlüssel des Blattzertifikats hat %1 Bit; OPM benötigt genau %2</translation>
    </message>
    <message>
        <source>RSA key of %1 bits; an issuing certificate needs at least %2</source>
        <translation>RSA-Schlüssel mit %1 Bit; ein ausstellendes Zertifikat benötigt mindestens %2</translation>
    </message>
    <message>
        <source>RSA key of %1 bits</source>
        <translation>RSA-Schlüssel mit %1 Bit</translation>
    </message>
    <message>
        <source>no basicConstraints extension: an issuing certificate must say cA = TRUE</source>
        <translation>keine basicConstraints-Erweiterung: Ein ausstellendes Zertifikat muss cA = TRUE angeben</translation>
    </message>
    <message>
        <source>basicConstraints cA is not TRUE: this certificate may not issue certificates</source>
        <translation>basicConstraints cA ist nicht TRUE: Dieses Zertifikat darf keine Zertifikate ausstellen</translation>
    </message>
    <message>
        <source>keyUsage is present without keyCertSign</source>
        <translation>keyUsage ist ohne keyCertSign vorhanden</translation>
    </message>
    <message>
        <source>a CA: basicConstraints cA = TRUE, keyUsage keyCertSign</source>
        <translation>eine CA: basicConstraints cA = TRUE, keyUsage keyCertSign</translation>
    </message>
    <message>
        <source>a CA: basicConstraints cA = TRUE (no keyUsage extension)</source>
        <translation>eine CA: basicConstraints cA = TRUE (keine keyUsage-Erweiterung)</translation>
    </message>
    <message>
        <source>the %1 signature verifies with %2</source>
        <translation>die %1-Signatur lässt sich mit %2 verifizieren</translation>
    </message>
    <message>
        <source>the %1 signature does not verify with %2: %3</source>
        <translation>die %1-Signatur lässt sich nicht mit %2 verifizieren: %3</translation>
    </message>
    <message>
        <source>the root is identical (DER) to the trust anchor %1</source>
        <translation>das Stammzertifikat ist (DER) identisch mit dem Vertrauensanker %1</translation>
    </message>
    <message>
        <source>the root %1 is not the trust anchor %2 (the DER bytes differ)</source>
        <translation>das Stammzertifikat %1 ist nicht der Vertrauensanker %2 (die DER-Bytes unterscheiden sich)</translation>
    </message>
    <message>
        <source>the root&apos;s SubjectPublicKeyInfo SHA-256 is that of Microsoft&apos;s media root (as public OPM clients check it; unconfirmed)</source>
        <translation>der SubjectPublicKeyInfo-SHA-256 des Stammzertifikats ist der des Medien-Stammzertifikats von Microsoft (wie öffentliche OPM-Clients ihn prüfen; unbestätigt)</translation>
    </message>
    <message>
        <source>the root&apos;s SubjectPublicKeyInfo SHA-256 is %1, not %2 (Microsoft&apos;s media root as public OPM clients check it; unconfirmed); pass --trust-anchor FILE to trust another root</source>
        <translation>der SubjectPublicKeyInfo-SHA-256 des Stammzertifikats ist %1, nicht %2 (Medien-Stammzertifikat von Microsoft, wie öffentliche OPM-Clients es prüfen; unbestätigt); --trust-anchor FILE angeben, um einem anderen Stammzertifikat zu vertrauen</translation>
    </message>
    <message>
        <source>not checked: x509.decode failed</source>
        <translation>nicht geprüft: x509.decode fehlgeschlagen</translation>
    </message>
    <message>
        <source>not checked: no path from a leaf to a self-signed root (x509.path failed)</source>
        <translation>nicht geprüft: kein Pfad von einem Blatt zu einem selbstsignierten Stammzertifikat (x509.path fehlgeschlagen)</translation>
    </message>
    <message>
        <source>Data/PublicKey differs from certificate %1&apos;s Signature/KeyInfo in both modulus (%2 vs %3 bytes) and exponent (%4 vs %5)</source>
        <translation>Data/PublicKey weicht von Signature/KeyInfo von Zertifikat %1 in Modulus (%2 gegen %3 Bytes) und Exponent (%4 gegen %5) ab</translation>
    </message>
    <message>
        <source>Data/PublicKey&apos;s modulus differs from certificate %1&apos;s Signature/KeyInfo (%2 vs %3 bytes)</source>
        <translation>Der Modulus von Data/PublicKey weicht von Signature/KeyInfo von Zertifikat %1 ab (%2 gegen %3 Bytes)</translation>
    </message>
    <message>
        <source>Data/PublicKey&apos;s exponent differs from certificate %1&apos;s Signature/KeyInfo (%2 vs %3)</source>
        <translation>Der Exponent von Data/PublicKey weicht von Signature/KeyInfo von Zertifikat %1 ab (%2 gegen %3)</translation>
    </message>
    <message>
        <source>not checked: certificate %1 above it has no Data element to hash, so whether it is listed is unknown</source>
        <translation>nicht geprüft: Zertifikat %1 darüber hat kein Data-Element zum Hashen, daher ist unbekannt, ob es gelistet ist</translation>
    </message>
    <message>
        <source>certificate %1&apos;s public key (Data/PublicKey)</source>
        <translation>dem öffentlichen Schlüssel von Zertifikat %1 (Data/PublicKey)</translation>
    </message>
    <message>
        <source>certificate %1&apos;s Signature/KeyInfo key</source>
        <translation>dem Signature/KeyInfo-Schlüssel von Zertifikat %1</translation>
    </message>
    <message>
        <source>the trusted root key (%1)</source>
        <translation>dem Schlüssel des Vertrauensankers (%1)</translation>
    </message>
    <message>
        <source>the signature is RSASSA-PSS with SHA-256 and MGF1-SHA-256 (salt length 32); COPP signs with SHA-1 and MGF1-SHA-1, salt length 0</source>
        <translation>die Signatur ist RSASSA-PSS mit SHA-256 und MGF1-SHA-256 (Salt-Länge 32); COPP signiert mit SHA-1 und MGF1-SHA-1, Salt-Länge 0</translation>
    </message>
    <message>
        <source>the signature is RSASSA-PSS with SHA-256 and MGF1-SHA-256 (salt length 0); COPP signs with SHA-1 and MGF1-SHA-1</source>
        <translation>die Signatur ist RSASSA-PSS mit SHA-256 und MGF1-SHA-256 (Salt-Länge 0); COPP signiert mit SHA-1 und MGF1-SHA-1</translation>
    </message>
    <message>
        <source>the signature is RSASSA-PKCS1-v1_5 with SHA-1; COPP signs with RSASSA-PSS (SHA-1, MGF1-SHA-1, salt length 0)</source>
        <translation>die Signatur ist RSASSA-PKCS1-v1_5 mit SHA-1; COPP signiert mit RSASSA-PSS (SHA-1, MGF1-SHA-1, Salt-Länge 0)</translation>
    </message>
    <message>
        <source>DigestValue is SHA-256 of the exact Data bytes: the signer used SHA-256 where COPP uses SHA-1</source>
        <translation>DigestValue ist der SHA-256 der exakten Data-Bytes: der Unterzeichner hat SHA-256 verwendet, wo COPP SHA-1 verwendet</translation>
    </message>
    <message>
        <source>a valid RSASSA-PSS SHA-1 signature by the KeyInfo key, but with salt length %1; COPP requires salt length 0</source>
        <translation>eine gültige RSASSA-PSS-SHA-1-Signatur des KeyInfo-Schlüssels, aber mit Salt-Länge %1; COPP verlangt Salt-Länge 0</translation>
    </message>
    <message>
        <source>the signature verifies with %1, not with this certificate&apos;s Signature/KeyInfo key</source>
        <translation>die Signatur lässt sich mit %1 prüfen, nicht mit dem Signature/KeyInfo-Schlüssel dieses Zertifikats</translation>
    </message>
    <message>
        <source>Likely cause (proven):</source>
        <translation>Wahrscheinliche Ursache (nachgewiesen):</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
    <message>
        <source>%1: bytes %2 of the file</source>
        <translation>%1: Bytes %2 der Datei</translation>
    </message>
    <message>
        <source>the signer hashed the Data bytes with LF line endings; the file has CRLF (CR bytes: %1): its line endings were changed after signing</source>
        <translation>der Unterzeichner hat die Data-Bytes mit LF-Zeilenenden gehasht; die Datei hat CRLF (CR-Bytes: %1): ihre Zeilenenden wurden nach dem Signieren geändert</translation>
    </message>
    <message>
        <source>the signer hashed the Data bytes with CRLF line endings; the file has LF (line ends: %1): its line endings were changed after signing</source>
        <translation>der Unterzeichner hat die Data-Bytes mit CRLF-Zeilenenden gehasht; die Datei hat LF (Zeilenenden: %1): ihre Zeilenenden wurden nach dem Signieren geändert</translation>
    </message>
    <message>
        <source>the signer hashed the characters themselves where the file has character references (%1; the first: %2 for %3): the XML was re-serialised after signing</source>
        <translation>der Unterzeichner hat die Zeichen selbst gehasht, wo die Datei Zeichenreferenzen hat (%1; die erste: %2 für %3): das XML wurde nach dem Signieren neu serialisiert</translation>
    </message>
    <message>
        <source>the signer hashed the Data bytes with the other quote character (&apos; or &quot;) around its attribute values (%1): the XML was re-serialised after signing</source>
        <translation>der Unterzeichner hat die Data-Bytes mit dem anderen Anführungszeichen (&apos; oder &quot;) um die Attributwerte gehasht (%1): das XML wurde nach dem Signieren neu serialisiert</translation>
    </message>
    <message>
        <source>the signer hashed the Data bytes with the whitespace inside tags as Canonical XML writes it (places that differ: %1): the XML was re-serialised after signing</source>
        <translation>der Unterzeichner hat die Data-Bytes mit dem Leerraum in Tags gehasht, wie Canonical XML ihn schreibt (abweichende Stellen: %1): das XML wurde nach dem Signieren neu serialisiert</translation>
    </message>
    <message>
        <source>the signer hashed only the %1 bytes between the Data start tag and its end tag, not the tags themselves</source>
        <translation>der Unterzeichner hat nur die %1 Bytes zwischen Start- und End-Tag von Data gehasht, nicht die Tags selbst</translation>
    </message>
    <message>
        <source>the signer hashed the Data start tag without its namespace declarations (%1)</source>
        <translation>der Unterzeichner hat das Start-Tag von Data ohne seine Namensraumdeklarationen gehasht (%1)</translation>
    </message>
    <message>
        <source>the signer hashed the Data element as Canonical XML writes a document subset: with every namespace declaration in scope on its start tag (%1)</source>
        <translation>der Unterzeichner hat das Data-Element so gehasht, wie Canonical XML eine Dokumentteilmenge schreibt: mit jeder gültigen Namensraumdeklaration auf seinem Start-Tag (%1)</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>bei %1</translation>
    </message>
    <message>
        <source>, … (%1 in all)</source>
        <translation>, … (%1 insgesamt)</translation>
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
    <message>
        <source>input size (bytes)</source>
        <translation>Eingabegröße (Bytes)</translation>
    </message>
    <message>
        <source>encoding</source>
        <translation>Kodierung</translation>
    </message>
    <message>
        <source>certificates</source>
        <translation>Zertifikate</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>possible leaf</source>
        <translation>mögliches Blattzertifikat</translation>
    </message>
    <message>
        <source>certificate whose issuer is missing</source>
        <translation>Zertifikat mit fehlendem Aussteller</translation>
    </message>
    <message>
        <source>certificate not on the path</source>
        <translation>Zertifikat nicht auf dem Pfad</translation>
    </message>
    <message>
        <source>path length</source>
        <translation>Pfadlänge</translation>
    </message>
    <message>
        <source>certificate on the path</source>
        <translation>Zertifikat auf dem Pfad</translation>
    </message>
    <message>
        <source>validation time</source>
        <translation>Validierungszeitpunkt</translation>
    </message>
    <message>
        <source>not before</source>
        <translation>nicht vor</translation>
    </message>
    <message>
        <source>not after</source>
        <translation>nicht nach</translation>
    </message>
    <message>
        <source>public key algorithm</source>
        <translation>Algorithmus des öffentlichen Schlüssels</translation>
    </message>
    <message>
        <source>expected key size (bits)</source>
        <translation>erwartete Schlüssellänge (Bit)</translation>
    </message>
    <message>
        <source>SPKI SHA-256</source>
        <translation>SPKI-SHA-256</translation>
    </message>
    <message>
        <source>basicConstraints cA</source>
        <translation>basicConstraints cA</translation>
    </message>
    <message>
        <source>keyUsage keyCertSign</source>
        <translation>keyUsage keyCertSign</translation>
    </message>
    <message>
        <source>signature algorithm</source>
        <translation>Signaturalgorithmus</translation>
    </message>
    <message>
        <source>signer</source>
        <translation>Unterzeichner</translation>
    </message>
    <message>
        <source>signer&apos;s SPKI SHA-256</source>
        <translation>SPKI-SHA-256 des Unterzeichners</translation>
    </message>
    <message>
        <source>signer&apos;s certificate</source>
        <translation>Zertifikat des Unterzeichners</translation>
    </message>
    <message>
        <source>trust anchor</source>
        <translation>Vertrauensanker</translation>
    </message>
    <message>
        <source>root certificate</source>
        <translation>Stammzertifikat</translation>
    </message>
    <message>
        <source>expected certificate SHA-256</source>
        <translation>erwarteter Zertifikat-SHA-256</translation>
    </message>
    <message>
        <source>actual certificate SHA-256</source>
        <translation>tatsächlicher Zertifikat-SHA-256</translation>
    </message>
    <message>
        <source>expected SPKI SHA-256</source>
        <translation>erwarteter SPKI-SHA-256</translation>
    </message>
    <message>
        <source>actual SPKI SHA-256</source>
        <translation>tatsächlicher SPKI-SHA-256</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>not DER</source>
        <translation>kein DER</translation>
    </message>
    <message>
        <source>the key the signature verifies with</source>
        <translation>der Schlüssel, mit dem sich die Signatur prüfen lässt</translation>
    </message>
    <message>
        <source>CR byte the signer did not hash</source>
        <translation>CR-Byte, das der Unterzeichner nicht gehasht hat</translation>
    </message>
    <message>
        <source>line end the signer hashed as CRLF</source>
        <translation>Zeilenende, das der Unterzeichner als CRLF gehasht hat</translation>
    </message>
    <message>
        <source>character reference (the signer hashed the character)</source>
        <translation>Zeichenreferenz (der Unterzeichner hat das Zeichen gehasht)</translation>
    </message>
    <message>
        <source>quote character (the signer hashed the other one)</source>
        <translation>Anführungszeichen (der Unterzeichner hat das andere gehasht)</translation>
    </message>
    <message>
        <source>whitespace inside a tag (the signer hashed it as Canonical XML writes it)</source>
        <translation>Leerraum in einem Tag (der Unterzeichner hat ihn gehasht, wie Canonical XML ihn schreibt)</translation>
    </message>
    <message>
        <source>tag the signer did not hash</source>
        <translation>Tag, das der Unterzeichner nicht gehasht hat</translation>
    </message>
    <message>
        <source>namespace declaration the signer did not hash</source>
        <translation>Namensraumdeklaration, die der Unterzeichner nicht gehasht hat</translation>
    </message>
    <message>
        <source>namespace declaration the signer hashed on the Data start tag</source>
        <translation>Namensraumdeklaration, die der Unterzeichner auf dem Start-Tag von Data gehasht hat</translation>
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
    <message>
        <source>X.509 decoding</source>
        <translation>X.509-Dekodierung</translation>
    </message>
    <message>
        <source>The bytes are a PKCS #7 certificates-only bundle or X.509 certificates (DER or PEM), and every certificate parses.</source>
        <translation>Die Bytes sind ein reines PKCS #7-Zertifikatsbündel oder X.509-Zertifikate (DER oder PEM), und jedes Zertifikat ist lesbar.</translation>
    </message>
    <message>
        <source>Certification path</source>
        <translation>Zertifizierungspfad</translation>
    </message>
    <message>
        <source>Exactly one certificate issued no other (the leaf); a path from it by issuer name reaches a self-signed root without loops, and every certificate is on it.</source>
        <translation>Genau ein Zertifikat hat kein anderes ausgestellt (das Blatt); ein Pfad von dort über die Ausstellernamen erreicht ohne Schleifen ein selbstsigniertes Stammzertifikat, und jedes Zertifikat liegt auf ihm.</translation>
    </message>
    <message>
        <source>Validity period</source>
        <translation>Gültigkeitszeitraum</translation>
    </message>
    <message>
        <source>The validation time lies within the certificate&apos;s notBefore and notAfter.</source>
        <translation>Der Validierungszeitpunkt liegt zwischen notBefore und notAfter des Zertifikats.</translation>
    </message>
    <message>
        <source>RSA key size</source>
        <translation>RSA-Schlüssellänge</translation>
    </message>
    <message>
        <source>The public key is RSA: exactly 2048 bits for the leaf, at least 2048 bits for issuers.</source>
        <translation>Der öffentliche Schlüssel ist RSA: genau 2048 Bit für das Blattzertifikat, mindestens 2048 Bit für Aussteller.</translation>
    </message>
    <message>
        <source>Certificate authority</source>
        <translation>Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>An issuing certificate has basicConstraints cA = TRUE and, when keyUsage is present, keyCertSign.</source>
        <translation>Ein ausstellendes Zertifikat hat basicConstraints cA = TRUE und, falls keyUsage vorhanden ist, keyCertSign.</translation>
    </message>
    <message>
        <source>X.509 signature</source>
        <translation>X.509-Signatur</translation>
    </message>
    <message>
        <source>The certificate&apos;s signature verifies with the public key of the next certificate on the path (the root: its own key).</source>
        <translation>Die Signatur des Zertifikats lässt sich mit dem öffentlichen Schlüssel des nächsten Zertifikats auf dem Pfad verifizieren (beim Stammzertifikat: mit dem eigenen Schlüssel).</translation>
    </message>
    <message>
        <source>Trust anchor</source>
        <translation>Vertrauensanker</translation>
    </message>
    <message>
        <source>The root equals the --trust-anchor certificate or, without it, the SHA-256 of its SubjectPublicKeyInfo is that of Microsoft&apos;s media root (unconfirmed).</source>
        <translation>Das Stammzertifikat entspricht dem --trust-anchor-Zertifikat oder, ohne diese Option, ist der SHA-256 seiner SubjectPublicKeyInfo der des Medien-Stammzertifikats von Microsoft (unbestätigt).</translation>
    </message>
</context>
<context>
    <name>copp::validation::TrustRoot</name>
    <message>
        <source>Microsoft COPP root key</source>
        <translation>Microsoft-COPP-Stammschlüssel</translation>
    </message>
    <message>
        <source>test root of the built-in emulator</source>
        <translation>Test-Stammschlüssel des eingebauten Emulators</translation>
    </message>
    <message>
        <source>test root %1</source>
        <translation>Test-Stammschlüssel %1</translation>
    </message>
    <message>
        <source>Microsoft media root by SPKI SHA-256 %1 (unconfirmed)</source>
        <translation>Microsoft-Medienstamm nach SPKI-SHA-256 %1 (unbestätigt)</translation>
    </message>
</context>
<context>
    <name>main</name>
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
    <message>
        <source>Inspect COPP certificate chains and run COPP sessions.</source>
        <translation>COPP-Zertifikatsketten untersuchen und COPP-Sitzungen ausführen.</translation>
    </message>
    <message>
        <source>Start a session at once: emulator, exec:COMMAND or replay:FILE.</source>
        <translation>Sofort eine Sitzung starten: emulator, exec:BEFEHL oder replay:DATEI.</translation>
    </message>
    <message>
        <source>Built-in emulator: play this scenario (a name or a JSON file).</source>
        <translation>Eingebauter Emulator: dieses Szenario abspielen (ein Name oder eine JSON-Datei).</translation>
    </message>
    <message>
        <source>Built-in emulator: inject a fault. Repeatable.</source>
        <translation>Eingebauter Emulator: einen Fehler einspeisen. Wiederholbar.</translation>
    </message>
    <message>
        <source>Set this protection level at the start, e.g. hdcp=1. Repeatable.</source>
        <translation>Diese Schutzstufe beim Start setzen, z. B. hdcp=1. Wiederholbar.</translation>
    </message>
    <message>
        <source>Open the presenter view.</source>
        <translation>Die Präsentationsansicht öffnen.</translation>
    </message>
    <message>
        <source>--protect %1: expected TYPE=LEVEL, e.g. hdcp=1</source>
        <translation>--protect %1: erwartet TYPE=LEVEL, z. B. hdcp=1</translation>
    </message>
    <message>
        <source>Built-in emulator: a COPP device (copp) or an OPM output (opm).</source>
        <translation>Eingebauter Emulator: ein COPP-Gerät (copp) oder ein OPM-Ausgang (opm).</translation>
    </message>
    <message>
        <source>Built-in emulator: the OPM output&apos;s semantics (default: the interface&apos;s).</source>
        <translation>Eingebauter Emulator: Semantik des OPM-Ausgangs (Standard: die der Schnittstelle).</translation>
    </message>
    <message>
        <source>--interface copp|opm with --semantics copp|opm (the COPP interface has COPP semantics only)</source>
        <translation>--interface copp|opm mit --semantics copp|opm (die COPP-Schnittstelle hat nur COPP-Semantik)</translation>
    </message>
</context>
</TS>

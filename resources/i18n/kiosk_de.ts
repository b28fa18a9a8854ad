<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Kiosk</source>
        <translation>Über Kiosk</translation>
    </message>
    <message>
        <source>Kiosk icon</source>
        <translation>Kiosk-Symbol</translation>
    </message>
    <message>
        <source>Kiosk %1</source>
        <translation>Kiosk %1</translation>
    </message>
    <message>
        <source>Kiosk version</source>
        <translation>Kiosk-Version</translation>
    </message>
    <message>
        <source>Event check-in for registration desks and self-service kiosks.</source>
        <translation>Gäste-Check-in für Veranstaltungen – am Empfang und an Self-Service-Kiosken.</translation>
    </message>
    <message>
        <source>Not written to a file (the log directory could not be used).</source>
        <translation>Wird nicht in eine Datei geschrieben (der Protokollordner ist nicht nutzbar).</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Protokolldatei</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>Protokolldatei:</translation>
    </message>
    <message>
        <source>Application id:</source>
        <translation>Anwendungs-ID:</translation>
    </message>
    <message>
        <source>Runs on:</source>
        <translation>Läuft auf:</translation>
    </message>
    <message>
        <source>Copy log path</source>
        <translation>Protokollpfad kopieren</translation>
    </message>
    <message>
        <source>Copy the log file&apos;s path</source>
        <translation>Pfad der Protokolldatei kopieren</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Protokollordner öffnen</translation>
    </message>
    <message>
        <source>Open the folder with the log files</source>
        <translation>Ordner mit den Protokolldateien öffnen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close About</source>
        <translation>Info-Fenster schließen</translation>
    </message>
</context>
<context>
    <name>CardView</name>
    <message numerus="yes">
        <source>Party of %n</source>
        <extracomment>A key this soon after the one before came with it: a scanner&apos;s burst, not a decision.</extracomment>
        <translation>
            <numerusform>%n Person</numerusform>
            <numerusform>%n Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
</context>
<context>
    <name>ChangesDialog</name>
    <message>
        <source>Kiosk — changes made on this kiosk</source>
        <translation>Kiosk — Änderungen an diesem Kiosk</translation>
    </message>
    <message>
        <source>Changes made on this kiosk</source>
        <translation>Änderungen an diesem Kiosk</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>All changes</source>
        <translation>Alle Änderungen</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Erfordert Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Wartet auf Versand</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren …</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>need attention</source>
        <translation>erfordern Aufmerksamkeit</translation>
    </message>
    <message>
        <source>replaced by a later change</source>
        <translation>durch eine spätere Änderung ersetzt</translation>
    </message>
    <message>
        <source>discarded</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <source>Nothing is pending or lost.</source>
        <translation>Nichts ist offen oder verloren.</translation>
    </message>
    <message>
        <source>Some changes are not on the platform yet.</source>
        <translation>Einige Änderungen sind noch nicht auf der Plattform.</translation>
    </message>
    <message>
        <source>Export changes as CSV</source>
        <translation>Änderungen als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 changes written to %2</source>
        <translation>%1 Änderungen in %2 geschrieben</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Platform&apos;s message</source>
        <translation>Meldung der Plattform</translation>
    </message>
</context>
<context>
    <name>ChoosePage</name>
    <message>
        <source>Which one is you?</source>
        <translation>Wer davon sind Sie?</translation>
    </message>
    <message>
        <source>Tap your name.</source>
        <translation>Tippen Sie auf Ihren Namen.</translation>
    </message>
    <message>
        <source>None of these</source>
        <translation>Keiner davon</translation>
    </message>
    <message>
        <source>None of these is me</source>
        <translation>Keiner davon bin ich</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <source>Is this you?</source>
        <translation>Sind Sie das?</translation>
    </message>
    <message>
        <source>✓  Yes, check me in</source>
        <translation>✓  Ja, einchecken</translation>
    </message>
    <message>
        <source>Yes, check me in</source>
        <translation>Ja, einchecken</translation>
    </message>
    <message>
        <source>No, that&apos;s not me</source>
        <translation>Nein, das bin ich nicht</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Kiosk hit a problem</source>
        <translation>Kiosk ist auf ein Problem gestoßen</translation>
    </message>
    <message>
        <source>Something unexpected went wrong, but Kiosk is still running.</source>
        <translation>Etwas Unerwartetes ist schiefgegangen, aber Kiosk läuft weiter.</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Diese Meldung schließen</translation>
    </message>
    <message>
        <source>Check-ins saved on this kiosk are kept and will still be sent.</source>
        <translation>Auf diesem Kiosk gespeicherte Check-ins bleiben erhalten und werden noch gesendet.</translation>
    </message>
    <message>
        <source>If it happens again, restart Kiosk and give its log file to whoever set it up:</source>
        <translation>Wenn es wieder passiert, starten Sie Kiosk neu und geben Sie die Protokolldatei der Person, die ihn eingerichtet hat:</translation>
    </message>
    <message>
        <source>(the log could not be written to a file; it went to the console)</source>
        <translation>(das Protokoll konnte nicht in eine Datei geschrieben werden; es ging an die Konsole)</translation>
    </message>
    <message>
        <source>This has happened %1 times.</source>
        <translation>Das ist schon %1-mal passiert.</translation>
    </message>
</context>
<context>
    <name>DeskLock</name>
    <message>
        <source>Back to self-service</source>
        <extracomment>What counts as staff using the desk (restarts its countdown).</extracomment>
        <translation>Zurück zum Self-Check-in</translation>
    </message>
    <message>
        <source>Lock the desk and show the guests&apos; screen (Ctrl+Shift+K)</source>
        <translation>Empfang sperren und den Gästebildschirm zeigen (Strg+Umschalt+K)</translation>
    </message>
    <message>
        <source>Self-service</source>
        <translation>Self-Check-in</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <source>Please see the staff desk</source>
        <translation>Bitte wenden Sie sich an den Empfang</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Noch einmal versuchen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Done, back to the start</source>
        <translation>Fertig, zurück zum Anfang</translation>
    </message>
    <message>
        <source>Your reference for the staff desk:</source>
        <translation>Ihre Referenz für den Empfang:</translation>
    </message>
    <message>
        <source>Reference %1</source>
        <translation>Referenz %1</translation>
    </message>
    <message>
        <source>You were checked in at %1. If that wasn&apos;t you, the staff desk will help.</source>
        <translation>Sie wurden um %1 eingecheckt. Falls Sie das nicht waren, hilft Ihnen der Empfang.</translation>
    </message>
    <message>
        <source>If that wasn&apos;t you, the staff desk will help.</source>
        <translation>Falls Sie das nicht waren, hilft Ihnen der Empfang.</translation>
    </message>
    <message>
        <source>You&apos;re already checked in</source>
        <translation>Sie sind bereits eingecheckt</translation>
    </message>
    <message>
        <source>Our list says you declined this invitation. The staff desk will sort it out.</source>
        <translation>Laut unserer Liste haben Sie diese Einladung abgesagt. Der Empfang klärt das gern.</translation>
    </message>
    <message>
        <source>Your registration needs a quick check by a member of staff.</source>
        <translation>Ihre Anmeldung muss kurz vom Personal geprüft werden.</translation>
    </message>
    <message>
        <source>We don&apos;t recognise this ticket. Try typing your last name, or see the staff desk.</source>
        <translation>Dieses Ticket kennen wir nicht. Geben Sie Ihren Nachnamen ein oder wenden Sie sich an den Empfang.</translation>
    </message>
    <message>
        <source>We couldn&apos;t find that name. Check the spelling and try again, or see the staff desk.</source>
        <translation>Diesen Namen haben wir nicht gefunden. Prüfen Sie die Schreibweise und versuchen Sie es noch einmal, oder wenden Sie sich an den Empfang.</translation>
    </message>
    <message>
        <source>We couldn&apos;t tell who you are from that. The staff desk will find you quickly.</source>
        <translation>Damit können wir Sie leider nicht eindeutig finden. Am Empfang geht es ganz schnell.</translation>
    </message>
    <message>
        <source>Your registration was just changed at another desk. The staff desk will help.</source>
        <translation>Ihre Anmeldung wurde gerade an einem anderen Platz geändert. Der Empfang hilft Ihnen.</translation>
    </message>
    <message>
        <source>This kiosk can&apos;t check you in right now. The staff desk will do it.</source>
        <translation>Dieser Kiosk kann Sie gerade nicht einchecken. Das erledigt der Empfang.</translation>
    </message>
    <message>
        <source>A member of staff will check you in at the desk.</source>
        <translation>Am Empfang checkt Sie jemand vom Personal ein.</translation>
    </message>
    <message>
        <source>This kiosk takes a short break from names. Scan your ticket, or the staff desk will check you in.</source>
        <translation>Dieser Kiosk sucht kurz nicht nach Namen. Scannen Sie Ihr Ticket, oder der Empfang checkt Sie ein.</translation>
    </message>
    <message>
        <source>Ticket not recognised</source>
        <translation>Ticket nicht erkannt</translation>
    </message>
    <message>
        <source>Name not found</source>
        <translation>Name nicht gefunden</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Success</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>You&apos;re checked in, %1!</source>
        <translation>Sie sind eingecheckt, %1!</translation>
    </message>
    <message numerus="yes">
        <source>Welcome to you and your %n guest(s).</source>
        <translation>
            <numerusform>Herzlich willkommen – mit %n Begleitperson.</numerusform>
            <numerusform>Herzlich willkommen – mit %n Begleitpersonen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Please go ahead. Enjoy the event!</source>
        <translation>Bitte gehen Sie weiter. Viel Freude bei der Veranstaltung!</translation>
    </message>
    <message>
        <source>This screen returns to the start by itself.</source>
        <translation>Dieser Bildschirm kehrt von selbst zum Anfang zurück.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Done, back to the start</source>
        <translation>Fertig, zurück zum Anfang</translation>
    </message>
</context>
<context>
    <name>FactorPage</name>
    <message>
        <source>One more question</source>
        <translation>Noch eine Frage</translation>
    </message>
    <message>
        <source>Tap the first letter of your first name.</source>
        <translation>Tippen Sie auf den ersten Buchstaben Ihres Vornamens.</translation>
    </message>
    <message>
        <source>First letter of your first name</source>
        <translation>Erster Buchstabe Ihres Vornamens</translation>
    </message>
    <message>
        <source>Please tap one letter.</source>
        <translation>Bitte tippen Sie auf einen Buchstaben.</translation>
    </message>
    <message>
        <source>Type the first three letters of your email address.</source>
        <translation>Geben Sie die ersten drei Zeichen Ihrer E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>Start of your email address</source>
        <translation>Anfang Ihrer E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Please type at least 3 characters.</source>
        <translation>Bitte geben Sie mindestens 3 Zeichen ein.</translation>
    </message>
    <message>
        <source>No message</source>
        <translation>Keine Meldung</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Neu beginnen</translation>
    </message>
</context>
<context>
    <name>GuestDetails</name>
    <message>
        <source>Guest details</source>
        <translation>Gastdetails</translation>
    </message>
    <message>
        <source>Guest name</source>
        <translation>Name des Gastes</translation>
    </message>
    <message>
        <source>Current status</source>
        <translation>Aktueller Status</translation>
    </message>
    <message>
        <source>How old this view is</source>
        <translation>Wie alt diese Ansicht ist</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>Ticketart</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <source>More from the platform</source>
        <translation>Weitere Angaben der Plattform</translation>
    </message>
    <message>
        <source>Find a guest by name, email or ticket</source>
        <translation>Gast nach Name, E-Mail oder Ticket suchen</translation>
    </message>
    <message>
        <source>just the guest</source>
        <translation>nur der Gast</translation>
    </message>
    <message>
        <source>%1 people (guest + %2)</source>
        <translation>%1 Personen (Gast + %2)</translation>
    </message>
    <message>
        <source>%1 %2 at another desk or on %3</source>
        <translation>%1 %2 an einem anderen Platz oder in %3</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message numerus="yes">
        <source>as of %n s ago</source>
        <translation>
            <numerusform>Stand vor %n s</numerusform>
            <numerusform>Stand vor %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>as of %n min ago</source>
        <translation>
            <numerusform>Stand vor %n Min.</numerusform>
            <numerusform>Stand vor %n Min.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuestTableModel</name>
    <message>
        <source>Name</source>
        <extracomment>The roles the table answers; Qt asks each cell for seven or more (font, alignment, colours, check state...) at every paint, and every other one is Qt&apos;s default.</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
</context>
<context>
    <name>LoadProgress</name>
    <message>
        <source>Guests loaded so far</source>
        <translation>Bisher geladene Gäste</translation>
    </message>
    <message>
        <source>Loading guests: %1 of %2</source>
        <translation>Gäste werden geladen: %1 von %2</translation>
    </message>
    <message>
        <source>Loading guests: %1</source>
        <translation>Gäste werden geladen: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kiosk — check-in</source>
        <extracomment>How long after the selection moves the guest pane follows: well under what a person notices, and long enough that the list&apos;s repaint has happened in between.</extracomment>
        <translation>Kiosk — Check-in</translation>
    </message>
    <message>
        <source>Kiosk check-in</source>
        <translation>Kiosk-Check-in</translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation>Verbindungsproblem</translation>
    </message>
    <message>
        <source>Try again now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Try to reach the platform again</source>
        <translation>Erneut versuchen, die Plattform zu erreichen</translation>
    </message>
    <message>
        <source>Search guests</source>
        <translation>Gäste suchen</translation>
    </message>
    <message>
        <source>Type a name, email or ticket code, or scan a ticket</source>
        <translation>Name, E-Mail oder Ticketcode eingeben oder Ticket scannen</translation>
    </message>
    <message>
        <source>Check in on scan</source>
        <translation>Beim Scannen einchecken</translation>
    </message>
    <message>
        <source>Check a guest in as soon as their ticket is scanned</source>
        <translation>Gast einchecken, sobald sein Ticket gescannt ist</translation>
    </message>
    <message>
        <source>Scan result</source>
        <translation>Scan-Ergebnis</translation>
    </message>
    <message>
        <source>Matching guests</source>
        <translation>Passende Gäste</translation>
    </message>
    <message>
        <source>event %1 (not loaded yet)</source>
        <translation>Veranstaltung %1 (noch nicht geladen)</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Changes not yet delivered</source>
        <translation>Noch nicht zugestellte Änderungen</translation>
    </message>
    <message>
        <source>Changes that need attention</source>
        <translation>Änderungen, die Aufmerksamkeit erfordern</translation>
    </message>
    <message>
        <source>Changes…</source>
        <translation>Änderungen …</translation>
    </message>
    <message>
        <source>Changes made on this kiosk</source>
        <translation>Änderungen an diesem Kiosk</translation>
    </message>
    <message>
        <source>Every change made here, with its outcome (Ctrl+L)</source>
        <translation>Alle hier gemachten Änderungen mit Ergebnis (Strg+L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Kiosk</source>
        <translation>Ü&amp;ber Kiosk</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <source>Scanned %1 while a message is open: answer or close it, then scan again.</source>
        <translation>%1 gescannt, während eine Meldung offen ist: Beantworten oder schließen Sie sie und scannen Sie dann erneut.</translation>
    </message>
    <message>
        <source>Scanned again: %1. Nothing was changed.</source>
        <translation>Erneut gescannt: %1. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Unknown code: %1. No guest of this event has it. Check that the ticket is for this event, or search by name.</source>
        <translation>Unbekannter Code: %1. Kein Gast dieser Veranstaltung hat ihn. Prüfen Sie, ob das Ticket für diese Veranstaltung gilt, oder suchen Sie nach dem Namen.</translation>
    </message>
    <message>
        <source>%1 guests have this code: pick one.</source>
        <translation>%1 Gäste haben diesen Code: Wählen Sie einen aus.</translation>
    </message>
    <message>
        <source>✓ %1 checked in.</source>
        <translation>✓ %1 eingecheckt.</translation>
    </message>
    <message>
        <source>%1 is already checked in.</source>
        <translation>%1 ist bereits eingecheckt.</translation>
    </message>
    <message>
        <source>Found %1.</source>
        <translation>Gefunden: %1.</translation>
    </message>
    <message>
        <source>Showing the best %1 matches: type more to narrow them down.</source>
        <translation>Die %1 besten Treffer: tippen Sie weiter, um sie einzugrenzen.</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 guests, A to Z: type a name, email or ticket code to find anyone.</source>
        <translation>Die ersten %1 von %2 Gästen, A bis Z: Name, E-Mail oder Ticketcode eingeben, um jeden zu finden.</translation>
    </message>
    <message>
        <source>guests</source>
        <translation>Gäste</translation>
    </message>
    <message>
        <source>Kiosk — %1</source>
        <translation>Kiosk — %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Key refused</source>
        <translation>Schlüssel abgelehnt</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Can&apos;t reach %1. Changes are kept on this kiosk and sent when it answers again.</source>
        <translation>%1 ist nicht erreichbar. Änderungen bleiben auf diesem Kiosk und werden gesendet, sobald die Plattform wieder antwortet.</translation>
    </message>
    <message>
        <source>%1 refused the API key. Ask an organiser to check it.</source>
        <translation>%1 hat den API-Schlüssel abgelehnt. Bitten Sie das Organisationsteam, ihn zu prüfen.</translation>
    </message>
    <message>
        <source>%1 reported a problem.</source>
        <translation>%1 meldet ein Problem.</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Kiosk — changed elsewhere</source>
        <translation>Kiosk — anderswo geändert</translation>
    </message>
    <message>
        <source>%1 was set to “%2” %3 at another desk or on the platform.</source>
        <translation>%1 wurde %3 an einem anderen Platz oder auf der Plattform auf „%2“ gesetzt.</translation>
    </message>
    <message>
        <source>Set “%1” anyway?</source>
        <translation>Trotzdem „%1“ setzen?</translation>
    </message>
    <message>
        <source>Set anyway</source>
        <translation>Trotzdem setzen</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Deren Stand behalten</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>weniger als eine Minute</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>an hour</source>
        <translation>pro Stunde</translation>
    </message>
    <message>
        <source>a minute</source>
        <translation>pro Minute</translation>
    </message>
    <message>
        <source>every %1 s</source>
        <translation>alle %1 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 allows %2 calls %3: %4, about %5</source>
        <translation>%1 erlaubt %2 Aufrufe %3: %4, etwa %5</translation>
    </message>
    <message>
        <source>✓ All changes delivered</source>
        <translation>✓ Alle Änderungen zugestellt</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n Änderung wartet</numerusform>
            <numerusform>%n Änderungen warten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, oldest %2</source>
        <translation>%1, die älteste seit %2</translation>
    </message>
    <message>
        <source>⚠ %1 need attention</source>
        <translation>⚠ %1 erfordern Aufmerksamkeit</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>On-screen keyboard</source>
        <extracomment>Letter rows by layout; Czech and German keyboards swap Y and Z. The smallest key: touch targets are at least 48 px; a finger wants more.</extracomment>
        <translation>Bildschirmtastatur</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Leerzeichen</translation>
    </message>
    <message>
        <source>Delete the last letter</source>
        <translation>Letzten Buchstaben löschen</translation>
    </message>
    <message>
        <source>Hyphen</source>
        <translation>Bindestrich</translation>
    </message>
    <message>
        <source>Apostrophe</source>
        <translation>Apostroph</translation>
    </message>
    <message>
        <source>Dot</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>Underscore</source>
        <translation>Unterstrich</translation>
    </message>
    <message>
        <source>At sign</source>
        <translation>At-Zeichen</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>PIN pad</source>
        <translation>PIN-Tastatur</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Letzte Ziffer löschen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Check the PIN</source>
        <translation>PIN prüfen</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <source>No message</source>
        <translation>Keine Meldung</translation>
    </message>
    <message>
        <source>Staff only</source>
        <translation>Nur für Personal</translation>
    </message>
    <message>
        <source>Enter the staff PIN.</source>
        <translation>Geben Sie die Personal-PIN ein.</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>Personal-PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel, back to the guests</source>
        <translation>Abbrechen, zurück zu den Gästen</translation>
    </message>
</context>
<context>
    <name>SelfServiceWindow</name>
    <message>
        <source>Kiosk — self-service check-in</source>
        <translation>Kiosk — Self-Check-in</translation>
    </message>
    <message>
        <source>Self-service check-in</source>
        <translation>Self-Check-in</translation>
    </message>
    <message>
        <source>Check-in steps</source>
        <translation>Check-in-Schritte</translation>
    </message>
    <message>
        <source>Need help? Ask a member of staff.</source>
        <translation>Brauchen Sie Hilfe? Fragen Sie unser Personal.</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>For staff: opens the PIN pad</source>
        <translation>Für das Personal: öffnet die PIN-Eingabe</translation>
    </message>
    <message>
        <source>Event: %1</source>
        <translation>Veranstaltung: %1</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n more tries before a pause.</source>
        <translation>
            <numerusform>Falsche PIN. Noch %n Versuch vor einer Pause.</numerusform>
            <numerusform>Falsche PIN. Noch %n Versuche vor einer Pause.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong tries. Try again in %n seconds.</source>
        <translation>
            <numerusform>Zu viele Fehlversuche. Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Zu viele Fehlversuche. Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Kiosk — set up</source>
        <translation>Kiosk — Einrichtung</translation>
    </message>
    <message>
        <source>Kiosk set-up</source>
        <translation>Kiosk-Einrichtung</translation>
    </message>
    <message>
        <source>Connect Kiosk to your event platform</source>
        <translation>Verbinden Sie Kiosk mit Ihrer Veranstaltungsplattform</translation>
    </message>
    <message>
        <source>Enter the details from your platform&apos;s API settings and press Connect to test them. The API key is kept in this computer&apos;s keyring, never in a file.</source>
        <translation>Geben Sie die Daten aus den API-Einstellungen Ihrer Plattform ein und drücken Sie „Verbinden“, um sie zu testen. Der API-Schlüssel liegt im Schlüsselbund dieses Computers, nie in einer Datei.</translation>
    </message>
    <message>
        <source>About this set-up</source>
        <translation>Über diese Einrichtung</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>&amp;Plattform</translation>
    </message>
    <message>
        <source>API &amp;address</source>
        <translation>API-&amp;Adresse</translation>
    </message>
    <message>
        <source>your sheepCRM database name</source>
        <translation>Name Ihrer sheepCRM-Datenbank</translation>
    </message>
    <message>
        <source>&amp;Bucket</source>
        <translation>&amp;Bucket</translation>
    </message>
    <message>
        <source>paste the key here</source>
        <translation>Schlüssel hier einfügen</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>API-Schl&amp;üssel</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Connect and load the events</source>
        <translation>Verbinden und Veranstaltungen laden</translation>
    </message>
    <message>
        <source>Connection test</source>
        <translation>Verbindungstest</translation>
    </message>
    <message>
        <source>&amp;Event</source>
        <translation>Veranstal&amp;tung</translation>
    </message>
    <message>
        <source>Press Connect to load the events from your platform.</source>
        <translation>Drücken Sie „Verbinden“, um die Veranstaltungen Ihrer Plattform zu laden.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Save and start</source>
        <translation>&amp;Speichern und starten</translation>
    </message>
    <message>
        <source>Save the settings and start Kiosk</source>
        <translation>Einstellungen speichern und Kiosk starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the set-up</source>
        <translation>Einrichtung abbrechen</translation>
    </message>
    <message>
        <source>Problem with %1</source>
        <translation>Problem mit %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Speichere …</translation>
    </message>
    <message>
        <source>no date given</source>
        <translation>ohne Datum</translation>
    </message>
    <message>
        <source>✓ Connected: 1 event found.</source>
        <translation>✓ Verbunden: 1 Veranstaltung gefunden.</translation>
    </message>
    <message>
        <source>✓ Connected: %1 events found.</source>
        <translation>✓ Verbunden: %1 Veranstaltungen gefunden.</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>Continue without a stored key</source>
        <translation>Ohne gespeicherten Schlüssel weiter</translation>
    </message>
</context>
<context>
    <name>SetupViewModel</name>
    <message>
        <source>Enter the address of the %1 API, for example %2.</source>
        <translation>Geben Sie die Adresse der %1-API ein, zum Beispiel %2.</translation>
    </message>
    <message>
        <source>Enter the API key from your %1 account settings.</source>
        <translation>Geben Sie den API-Schlüssel aus Ihren %1-Kontoeinstellungen ein.</translation>
    </message>
    <message>
        <source>%1 lists no events for this key. Create the event there, then press Connect again.</source>
        <translation>%1 zeigt für diesen Schlüssel keine Veranstaltungen. Legen Sie die Veranstaltung dort an und drücken Sie dann erneut „Verbinden“.</translation>
    </message>
    <message>
        <source>%1 refused this API key. Check that the whole key was copied and that it is allowed to read events.</source>
        <translation>%1 hat diesen API-Schlüssel abgelehnt. Prüfen Sie, ob der ganze Schlüssel kopiert wurde und ob er Veranstaltungen lesen darf.</translation>
    </message>
    <message>
        <source>sheepCRM found no bucket “%1” for this key. Check the bucket name (your sheepCRM database name), then the key.</source>
        <translation>sheepCRM hat für diesen Schlüssel keinen Bucket „%1“ gefunden. Prüfen Sie den Bucket-Namen (den Namen Ihrer sheepCRM-Datenbank), dann den Schlüssel.</translation>
    </message>
    <message>
        <source>Leave out the “/v1” at the end: Kiosk adds it. The address ends in /api.</source>
        <translation>Lassen Sie das „/v1“ am Ende weg: Kiosk ergänzt es. Die Adresse endet auf /api.</translation>
    </message>
    <message>
        <source>The server at this address did not answer like the %1 API. Check the address.</source>
        <translation>Der Server unter dieser Adresse hat nicht wie die %1-API geantwortet. Prüfen Sie die Adresse.</translation>
    </message>
    <message>
        <source>%1 asks Kiosk to slow down. Wait a minute, then press Connect again.</source>
        <translation>%1 bittet Kiosk, langsamer zu machen. Warten Sie eine Minute und drücken Sie dann erneut „Verbinden“.</translation>
    </message>
    <message>
        <source>Kiosk cannot reach %1 at this address. Check the address and the network.</source>
        <translation>Kiosk erreicht %1 unter dieser Adresse nicht. Prüfen Sie die Adresse und das Netzwerk.</translation>
    </message>
    <message>
        <source>Press Connect to test these settings first.</source>
        <translation>Drücken Sie zuerst „Verbinden“, um diese Einstellungen zu testen.</translation>
    </message>
    <message>
        <source>Choose the event to check guests in to.</source>
        <translation>Wählen Sie die Veranstaltung, für die Gäste eingecheckt werden.</translation>
    </message>
    <message>
        <source>Settings saved, but the API key could not be stored: this computer has no usable keyring. Set the environment variable %1 to the key before starting Kiosk.</source>
        <extracomment>The fields a problem can point at (``Profile`` names, plus the key). Stands in for the event while checking the rest: it is chosen only after connecting. The translation context of every message here (the set-up dialog&apos;s view-model). Opens a backend for a (not yet validated for its event) profile and key, and closes its HTTP client on exit. Only ``list_events`` is called on it. Said when the profile was written but no keyring could keep the key.</extracomment>
        <translation>Einstellungen gespeichert, aber der API-Schlüssel konnte nicht abgelegt werden: Dieser Computer hat keinen nutzbaren Schlüsselbund. Setzen Sie vor dem Start von Kiosk die Umgebungsvariable %1 auf den Schlüssel.</translation>
    </message>
    <message>
        <source>Kiosk could not save its settings to %1 (%2).</source>
        <translation>Kiosk konnte seine Einstellungen nicht in %1 speichern (%2).</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Staff menu</source>
        <translation>Personalmenü</translation>
    </message>
    <message>
        <source>Guests can&apos;t see this menu without the PIN.</source>
        <translation>Gäste sehen dieses Menü ohne PIN nicht.</translation>
    </message>
    <message>
        <source>Back to self-service</source>
        <translation>Zurück zum Self-Check-in</translation>
    </message>
    <message>
        <source>Open desk mode</source>
        <translation>Empfangsmodus öffnen</translation>
    </message>
    <message>
        <source>Quit Kiosk</source>
        <translation>Kiosk beenden</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>Töne</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>Große Schrift</translation>
    </message>
</context>
<context>
    <name>StatusPicker</name>
    <message>
        <source>Set status</source>
        <translation>Status setzen</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Strg+%1</translation>
    </message>
    <message>
        <source>Statuses this platform cannot set</source>
        <translation>Status, die diese Plattform nicht setzen kann</translation>
    </message>
    <message>
        <source>Current status</source>
        <translation>Aktueller Status</translation>
    </message>
</context>
<context>
    <name>StorageBanner</name>
    <message>
        <source>Changes cannot be saved</source>
        <translation>Änderungen können nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Kiosk cannot write to %1: the disk is full. Changes made now cannot be saved.</source>
        <translation>Kiosk kann nicht in %1 schreiben: Der Datenträger ist voll. Änderungen, die jetzt gemacht werden, können nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Kiosk cannot write to %1: it is read-only. Changes made now cannot be saved.</source>
        <translation>Kiosk kann nicht in %1 schreiben: Es ist schreibgeschützt. Änderungen, die jetzt gemacht werden, können nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Kiosk cannot write to %1 (%2). Changes made now cannot be saved.</source>
        <translation>Kiosk kann nicht in %1 schreiben (%2). Änderungen, die jetzt gemacht werden, können nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>Delivery to the platform</source>
        <extracomment>The most characters of one value the pane shows; the rest is in its tooltip. The most &quot;key: value&quot; lines of what else the platform says about a guest. A view of a guest older than this is said to be so (&quot;as of 40 s ago&quot;): refreshes are paced to the platform&apos;s quota, and the person picking should know.</extracomment>
        <translation>Zustellung an die Plattform</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Retry sending this change</source>
        <translation>Diese Änderung erneut senden</translation>
    </message>
    <message>
        <source>No change made on this kiosk yet.</source>
        <translation>Noch keine Änderung an diesem Kiosk.</translation>
    </message>
    <message>
        <source>◷ “%1” saved on this kiosk; sending to %2…</source>
        <translation>◷ „%1“ auf diesem Kiosk gespeichert; wird an %2 gesendet …</translation>
    </message>
    <message>
        <source>◷ “%1” saved on this kiosk; will retry %2: %3</source>
        <translation>◷ „%1“ auf diesem Kiosk gespeichert; erneuter Versuch bei %2: %3</translation>
    </message>
    <message>
        <source>⇅ “%1” sent to %2, waiting for its answer…</source>
        <translation>⇅ „%1“ an %2 gesendet, warte auf Antwort …</translation>
    </message>
    <message>
        <source>✓ “%1” synced with %2 at %4</source>
        <translation>✓ „%1“ um %4 mit %2 abgeglichen</translation>
    </message>
    <message>
        <source>⚠ %2 refused “%1”: %3. The previous status is kept.</source>
        <translation>⚠ %2 hat „%1“ abgelehnt: %3. Der vorherige Status bleibt.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Please type at least 3 letters of your last name.</source>
        <translation>Bitte geben Sie mindestens 3 Buchstaben Ihres Nachnamens ein.</translation>
    </message>
    <message>
        <source>Sorry about that. Try again, or ask a member of staff.</source>
        <translation>Das tut uns leid. Versuchen Sie es noch einmal oder fragen Sie unser Personal.</translation>
    </message>
    <message>
        <source>One moment: the guest list is still loading.</source>
        <translation>Einen Moment: Die Gästeliste wird noch geladen.</translation>
    </message>
    <message>
        <source>No message</source>
        <translation>Keine Meldung</translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation>Willkommen!</translation>
    </message>
    <message>
        <source>Scan your ticket or type your last name</source>
        <translation>Scannen Sie Ihr Ticket oder geben Sie Ihren Nachnamen ein</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Your last name or ticket code</source>
        <translation>Ihr Nachname oder Ticketcode</translation>
    </message>
    <message>
        <source>Type at least 3 letters of your last name, then press Enter.</source>
        <translation>Geben Sie mindestens 3 Buchstaben Ihres Nachnamens ein und drücken Sie die Eingabetaste.</translation>
    </message>
    <message>
        <source>Find me</source>
        <translation>Mich finden</translation>
    </message>
</context>
<context>
    <name>outcome</name>
    <message>
        <source>Waiting to send</source>
        <translation>Wartet auf Versand</translation>
    </message>
    <message>
        <source>✓ Delivered</source>
        <translation>✓ Zugestellt</translation>
    </message>
    <message>
        <source>⚠ Needs attention</source>
        <translation>⚠ Erfordert Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Replaced by a later change</source>
        <translation>Durch eine spätere Änderung ersetzt</translation>
    </message>
    <message>
        <source>Discarded by staff</source>
        <translation>Vom Personal verworfen</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>Invited</source>
        <translation>Eingeladen</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Zugesagt</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Anwesend</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No-Show</translation>
    </message>
</context>
<context>
    <name>time</name>
    <message>
        <source>d MMM HH:mm</source>
        <extracomment>A Qt date format (d: day, MMM: month name, M: month number, HH:mm: time): a time on another day than today, in the changes list and the guest details.</extracomment>
        <translation>d. MMM HH:mm</translation>
    </message>
    <message>
        <source>d MMM</source>
        <extracomment>A Qt date format (d: day, MMM: month name, M: month number): the day of a check-in on another day than today, beside the status (&quot;Attended 19 Nov&quot;).</extracomment>
        <translation>d. MMM</translation>
    </message>
</context>
</TS>

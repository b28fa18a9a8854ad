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
    <name>ArrivalsChart</name>
    <message>
        <source>Arrivals per 10 minutes: %1 in the last two hours</source>
        <extracomment>Ticket types shown in the table; the rest are summed up in one row.</extracomment>
        <translation>Ankünfte je 10 Minuten: %1 in den letzten zwei Stunden</translation>
    </message>
</context>
<context>
    <name>BadgeDesk</name>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Print on check-in</source>
        <translation>Beim Einchecken drucken</translation>
    </message>
    <message>
        <source>Print a badge when a guest is checked in</source>
        <translation>Ein Namensschild drucken, wenn ein Gast eincheckt</translation>
    </message>
    <message>
        <source>Badges…</source>
        <translation>Namensschilder…</translation>
    </message>
    <message>
        <source>Kiosk — badge</source>
        <translation>Kiosk — Namensschild</translation>
    </message>
    <message>
        <source>A badge for %1 was printed already. Print another?</source>
        <translation>Für %1 wurde schon ein Namensschild gedruckt. Noch eines drucken?</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>Noch einmal drucken</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The badge for %1 did not print: %2. The check-in stands.</source>
        <translation>Das Namensschild für %1 wurde nicht gedruckt: %2. Der Check-in bleibt bestehen.</translation>
    </message>
    <message>
        <source>Reprint badge</source>
        <translation>Namensschild erneut drucken</translation>
    </message>
    <message>
        <source>Print badge</source>
        <translation>Namensschild drucken</translation>
    </message>
</context>
<context>
    <name>BadgeSettingsDialog</name>
    <message>
        <source>Kiosk — badges</source>
        <translation>Kiosk — Namensschilder</translation>
    </message>
    <message>
        <source>A printer, or a file ending in .pdf</source>
        <translation>Ein Drucker oder eine Datei mit der Endung .pdf</translation>
    </message>
    <message>
        <source>Printer:</source>
        <translation>Drucker:</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Etikett:</translation>
    </message>
    <message>
        <source>Built-in template</source>
        <translation>Eingebaute Vorlage</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>Print badge on check-in</source>
        <translation>Namensschild beim Einchecken drucken</translation>
    </message>
    <message>
        <source>Badge preview</source>
        <translation>Vorschau des Namensschilds</translation>
    </message>
    <message>
        <source>Your event</source>
        <translation>Ihre Veranstaltung</translation>
    </message>
    <message>
        <source>Badge template</source>
        <translation>Vorlage für Namensschilder</translation>
    </message>
    <message>
        <source>Badge templates (*.toml)</source>
        <translation>Vorlagen für Namensschilder (*.toml)</translation>
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
        <source>Which changes the list shows</source>
        <translation>Welche Änderungen die Liste zeigt</translation>
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
        <source>Double-click a change to open its guest</source>
        <translation>Doppelklick auf eine Änderung öffnet ihren Gast</translation>
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
        <source>undone before sending</source>
        <translation>vor dem Senden zurückgenommen</translation>
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
    <message>
        <source>and the numbers summary to %1</source>
        <translation>und die Zahlenübersicht nach %1</translation>
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
        <source>From</source>
        <translation>Von</translation>
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
    <name>DeskFinding</name>
    <message>
        <source>No guest matches “%1”.</source>
        <translation>Kein Gast passt zu „%1“.</translation>
    </message>
    <message>
        <source>No guest matches these filters.</source>
        <translation>Kein Gast passt zu diesen Filtern.</translation>
    </message>
    <message>
        <source>Filters are on: “All guests (no filter)” clears them.</source>
        <translation>Filter sind aktiv: „Alle Gäste (kein Filter)“ hebt sie auf.</translation>
    </message>
    <message>
        <source>%1 at the kiosk: %2</source>
        <translation>%1 am Kiosk: %2</translation>
    </message>
    <message>
        <source>%1 guests share this reference: pick one.</source>
        <translation>%1 Gäste haben diese Referenz: einen auswählen.</translation>
    </message>
    <message>
        <source>the guest</source>
        <translation>der Gast</translation>
    </message>
    <message>
        <source>%1 had declined the invitation, so it could not check them in.</source>
        <translation>%1 hatte abgesagt, daher konnte der Kiosk nicht einchecken.</translation>
    </message>
    <message>
        <source>%1 was already checked in.</source>
        <translation>%1 war schon eingecheckt.</translation>
    </message>
    <message>
        <source>%1 has a status the kiosk may not check in.</source>
        <translation>%1 hat einen Status, den der Kiosk nicht einchecken darf.</translation>
    </message>
    <message>
        <source>%1 had just been changed at another desk or on the platform.</source>
        <translation>%1 wurde gerade an einem anderen Schalter oder auf der Plattform geändert.</translation>
    </message>
    <message>
        <source>the check-in of %1 could not be saved there.</source>
        <translation>der Check-in von %1 konnte dort nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>%1 found themselves by name and needs staff; their status is shown here.</source>
        <translation>%1 hat sich per Name gefunden und braucht Personal; der Status steht hier.</translation>
    </message>
    <message>
        <source>a ticket code no guest of this event has. Ask for the ticket, or search by name.</source>
        <translation>ein Ticketcode, den kein Gast dieser Veranstaltung hat. Nach dem Ticket fragen oder per Name suchen.</translation>
    </message>
    <message>
        <source>no guest had the name given. Ask for the name as booked, or the email.</source>
        <translation>kein Gast hatte den angegebenen Namen. Nach dem gebuchten Namen oder der E-Mail fragen.</translation>
    </message>
    <message>
        <source>several guests matched and it could not tell them apart. Ask for name and email.</source>
        <translation>mehrere Gäste passten und waren nicht zu unterscheiden. Nach Name und E-Mail fragen.</translation>
    </message>
    <message>
        <source>names were paused after several misses; tickets still worked.</source>
        <translation>Namen waren nach mehreren Fehlversuchen pausiert; Tickets gingen weiter.</translation>
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
    <name>DeskSpeech</name>
    <message>
        <source>No guest matches “%1”.</source>
        <extracomment>Quiet this long after the last keystroke before the number of matches is said: the count of every prefix typed would drown the person&apos;s own typing echo. The pane&apos;s signs before its words: a reader would spell them out (&quot;clock face&quot;).</extracomment>
        <translation>Kein Gast passt zu „%1“.</translation>
    </message>
    <message>
        <source>More than %1 guests match: type more.</source>
        <translation>Mehr als %1 Gäste passen: tippen Sie weiter.</translation>
    </message>
    <message numerus="yes">
        <source>%n guest(s) found.</source>
        <translation>
            <numerusform>%n Gast gefunden.</numerusform>
            <numerusform>%n Gäste gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2, %3 of %4</source>
        <translation>%1, %2, %3 von %4</translation>
    </message>
</context>
<context>
    <name>DeskToolkit</name>
    <message>
        <source>&amp;Desk</source>
        <extracomment>The numbers panel follows changes at most this often (a draining queue changes hundreds of guests a second), in milliseconds. ... and at least this often, so the pace and the chart move on with the clock.</extracomment>
        <translation>&amp;Schalter</translation>
    </message>
    <message>
        <source>Live &amp;numbers</source>
        <translation>Live-&amp;Zahlen</translation>
    </message>
    <message>
        <source>&amp;Undo the last change</source>
        <translation>Letzte Änderung &amp;rückgängig</translation>
    </message>
    <message>
        <source>Mark &amp;no-shows…</source>
        <translation>&amp;Nicht Erschienene markieren …</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Zahlen</translation>
    </message>
    <message>
        <source>Live numbers</source>
        <translation>Live-Zahlen</translation>
    </message>
    <message>
        <source>Arrived, expected and the pace (Ctrl+I)</source>
        <translation>Angekommen, erwartet und das Tempo (Strg+I)</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1: jetzt %2.</translation>
    </message>
    <message>
        <source>Nothing to undo: a change can be undone for 10 seconds.</source>
        <translation>Nichts rückgängig zu machen: eine Änderung geht 10 Sekunden lang zurückzunehmen.</translation>
    </message>
    <message>
        <source>Undone: %1 is %2 again; the change was withdrawn before it was sent.</source>
        <translation>Rückgängig: %1 ist wieder %2; die Änderung wurde vor dem Senden zurückgenommen.</translation>
    </message>
    <message>
        <source>Undone: %1 is set back to %2; that is sent to the platform too.</source>
        <translation>Rückgängig: %1 ist zurück auf %2; auch das wird an die Plattform gesendet.</translation>
    </message>
    <message>
        <source>Cannot undo: the platform cannot set %1 back to %2.</source>
        <translation>Nicht rückgängig: die Plattform kann %1 nicht auf %2 zurücksetzen.</translation>
    </message>
    <message>
        <source>Not undone: this kiosk cannot save changes right now.</source>
        <translation>Nicht rückgängig: dieser Kiosk kann gerade keine Änderungen speichern.</translation>
    </message>
    <message>
        <source>+ Walk-in</source>
        <translation>+ Ohne Einladung</translation>
    </message>
    <message>
        <source>sheepCRM&apos;s Events API (v2) has no way to add an attendee: add the guest in sheepCRM, and they appear here at the next refresh.</source>
        <translation>Die Events-API (v2) von sheepCRM kann keine Teilnehmer anlegen: Gast in sheepCRM anlegen, er erscheint hier beim nächsten Abgleich.</translation>
    </message>
    <message>
        <source>Kiosk reads a guest list file but never adds to it: add the guest to the file, and they appear here when it is saved.</source>
        <translation>Kiosk liest eine Gästelisten-Datei nur und ergänzt sie nie: Gast in die Datei eintragen, er erscheint hier nach dem Speichern.</translation>
    </message>
    <message>
        <source>%1 cannot take new guests.</source>
        <translation>%1 kann keine neuen Gäste aufnehmen.</translation>
    </message>
    <message>
        <source>Add a guest at the door (Ctrl+N)</source>
        <translation>Gast am Eingang hinzufügen (Strg+N)</translation>
    </message>
    <message>
        <source>No walk-ins here: %1</source>
        <translation>Hier keine Gäste ohne Einladung: %1</translation>
    </message>
    <message>
        <source>✓ Walk-in %1 added to %2 and checked in.</source>
        <translation>✓ Gast %1 zu %2 hinzugefügt und eingecheckt.</translation>
    </message>
    <message>
        <source>⚠ %2 refused walk-in %1: %3</source>
        <translation>⚠ %2 hat Gast %1 abgelehnt: %3</translation>
    </message>
    <message>
        <source>◷ Walk-in %1 saved on this kiosk; will retry %2: %3</source>
        <translation>◷ Gast %1 auf diesem Kiosk gespeichert; neuer Versuch bei %2: %3</translation>
    </message>
    <message>
        <source>◷ Walk-in %1 saved on this kiosk; adding to %2…</source>
        <translation>◷ Gast %1 auf diesem Kiosk gespeichert; wird zu %2 hinzugefügt…</translation>
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
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Neu beginnen</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Filters</source>
        <extracomment>A column picked from the menu&apos;s &quot;Order&quot; (the keyboard&apos;s way to a heading&apos;s tap).</extracomment>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>★ VIP only</source>
        <translation>★ Nur VIP</translation>
    </message>
    <message>
        <source>Changed at this desk</source>
        <translation>An diesem Schalter geändert</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>Ticketart</translation>
    </message>
    <message>
        <source>Order by</source>
        <translation>Sortieren nach</translation>
    </message>
    <message>
        <source>Name</source>
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
        <source>All guests (no filter)</source>
        <translation>Alle Gäste (kein Filter)</translation>
    </message>
    <message>
        <source>Any ticket type</source>
        <translation>Jede Ticketart</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>changed here</source>
        <translation>hier geändert</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Show only some guests</source>
        <translation>Nur einige Gäste zeigen</translation>
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
        <source>On the platform</source>
        <translation>Auf der Plattform</translation>
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
    <name>KioskBadges</name>
    <message>
        <source>Your badge is printing.</source>
        <translation>Ihr Namensschild wird gedruckt.</translation>
    </message>
    <message>
        <source>Your badge could not be printed. Please see the staff desk for it.</source>
        <translation>Ihr Namensschild konnte nicht gedruckt werden. Bitte holen Sie es am Empfang ab.</translation>
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
        <source>Check-in</source>
        <extracomment>How long after the selection moves the guest pane follows: well under what a person notices, and long enough that the list&apos;s repaint has happened in between.</extracomment>
        <translation>Check-in</translation>
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
        <source>Fix the key…</source>
        <translation>Schlüssel korrigieren …</translation>
    </message>
    <message>
        <source>Fix the API key in Settings</source>
        <translation>API-Schlüssel in den Einstellungen korrigieren</translation>
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
        <source>Guest list refreshes</source>
        <translation>Aktualisierung der Gästeliste</translation>
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
        <source>%1 refused the API key: fix it in Settings (Ctrl+,).</source>
        <translation>%1 hat den API-Schlüssel abgelehnt: Korrigieren Sie ihn in den Einstellungen (Strg+,).</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <extracomment>Kiosk → Settings… or Ctrl+, (and &quot;Fix the key…&quot; on the wrong-key banner): the app opens the Settings dialog (it knows the profile).</extracomment>
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
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Kiosk</source>
        <translation>&amp;Kiosk</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
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
        <source>%1 declined: check them in?</source>
        <translation>%1 hat abgesagt: trotzdem einchecken?</translation>
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
        <source>Status</source>
        <translation>Status</translation>
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
        <source>List every %1</source>
        <translation>Liste alle %1</translation>
    </message>
    <message>
        <source>The guest list is %1 MB: it is refreshed every %2 to keep within %3 MB an hour (bandwidth in the profile).</source>
        <translation>Die Gästeliste ist %1 MB groß: Sie wird alle %2 aktualisiert, um unter %3 MB pro Stunde zu bleiben (Bandbreite im Profil).</translation>
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
    <message>
        <source>Kiosk — declined guest</source>
        <translation>Kiosk — abgesagter Gast</translation>
    </message>
    <message>
        <source>%1 declined the invitation.</source>
        <translation>%1 hat die Einladung abgesagt.</translation>
    </message>
    <message>
        <source>Check them in anyway?</source>
        <translation>Trotzdem einchecken?</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Einchecken</translation>
    </message>
    <message>
        <source>Don&apos;t check in</source>
        <translation>Nicht einchecken</translation>
    </message>
    <message>
        <source>Settings not saved to %1: %2</source>
        <translation>Einstellungen nicht in %1 gespeichert: %2</translation>
    </message>
</context>
<context>
    <name>NumbersPanel</name>
    <message>
        <source>Kiosk — live numbers</source>
        <translation>Kiosk — Live-Zahlen</translation>
    </message>
    <message>
        <source>Live numbers</source>
        <translation>Live-Zahlen</translation>
    </message>
    <message>
        <source>Arrivals per 10 minutes (darker: this desk)</source>
        <translation>Ankünfte je 10 Minuten (dunkler: dieser Schalter)</translation>
    </message>
    <message>
        <source>Numbers by ticket type</source>
        <translation>Zahlen nach Ticketart</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>Ticketart</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Angekommen</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Mark no-shows…</source>
        <translation>Nicht Erschienene markieren …</translation>
    </message>
    <message>
        <source>End of the event: mark the accepted guests who did not come as no-show</source>
        <translation>Ende der Veranstaltung: zugesagte Gäste, die nicht kamen, als nicht erschienen markieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>%1 arrived · %2 expected · %3 guests</source>
        <translation>%1 angekommen · %2 erwartet · %3 Gäste</translation>
    </message>
    <message>
        <source>This desk checked in %1; all desks %2. Pace: %3 an hour (last 30 min).</source>
        <translation>Dieser Schalter hat %1 eingecheckt, alle Schalter %2. Tempo: %3 pro Stunde (letzte 30 Min.).</translation>
    </message>
    <message>
        <source>Mark %1 no-shows…</source>
        <translation>%1 als nicht erschienen markieren …</translation>
    </message>
    <message>
        <source>No accepted guest is still to come.</source>
        <translation>Kein zugesagter Gast steht mehr aus.</translation>
    </message>
    <message numerus="yes">
        <source>%n accepted guest(s) not arrived yet; no arrivals in the last 30 minutes.</source>
        <translation>
            <numerusform>%n zugesagter Gast noch nicht da; keine Ankünfte in den letzten 30 Minuten.</numerusform>
            <numerusform>%n zugesagte Gäste noch nicht da; keine Ankünfte in den letzten 30 Minuten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accepted guest(s) not arrived yet: at this pace they clear by %1.</source>
        <translation>
            <numerusform>%n zugesagter Gast noch nicht da: bei diesem Tempo sind alle bis %1 da.</numerusform>
            <numerusform>%n zugesagte Gäste noch nicht da: bei diesem Tempo sind alle bis %1 da.</numerusform>
        </translation>
    </message>
    <message>
        <source>(no type)</source>
        <translation>(ohne Art)</translation>
    </message>
    <message>
        <source>%1 other types</source>
        <translation>%1 weitere Arten</translation>
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
    <name>PartyPanel</name>
    <message>
        <source>Party</source>
        <extracomment>The most rows of one booking listed with a box each; more are rare and go by name. A row&apos;s height: a finger&apos;s width, and three rows still fit a short pane.</extracomment>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>How many of the party are in now</source>
        <translation>Wie viele der Gruppe jetzt drinnen sind</translation>
    </message>
    <message>
        <source>Check in this many</source>
        <translation>So viele einchecken</translation>
    </message>
    <message>
        <source>Check in the ticked ones</source>
        <translation>Angehakte einchecken</translation>
    </message>
    <message>
        <source>Party of %1: %2 of %1 in</source>
        <translation>Gruppe von %1: %2 von %1 drinnen</translation>
    </message>
    <message>
        <source>(booked)</source>
        <translation>(gebucht)</translation>
    </message>
</context>
<context>
    <name>PinField</name>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>%n Ziffer eingegeben</numerusform>
            <numerusform>%n Ziffern eingegeben</numerusform>
        </translation>
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
    <name>PrintsSection</name>
    <message>
        <source>Badges printed on this desk: %1</source>
        <translation>An diesem Platz gedruckte Namensschilder: %1</translation>
    </message>
    <message>
        <source>sent to %1</source>
        <translation>an %1 gesendet</translation>
    </message>
    <message>
        <source>not printed: %1</source>
        <translation>nicht gedruckt: %1</translation>
    </message>
    <message>
        <source>printing…</source>
        <translation>wird gedruckt…</translation>
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
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Kiosk settings</source>
        <translation>Kiosk-Einstellungen</translation>
    </message>
    <message>
        <source>Event and platform</source>
        <translation>Veranstaltung und Plattform</translation>
    </message>
    <message>
        <source>Change event, platform or &amp;key…</source>
        <translation>Veranstaltung, Plattform oder &amp;Schlüssel ändern …</translation>
    </message>
    <message>
        <source>Change event, platform or key</source>
        <translation>Veranstaltung, Plattform oder Schlüssel ändern</translation>
    </message>
    <message>
        <source>This desk</source>
        <translation>Dieser Platz</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Fetch the guest list every</source>
        <translation>Gästeliste laden alle</translation>
    </message>
    <message>
        <source>Check in on scan</source>
        <translation>Beim Scannen einchecken</translation>
    </message>
    <message>
        <source>Self-service kiosk</source>
        <translation>Selbstbedienungs-Kiosk</translation>
    </message>
    <message>
        <source>Start in self-service mode</source>
        <translation>Im Selbstbedienungsmodus starten</translation>
    </message>
    <message>
        <source>Set a staff PIN first: kiosk --set-pin</source>
        <translation>Zuerst eine Personal-PIN festlegen: kiosk --set-pin</translation>
    </message>
    <message>
        <source>Start again when untouched for</source>
        <translation>Zurücksetzen nach</translation>
    </message>
    <message>
        <source>Start language</source>
        <translation>Startsprache</translation>
    </message>
    <message>
        <source>e.g. Badges at table 2</source>
        <translation>z. B. Schilder an Tisch 2</translation>
    </message>
    <message>
        <source>Next step for guests</source>
        <translation>Nächster Schritt</translation>
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
    <message>
        <source>Saving restarts the desk inside Kiosk to apply these.</source>
        <translation>Beim Speichern startet der Platz in Kiosk neu, um dies zu übernehmen.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Nothing here is kept: the demo and a guest list file have no profile.</source>
        <translation>Hier wird nichts gespeichert: Die Demo und eine Gästelisten-Datei haben kein Profil.</translation>
    </message>
    <message>
        <source>The demo or a guest list file: no platform to change.</source>
        <translation>Die Demo oder eine Gästelisten-Datei: keine Plattform zu ändern.</translation>
    </message>
    <message>
        <source>Platform: %1</source>
        <translation>Plattform: %1</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Adresse: %1</translation>
    </message>
    <message>
        <source>Bucket: %1</source>
        <translation>Bucket: %1</translation>
    </message>
    <message>
        <source>Event: %1</source>
        <translation>Veranstaltung: %1</translation>
    </message>
</context>
<context>
    <name>SetupCheck</name>
    <message>
        <source>C&amp;heck connection</source>
        <translation>Verbindung p&amp;rüfen</translation>
    </message>
    <message>
        <source>Check everything Kiosk needs from this account and event</source>
        <translation>Alles prüfen, was Kiosk von diesem Konto und dieser Veranstaltung braucht</translation>
    </message>
    <message>
        <source>What the check found</source>
        <translation>Was die Prüfung ergab</translation>
    </message>
    <message>
        <source>✗ The desk cannot work with this account: see below.</source>
        <translation>✗ Mit diesem Konto kann der Empfang nicht arbeiten: siehe unten.</translation>
    </message>
    <message>
        <source>✓ The desk can work, with warnings: see below.</source>
        <translation>✓ Der Empfang kann arbeiten, mit Warnungen: siehe unten.</translation>
    </message>
    <message>
        <source>✓ The desk can work.</source>
        <translation>✓ Der Empfang kann arbeiten.</translation>
    </message>
    <message>
        <source>Put these lines in the profile:</source>
        <translation>Diese Zeilen gehören in das Profil:</translation>
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
        <source>Enter the details from your platform&apos;s API settings and press Connect to test them. The API key goes to this computer&apos;s keyring; where there is none, Kiosk asks before keeping it anywhere else.</source>
        <translation>Geben Sie die Angaben aus den API-Einstellungen Ihrer Plattform ein und drücken Sie „Verbinden“, um sie zu testen. Der API-Schlüssel kommt in den Schlüsselbund dieses Computers; gibt es keinen, fragt Kiosk, bevor er ihn anderswo aufbewahrt.</translation>
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
        <source>&amp;Keep it in that file</source>
        <translation>In dieser Datei &amp;aufbewahren</translation>
    </message>
    <message>
        <source>Keep the API key in a private file</source>
        <translation>API-Schlüssel in einer privaten Datei aufbewahren</translation>
    </message>
    <message>
        <source>This &amp;time only</source>
        <translation>Nur &amp;dieses Mal</translation>
    </message>
    <message>
        <source>Use the API key this time only</source>
        <translation>API-Schlüssel nur dieses Mal verwenden</translation>
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
        <source>Settings saved. This computer has no usable keyring for the API key: Kiosk can keep it in %2, readable only by your user account, so that it starts next time. Or use it this time only, and set %1 to the key before each start.</source>
        <extracomment>The fields a problem can point at (``Profile`` names, plus the key). Stands in for the event while checking the rest: it is chosen only after connecting. The translation context of every message here (the set-up dialog&apos;s view-model). Opens a backend for a (not yet validated for its event) profile and key, and closes its HTTP client on exit. Only ``list_events`` is called on it. Said when the profile was written but no keyring could keep the key.</extracomment>
        <translation>Einstellungen gespeichert. Dieser Computer hat keinen nutzbaren Schlüsselbund für den API-Schlüssel: Kiosk kann ihn in %2 aufbewahren, lesbar nur für Ihr Benutzerkonto, damit er beim nächsten Mal startet. Oder verwenden Sie ihn nur dieses Mal und setzen Sie vor jedem Start %1 auf den Schlüssel.</translation>
    </message>
    <message>
        <source>Choose the event to check guests in to.</source>
        <translation>Wählen Sie die Veranstaltung, für die Gäste eingecheckt werden.</translation>
    </message>
    <message>
        <source>Kiosk could not save its settings to %1 (%2).</source>
        <translation>Kiosk konnte seine Einstellungen nicht in %1 speichern (%2).</translation>
    </message>
</context>
<context>
    <name>ShortcutsHelp</name>
    <message>
        <source>Type a name, email or ticket code to find a guest</source>
        <translation>Name, E-Mail oder Ticketcode eingeben, um einen Gast zu finden</translation>
    </message>
    <message>
        <source>Scan a ticket anywhere in the window to open it</source>
        <translation>Ein Ticket irgendwo im Fenster scannen, um es zu öffnen</translation>
    </message>
    <message>
        <source>Move through the results</source>
        <translation>Durch die Ergebnisse gehen</translation>
    </message>
    <message>
        <source>Open the selected guest</source>
        <translation>Ausgewählten Gast öffnen</translation>
    </message>
    <message>
        <source>Set Invited</source>
        <translation>Eingeladen setzen</translation>
    </message>
    <message>
        <source>Set Accepted</source>
        <translation>Zugesagt setzen</translation>
    </message>
    <message>
        <source>Set Declined</source>
        <translation>Abgesagt setzen</translation>
    </message>
    <message>
        <source>Set Attended (check in)</source>
        <translation>Anwesend setzen (einchecken)</translation>
    </message>
    <message>
        <source>Set No-show</source>
        <translation>No-Show setzen</translation>
    </message>
    <message>
        <source>Clear the search; no guest is chosen</source>
        <translation>Suche leeren; kein Gast ist gewählt</translation>
    </message>
    <message>
        <source>Back to the search</source>
        <translation>Zurück zur Suche</translation>
    </message>
    <message>
        <source>Changes made on this kiosk</source>
        <translation>Änderungen an diesem Kiosk</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>These keyboard shortcuts</source>
        <translation>Diese Tastenkürzel</translation>
    </message>
    <message>
        <source>About Kiosk</source>
        <translation>Über Kiosk</translation>
    </message>
    <message>
        <source>Quit (changes not yet sent are kept)</source>
        <translation>Beenden (noch nicht gesendete Änderungen bleiben erhalten)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Was sie tun</translation>
    </message>
    <message>
        <source>(any key)</source>
        <translation>(beliebige Tasten)</translation>
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
        <source>Set status of %1</source>
        <translation>Status von %1 setzen</translation>
    </message>
    <message>
        <source>Current status of %1</source>
        <translation>Aktueller Status von %1</translation>
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
    <name>SweepDialog</name>
    <message>
        <source>Kiosk — end of the event</source>
        <extracomment>Guests listed in the preview; the rest are counted.</extracomment>
        <translation>Kiosk — Ende der Veranstaltung</translation>
    </message>
    <message>
        <source>Guests who would be marked no-show</source>
        <translation>Gäste, die als nicht erschienen markiert würden</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>Personal-PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>Mark the %n accepted guest(s) who did not come as no-show</source>
        <translation>
            <numerusform>Den %n zugesagten Gast, der nicht kam, als nicht erschienen markieren</numerusform>
            <numerusform>Die %n zugesagten Gäste, die nicht kamen, als nicht erschienen markieren</numerusform>
        </translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>Each is saved on this kiosk first and sent at the platform&apos;s pace; offline, they wait and go when it answers. They show in the Changes list and the export. Cancel withdraws what is not sent yet.</source>
        <translation>Jede Änderung wird zuerst auf diesem Kiosk gespeichert und im Tempo der Plattform gesendet; offline wartet sie, bis die Plattform antwortet. Sie stehen in der Änderungsliste und im Export. Abbrechen nimmt zurück, was noch nicht gesendet ist.</translation>
    </message>
    <message numerus="yes">
        <source>Mark %n as no-show</source>
        <translation>
            <numerusform>%n als nicht erschienen markieren</numerusform>
            <numerusform>%n als nicht erschienen markieren</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 keeps no no-show state: once the event has ended it shows the accepted guests who did not check in as no-show by itself. Nothing to send.</source>
        <translation>%1 kennt keinen Status „nicht erschienen“: nach dem Ende der Veranstaltung zeigt es zugesagte Gäste ohne Check-in selbst so an. Nichts zu senden.</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again in %1 s.</source>
        <translation>Falsche PIN. Erneut versuchen in %1 s.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Falsche PIN.</translation>
    </message>
    <message>
        <source>Stop and withdraw the rest</source>
        <translation>Anhalten, Rest zurücknehmen</translation>
    </message>
    <message>
        <source>%1 of %2 sent · %3 waiting · %4 need attention</source>
        <translation>%1 von %2 gesendet · %3 wartend · %4 erfordern Aufmerksamkeit</translation>
    </message>
    <message>
        <source>%1 skipped (changed meanwhile)</source>
        <translation>%1 übersprungen (inzwischen geändert)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Stopped: %1 withdrawn before they were sent.</source>
        <translation>Angehalten: %1 vor dem Senden zurückgenommen.</translation>
    </message>
    <message>
        <source>Done. The no-shows are in the Changes list and the export.</source>
        <translation>Fertig. Die nicht Erschienenen stehen in der Änderungsliste und im Export.</translation>
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
    <name>UndoToast</name>
    <message>
        <source>Last change</source>
        <extracomment>How long a toast without a button (an undo&apos;s outcome) stays, in milliseconds.</extracomment>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Letzte Änderung rückgängig machen</translation>
    </message>
    <message>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>Letzte Änderung rückgängig machen (Strg+Z)</translation>
    </message>
    <message>
        <source>Undo (%1)</source>
        <translation>Rückgängig (%1)</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Add a walk-in</source>
        <extracomment>The largest party one walk-in brings (the sandbox&apos;s Attendu takes up to 20).</extracomment>
        <translation>Gast ohne Einladung hinzufügen</translation>
    </message>
    <message>
        <source>The guest is added to %1 and checked in. Saved on this kiosk first.</source>
        <translation>Der Gast wird zu %1 hinzugefügt und eingecheckt. Zuerst auf diesem Kiosk gespeichert.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Email (optional)</source>
        <translation>E-Mail (optional)</translation>
    </message>
    <message>
        <source>People, the guest included</source>
        <translation>Personen, der Gast eingeschlossen</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Add and check in</source>
        <translation>Hinzufügen und einchecken</translation>
    </message>
    <message>
        <source>A walk-in needs a first and a last name.</source>
        <translation>Ein Gast ohne Einladung braucht Vor- und Nachnamen.</translation>
    </message>
    <message>
        <source>That is not an email address: leave it empty if the guest has none.</source>
        <translation>Das ist keine E-Mail-Adresse: leer lassen, wenn der Gast keine hat.</translation>
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
    <name>badges</name>
    <message>
        <source>printer “%1” is not found</source>
        <translation>Drucker „%1“ wurde nicht gefunden</translation>
    </message>
    <message>
        <source>printer “%1” is off or stopped</source>
        <translation>Drucker „%1“ ist aus oder angehalten</translation>
    </message>
    <message>
        <source>printer “%1” did not take it</source>
        <translation>Drucker „%1“ hat den Auftrag nicht angenommen</translation>
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
    <message>
        <source>Undone before it was sent</source>
        <translation>Vor dem Senden zurückgenommen</translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <source>changed elsewhere since this kiosk saved it (now %1 %2); not overwritten — Retry sends it anyway</source>
        <translation>seit dieser Kiosk sie gespeichert hat, anderswo geändert (jetzt %1 %2); nicht überschrieben — „Erneut versuchen“ sendet sie trotzdem</translation>
    </message>
    <message>
        <source>changed to %1 at another desk or on the platform after this kiosk&apos;s change was delivered; Retry sends it again</source>
        <translation>an einem anderen Platz oder auf der Plattform auf %1 geändert, nachdem die Änderung dieses Kiosks zugestellt war; „Erneut versuchen“ sendet sie noch einmal</translation>
    </message>
    <message>
        <source>This kiosk&apos;s local data file could not be read (%1). It was moved aside to %2.</source>
        <translation>Die lokale Datendatei dieses Kiosks konnte nicht gelesen werden (%1). Sie wurde nach %2 verschoben.</translation>
    </message>
    <message>
        <source>%1 undelivered changes were recovered from it and will be sent.</source>
        <translation>%1 nicht zugestellte Änderungen wurden daraus gerettet und werden gesendet.</translation>
    </message>
    <message>
        <source>No undelivered changes could be read from it; the file is kept for support.</source>
        <translation>Daraus konnten keine nicht zugestellten Änderungen gelesen werden; die Datei bleibt für den Support erhalten.</translation>
    </message>
    <message>
        <source>1 change that needs attention was kept.</source>
        <translation>1 Änderung, die Aufmerksamkeit erfordert, wurde behalten.</translation>
    </message>
    <message>
        <source>%1 changes that need attention were kept.</source>
        <translation>%1 Änderungen, die Aufmerksamkeit erfordern, wurden behalten.</translation>
    </message>
    <message>
        <source>The guest list is loaded again from the platform.</source>
        <translation>Die Gästeliste wird neu von der Plattform geladen.</translation>
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
        <extracomment>What comes before a party&apos;s size in the Name column (&quot;Åke Åberg (+2)&quot;). A Qt date format (d: day, MMM: month name, M: month number, HH:mm: time): a time on another day than today, in the changes list and the guest details.</extracomment>
        <translation>d. MMM HH:mm</translation>
    </message>
    <message>
        <source>d MMM</source>
        <extracomment>A Qt date format (d: day, MMM: month name, M: month number): the day of a check-in on another day than today, beside the status (&quot;Attended 19 Nov&quot;).</extracomment>
        <translation>d. MMM</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Clear the search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>Esc clears it too</source>
        <translation>Esc leert sie auch</translation>
    </message>
    <message>
        <source>About the list</source>
        <translation>Zur Liste</translation>
    </message>
</context>
</TS>

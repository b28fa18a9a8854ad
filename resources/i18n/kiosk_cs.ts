<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cs" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Kiosk</source>
        <translation>O aplikaci Kiosk</translation>
    </message>
    <message>
        <source>Kiosk icon</source>
        <translation>Ikona aplikace Kiosk</translation>
    </message>
    <message>
        <source>Kiosk %1</source>
        <translation>Kiosk %1</translation>
    </message>
    <message>
        <source>Kiosk version</source>
        <translation>Verze aplikace Kiosk</translation>
    </message>
    <message>
        <source>Event check-in for registration desks and self-service kiosks.</source>
        <translation>Registrace hostů na akcích – pro registrační stoly i samoobslužné kiosky.</translation>
    </message>
    <message>
        <source>Not written to a file (the log directory could not be used).</source>
        <translation>Nezapisuje se do souboru (složku pro protokoly nelze použít).</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Soubor protokolu</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>Soubor protokolu:</translation>
    </message>
    <message>
        <source>Application id:</source>
        <translation>ID aplikace:</translation>
    </message>
    <message>
        <source>Runs on:</source>
        <translation>Běží na:</translation>
    </message>
    <message>
        <source>Copy log path</source>
        <translation>Kopírovat cestu k protokolu</translation>
    </message>
    <message>
        <source>Copy the log file&apos;s path</source>
        <translation>Zkopírovat cestu k souboru protokolu</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Otevřít složku s protokoly</translation>
    </message>
    <message>
        <source>Open the folder with the log files</source>
        <translation>Otevřít složku se soubory protokolu</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zavřít</translation>
    </message>
    <message>
        <source>Close About</source>
        <translation>Zavřít informace o aplikaci</translation>
    </message>
</context>
<context>
    <name>ArrivalsChart</name>
    <message>
        <source>Arrivals per 10 minutes: %1 in the last two hours</source>
        <extracomment>Ticket types shown in the table; the rest are summed up in one row.</extracomment>
        <translation>Příchody za 10 minut: %1 za poslední dvě hodiny</translation>
    </message>
</context>
<context>
    <name>BadgeDesk</name>
    <message>
        <source>Retry</source>
        <translation>Zkusit znovu</translation>
    </message>
    <message>
        <source>Print on check-in</source>
        <translation>Tisknout při odbavení</translation>
    </message>
    <message>
        <source>Print a badge when a guest is checked in</source>
        <translation>Vytisknout jmenovku, když je host odbaven</translation>
    </message>
    <message>
        <source>Badges…</source>
        <translation>Jmenovky…</translation>
    </message>
    <message>
        <source>Kiosk — badge</source>
        <translation>Kiosk — jmenovka</translation>
    </message>
    <message>
        <source>A badge for %1 was printed already. Print another?</source>
        <translation>Jmenovka pro %1 už byla vytištěna. Vytisknout další?</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>Vytisknout znovu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Zrušit</translation>
    </message>
    <message>
        <source>The badge for %1 did not print: %2. The check-in stands.</source>
        <translation>Jmenovka pro %1 se nevytiskla: %2. Odbavení platí.</translation>
    </message>
    <message>
        <source>Reprint badge</source>
        <translation>Vytisknout jmenovku znovu</translation>
    </message>
    <message>
        <source>Print badge</source>
        <translation>Vytisknout jmenovku</translation>
    </message>
</context>
<context>
    <name>BadgeSettingsDialog</name>
    <message>
        <source>Kiosk — badges</source>
        <translation>Kiosk — jmenovky</translation>
    </message>
    <message>
        <source>A printer, or a file ending in .pdf</source>
        <translation>Tiskárna, nebo soubor s příponou .pdf</translation>
    </message>
    <message>
        <source>Printer:</source>
        <translation>Tiskárna:</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Štítek:</translation>
    </message>
    <message>
        <source>Built-in template</source>
        <translation>Vestavěná šablona</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Vybrat…</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Šablona:</translation>
    </message>
    <message>
        <source>Print badge on check-in</source>
        <translation>Tisknout jmenovku při odbavení</translation>
    </message>
    <message>
        <source>Badge preview</source>
        <translation>Náhled jmenovky</translation>
    </message>
    <message>
        <source>Your event</source>
        <translation>Vaše akce</translation>
    </message>
    <message>
        <source>Badge template</source>
        <translation>Šablona jmenovky</translation>
    </message>
    <message>
        <source>Badge templates (*.toml)</source>
        <translation>Šablony jmenovek (*.toml)</translation>
    </message>
</context>
<context>
    <name>CardView</name>
    <message numerus="yes">
        <source>Party of %n</source>
        <extracomment>A key this soon after the one before came with it: a scanner&apos;s burst, not a decision.</extracomment>
        <translation>
            <numerusform>%n osoba</numerusform>
            <numerusform>%n osoby</numerusform>
            <numerusform>%n osob</numerusform>
        </translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Host</translation>
    </message>
</context>
<context>
    <name>ChangesDialog</name>
    <message>
        <source>Kiosk — changes made on this kiosk</source>
        <translation>Kiosk — změny provedené na tomto kiosku</translation>
    </message>
    <message>
        <source>Changes made on this kiosk</source>
        <translation>Změny provedené na tomto kiosku</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Souhrn</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Zobrazit</translation>
    </message>
    <message>
        <source>Which changes the list shows</source>
        <translation>Které změny seznam ukazuje</translation>
    </message>
    <message>
        <source>All changes</source>
        <translation>Všechny změny</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Vyžaduje pozornost</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Čeká na odeslání</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Změny</translation>
    </message>
    <message>
        <source>Double-click a change to open its guest</source>
        <translation>Dvojklikem na změnu otevřete jejího hosta</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Odeslat znovu</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Zahodit</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportovat CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zavřít</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>doručeno</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>čeká</translation>
    </message>
    <message>
        <source>need attention</source>
        <translation>vyžaduje pozornost</translation>
    </message>
    <message>
        <source>replaced by a later change</source>
        <translation>nahrazeno pozdější změnou</translation>
    </message>
    <message>
        <source>discarded</source>
        <translation>zahozeno</translation>
    </message>
    <message>
        <source>undone before sending</source>
        <translation>vráceno před odesláním</translation>
    </message>
    <message>
        <source>Nothing is pending or lost.</source>
        <translation>Nic nečeká a nic se neztratilo.</translation>
    </message>
    <message>
        <source>Some changes are not on the platform yet.</source>
        <translation>Některé změny ještě nejsou na platformě.</translation>
    </message>
    <message>
        <source>Export changes as CSV</source>
        <translation>Exportovat změny do CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Soubory CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Soubor %1 nelze zapsat: %2</translation>
    </message>
    <message>
        <source>%1 changes written to %2</source>
        <translation>Počet změn zapsaných do %2: %1</translation>
    </message>
    <message>
        <source>and the numbers summary to %1</source>
        <translation>a přehled čísel do %1</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <source>Time</source>
        <translation>Čas</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Z</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stav</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Výsledek</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Pokusy</translation>
    </message>
    <message>
        <source>Platform&apos;s message</source>
        <translation>Zpráva platformy</translation>
    </message>
</context>
<context>
    <name>ChoosePage</name>
    <message>
        <source>Which one is you?</source>
        <translation>Který z nich jste vy?</translation>
    </message>
    <message>
        <source>Tap your name.</source>
        <translation>Klepněte na své jméno.</translation>
    </message>
    <message>
        <source>None of these</source>
        <translation>Nikdo z nich</translation>
    </message>
    <message>
        <source>None of these is me</source>
        <translation>Nikdo z nich nejsem já</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <source>Is this you?</source>
        <translation>Jste to vy?</translation>
    </message>
    <message>
        <source>✓  Yes, check me in</source>
        <translation>✓  Ano, zaregistrovat mě</translation>
    </message>
    <message>
        <source>Yes, check me in</source>
        <translation>Ano, zaregistrovat mě</translation>
    </message>
    <message>
        <source>No, that&apos;s not me</source>
        <translation>Ne, to nejsem já</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Kiosk hit a problem</source>
        <translation>Kiosk narazil na problém</translation>
    </message>
    <message>
        <source>Something unexpected went wrong, but Kiosk is still running.</source>
        <translation>Stalo se něco nečekaného, ale Kiosk dál běží.</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Zavřít tuto zprávu</translation>
    </message>
    <message>
        <source>Check-ins saved on this kiosk are kept and will still be sent.</source>
        <translation>Registrace uložené na tomto kiosku zůstávají zachované a budou odeslány.</translation>
    </message>
    <message>
        <source>If it happens again, restart Kiosk and give its log file to whoever set it up:</source>
        <translation>Pokud se to stane znovu, restartujte Kiosk a předejte soubor protokolu tomu, kdo ho nastavoval:</translation>
    </message>
    <message>
        <source>(the log could not be written to a file; it went to the console)</source>
        <translation>(protokol nešlo zapsat do souboru; vypisuje se do konzole)</translation>
    </message>
    <message>
        <source>This has happened %1 times.</source>
        <translation>Stalo se to už %1×.</translation>
    </message>
</context>
<context>
    <name>DeskFinding</name>
    <message>
        <source>No guest matches “%1”.</source>
        <translation>Žádný host neodpovídá „%1“.</translation>
    </message>
    <message>
        <source>No guest matches these filters.</source>
        <translation>Těmto filtrům neodpovídá žádný host.</translation>
    </message>
    <message>
        <source>Filters are on: “All guests (no filter)” clears them.</source>
        <translation>Filtry jsou zapnuté: „Všichni hosté (bez filtru)“ je zruší.</translation>
    </message>
    <message>
        <source>%1 at the kiosk: %2</source>
        <translation>%1 na kiosku: %2</translation>
    </message>
    <message>
        <source>%1 guests share this reference: pick one.</source>
        <translation>Tento kód má %1 hostů: vyberte jednoho.</translation>
    </message>
    <message>
        <source>the guest</source>
        <translation>host</translation>
    </message>
    <message>
        <source>%1 had declined the invitation, so it could not check them in.</source>
        <translation>%1 pozvání odmítl(a), proto ho/ji kiosk nemohl odbavit.</translation>
    </message>
    <message>
        <source>%1 was already checked in.</source>
        <translation>%1 už byl(a) odbaven(a).</translation>
    </message>
    <message>
        <source>%1 has a status the kiosk may not check in.</source>
        <translation>%1 má stav, který kiosk nesmí odbavit.</translation>
    </message>
    <message>
        <source>%1 had just been changed at another desk or on the platform.</source>
        <translation>%1 byl(a) právě změněn(a) u jiného stolku nebo na platformě.</translation>
    </message>
    <message>
        <source>the check-in of %1 could not be saved there.</source>
        <translation>odbavení hosta %1 se tam nepodařilo uložit.</translation>
    </message>
    <message>
        <source>%1 found themselves by name and needs staff; their status is shown here.</source>
        <translation>%1 se našel/našla podle jména a potřebuje obsluhu; stav je vidět zde.</translation>
    </message>
    <message>
        <source>a ticket code no guest of this event has. Ask for the ticket, or search by name.</source>
        <translation>kód vstupenky, který nemá žádný host této akce. Požádejte o vstupenku nebo hledejte podle jména.</translation>
    </message>
    <message>
        <source>no guest had the name given. Ask for the name as booked, or the email.</source>
        <translation>žádný host neměl zadané jméno. Zeptejte se na jméno z rezervace nebo na e-mail.</translation>
    </message>
    <message>
        <source>several guests matched and it could not tell them apart. Ask for name and email.</source>
        <translation>odpovídalo více hostů a kiosk je nerozlišil. Zeptejte se na jméno a e-mail.</translation>
    </message>
    <message>
        <source>names were paused after several misses; tickets still worked.</source>
        <translation>jména byla po několika neúspěších pozastavena; vstupenky fungovaly dál.</translation>
    </message>
</context>
<context>
    <name>DeskLock</name>
    <message>
        <source>Back to self-service</source>
        <extracomment>What counts as staff using the desk (restarts its countdown).</extracomment>
        <translation>Zpět na samoobsluhu</translation>
    </message>
    <message>
        <source>Lock the desk and show the guests&apos; screen (Ctrl+Shift+K)</source>
        <translation>Zamknout stůl a ukázat obrazovku pro hosty (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>Self-service</source>
        <translation>Samoobsluha</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <source>Please see the staff desk</source>
        <translation>Zastavte se prosím u registračního stolu</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Zkusit znovu</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hotovo</translation>
    </message>
    <message>
        <source>Done, back to the start</source>
        <translation>Hotovo, zpět na začátek</translation>
    </message>
    <message>
        <source>Your reference for the staff desk:</source>
        <translation>Vaše číslo pro registrační stůl:</translation>
    </message>
    <message>
        <source>Reference %1</source>
        <translation>Číslo %1</translation>
    </message>
    <message>
        <source>You were checked in at %1. If that wasn&apos;t you, the staff desk will help.</source>
        <translation>Vaše registrace proběhla v %1. Pokud to nesouhlasí, pomůžeme vám u registračního stolu.</translation>
    </message>
    <message>
        <source>If that wasn&apos;t you, the staff desk will help.</source>
        <translation>Pokud to nesouhlasí, pomůžeme vám u registračního stolu.</translation>
    </message>
    <message>
        <source>You&apos;re already checked in</source>
        <translation>Registrace už proběhla</translation>
    </message>
    <message>
        <source>Our list says you declined this invitation. The staff desk will sort it out.</source>
        <translation>Podle našeho seznamu je pozvání odmítnuté. U registračního stolu vše vyřešíme.</translation>
    </message>
    <message>
        <source>Your registration needs a quick check by a member of staff.</source>
        <translation>Vaši registraci musí krátce ověřit někdo z personálu.</translation>
    </message>
    <message>
        <source>We don&apos;t recognise this ticket. Try typing your last name, or see the staff desk.</source>
        <translation>Tuto vstupenku neznáme. Zkuste zadat své příjmení, nebo se zastavte u registračního stolu.</translation>
    </message>
    <message>
        <source>We couldn&apos;t find that name. Check the spelling and try again, or see the staff desk.</source>
        <translation>Toto jméno jsme nenašli. Zkontrolujte pravopis a zkuste to znovu, nebo se zastavte u registračního stolu.</translation>
    </message>
    <message>
        <source>We couldn&apos;t tell who you are from that. The staff desk will find you quickly.</source>
        <translation>Podle těchto údajů vás nedokážeme rozpoznat. U registračního stolu vás rychle najdeme.</translation>
    </message>
    <message>
        <source>Your registration was just changed at another desk. The staff desk will help.</source>
        <translation>Vaše registrace se právě změnila na jiném stanovišti. Pomůžeme vám u registračního stolu.</translation>
    </message>
    <message>
        <source>This kiosk can&apos;t check you in right now. The staff desk will do it.</source>
        <translation>Tento kiosk vás teď nemůže zaregistrovat. Udělají to u registračního stolu.</translation>
    </message>
    <message>
        <source>A member of staff will check you in at the desk.</source>
        <translation>U registračního stolu vás zaregistruje někdo z personálu.</translation>
    </message>
    <message>
        <source>This kiosk takes a short break from names. Scan your ticket, or the staff desk will check you in.</source>
        <translation>Tento kiosk teď chvíli nehledá podle jmen. Naskenujte vstupenku, nebo vás zaregistrují u registračního stolu.</translation>
    </message>
    <message>
        <source>Ticket not recognised</source>
        <translation>Neznámá vstupenka</translation>
    </message>
    <message>
        <source>Name not found</source>
        <translation>Jméno nenalezeno</translation>
    </message>
</context>
<context>
    <name>DeskSpeech</name>
    <message>
        <source>No guest matches “%1”.</source>
        <extracomment>Quiet this long after the last keystroke before the number of matches is said: the count of every prefix typed would drown the person&apos;s own typing echo. The pane&apos;s signs before its words: a reader would spell them out (&quot;clock face&quot;).</extracomment>
        <translation>Na „%1“ neodpovídá žádný host.</translation>
    </message>
    <message>
        <source>More than %1 guests match: type more.</source>
        <translation>Odpovídá víc než %1 hostů: pište dál.</translation>
    </message>
    <message numerus="yes">
        <source>%n guest(s) found.</source>
        <translation>
            <numerusform>Nalezen %n host.</numerusform>
            <numerusform>Nalezeni %n hosté.</numerusform>
            <numerusform>Nalezeno %n hostů.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2, %3 of %4</source>
        <translation>%1, %2, %3 z %4</translation>
    </message>
</context>
<context>
    <name>DeskToolkit</name>
    <message>
        <source>&amp;Desk</source>
        <extracomment>The numbers panel follows changes at most this often (a draining queue changes hundreds of guests a second), in milliseconds. ... and at least this often, so the pace and the chart move on with the clock.</extracomment>
        <translation>&amp;Přepážka</translation>
    </message>
    <message>
        <source>Live &amp;numbers</source>
        <translation>Živá čí&amp;sla</translation>
    </message>
    <message>
        <source>&amp;Undo the last change</source>
        <translation>&amp;Vrátit poslední změnu</translation>
    </message>
    <message>
        <source>Mark &amp;no-shows…</source>
        <translation>Označit &amp;nedorazivší…</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Čísla</translation>
    </message>
    <message>
        <source>Live numbers</source>
        <translation>Živá čísla</translation>
    </message>
    <message>
        <source>Arrived, expected and the pace (Ctrl+I)</source>
        <translation>Dorazili, očekávaní a tempo (Ctrl+I)</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1: nyní %2.</translation>
    </message>
    <message>
        <source>Nothing to undo: a change can be undone for 10 seconds.</source>
        <translation>Není co vrátit: změnu lze vrátit do 10 sekund.</translation>
    </message>
    <message>
        <source>Undone: %1 is %2 again; the change was withdrawn before it was sent.</source>
        <translation>Vráceno: %1 je opět %2; změna byla stažena před odesláním.</translation>
    </message>
    <message>
        <source>Undone: %1 is set back to %2; that is sent to the platform too.</source>
        <translation>Vráceno: %1 je zpět %2; i to se odešle na platformu.</translation>
    </message>
    <message>
        <source>Cannot undo: the platform cannot set %1 back to %2.</source>
        <translation>Nelze vrátit: platforma nemůže vrátit %1 na %2.</translation>
    </message>
    <message>
        <source>Not undone: this kiosk cannot save changes right now.</source>
        <translation>Nevráceno: tento kiosek teď nemůže ukládat změny.</translation>
    </message>
    <message>
        <source>+ Walk-in</source>
        <translation>+ Bez pozvánky</translation>
    </message>
    <message>
        <source>sheepCRM&apos;s Events API (v2) has no way to add an attendee: add the guest in sheepCRM, and they appear here at the next refresh.</source>
        <translation>Rozhraní Events API (v2) systému sheepCRM neumí přidat účastníka: přidejte hosta v sheepCRM a objeví se zde při příští aktualizaci.</translation>
    </message>
    <message>
        <source>Kiosk reads a guest list file but never adds to it: add the guest to the file, and they appear here when it is saved.</source>
        <translation>Kiosk seznam hostů ze souboru jen čte, nikdy do něj nepřidává: přidejte hosta do souboru a po jeho uložení se objeví zde.</translation>
    </message>
    <message>
        <source>%1 cannot take new guests.</source>
        <translation>%1 neumí přijmout nové hosty.</translation>
    </message>
    <message>
        <source>Add a guest at the door (Ctrl+N)</source>
        <translation>Přidat hosta u vstupu (Ctrl+N)</translation>
    </message>
    <message>
        <source>No walk-ins here: %1</source>
        <translation>Hosty bez pozvánky zde přidat nelze: %1</translation>
    </message>
    <message>
        <source>✓ Walk-in %1 added to %2 and checked in.</source>
        <translation>✓ Host %1 přidán do %2 a odbaven.</translation>
    </message>
    <message>
        <source>⚠ %2 refused walk-in %1: %3</source>
        <translation>⚠ %2 odmítl hosta %1: %3</translation>
    </message>
    <message>
        <source>◷ Walk-in %1 saved on this kiosk; will retry %2: %3</source>
        <translation>◷ Host %1 uložen na tomto kiosku; zkusím znovu %2: %3</translation>
    </message>
    <message>
        <source>◷ Walk-in %1 saved on this kiosk; adding to %2…</source>
        <translation>◷ Host %1 uložen na tomto kiosku; přidávám do %2…</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Success</source>
        <translation>Hotovo</translation>
    </message>
    <message>
        <source>You&apos;re checked in, %1!</source>
        <translation>Vítejte, %1! Registrace je hotová.</translation>
    </message>
    <message numerus="yes">
        <source>Welcome to you and your %n guest(s).</source>
        <translation>
            <numerusform>Vítáme vás i s %n hostem.</numerusform>
            <numerusform>Vítáme vás i s %n hosty.</numerusform>
            <numerusform>Vítáme vás i s %n hosty.</numerusform>
        </translation>
    </message>
    <message>
        <source>Please go ahead. Enjoy the event!</source>
        <translation>Pokračujte dál. Užijte si akci!</translation>
    </message>
    <message>
        <source>This screen returns to the start by itself.</source>
        <translation>Obrazovka se sama vrátí na začátek.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hotovo</translation>
    </message>
    <message>
        <source>Done, back to the start</source>
        <translation>Hotovo, zpět na začátek</translation>
    </message>
</context>
<context>
    <name>FactorPage</name>
    <message>
        <source>One more question</source>
        <translation>Ještě jedna otázka</translation>
    </message>
    <message>
        <source>Tap the first letter of your first name.</source>
        <translation>Klepněte na první písmeno svého křestního jména.</translation>
    </message>
    <message>
        <source>First letter of your first name</source>
        <translation>První písmeno křestního jména</translation>
    </message>
    <message>
        <source>Please tap one letter.</source>
        <translation>Klepněte prosím na jedno písmeno.</translation>
    </message>
    <message>
        <source>Type the first three letters of your email address.</source>
        <translation>Zadejte první tři znaky své e-mailové adresy.</translation>
    </message>
    <message>
        <source>Start of your email address</source>
        <translation>Začátek vaší e-mailové adresy</translation>
    </message>
    <message>
        <source>Please type at least 3 characters.</source>
        <translation>Zadejte prosím aspoň 3 znaky.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Pokračovat</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Začít znovu</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Filters</source>
        <extracomment>A column picked from the menu&apos;s &quot;Order&quot; (the keyboard&apos;s way to a heading&apos;s tap).</extracomment>
        <translation>Filtry</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jakýkoli stav</translation>
    </message>
    <message>
        <source>★ VIP only</source>
        <translation>★ Jen VIP</translation>
    </message>
    <message>
        <source>Changed at this desk</source>
        <translation>Změněno u tohoto stolku</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>Typ vstupenky</translation>
    </message>
    <message>
        <source>Order by</source>
        <translation>Seřadit podle</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Jméno</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Vstupenka</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stav</translation>
    </message>
    <message>
        <source>All guests (no filter)</source>
        <translation>Všichni hosté (bez filtru)</translation>
    </message>
    <message>
        <source>Any ticket type</source>
        <translation>Jakákoli vstupenka</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>changed here</source>
        <translation>změněno zde</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtr</translation>
    </message>
    <message>
        <source>Show only some guests</source>
        <translation>Zobrazit jen některé hosty</translation>
    </message>
</context>
<context>
    <name>GuestDetails</name>
    <message>
        <source>Guest details</source>
        <translation>Údaje o hostovi</translation>
    </message>
    <message>
        <source>Guest name</source>
        <translation>Jméno hosta</translation>
    </message>
    <message>
        <source>Current status</source>
        <translation>Aktuální stav</translation>
    </message>
    <message>
        <source>How old this view is</source>
        <translation>Jak starý je tento pohled</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Vstupenka</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>Typ vstupenky</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Skupina</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Poznámky</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Poslední změna</translation>
    </message>
    <message>
        <source>On the platform</source>
        <translation>Na platformě</translation>
    </message>
    <message>
        <source>More from the platform</source>
        <translation>Další údaje z platformy</translation>
    </message>
    <message>
        <source>Find a guest by name, email or ticket</source>
        <translation>Najděte hosta podle jména, e-mailu nebo vstupenky</translation>
    </message>
    <message>
        <source>just the guest</source>
        <translation>jen host</translation>
    </message>
    <message>
        <source>%1 people (guest + %2)</source>
        <translation>celkem %1 (host + %2)</translation>
    </message>
    <message>
        <source>%1 %2 at another desk or on %3</source>
        <translation>%1 %2 na jiném stanovišti nebo v %3</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message numerus="yes">
        <source>as of %n s ago</source>
        <translation>
            <numerusform>stav před %n s</numerusform>
            <numerusform>stav před %n s</numerusform>
            <numerusform>stav před %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>as of %n min ago</source>
        <translation>
            <numerusform>stav před %n min</numerusform>
            <numerusform>stav před %n min</numerusform>
            <numerusform>stav před %n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuestTableModel</name>
    <message>
        <source>Name</source>
        <extracomment>The roles the table answers; Qt asks each cell for seven or more (font, alignment, colours, check state...) at every paint, and every other one is Qt&apos;s default.</extracomment>
        <translation>Jméno</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Vstupenka</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stav</translation>
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
        <translation>Vaše jmenovka se tiskne.</translation>
    </message>
    <message>
        <source>Your badge could not be printed. Please see the staff desk for it.</source>
        <translation>Vaši jmenovku se nepodařilo vytisknout. Vyzvedněte si ji prosím u recepce.</translation>
    </message>
</context>
<context>
    <name>LoadProgress</name>
    <message>
        <source>Guests loaded so far</source>
        <translation>Dosud načtení hosté</translation>
    </message>
    <message>
        <source>Loading guests: %1 of %2</source>
        <translation>Načítání hostů: %1 z %2</translation>
    </message>
    <message>
        <source>Loading guests: %1</source>
        <translation>Načítání hostů: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kiosk check-in</source>
        <translation>Kiosk – registrace hostů</translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation>Problém s připojením</translation>
    </message>
    <message>
        <source>Try again now</source>
        <translation>Zkusit znovu hned</translation>
    </message>
    <message>
        <source>Try to reach the platform again</source>
        <translation>Znovu se pokusit spojit s platformou</translation>
    </message>
    <message>
        <source>Check-in</source>
        <extracomment>How long after the selection moves the guest pane follows: well under what a person notices, and long enough that the list&apos;s repaint has happened in between.</extracomment>
        <translation>Registrace</translation>
    </message>
    <message>
        <source>Search guests</source>
        <translation>Hledat hosty</translation>
    </message>
    <message>
        <source>Type a name, email or ticket code, or scan a ticket</source>
        <translation>Zadejte jméno, e-mail nebo kód vstupenky, nebo vstupenku naskenujte</translation>
    </message>
    <message>
        <source>Check in on scan</source>
        <translation>Registrovat při naskenování</translation>
    </message>
    <message>
        <source>Check a guest in as soon as their ticket is scanned</source>
        <translation>Zaregistrovat hosta hned po naskenování vstupenky</translation>
    </message>
    <message>
        <source>Scan result</source>
        <translation>Výsledek skenování</translation>
    </message>
    <message>
        <source>Matching guests</source>
        <translation>Nalezení hosté</translation>
    </message>
    <message>
        <source>event %1 (not loaded yet)</source>
        <translation>akce %1 (zatím nenačtená)</translation>
    </message>
    <message>
        <source>Fix the key…</source>
        <translation>Opravit klíč…</translation>
    </message>
    <message>
        <source>Fix the API key in Settings</source>
        <translation>Opravit klíč API v nastavení</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Akce</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Připojení</translation>
    </message>
    <message>
        <source>Guest list refreshes</source>
        <translation>Obnovování seznamu hostů</translation>
    </message>
    <message>
        <source>Changes not yet delivered</source>
        <translation>Dosud nedoručené změny</translation>
    </message>
    <message>
        <source>Changes that need attention</source>
        <translation>Změny, které vyžadují pozornost</translation>
    </message>
    <message>
        <source>Changes…</source>
        <translation>Změny…</translation>
    </message>
    <message>
        <source>Changes made on this kiosk</source>
        <translation>Změny provedené na tomto kiosku</translation>
    </message>
    <message>
        <source>Every change made here, with its outcome (Ctrl+L)</source>
        <translation>Všechny zde provedené změny i s výsledkem (Ctrl+L)</translation>
    </message>
    <message>
        <source>%1 refused the API key: fix it in Settings (Ctrl+,).</source>
        <translation>%1 odmítl klíč API: opravte ho v Nastavení (Ctrl+,).</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <extracomment>Kiosk → Settings… or Ctrl+, (and &quot;Fix the key…&quot; on the wrong-key banner): the app opens the Settings dialog (it knows the profile).</extracomment>
        <translation>&amp;Nápověda</translation>
    </message>
    <message>
        <source>&amp;About Kiosk</source>
        <translation>&amp;O aplikaci Kiosk</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Klávesové zkratky</translation>
    </message>
    <message>
        <source>&amp;Kiosk</source>
        <translation>&amp;Kiosk</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Nastavení…</translation>
    </message>
    <message>
        <source>Scanned %1 while a message is open: answer or close it, then scan again.</source>
        <translation>Naskenováno %1, zatímco je otevřená zpráva: odpovězte na ni nebo ji zavřete a pak skenujte znovu.</translation>
    </message>
    <message>
        <source>Scanned again: %1. Nothing was changed.</source>
        <translation>Znovu naskenováno: %1. Nic se nezměnilo.</translation>
    </message>
    <message>
        <source>Unknown code: %1. No guest of this event has it. Check that the ticket is for this event, or search by name.</source>
        <translation>Neznámý kód: %1. Nemá ho žádný host této akce. Ověřte, že vstupenka patří na tuto akci, nebo hledejte podle jména.</translation>
    </message>
    <message>
        <source>%1 guests have this code: pick one.</source>
        <translation>Tento kód má více hostů (%1): vyberte jednoho.</translation>
    </message>
    <message>
        <source>✓ %1 checked in.</source>
        <translation>✓ %1: zaregistrováno.</translation>
    </message>
    <message>
        <source>%1 is already checked in.</source>
        <translation>%1: už zaregistrováno.</translation>
    </message>
    <message>
        <source>%1 declined: check them in?</source>
        <translation>%1 odmítl(a) účast: přesto zaregistrovat?</translation>
    </message>
    <message>
        <source>Found %1.</source>
        <translation>Nalezeno: %1.</translation>
    </message>
    <message>
        <source>Showing the best %1 matches: type more to narrow them down.</source>
        <translation>Zobrazeno %1 nejlepších shod: pište dál a výběr se zúží.</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 guests, A to Z: type a name, email or ticket code to find anyone.</source>
        <translation>Zobrazeno prvních %1 z %2 hostů, od A do Z: zadejte jméno, e-mail nebo kód vstupenky a najdete kohokoli.</translation>
    </message>
    <message>
        <source>guests</source>
        <translation>hostů</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stav</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Připojuji…</translation>
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
        <translation>Klíč odmítnut</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problém</translation>
    </message>
    <message>
        <source>Can&apos;t reach %1. Changes are kept on this kiosk and sent when it answers again.</source>
        <translation>%1 není dostupná. Změny zůstávají na tomto kiosku a odešlou se, jakmile bude znovu odpovídat.</translation>
    </message>
    <message>
        <source>%1 reported a problem.</source>
        <translation>%1 hlásí problém.</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Kiosk — changed elsewhere</source>
        <translation>Kiosk — změněno jinde</translation>
    </message>
    <message>
        <source>%1 was set to “%2” %3 at another desk or on the platform.</source>
        <translation>%1: stav „%2“ %3 nastaven na jiném stanovišti nebo na platformě.</translation>
    </message>
    <message>
        <source>Set “%1” anyway?</source>
        <translation>Přesto nastavit „%1“?</translation>
    </message>
    <message>
        <source>Set anyway</source>
        <translation>Přesto nastavit</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Ponechat jejich</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>méně než minutu</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>an hour</source>
        <translation>za hodinu</translation>
    </message>
    <message>
        <source>a minute</source>
        <translation>za minutu</translation>
    </message>
    <message>
        <source>every %1 s</source>
        <translation>každých %1 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 allows %2 calls %3: %4, about %5</source>
        <translation>%1 povoluje %2 volání %3: %4, asi %5</translation>
    </message>
    <message>
        <source>List every %1</source>
        <translation>Seznam každých %1</translation>
    </message>
    <message>
        <source>The guest list is %1 MB: it is refreshed every %2 to keep within %3 MB an hour (bandwidth in the profile).</source>
        <translation>Seznam hostů má %1 MB: obnovuje se každých %2, aby nepřesáhl %3 MB za hodinu (šířka pásma v profilu).</translation>
    </message>
    <message>
        <source>✓ All changes delivered</source>
        <translation>✓ Všechny změny doručeny</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n změna čeká</numerusform>
            <numerusform>%n změny čekají</numerusform>
            <numerusform>%n změn čeká</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, oldest %2</source>
        <translation>%1, nejstarší %2</translation>
    </message>
    <message>
        <source>⚠ %1 need attention</source>
        <translation>⚠ Pozornost vyžaduje: %1</translation>
    </message>
    <message>
        <source>Kiosk — declined guest</source>
        <translation>Kiosk — host odmítl účast</translation>
    </message>
    <message>
        <source>%1 declined the invitation.</source>
        <translation>%1 odmítl(a) pozvání.</translation>
    </message>
    <message>
        <source>Check them in anyway?</source>
        <translation>Přesto zaregistrovat?</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Zaregistrovat</translation>
    </message>
    <message>
        <source>Don&apos;t check in</source>
        <translation>Neregistrovat</translation>
    </message>
    <message>
        <source>Settings not saved to %1: %2</source>
        <translation>Nastavení se neuložilo do %1: %2</translation>
    </message>
</context>
<context>
    <name>NumbersPanel</name>
    <message>
        <source>Kiosk — live numbers</source>
        <translation>Kiosk — živá čísla</translation>
    </message>
    <message>
        <source>Live numbers</source>
        <translation>Živá čísla</translation>
    </message>
    <message>
        <source>Arrivals per 10 minutes (darker: this desk)</source>
        <translation>Příchody za 10 minut (tmavší: tato přepážka)</translation>
    </message>
    <message>
        <source>Numbers by ticket type</source>
        <translation>Čísla podle typu vstupenky</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>Typ vstupenky</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Dorazili</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Očekávaní</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Celkem</translation>
    </message>
    <message>
        <source>Mark no-shows…</source>
        <translation>Označit nedorazivší…</translation>
    </message>
    <message>
        <source>End of the event: mark the accepted guests who did not come as no-show</source>
        <translation>Konec akce: označit potvrzené hosty, kteří nepřišli, jako nedorazivší</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zavřít</translation>
    </message>
    <message>
        <source>%1 arrived · %2 expected · %3 guests</source>
        <translation>%1 dorazilo · %2 očekáváno · %3 hostů</translation>
    </message>
    <message>
        <source>This desk checked in %1; all desks %2. Pace: %3 an hour (last 30 min).</source>
        <translation>Tato přepážka odbavila %1; všechny přepážky %2. Tempo: %3 za hodinu (posledních 30 min).</translation>
    </message>
    <message>
        <source>Mark %1 no-shows…</source>
        <translation>Označit %1 nedorazivších…</translation>
    </message>
    <message>
        <source>No accepted guest is still to come.</source>
        <translation>Žádný potvrzený host už nechybí.</translation>
    </message>
    <message numerus="yes">
        <source>%n accepted guest(s) not arrived yet; no arrivals in the last 30 minutes.</source>
        <translation>
            <numerusform>%n potvrzený host ještě nedorazil; za posledních 30 minut nikdo nepřišel.</numerusform>
            <numerusform>%n potvrzení hosté ještě nedorazili; za posledních 30 minut nikdo nepřišel.</numerusform>
            <numerusform>%n potvrzených hostů ještě nedorazilo; za posledních 30 minut nikdo nepřišel.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accepted guest(s) not arrived yet: at this pace they clear by %1.</source>
        <translation>
            <numerusform>%n potvrzený host ještě nedorazil: při tomto tempu budou všichni uvnitř do %1.</numerusform>
            <numerusform>%n potvrzení hosté ještě nedorazili: při tomto tempu budou všichni uvnitř do %1.</numerusform>
            <numerusform>%n potvrzených hostů ještě nedorazilo: při tomto tempu budou všichni uvnitř do %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>(no type)</source>
        <translation>(bez typu)</translation>
    </message>
    <message>
        <source>%1 other types</source>
        <translation>%1 dalších typů</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>On-screen keyboard</source>
        <extracomment>Letter rows by layout; Czech and German keyboards swap Y and Z. The smallest key: touch targets are at least 48 px; a finger wants more.</extracomment>
        <translation>Klávesnice na obrazovce</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Mezera</translation>
    </message>
    <message>
        <source>Delete the last letter</source>
        <translation>Smazat poslední písmeno</translation>
    </message>
    <message>
        <source>Hyphen</source>
        <translation>Spojovník</translation>
    </message>
    <message>
        <source>Apostrophe</source>
        <translation>Apostrof</translation>
    </message>
    <message>
        <source>Dot</source>
        <translation>Tečka</translation>
    </message>
    <message>
        <source>Underscore</source>
        <translation>Podtržítko</translation>
    </message>
    <message>
        <source>At sign</source>
        <translation>Zavináč</translation>
    </message>
</context>
<context>
    <name>PartyPanel</name>
    <message>
        <source>Party</source>
        <extracomment>The most rows of one booking listed with a box each; more are rare and go by name. A row&apos;s height: a finger&apos;s width, and three rows still fit a short pane.</extracomment>
        <translation>Skupina</translation>
    </message>
    <message>
        <source>How many of the party are in now</source>
        <translation>Kolik lidí ze skupiny je uvnitř</translation>
    </message>
    <message>
        <source>Check in this many</source>
        <translation>Odbavit tolik</translation>
    </message>
    <message>
        <source>Check in the ticked ones</source>
        <translation>Odbavit zaškrtnuté</translation>
    </message>
    <message>
        <source>Party of %1: %2 of %1 in</source>
        <translation>Skupina %1: uvnitř %2 z %1</translation>
    </message>
    <message>
        <source>(booked)</source>
        <translation>(rezervoval)</translation>
    </message>
</context>
<context>
    <name>PinField</name>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>Zadána %n číslice</numerusform>
            <numerusform>Zadány %n číslice</numerusform>
            <numerusform>Zadáno %n číslic</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>PIN pad</source>
        <translation>Klávesnice pro PIN</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Smazat poslední číslici</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Check the PIN</source>
        <translation>Ověřit PIN</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <source>Staff only</source>
        <translation>Jen pro personál</translation>
    </message>
    <message>
        <source>Enter the staff PIN.</source>
        <translation>Zadejte PIN personálu.</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>PIN personálu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Zrušit</translation>
    </message>
    <message>
        <source>Cancel, back to the guests</source>
        <translation>Zrušit a vrátit se k hostům</translation>
    </message>
</context>
<context>
    <name>PrintsSection</name>
    <message>
        <source>Badges printed on this desk: %1</source>
        <translation>Jmenovky vytištěné na tomto místě: %1</translation>
    </message>
    <message>
        <source>sent to %1</source>
        <translation>odesláno na %1</translation>
    </message>
    <message>
        <source>not printed: %1</source>
        <translation>nevytištěno: %1</translation>
    </message>
    <message>
        <source>printing…</source>
        <translation>tiskne se…</translation>
    </message>
</context>
<context>
    <name>SelfServiceWindow</name>
    <message>
        <source>Kiosk — self-service check-in</source>
        <translation>Kiosk — samoobslužná registrace</translation>
    </message>
    <message>
        <source>Self-service check-in</source>
        <translation>Samoobslužná registrace</translation>
    </message>
    <message>
        <source>Check-in steps</source>
        <translation>Kroky registrace</translation>
    </message>
    <message>
        <source>Need help? Ask a member of staff.</source>
        <translation>Potřebujete pomoc? Obraťte se na náš personál.</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personál</translation>
    </message>
    <message>
        <source>For staff: opens the PIN pad</source>
        <translation>Pro personál: otevře zadání PINu</translation>
    </message>
    <message>
        <source>Event: %1</source>
        <translation>Akce: %1</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Akce</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n more tries before a pause.</source>
        <translation>
            <numerusform>Špatný PIN. Ještě %n pokus, pak bude pauza.</numerusform>
            <numerusform>Špatný PIN. Ještě %n pokusy, pak bude pauza.</numerusform>
            <numerusform>Špatný PIN. Ještě %n pokusů, pak bude pauza.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong tries. Try again in %n seconds.</source>
        <translation>
            <numerusform>Příliš mnoho chybných pokusů. Zkuste to znovu za %n sekundu.</numerusform>
            <numerusform>Příliš mnoho chybných pokusů. Zkuste to znovu za %n sekundy.</numerusform>
            <numerusform>Příliš mnoho chybných pokusů. Zkuste to znovu za %n sekund.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Nastavení</translation>
    </message>
    <message>
        <source>Kiosk settings</source>
        <translation>Nastavení Kiosku</translation>
    </message>
    <message>
        <source>Event and platform</source>
        <translation>Akce a platforma</translation>
    </message>
    <message>
        <source>Change event, platform or &amp;key…</source>
        <translation>Změnit akci, platformu nebo &amp;klíč…</translation>
    </message>
    <message>
        <source>Change event, platform or key</source>
        <translation>Změnit akci, platformu nebo klíč</translation>
    </message>
    <message>
        <source>This desk</source>
        <translation>Toto místo</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Fetch the guest list every</source>
        <translation>Načítat hosty každých</translation>
    </message>
    <message>
        <source>Check in on scan</source>
        <translation>Registrovat při naskenování</translation>
    </message>
    <message>
        <source>Self-service kiosk</source>
        <translation>Samoobslužný kiosek</translation>
    </message>
    <message>
        <source>Start in self-service mode</source>
        <translation>Spustit v samoobslužném režimu</translation>
    </message>
    <message>
        <source>Set a staff PIN first: kiosk --set-pin</source>
        <translation>Nejdřív nastavte PIN obsluhy: kiosk --set-pin</translation>
    </message>
    <message>
        <source>Start again when untouched for</source>
        <translation>Začít znovu po</translation>
    </message>
    <message>
        <source>Start language</source>
        <translation>Výchozí jazyk</translation>
    </message>
    <message>
        <source>e.g. Badges at table 2</source>
        <translation>např. Visačky u stolu 2</translation>
    </message>
    <message>
        <source>Next step for guests</source>
        <translation>Další krok pro hosty</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>Zvuky</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Vysoký kontrast</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>Velké písmo</translation>
    </message>
    <message>
        <source>Saving restarts the desk inside Kiosk to apply these.</source>
        <translation>Uložení místo v Kiosku znovu spustí, aby se změny projevily.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Uložit</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Zrušit</translation>
    </message>
    <message>
        <source>Nothing here is kept: the demo and a guest list file have no profile.</source>
        <translation>Nic se tu neukládá: ukázka ani soubor se seznamem hostů nemají profil.</translation>
    </message>
    <message>
        <source>The demo or a guest list file: no platform to change.</source>
        <translation>Ukázka nebo soubor se seznamem hostů: žádná platforma ke změně.</translation>
    </message>
    <message>
        <source>Platform: %1</source>
        <translation>Platforma: %1</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Adresa: %1</translation>
    </message>
    <message>
        <source>Bucket: %1</source>
        <translation>Bucket: %1</translation>
    </message>
    <message>
        <source>Event: %1</source>
        <translation>Akce: %1</translation>
    </message>
</context>
<context>
    <name>SetupCheck</name>
    <message>
        <source>C&amp;heck connection</source>
        <translation>&amp;Zkontrolovat připojení</translation>
    </message>
    <message>
        <source>Check everything Kiosk needs from this account and event</source>
        <translation>Zkontrolovat vše, co Kiosk od tohoto účtu a události potřebuje</translation>
    </message>
    <message>
        <source>What the check found</source>
        <translation>Co kontrola zjistila</translation>
    </message>
    <message>
        <source>✗ The desk cannot work with this account: see below.</source>
        <translation>✗ S tímto účtem stůl pracovat nemůže: viz níže.</translation>
    </message>
    <message>
        <source>✓ The desk can work, with warnings: see below.</source>
        <translation>✓ Stůl může pracovat, ale s upozorněními: viz níže.</translation>
    </message>
    <message>
        <source>✓ The desk can work.</source>
        <translation>✓ Stůl může pracovat.</translation>
    </message>
    <message>
        <source>Put these lines in the profile:</source>
        <translation>Tyto řádky patří do profilu:</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Kiosk — set up</source>
        <translation>Kiosk — nastavení</translation>
    </message>
    <message>
        <source>Kiosk set-up</source>
        <translation>Nastavení aplikace Kiosk</translation>
    </message>
    <message>
        <source>Connect Kiosk to your event platform</source>
        <translation>Připojte Kiosk ke své platformě pro akce</translation>
    </message>
    <message>
        <source>Enter the details from your platform&apos;s API settings and press Connect to test them. The API key goes to this computer&apos;s keyring; where there is none, Kiosk asks before keeping it anywhere else.</source>
        <translation>Zadejte údaje z nastavení API vaší platformy a stiskněte Připojit, abyste je otestovali. Klíč API se uloží do klíčenky tohoto počítače; pokud žádnou nemá, Kiosk se zeptá, než ho uloží jinam.</translation>
    </message>
    <message>
        <source>About this set-up</source>
        <translation>O tomto nastavení</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>&amp;Platforma</translation>
    </message>
    <message>
        <source>API &amp;address</source>
        <translation>&amp;Adresa API</translation>
    </message>
    <message>
        <source>your sheepCRM database name</source>
        <translation>název vaší databáze v sheepCRM</translation>
    </message>
    <message>
        <source>&amp;Bucket</source>
        <translation>&amp;Bucket</translation>
    </message>
    <message>
        <source>paste the key here</source>
        <translation>sem vložte klíč</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>&amp;Klíč API</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>Př&amp;ipojit</translation>
    </message>
    <message>
        <source>Connect and load the events</source>
        <translation>Připojit a načíst akce</translation>
    </message>
    <message>
        <source>Connection test</source>
        <translation>Test připojení</translation>
    </message>
    <message>
        <source>&amp;Event</source>
        <translation>&amp;Událost</translation>
    </message>
    <message>
        <source>Press Connect to load the events from your platform.</source>
        <translation>Stiskněte Připojit a akce se načtou z vaší platformy.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problém</translation>
    </message>
    <message>
        <source>&amp;Save and start</source>
        <translation>Ul&amp;ožit a spustit</translation>
    </message>
    <message>
        <source>Save the settings and start Kiosk</source>
        <translation>Uložit nastavení a spustit Kiosk</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Zrušit</translation>
    </message>
    <message>
        <source>Cancel the set-up</source>
        <translation>Zrušit nastavení</translation>
    </message>
    <message>
        <source>Problem with %1</source>
        <translation>Problém s polem %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Připojuji…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Ukládám…</translation>
    </message>
    <message>
        <source>no date given</source>
        <translation>bez data</translation>
    </message>
    <message>
        <source>✓ Connected: 1 event found.</source>
        <translation>✓ Připojeno: nalezena 1 akce.</translation>
    </message>
    <message>
        <source>✓ Connected: %1 events found.</source>
        <translation>✓ Připojeno: počet nalezených akcí: %1.</translation>
    </message>
    <message>
        <source>&amp;Keep it in that file</source>
        <translation>&amp;Uložit do toho souboru</translation>
    </message>
    <message>
        <source>Keep the API key in a private file</source>
        <translation>Uložit klíč API do soukromého souboru</translation>
    </message>
    <message>
        <source>This &amp;time only</source>
        <translation>Jen &amp;tentokrát</translation>
    </message>
    <message>
        <source>Use the API key this time only</source>
        <translation>Použít klíč API jen tentokrát</translation>
    </message>
</context>
<context>
    <name>SetupViewModel</name>
    <message>
        <source>Enter the address of the %1 API, for example %2.</source>
        <translation>Zadejte adresu API platformy %1, například %2.</translation>
    </message>
    <message>
        <source>Enter the API key from your %1 account settings.</source>
        <translation>Zadejte klíč API z nastavení svého účtu %1.</translation>
    </message>
    <message>
        <source>%1 lists no events for this key. Create the event there, then press Connect again.</source>
        <translation>%1 pro tento klíč neuvádí žádné akce. Vytvořte tam akci a pak znovu stiskněte Připojit.</translation>
    </message>
    <message>
        <source>%1 refused this API key. Check that the whole key was copied and that it is allowed to read events.</source>
        <translation>%1 tento klíč API odmítla. Zkontrolujte, že jste zkopírovali celý klíč a že smí číst akce.</translation>
    </message>
    <message>
        <source>sheepCRM found no bucket “%1” for this key. Check the bucket name (your sheepCRM database name), then the key.</source>
        <translation>sheepCRM pro tento klíč nenašel bucket „%1“. Zkontrolujte název bucketu (název vaší databáze v sheepCRM) a potom klíč.</translation>
    </message>
    <message>
        <source>Leave out the “/v1” at the end: Kiosk adds it. The address ends in /api.</source>
        <translation>Vynechte „/v1“ na konci, Kiosk ho doplní sám. Adresa končí na /api.</translation>
    </message>
    <message>
        <source>The server at this address did not answer like the %1 API. Check the address.</source>
        <translation>Server na této adrese neodpověděl jako API platformy %1. Zkontrolujte adresu.</translation>
    </message>
    <message>
        <source>%1 asks Kiosk to slow down. Wait a minute, then press Connect again.</source>
        <translation>%1 žádá Kiosk o zpomalení. Počkejte minutu a pak znovu stiskněte Připojit.</translation>
    </message>
    <message>
        <source>Kiosk cannot reach %1 at this address. Check the address and the network.</source>
        <translation>Kiosk se na této adrese nemůže spojit s %1. Zkontrolujte adresu a síť.</translation>
    </message>
    <message>
        <source>Press Connect to test these settings first.</source>
        <translation>Nejdřív stiskněte Připojit a ověřte toto nastavení.</translation>
    </message>
    <message>
        <source>Settings saved. This computer has no usable keyring for the API key: Kiosk can keep it in %2, readable only by your user account, so that it starts next time. Or use it this time only, and set %1 to the key before each start.</source>
        <extracomment>The fields a problem can point at (``Profile`` names, plus the key). Stands in for the event while checking the rest: it is chosen only after connecting. The translation context of every message here (the set-up dialog&apos;s view-model). Opens a backend for a (not yet validated for its event) profile and key, and closes its HTTP client on exit. Only ``list_events`` is called on it. Said when the profile was written but no keyring could keep the key.</extracomment>
        <translation>Nastavení uloženo. Tento počítač nemá použitelnou klíčenku pro klíč API: Kiosk ho může uložit do %2, čitelného jen pro váš uživatelský účet, aby se příště spustil. Nebo ho použijte jen tentokrát a před každým spuštěním nastavte %1 na klíč.</translation>
    </message>
    <message>
        <source>Choose the event to check guests in to.</source>
        <translation>Vyberte akci, na kterou budete registrovat hosty.</translation>
    </message>
    <message>
        <source>Kiosk could not save its settings to %1 (%2).</source>
        <translation>Kiosk nemohl uložit nastavení do %1 (%2).</translation>
    </message>
</context>
<context>
    <name>ShortcutsHelp</name>
    <message>
        <source>Type a name, email or ticket code to find a guest</source>
        <translation>Napište jméno, e-mail nebo kód vstupenky a najděte hosta</translation>
    </message>
    <message>
        <source>Scan a ticket anywhere in the window to open it</source>
        <translation>Naskenujte vstupenku kdekoli v okně a otevřete ji</translation>
    </message>
    <message>
        <source>Move through the results</source>
        <translation>Pohyb ve výsledcích</translation>
    </message>
    <message>
        <source>Open the selected guest</source>
        <translation>Otevřít vybraného hosta</translation>
    </message>
    <message>
        <source>Set Invited</source>
        <translation>Nastavit Pozván</translation>
    </message>
    <message>
        <source>Set Accepted</source>
        <translation>Nastavit Přijal</translation>
    </message>
    <message>
        <source>Set Declined</source>
        <translation>Nastavit Odmítl</translation>
    </message>
    <message>
        <source>Set Attended (check in)</source>
        <translation>Nastavit Přítomen (registrovat)</translation>
    </message>
    <message>
        <source>Set No-show</source>
        <translation>Nastavit Nedorazil</translation>
    </message>
    <message>
        <source>Clear the search; no guest is chosen</source>
        <translation>Vymazat hledání; není vybrán žádný host</translation>
    </message>
    <message>
        <source>Back to the search</source>
        <translation>Zpět k hledání</translation>
    </message>
    <message>
        <source>Changes made on this kiosk</source>
        <translation>Změny provedené na tomto kiosku</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Nastavení</translation>
    </message>
    <message>
        <source>These keyboard shortcuts</source>
        <translation>Tyto klávesové zkratky</translation>
    </message>
    <message>
        <source>About Kiosk</source>
        <translation>O aplikaci Kiosk</translation>
    </message>
    <message>
        <source>Quit (changes not yet sent are kept)</source>
        <translation>Ukončit (dosud neodeslané změny zůstanou)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Klávesové zkratky</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Klávesy</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Co dělají</translation>
    </message>
    <message>
        <source>(any key)</source>
        <translation>(libovolné klávesy)</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Staff menu</source>
        <translation>Nabídka pro personál</translation>
    </message>
    <message>
        <source>Guests can&apos;t see this menu without the PIN.</source>
        <translation>Hosté se bez PINu do této nabídky nedostanou.</translation>
    </message>
    <message>
        <source>Back to self-service</source>
        <translation>Zpět na samoobsluhu</translation>
    </message>
    <message>
        <source>Open desk mode</source>
        <translation>Otevřít režim registračního stolu</translation>
    </message>
    <message>
        <source>Quit Kiosk</source>
        <translation>Ukončit Kiosk</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>Zvuky</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Vysoký kontrast</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>Velké písmo</translation>
    </message>
</context>
<context>
    <name>StatusPicker</name>
    <message>
        <source>Set status</source>
        <translation>Nastavit stav</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>Statuses this platform cannot set</source>
        <translation>Stavy, které tato platforma nastavit nemůže</translation>
    </message>
    <message>
        <source>Set status of %1</source>
        <translation>Nastavit stav: %1</translation>
    </message>
    <message>
        <source>Current status of %1</source>
        <translation>Současný stav: %1</translation>
    </message>
    <message>
        <source>Current status</source>
        <translation>Aktuální stav</translation>
    </message>
</context>
<context>
    <name>StorageBanner</name>
    <message>
        <source>Changes cannot be saved</source>
        <translation>Změny nelze uložit</translation>
    </message>
    <message>
        <source>Kiosk cannot write to %1: the disk is full. Changes made now cannot be saved.</source>
        <translation>Kiosk nemůže zapisovat do %1: disk je plný. Změny provedené teď nelze uložit.</translation>
    </message>
    <message>
        <source>Kiosk cannot write to %1: it is read-only. Changes made now cannot be saved.</source>
        <translation>Kiosk nemůže zapisovat do %1: je jen pro čtení. Změny provedené teď nelze uložit.</translation>
    </message>
    <message>
        <source>Kiosk cannot write to %1 (%2). Changes made now cannot be saved.</source>
        <translation>Kiosk nemůže zapisovat do %1 (%2). Změny provedené teď nelze uložit.</translation>
    </message>
</context>
<context>
    <name>SweepDialog</name>
    <message>
        <source>Kiosk — end of the event</source>
        <extracomment>Guests listed in the preview; the rest are counted.</extracomment>
        <translation>Kiosk — konec akce</translation>
    </message>
    <message>
        <source>Guests who would be marked no-show</source>
        <translation>Hosté, kteří by byli označeni jako nedorazivší</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>PIN obsluhy</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Zrušit</translation>
    </message>
    <message numerus="yes">
        <source>Mark the %n accepted guest(s) who did not come as no-show</source>
        <translation>
            <numerusform>Označit %n potvrzeného hosta, který nepřišel, jako nedorazivšího</numerusform>
            <numerusform>Označit %n potvrzené hosty, kteří nepřišli, jako nedorazivší</numerusform>
            <numerusform>Označit %n potvrzených hostů, kteří nepřišli, jako nedorazivší</numerusform>
        </translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… a %1 dalších</translation>
    </message>
    <message>
        <source>Each is saved on this kiosk first and sent at the platform&apos;s pace; offline, they wait and go when it answers. They show in the Changes list and the export. Cancel withdraws what is not sent yet.</source>
        <translation>Každá změna se nejdřív uloží na tomto kiosku a odešle se tempem platformy; offline čeká a odejde, jakmile platforma odpoví. Změny jsou v seznamu změn i v exportu. Zrušení stáhne, co ještě nebylo odesláno.</translation>
    </message>
    <message numerus="yes">
        <source>Mark %n as no-show</source>
        <translation>
            <numerusform>Označit %n jako nedorazivšího</numerusform>
            <numerusform>Označit %n jako nedorazivší</numerusform>
            <numerusform>Označit %n jako nedorazivší</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 keeps no no-show state: once the event has ended it shows the accepted guests who did not check in as no-show by itself. Nothing to send.</source>
        <translation>%1 nemá stav „nedorazil“: po skončení akce sám zobrazí potvrzené hosty, kteří se neodbavili, jako nedorazivší. Není co odeslat.</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again in %1 s.</source>
        <translation>Špatný PIN. Zkuste to znovu za %1 s.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Špatný PIN.</translation>
    </message>
    <message>
        <source>Stop and withdraw the rest</source>
        <translation>Zastavit a stáhnout zbytek</translation>
    </message>
    <message>
        <source>%1 of %2 sent · %3 waiting · %4 need attention</source>
        <translation>odesláno %1 z %2 · %3 čeká · %4 vyžaduje pozornost</translation>
    </message>
    <message>
        <source>%1 skipped (changed meanwhile)</source>
        <translation>%1 přeskočeno (mezitím změněno)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Zavřít</translation>
    </message>
    <message>
        <source>Stopped: %1 withdrawn before they were sent.</source>
        <translation>Zastaveno: %1 staženo před odesláním.</translation>
    </message>
    <message>
        <source>Done. The no-shows are in the Changes list and the export.</source>
        <translation>Hotovo. Nedorazivší jsou v seznamu změn i v exportu.</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>Delivery to the platform</source>
        <extracomment>The most characters of one value the pane shows; the rest is in its tooltip. The most &quot;key: value&quot; lines of what else the platform says about a guest. A view of a guest older than this is said to be so (&quot;as of 40 s ago&quot;): refreshes are paced to the platform&apos;s quota, and the person picking should know.</extracomment>
        <translation>Doručení na platformu</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Zkusit znovu</translation>
    </message>
    <message>
        <source>Retry sending this change</source>
        <translation>Znovu odeslat tuto změnu</translation>
    </message>
    <message>
        <source>No change made on this kiosk yet.</source>
        <translation>Na tomto kiosku zatím žádná změna.</translation>
    </message>
    <message>
        <source>◷ “%1” saved on this kiosk; sending to %2…</source>
        <translation>◷ „%1“ uloženo na tomto kiosku; odesílám do %2…</translation>
    </message>
    <message>
        <source>◷ “%1” saved on this kiosk; will retry %2: %3</source>
        <translation>◷ „%1“ uloženo na tomto kiosku; do %2 to zkusím znovu: %3</translation>
    </message>
    <message>
        <source>⇅ “%1” sent to %2, waiting for its answer…</source>
        <translation>⇅ „%1“ odesláno do %2, čekám na odpověď…</translation>
    </message>
    <message>
        <source>✓ “%1” synced with %2 at %4</source>
        <translation>✓ „%1“ synchronizováno s %2 v %4</translation>
    </message>
    <message>
        <source>⚠ %2 refused “%1”: %3. The previous status is kept.</source>
        <translation>⚠ %2 odmítla „%1“: %3. Zůstává předchozí stav.</translation>
    </message>
</context>
<context>
    <name>UndoToast</name>
    <message>
        <source>Last change</source>
        <extracomment>How long a toast without a button (an undo&apos;s outcome) stays, in milliseconds.</extracomment>
        <translation>Poslední změna</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Vrátit poslední změnu</translation>
    </message>
    <message>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>Vrátit poslední změnu (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Undo (%1)</source>
        <translation>Vrátit (%1)</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Add a walk-in</source>
        <extracomment>The largest party one walk-in brings (the sandbox&apos;s Attendu takes up to 20).</extracomment>
        <translation>Přidat hosta bez pozvánky</translation>
    </message>
    <message>
        <source>The guest is added to %1 and checked in. Saved on this kiosk first.</source>
        <translation>Host bude přidán do %1 a odbaven. Nejprve se uloží na tomto kiosku.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Jméno</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Příjmení</translation>
    </message>
    <message>
        <source>Email (optional)</source>
        <translation>E-mail (nepovinný)</translation>
    </message>
    <message>
        <source>People, the guest included</source>
        <translation>Počet lidí včetně hosta</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Lidé</translation>
    </message>
    <message>
        <source>Add and check in</source>
        <translation>Přidat a odbavit</translation>
    </message>
    <message>
        <source>A walk-in needs a first and a last name.</source>
        <translation>Host bez pozvánky potřebuje jméno i příjmení.</translation>
    </message>
    <message>
        <source>That is not an email address: leave it empty if the guest has none.</source>
        <translation>To není e-mailová adresa: pokud host žádnou nemá, nechte pole prázdné.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Please type at least 3 letters of your last name.</source>
        <translation>Zadejte prosím aspoň 3 písmena svého příjmení.</translation>
    </message>
    <message>
        <source>Sorry about that. Try again, or ask a member of staff.</source>
        <translation>Omlouváme se. Zkuste to znovu, nebo se obraťte na personál.</translation>
    </message>
    <message>
        <source>One moment: the guest list is still loading.</source>
        <translation>Okamžik, seznam hostů se ještě načítá.</translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation>Vítejte!</translation>
    </message>
    <message>
        <source>Scan your ticket or type your last name</source>
        <translation>Naskenujte vstupenku, nebo zadejte své příjmení</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Příjmení</translation>
    </message>
    <message>
        <source>Your last name or ticket code</source>
        <translation>Vaše příjmení nebo kód vstupenky</translation>
    </message>
    <message>
        <source>Type at least 3 letters of your last name, then press Enter.</source>
        <translation>Zadejte aspoň 3 písmena příjmení a stiskněte Enter.</translation>
    </message>
    <message>
        <source>Find me</source>
        <translation>Najít mě</translation>
    </message>
</context>
<context>
    <name>badges</name>
    <message>
        <source>printer “%1” is not found</source>
        <translation>tiskárna „%1“ nebyla nalezena</translation>
    </message>
    <message>
        <source>printer “%1” is off or stopped</source>
        <translation>tiskárna „%1“ je vypnutá nebo zastavená</translation>
    </message>
    <message>
        <source>printer “%1” did not take it</source>
        <translation>tiskárna „%1“ úlohu nepřijala</translation>
    </message>
</context>
<context>
    <name>outcome</name>
    <message>
        <source>Waiting to send</source>
        <translation>Čeká na odeslání</translation>
    </message>
    <message>
        <source>✓ Delivered</source>
        <translation>✓ Doručeno</translation>
    </message>
    <message>
        <source>⚠ Needs attention</source>
        <translation>⚠ Vyžaduje pozornost</translation>
    </message>
    <message>
        <source>Replaced by a later change</source>
        <translation>Nahrazeno pozdější změnou</translation>
    </message>
    <message>
        <source>Discarded by staff</source>
        <translation>Zahozeno personálem</translation>
    </message>
    <message>
        <source>Undone before it was sent</source>
        <translation>Vráceno před odesláním</translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <source>changed elsewhere since this kiosk saved it (now %1 %2); not overwritten — Retry sends it anyway</source>
        <translation>od uložení na tomto kiosku změněno jinde (nyní %1 %2); nepřepsáno — Zkusit znovu ji přesto odešle</translation>
    </message>
    <message>
        <source>changed to %1 at another desk or on the platform after this kiosk&apos;s change was delivered; Retry sends it again</source>
        <translation>změněno na %1 na jiném místě nebo na platformě po doručení změny z tohoto kiosku; Zkusit znovu ji odešle znovu</translation>
    </message>
    <message>
        <source>This kiosk&apos;s local data file could not be read (%1). It was moved aside to %2.</source>
        <translation>Místní datový soubor tohoto kiosku nešlo přečíst (%1). Byl přesunut do %2.</translation>
    </message>
    <message>
        <source>%1 undelivered changes were recovered from it and will be sent.</source>
        <translation>Z něj bylo zachráněno %1 nedoručených změn, které budou odeslány.</translation>
    </message>
    <message>
        <source>No undelivered changes could be read from it; the file is kept for support.</source>
        <translation>Nešlo z něj přečíst žádné nedoručené změny; soubor zůstává pro podporu.</translation>
    </message>
    <message>
        <source>1 change that needs attention was kept.</source>
        <translation>1 změna vyžadující pozornost byla zachována.</translation>
    </message>
    <message>
        <source>%1 changes that need attention were kept.</source>
        <translation>Změny vyžadující pozornost byly zachovány: %1.</translation>
    </message>
    <message>
        <source>The guest list is loaded again from the platform.</source>
        <translation>Seznam hostů se znovu načte z platformy.</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>Invited</source>
        <translation>Pozvaný</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Přijde</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Nepřijde</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Přítomný</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Chybí</translation>
    </message>
</context>
<context>
    <name>time</name>
    <message>
        <source>d MMM HH:mm</source>
        <extracomment>What comes before a party&apos;s size in the Name column (&quot;Åke Åberg (+2)&quot;). A Qt date format (d: day, MMM: month name, M: month number, HH:mm: time): a time on another day than today, in the changes list and the guest details.</extracomment>
        <translation>d. M. HH:mm</translation>
    </message>
    <message>
        <source>d MMM</source>
        <extracomment>A Qt date format (d: day, MMM: month name, M: month number): the day of a check-in on another day than today, beside the status (&quot;Attended 19 Nov&quot;).</extracomment>
        <translation>d. M.</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Clear the search</source>
        <translation>Vymazat hledání</translation>
    </message>
    <message>
        <source>Esc clears it too</source>
        <translation>Vymaže ho i Esc</translation>
    </message>
    <message>
        <source>About the list</source>
        <translation>O seznamu</translation>
    </message>
</context>
</TS>

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
        <source>No message</source>
        <translation>Žádná zpráva</translation>
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
        <source>Kiosk — check-in</source>
        <extracomment>How long after the selection moves the guest pane follows: well under what a person notices, and long enough that the list&apos;s repaint has happened in between.</extracomment>
        <translation>Kiosk — registrace hostů</translation>
    </message>
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
        <source>Event</source>
        <translation>Akce</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Připojení</translation>
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
        <source>&amp;Help</source>
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
        <source>Kiosk — %1</source>
        <translation>Kiosk — %1</translation>
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
        <source>%1 refused the API key. Ask an organiser to check it.</source>
        <translation>%1 odmítla klíč API. Požádejte organizátora, ať ho zkontroluje.</translation>
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
        <source>No message</source>
        <translation>Žádná zpráva</translation>
    </message>
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
        <source>Enter the details from your platform&apos;s API settings and press Connect to test them. The API key is kept in this computer&apos;s keyring, never in a file.</source>
        <translation>Zadejte údaje z nastavení API vaší platformy a stiskněte Připojit, aby se ověřily. Klíč API se ukládá do klíčenky tohoto počítače, nikdy do souboru.</translation>
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
        <source>C&amp;ontinue</source>
        <translation>Pokra&amp;čovat</translation>
    </message>
    <message>
        <source>Continue without a stored key</source>
        <translation>Pokračovat bez uloženého klíče</translation>
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
        <source>Choose the event to check guests in to.</source>
        <translation>Vyberte akci, na kterou budete registrovat hosty.</translation>
    </message>
    <message>
        <source>Settings saved, but the API key could not be stored: this computer has no usable keyring. Set the environment variable %1 to the key before starting Kiosk.</source>
        <extracomment>The fields a problem can point at (``Profile`` names, plus the key). Stands in for the event while checking the rest: it is chosen only after connecting. The translation context of every message here (the set-up dialog&apos;s view-model). Opens a backend for a (not yet validated for its event) profile and key, and closes its HTTP client on exit. Only ``list_events`` is called on it. Said when the profile was written but no keyring could keep the key.</extracomment>
        <translation>Nastavení je uložené, ale klíč API uložit nešlo: tento počítač nemá použitelnou klíčenku. Před spuštěním Kiosku nastavte proměnnou prostředí %1 na hodnotu klíče.</translation>
    </message>
    <message>
        <source>Kiosk could not save its settings to %1 (%2).</source>
        <translation>Kiosk nemohl uložit nastavení do %1 (%2).</translation>
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
        <source>No message</source>
        <translation>Žádná zpráva</translation>
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
        <extracomment>A Qt date format (d: day, MMM: month name, M: month number, HH:mm: time): a time on another day than today, in the changes list and the guest details.</extracomment>
        <translation>d. M. HH:mm</translation>
    </message>
    <message>
        <source>d MMM</source>
        <extracomment>A Qt date format (d: day, MMM: month name, M: month number): the day of a check-in on another day than today, beside the status (&quot;Attended 19 Nov&quot;).</extracomment>
        <translation>d. M.</translation>
    </message>
</context>
</TS>

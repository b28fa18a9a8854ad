<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CardView</name>
    <message numerus="yes">
        <source>Party of %n</source>
        <extracomment>A key this soon after the one before came with it: a scanner&apos;s burst, not a decision.</extracomment>
        <translation>
            <numerusform>Party of %n</numerusform>
            <numerusform>Party of %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeskSpeech</name>
    <message numerus="yes">
        <source>%n guest(s) found.</source>
        <translation>
            <numerusform>%n guest found.</numerusform>
            <numerusform>%n guests found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message numerus="yes">
        <source>Welcome to you and your %n guest(s).</source>
        <translation>
            <numerusform>Welcome to you and your %n guest.</numerusform>
            <numerusform>Welcome to you and your %n guests.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuestDetails</name>
    <message numerus="yes">
        <source>as of %n s ago</source>
        <translation>
            <numerusform>as of %n s ago</numerusform>
            <numerusform>as of %n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>as of %n min ago</source>
        <translation>
            <numerusform>as of %n min ago</numerusform>
            <numerusform>as of %n min ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NumbersPanel</name>
    <message numerus="yes">
        <source>%n accepted guest(s) not arrived yet; no arrivals in the last 30 minutes.</source>
        <translation>
            <numerusform>%n accepted guest not arrived yet; no arrivals in the last 30 minutes.</numerusform>
            <numerusform>%n accepted guests not arrived yet; no arrivals in the last 30 minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accepted guest(s) not arrived yet: at this pace they clear by %1.</source>
        <translation>
            <numerusform>%n accepted guest not arrived yet: at this pace they are in by %1.</numerusform>
            <numerusform>%n accepted guests not arrived yet: at this pace they clear by %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinField</name>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>%n digit entered</numerusform>
            <numerusform>%n digits entered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SelfServiceWindow</name>
    <message numerus="yes">
        <source>Wrong PIN. %n more tries before a pause.</source>
        <translation>
            <numerusform>Wrong PIN. %n more try before a pause.</numerusform>
            <numerusform>Wrong PIN. %n more tries before a pause.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong tries. Try again in %n seconds.</source>
        <translation>
            <numerusform>Too many wrong tries. Try again in %n second.</numerusform>
            <numerusform>Too many wrong tries. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SweepDialog</name>
    <message numerus="yes">
        <source>Mark the %n accepted guest(s) who did not come as no-show</source>
        <translation>
            <numerusform>Mark the %n accepted guest who did not come as no-show</numerusform>
            <numerusform>Mark the %n accepted guests who did not come as no-show</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %n as no-show</source>
        <translation>
            <numerusform>Mark %n as no-show</numerusform>
            <numerusform>Mark %n as no-show</numerusform>
        </translation>
    </message>
</context>
</TS>

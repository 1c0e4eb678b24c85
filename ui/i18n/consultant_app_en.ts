<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="da_DK">
<context>
    <name>AgreementReader</name>
    <message>
        <source>Aftalens indhold</source>
        <translation>The agreement&apos;s content</translation>
    </message>
    <message>
        <source>Mindre tekst</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <source>Større tekst</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <source>&amp;Tilbage til underskriften</source>
        <translation>&amp;Back to signing</translation>
    </message>
</context>
<context>
    <name>AgreementsPage</name>
    <message>
        <source>Aftaler</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>Ingen aftaler endnu. Start en med Ctrl+N, eller fra en virksomhed (Ctrl+Shift+A) eller et match.</source>
        <translation>No agreements yet. Start one with Ctrl+N, or from an employer (Ctrl+Shift+A) or a match.</translation>
    </message>
    <message>
        <source>&amp;Ny aftale (Ctrl+N)</source>
        <translation>&amp;New agreement (Ctrl+N)</translation>
    </message>
    <message>
        <source>Start en ny aftale</source>
        <translation>Start a new agreement</translation>
    </message>
    <message>
        <source>Gå til listen</source>
        <translation>Go to the list</translation>
    </message>
    <message>
        <source>&amp;Regelbog (Ctrl+R)</source>
        <translation>&amp;Rule book (Ctrl+R)</translation>
    </message>
    <message>
        <source>Reglerne i kraft på en dato, med hjemmel</source>
        <translation>The rules in force on a date, with their legal basis</translation>
    </message>
</context>
<context>
    <name>CitizensPage</name>
    <message>
        <source>Borgere</source>
        <translation>Citizens</translation>
    </message>
    <message>
        <source>Filtrér borgere: navn, kompetence, postnr. (Ctrl+F)</source>
        <translation>Filter citizens: name, skill, postcode (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Ny borger</source>
        <translation>&amp;New citizen</translation>
    </message>
    <message>
        <source>&amp;Gem</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Fortryd</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Vis CPR</source>
        <translation>&amp;Show CPR</translation>
    </message>
    <message>
        <source>Filtrér</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>&amp;Navn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>DDMMÅÅ-XXXX</source>
        <translation>DDMMYY-XXXX</translation>
    </message>
    <message>
        <source>&amp;CPR-nummer:</source>
        <translation>&amp;CPR number:</translation>
    </message>
    <message>
        <source>&amp;Målgruppe:</source>
        <translation>&amp;Target group:</translation>
    </message>
    <message>
        <source>(vælg målgruppe)</source>
        <translation>(choose target group)</translation>
    </message>
    <message>
        <source>&amp;Timer pr. uge (kan):</source>
        <translation>Hours per &amp;week (able):</translation>
    </message>
    <message>
        <source>S&amp;kånehensyn:</source>
        <translation>Re&amp;strictions:</translation>
    </message>
    <message>
        <source>K&amp;ompetencer:</source>
        <translation>S&amp;kills:</translation>
    </message>
    <message>
        <source>adskilt med komma</source>
        <translation>separated by commas</translation>
    </message>
    <message>
        <source>Ønskede &amp;jobs:</source>
        <translation>Wanted &amp;jobs:</translation>
    </message>
    <message>
        <source>Kø&amp;rekort:</source>
        <translation>Dri&amp;ving licence:</translation>
    </message>
    <message>
        <source>Intet</source>
        <translation>None</translation>
    </message>
    <message>
        <source>&amp;Sprog:</source>
        <translation>&amp;Languages:</translation>
    </message>
    <message>
        <source>adskilt med komma, fx dansk, engelsk</source>
        <translation>separated by commas, e.g. Danish, English</translation>
    </message>
    <message>
        <source>Postnummer</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Maks. transport i km</source>
        <translation>Max. commute in km</translation>
    </message>
    <message>
        <source>maks. transport</source>
        <translation>max. commute</translation>
    </message>
    <message>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <source>&amp;Postnr.:</source>
        <translation>&amp;Postcode:</translation>
    </message>
    <message>
        <source>Le&amp;dig siden:</source>
        <translation>Une&amp;mployed since:</translation>
    </message>
    <message>
        <source>Te&amp;lefon:</source>
        <translation>P&amp;hone:</translation>
    </message>
    <message>
        <source>Not&amp;ater:</source>
        <translation>N&amp;otes:</translation>
    </message>
    <message>
        <source>Aftaler</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>Aftaler ({n})</source>
        <translation>Agreements ({n})</translation>
    </message>
    <message>
        <source>fx 1-3-2025</source>
        <translation>e.g. 1-3-2025</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>Noter gemmes krypteret på computeren.</source>
        <translation>Notes are stored encrypted on the computer.</translation>
    </message>
    <message>
        <source>Passende stillinger</source>
        <translation>Suitable vacancies</translation>
    </message>
    <message>
        <source>Forslag og aftaler</source>
        <translation>Suggestions and agreements</translation>
    </message>
    <message>
        <source>Borgerens aftaler</source>
        <translation>The citizen&apos;s agreements</translation>
    </message>
    <message>
        <source>Borgeren findes ikke længere.</source>
        <translation>The citizen no longer exists.</translation>
    </message>
    <message>
        <source>Visningen er logget.</source>
        <translation>The viewing has been logged.</translation>
    </message>
    <message>
        <source>Ny borger</source>
        <translation>New citizen</translation>
    </message>
    <message>
        <source>Skrives DDMMÅÅ-XXXX.</source>
        <translation>Written DDMMYY-XXXX.</translation>
    </message>
</context>
<context>
    <name>Contacts</name>
    <message>
        <source>Kontaktpersoner</source>
        <translation>Contact persons</translation>
    </message>
    <message>
        <source>Ingen kontaktpersoner endnu. Skriv den første i felterne herunder.</source>
        <translation>No contact persons yet. Write the first in the fields below.</translation>
    </message>
    <message>
        <source>Kontaktperson</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>fx Ejer, HR-ansvarlig</source>
        <translation>e.g. Owner, HR manager</translation>
    </message>
    <message>
        <source>8 cifre</source>
        <translation>8 digits</translation>
    </message>
    <message>
        <source>Primær kontakt</source>
        <translation>Primary contact</translation>
    </message>
    <message>
        <source>N&amp;y kontakt</source>
        <translation>New con&amp;tact</translation>
    </message>
    <message>
        <source>Gem kontakt (Ctrl+Enter)</source>
        <translation>Save contact (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Enter på en kontakt retter den.</source>
        <translation>Enter on a contact edits it.</translation>
    </message>
    <message>
        <source>Ny kontaktperson</source>
        <translation>New contact person</translation>
    </message>
    <message>
        <source>Ret kontaktperson</source>
        <translation>Edit contact person</translation>
    </message>
    <message>
        <source>Kontakten er gemt.</source>
        <translation>The contact is saved.</translation>
    </message>
    <message>
        <source>Gem virksomheden først.</source>
        <translation>Save the employer first.</translation>
    </message>
</context>
<context>
    <name>DeclineDialog</name>
    <message>
        <source>Afslå match</source>
        <translation>Decline match</translation>
    </message>
    <message>
        <source>Begrundelse</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Afslå</source>
        <translation>Decline</translation>
    </message>
    <message>
        <source>Hvorfor er {name} afslået til stillingen?</source>
        <translation>Why was {name} declined for the vacancy?</translation>
    </message>
</context>
<context>
    <name>EmployerPanel</name>
    <message>
        <source>Virksomhedens faner</source>
        <translation>The employer&apos;s tabs</translation>
    </message>
    <message>
        <source>&amp;Kontakter</source>
        <translation>&amp;Contacts</translation>
    </message>
    <message>
        <source>&amp;Besøg</source>
        <translation>&amp;Visits</translation>
    </message>
    <message>
        <source>Stillinger</source>
        <translation>Vacancies</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Matches</translation>
    </message>
    <message>
        <source>Aftaler</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>&amp;Stamdata</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>Ingen stillinger hos virksomheden endnu. Opret en med Ctrl+Shift+J.</source>
        <translation>No vacancies at this employer yet. Create one with Ctrl+Shift+J.</translation>
    </message>
    <message>
        <source>Ingen match endnu. Foreslå en borger til en af virksomhedens stillinger på siden Stillinger (Ctrl+P).</source>
        <translation>No matches yet. Propose a citizen for one of the employer&apos;s vacancies on the Vacancies page (Ctrl+P).</translation>
    </message>
    <message>
        <source>Ingen aftaler endnu. Start en med Ctrl+Shift+A.</source>
        <translation>No agreements yet. Start one with Ctrl+Shift+A.</translation>
    </message>
    <message>
        <source>Enter eller dobbeltklik åbner den valgte.</source>
        <translation>Enter or double-click opens the selected one.</translation>
    </message>
    <message>
        <source>Ny stilling her … (Ctrl+Shift+J)</source>
        <translation>New vacancy here … (Ctrl+Shift+J)</translation>
    </message>
    <message>
        <source>Ny aftale … (Ctrl+Shift+A)</source>
        <translation>New agreement … (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Ingen virksomhed valgt</source>
        <translation>No employer selected</translation>
    </message>
    <message>
        <source>Vælg en virksomhed i listen, eller opret en ny med Ctrl+Shift+N.</source>
        <translation>Choose an employer in the list, or create a new one with Ctrl+Shift+N.</translation>
    </message>
    <message>
        <source>CVR {cvr}</source>
        <translation>CVR {cvr}</translation>
    </message>
    <message>
        <source>P-nr. {p_number}</source>
        <translation>P-no. {p_number}</translation>
    </message>
    <message>
        <source>S&amp;tillinger</source>
        <translation>Vaca&amp;ncies</translation>
    </message>
    <message>
        <source>&amp;Match</source>
        <translation>&amp;Matches</translation>
    </message>
    <message>
        <source>&amp;Aftaler</source>
        <translation>&amp;Agreements</translation>
    </message>
    <message>
        <source>Ny virksomhed</source>
        <translation>New employer</translation>
    </message>
    <message>
        <source>Udfyld mindst navn og CVR-nummer, og gem med Ctrl+S.</source>
        <translation>Fill in at least name and CVR number, and save with Ctrl+S.</translation>
    </message>
</context>
<context>
    <name>EmployerPicker</name>
    <message>
        <source>Søg virksomhed: navn, CVR eller by</source>
        <translation>Search employer: name, CVR or town</translation>
    </message>
    <message>
        <source>Søg virksomhed</source>
        <translation>Search employer</translation>
    </message>
    <message>
        <source>Fundne virksomheder</source>
        <translation>Employers found</translation>
    </message>
    <message>
        <source>Ingen virksomhed valgt.</source>
        <translation>No employer selected.</translation>
    </message>
    <message>
        <source>Valgt virksomhed</source>
        <translation>Selected employer</translation>
    </message>
    <message>
        <source>Valgt: {name}</source>
        <translation>Selected: {name}</translation>
    </message>
</context>
<context>
    <name>EmployersPage</name>
    <message>
        <source>Filtrér: navn, CVR, by, branche … (Ctrl+F)</source>
        <translation>Filter: name, CVR, town, industry … (Ctrl+F)</translation>
    </message>
    <message>
        <source>Virksomheder</source>
        <translation>Employers</translation>
    </message>
    <message>
        <source>Ingen virksomheder her. Ret eller ryd filteret (Ctrl+F), eller opret en ny med Ctrl+Shift+N.</source>
        <translation>No employers here. Change or clear the filter (Ctrl+F), or create a new one with Ctrl+Shift+N.</translation>
    </message>
    <message>
        <source>&amp;Ny virksomhed (Ctrl+Shift+N)</source>
        <translation>New &amp;employer (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Opret en ny virksomhed</source>
        <translation>Create a new employer</translation>
    </message>
    <message>
        <source>Filtrér</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Ny besøgsnote</source>
        <translation>New visit note</translation>
    </message>
    <message>
        <source>Gem virksomheden</source>
        <translation>Save the employer</translation>
    </message>
    <message>
        <source>Ny aftale</source>
        <translation>New agreement</translation>
    </message>
    <message>
        <source>Ny stilling her</source>
        <translation>New vacancy here</translation>
    </message>
    <message>
        <source>Markér opfølgning udført</source>
        <translation>Mark follow-up done</translation>
    </message>
    <message>
        <source>Vælg en virksomhed først.</source>
        <translation>Choose an employer first.</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <source>Tilmeld enhed</source>
        <translation>Enrol device</translation>
    </message>
    <message>
        <source>Tilmeld denne computer til den centrale tjeneste. Din leder giver dig serverens adresse og en tilmeldingskode.</source>
        <translation>Enrol this computer with the central service. Your manager gives you the server&apos;s address and an enrolment code.</translation>
    </message>
    <message>
        <source>Serverens adresse</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Tilmeldingskode</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>Serverens &amp;adresse:</source>
        <translation>Server &amp;address:</translation>
    </message>
    <message>
        <source>Tilmeldings&amp;kode:</source>
        <translation>Enrolment &amp;code:</translation>
    </message>
    <message>
        <source>Tilmeld</source>
        <translation>Enrol</translation>
    </message>
</context>
<context>
    <name>IdListPanel</name>
    <message>
        <source>Filtrér listen</source>
        <translation>Filter the list</translation>
    </message>
    <message>
        <source>Antal i listen</source>
        <translation>Number in the list</translation>
    </message>
    <message numerus="yes">
        <source>%n i listen</source>
        <translation>
            <numerusform>%n in the list</numerusform>
            <numerusform>%n in the list</numerusform>
        </translation>
    </message>
    <message>
        <source>Intet passer på »{text}«. Ret eller ryd filteret (Ctrl+F).</source>
        <translation>Nothing matches “{text}”. Change or clear the filter (Ctrl+F).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Virksomhedskonsulent</source>
        <translation>Business consultant</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Synkroniseringsstatus</source>
        <translation>Sync status</translation>
    </message>
    <message>
        <source>Ændringer der venter</source>
        <translation>Changes waiting</translation>
    </message>
    <message>
        <source>Offline – ikke tilmeldt en central</source>
        <translation>Offline – not enrolled with a central service</translation>
    </message>
    <message>
        <source>Kan ikke vises: {pages}. Fejlen er skrevet i loggen.</source>
        <translation>Cannot be shown: {pages}. The error is written to the log.</translation>
    </message>
    <message>
        <source>Siden »{page}« kan ikke vises. Fejlen er skrevet i loggen.</source>
        <translation>The page “{page}” cannot be shown. The error is written to the log.</translation>
    </message>
    <message>
        <source>Ændringen kan ikke gemmes – ret det markerede, eller fortryd med Ctrl+Z.</source>
        <translation>The change cannot be saved – correct what is marked, or undo with Ctrl+Z.</translation>
    </message>
    <message>
        <source>{kind} kan ikke vises: siden findes ikke i denne version.</source>
        <translation>{kind} cannot be shown: the page does not exist in this version.</translation>
    </message>
    <message>
        <source>Ændringer der venter på at blive sendt: {n}</source>
        <translation>Changes waiting to be sent: {n}</translation>
    </message>
    <message>
        <source>&amp;Filer</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Søg …</source>
        <translation>&amp;Search …</translation>
    </message>
    <message>
        <source>&amp;Genindlæs siden</source>
        <translation>&amp;Reload page</translation>
    </message>
    <message>
        <source>&amp;Afslut</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Gå til</source>
        <translation>&amp;Go to</translation>
    </message>
    <message>
        <source>Fokus på &amp;navigationen</source>
        <translation>Focus the &amp;navigation</translation>
    </message>
    <message>
        <source>&amp;Indstillinger</source>
        <translation>Sett&amp;ings</translation>
    </message>
    <message>
        <source>&amp;Sprog</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Genstart nu</source>
        <translation>&amp;Restart now</translation>
    </message>
    <message>
        <source>&amp;Senere</source>
        <translation>&amp;Later</translation>
    </message>
    <message>
        <source>Det nye sprog bruges, når programmet starter igen. Indtil da er alt på det sprog, det er nu.

Genstart programmet nu? Det du har gemt, er gemt; du skal låse profilen op igen.</source>
        <translation>The new language is used when the program starts again. Until then everything stays in the language it is in now.

Restart the program now? What you have saved is saved; you will unlock the profile again.</translation>
    </message>
    <message>
        <source>Sprog</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Programmet er ikke lukket: en ændring kan ikke gemmes – ret det markerede, eller fortryd med Ctrl+Z.</source>
        <translation>The program was not closed: a change cannot be saved – correct what is marked, or undo with Ctrl+Z.</translation>
    </message>
</context>
<context>
    <name>MasterData</name>
    <message>
        <source>8 cifre</source>
        <translation>8 digits</translation>
    </message>
    <message>
        <source>10 cifre (valgfrit)</source>
        <translation>10 digits (optional)</translation>
    </message>
    <message>
        <source>4 cifre</source>
        <translation>4 digits</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>udfyldes ud fra postnummeret</source>
        <translation>filled in from the postcode</translation>
    </message>
    <message>
        <source>årsværk, fx 12,5</source>
        <translation>full-time equivalents, e.g. 12.5</translation>
    </message>
    <message>
        <source>dato, fx 1.3.2026</source>
        <translation>date, e.g. 1.3.2026</translation>
    </message>
    <message>
        <source>G&amp;em (Ctrl+S)</source>
        <translation>&amp;Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Fo&amp;rtryd (Ctrl+Z)</source>
        <translation>&amp;Undo (Ctrl+Z)</translation>
    </message>
</context>
<context>
    <name>MatchesPage</name>
    <message>
        <source>Stillinger</source>
        <translation>Vacancies</translation>
    </message>
    <message>
        <source>Filtrér stillinger (Ctrl+F)</source>
        <translation>Filter vacancies (Ctrl+F)</translation>
    </message>
    <message>
        <source>Næste trin →</source>
        <translation>Next step →</translation>
    </message>
    <message>
        <source>← Forrige trin</source>
        <translation>← Previous step</translation>
    </message>
    <message>
        <source>Aftalt ✓</source>
        <translation>Agreed ✓</translation>
    </message>
    <message>
        <source>&amp;Afslå…</source>
        <translation>&amp;Decline…</translation>
    </message>
    <message>
        <source>Åbn &amp;borger</source>
        <translation>Open &amp;citizen</translation>
    </message>
    <message>
        <source>Åbn &amp;stilling</source>
        <translation>Open &amp;vacancy</translation>
    </message>
    <message>
        <source>Lav aftale …</source>
        <translation>Create agreement …</translation>
    </message>
    <message>
        <source>Filtrér</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Vælg en stilling i listen.</source>
        <translation>Choose a vacancy in the list.</translation>
    </message>
    <message>
        <source>Fejl</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Forløb</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Matchets forløb</source>
        <translation>The match&apos;s history</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Matches</translation>
    </message>
    <message>
        <source>Matchet findes ikke længere.</source>
        <translation>The match no longer exists.</translation>
    </message>
    <message>
        <source>Stillingen findes ikke længere.</source>
        <translation>The vacancy no longer exists.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Åbn profil</source>
        <translation>Open profile</translation>
    </message>
    <message>
        <source>Skriv adgangskoden til profilen i {path}.</source>
        <translation>Type the passphrase of the profile in {path}.</translation>
    </message>
    <message>
        <source>Adgangskode</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Åbn</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Fejl</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Fejl ved {field}</source>
        <translation>Error in {field}</translation>
    </message>
</context>
<context>
    <name>RuleBook</name>
    <message>
        <source>Bekræftet</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Foreløbigt regelsæt: det bygger på en lov, hvis endelige tekst ikke er offentliggjort. Tjek de gældende regler.</source>
        <translation>Provisional rule set: it rests on a law whose final text is not published. Check the rules in force.</translation>
    </message>
    <message>
        <source>Gældende fra {day}, {origin}.</source>
        <translation>In force from {day}, {origin}.</translation>
    </message>
    <message>
        <source>Ikke bekræftet</source>
        <translation>Not confirmed</translation>
    </message>
</context>
<context>
    <name>RuleBookDialog</name>
    <message>
        <source>Regelbog</source>
        <translation>Rule book</translation>
    </message>
    <message>
        <source>Alle aftaletyper</source>
        <translation>All agreement types</translation>
    </message>
    <message>
        <source>&amp;Dato:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Aftaletype:</source>
        <translation>&amp;Agreement type:</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Søg</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Søg efter virksomhed, stilling eller borger …</source>
        <translation>Search for employer, vacancy or citizen …</translation>
    </message>
    <message>
        <source>Søgefelt</source>
        <translation>Search field</translation>
    </message>
    <message>
        <source>Søgeresultater</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>Skriv mindst ét ord. Enter åbner, Esc lukker.</source>
        <translation>Type at least one word. Enter opens, Esc closes.</translation>
    </message>
    <message>
        <source>Resultater: {n}. Enter åbner det markerede.</source>
        <translation>Results: {n}. Enter opens the selected one.</translation>
    </message>
    <message>
        <source>Ingen resultater for ”{text}”.</source>
        <translation>No results for “{text}”.</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Navn / titel</source>
        <translation>Name / title</translation>
    </message>
    <message>
        <source>Detaljer</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>SignatureCanvas</name>
    <message>
        <source>Underskriftsfelt</source>
        <translation>Signature field</translation>
    </message>
    <message>
        <source>Skriv under med musen, en pen eller en finger.</source>
        <translation>Sign with the mouse, a pen or a finger.</translation>
    </message>
    <message>
        <source>Skriv under over linjen</source>
        <translation>Sign above the line</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Underskriver</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>Det underskriveren bekræfter</source>
        <translation>What the signer confirms</translation>
    </message>
    <message>
        <source>&amp;Ryd</source>
        <translation>C&amp;lear</translation>
    </message>
    <message>
        <source>Fjern hele underskriften</source>
        <translation>Remove the whole signature</translation>
    </message>
    <message>
        <source>&amp;Fortryd</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>Fjern den sidste streg (Ctrl+Z)</source>
        <translation>Remove the last stroke (Ctrl+Z)</translation>
    </message>
    <message>
        <source>&amp;Gentag</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>Sæt den fjernede streg ind igen (Ctrl+Y)</source>
        <translation>Put the removed stroke back (Ctrl+Y)</translation>
    </message>
    <message>
        <source>(navn mangler)</source>
        <translation>(name missing)</translation>
    </message>
</context>
<context>
    <name>SigningDialog</name>
    <message>
        <source>Underskrift</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Fejl</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Det der forhindrer underskrift</source>
        <translation>What prevents signing</translation>
    </message>
    <message>
        <source>Besked</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Parter</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>Underskriverens navn</source>
        <translation>Signer&apos;s name</translation>
    </message>
    <message>
        <source>Identitet kontrolleret</source>
        <translation>Identity checked</translation>
    </message>
    <message>
        <source>Vælg …</source>
        <translation>Choose …</translation>
    </message>
    <message>
        <source>Fejl ved navn</source>
        <translation>Error in name</translation>
    </message>
    <message>
        <source>Fejl ved identitet</source>
        <translation>Error in identity</translation>
    </message>
    <message>
        <source>&amp;Navn</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Identitet kontrolleret ved</source>
        <translation>&amp;Identity checked by</translation>
    </message>
    <message>
        <source>Du er logget ind på din egen profil; din identitet er kendt.</source>
        <translation>You are signed in to your own profile; your identity is known.</translation>
    </message>
    <message>
        <source>Identitet</source>
        <translation>Identity</translation>
    </message>
    <message>
        <source>Fejl ved underskriften</source>
        <translation>Error in the signature</translation>
    </message>
    <message>
        <source>&amp;Underskriv</source>
        <translation>&amp;Sign</translation>
    </message>
    <message>
        <source>Underskriv</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>Det der mangler</source>
        <translation>What is missing</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Forsegl og lav &amp;PDF</source>
        <translation>Seal and make &amp;PDF</translation>
    </message>
    <message>
        <source>&amp;Gem PDF …</source>
        <translation>Sa&amp;ve PDF …</translation>
    </message>
    <message>
        <source>Å&amp;bn PDF</source>
        <translation>&amp;Open PDF</translation>
    </message>
    <message>
        <source>P&amp;arter</source>
        <translation>P&amp;arties</translation>
    </message>
    <message>
        <source>&amp;Luk</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>&amp;Se aftalen</source>
        <translation>&amp;See the agreement</translation>
    </message>
    <message>
        <source>Se aftalen, der underskrives</source>
        <translation>See the agreement being signed</translation>
    </message>
    <message>
        <source>✓ {role}
{name} · {when}</source>
        <translation>✓ {role}
{name} · {when}</translation>
    </message>
    <message>
        <source>○ {role}
Mangler at underskrive</source>
        <translation>○ {role}
Not signed yet</translation>
    </message>
    <message>
        <source>{text} (advarslen skal kvitteres med en note)</source>
        <translation>{text} (the warning must be acknowledged with a note)</translation>
    </message>
    <message>
        <source>Aftalen kan ikke underskrives endnu:</source>
        <translation>The agreement cannot be signed yet:</translation>
    </message>
    <message>
        <source>Ret aftalen, og åbn underskriften igen.</source>
        <translation>Correct the agreement and open signing again.</translation>
    </message>
    <message>
        <source>Skriv underskriverens navn.</source>
        <translation>Type the signer&apos;s name.</translation>
    </message>
    <message>
        <source>navn</source>
        <translation>name</translation>
    </message>
    <message>
        <source>identitetskontrol</source>
        <translation>identity check</translation>
    </message>
    <message>
        <source>underskrift</source>
        <translation>signature</translation>
    </message>
    <message>
        <source>en længere underskrift</source>
        <translation>a longer signature</translation>
    </message>
    <message>
        <source>Gemmer underskriften …</source>
        <translation>Saving the signature …</translation>
    </message>
    <message>
        <source>Kan ikke underskrives endnu.</source>
        <translation>Cannot be signed yet.</translation>
    </message>
    <message>
        <source>Henter enhedens nøgle …</source>
        <translation>Fetching the device&apos;s key …</translation>
    </message>
    <message>
        <source>Mangler: {parts}.</source>
        <translation>Missing: {parts}.</translation>
    </message>
    <message>
        <source>Klar til at underskrive.</source>
        <translation>Ready to sign.</translation>
    </message>
    <message>
        <source>{name} har underskrevet som {role}.</source>
        <translation>{name} has signed as {role}.</translation>
    </message>
    <message>
        <source>Alle parter har underskrevet. Forsegl aftalen for at lave den underskrevne PDF; derefter kan aftalen ikke ændres.</source>
        <translation>All parties have signed. Seal the agreement to make the signed PDF; after that the agreement cannot be changed.</translation>
    </message>
    <message>
        <source>Aftalen er forseglet. PDF&apos;en er gemt i {path}.</source>
        <translation>The agreement is sealed. The PDF has been saved in {path}.</translation>
    </message>
    <message>
        <source>Aftalen er forseglet. Gem PDF&apos;en, så du kan sende den til parterne.</source>
        <translation>The agreement is sealed. Save the PDF so that you can send it to the parties.</translation>
    </message>
    <message>
        <source>Forsegler og laver PDF …</source>
        <translation>Sealing and making the PDF …</translation>
    </message>
    <message>
        <source>Aftalen er forseglet.</source>
        <translation>The agreement is sealed.</translation>
    </message>
    <message>
        <source>Aftalen har ingen forseglet PDF.</source>
        <translation>The agreement has no sealed PDF.</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <source>Åbner profilen …</source>
        <translation>Opening the profile …</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <source>Kun inden for {km} km</source>
        <translation>Only within {km} km</translation>
    </message>
    <message>
        <source>Kun borgere uden skånehensyn</source>
        <translation>Only citizens without restrictions</translation>
    </message>
    <message>
        <source>Vis udelukkede og hvorfor</source>
        <translation>Show those left out and why</translation>
    </message>
    <message>
        <source>Status for forslag</source>
        <translation>Suggestions status</translation>
    </message>
    <message>
        <source>Finder forslag …</source>
        <translation>Finding suggestions …</translation>
    </message>
    <message numerus="yes">
        <source>%n forslag</source>
        <translation>
            <numerusform>%n suggestion</numerusform>
            <numerusform>%n suggestions</numerusform>
        </translation>
    </message>
    <message>
        <source>Ingen passer med de valgte filtre.</source>
        <translation>Nobody fits the chosen filters.</translation>
    </message>
    <message>
        <source>{shown} af {total} udelukkede vist</source>
        <translation>{shown} of {total} left out shown</translation>
    </message>
    <message numerus="yes">
        <source>%n udelukket</source>
        <translation>
            <numerusform>%n left out</numerusform>
            <numerusform>%n left out</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncBridge</name>
    <message>
        <source>Tilmeldingen fejlede uventet; fejlen er skrevet i loggen.</source>
        <translation>The enrolment failed unexpectedly; the error has been written to the log.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Kontaktperson</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Besøg</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Matchhistorik</source>
        <translation>Match history</translation>
    </message>
    <message>
        <source>Underskrift</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Aftale-PDF</source>
        <translation>Agreement PDF</translation>
    </message>
    <message>
        <source>Adgangslog</source>
        <translation>Access log</translation>
    </message>
    <message>
        <source>(tom)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nej</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Synkronisering</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Synkroniseringen kører ikke.</source>
        <translation>Sync is not running.</translation>
    </message>
    <message>
        <source>Synkroniseringsstatus</source>
        <translation>Sync status</translation>
    </message>
    <message>
        <source>Seneste fejl</source>
        <translation>Latest error</translation>
    </message>
    <message>
        <source>&amp;Synkroniser nu</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <source>&amp;Tilmeld enhed …</source>
        <translation>&amp;Enrol device …</translation>
    </message>
    <message>
        <source>Hvad</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Felter</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>Tidspunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Ingen ændringer venter på at blive sendt.</source>
        <translation>No changes are waiting to be sent.</translation>
    </message>
    <message>
        <source>Felt</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Værdi på serveren</source>
        <translation>Value on the server</translation>
    </message>
    <message>
        <source>Din værdi</source>
        <translation>Your value</translation>
    </message>
    <message>
        <source>Gælder nu</source>
        <translation>Applies now</translation>
    </message>
    <message>
        <source>Opdaget</source>
        <translation>Detected</translation>
    </message>
    <message>
        <source>Konflikter</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Ingen konflikter. Er den samme oplysning ændret to steder, vises den her, så du kan vælge.</source>
        <translation>No conflicts. When the same information is changed in two places, it is shown here for you to choose.</translation>
    </message>
    <message>
        <source>Startet</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Udløst af</source>
        <translation>Triggered by</translation>
    </message>
    <message>
        <source>Resultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Sendt</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Hentet</source>
        <translation>Fetched</translation>
    </message>
    <message>
        <source>Aftaler</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>Fejl</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Historik</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Ingen synkroniseringer endnu. Tilmeld enheden, og vælg »Synkroniser nu«.</source>
        <translation>No syncs yet. Enrol the device and choose “Sync now”.</translation>
    </message>
    <message>
        <source>Første gang</source>
        <translation>First seen</translation>
    </message>
    <message>
        <source>Forsøg</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Hvorfor</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Lagt til side</source>
        <translation>Set aside</translation>
    </message>
    <message>
        <source>Intet er lagt til side.</source>
        <translation>Nothing has been set aside.</translation>
    </message>
    <message>
        <source>Behold s&amp;erverens værdi</source>
        <translation>Keep the se&amp;rver&apos;s value</translation>
    </message>
    <message>
        <source>(sletning)</source>
        <translation>(deletion)</translation>
    </message>
    <message>
        <source>Slettet</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Borgeren er flyttet til en anden konsulent, så ændringen kunne ikke sendes. Den står herunder, så du kan give den videre til borgerens nye konsulent. Fjern den, når den er overdraget.</source>
        <translation>The citizen has moved to another consultant, so the change could not be sent. It is shown below so you can pass it on to the citizen&apos;s new consultant. Remove it once it is handed over.</translation>
    </message>
    <message>
        <source>&amp;Overdraget – fjern fra listen</source>
        <translation>&amp;Handed over – remove from the list</translation>
    </message>
    <message>
        <source>F&amp;orstået – fjern fra listen</source>
        <translation>Under&amp;stood – remove from the list</translation>
    </message>
    <message>
        <source>Behold &amp;din værdi</source>
        <translation>Keep &amp;your value</translation>
    </message>
    <message>
        <source>Seneste fejl: {error}</source>
        <translation>Latest error: {error}</translation>
    </message>
    <message>
        <source>Tilmeld enheden først.</source>
        <translation>Enrol the device first.</translation>
    </message>
    <message>
        <source>&amp;Tilmeld enhed igen …</source>
        <translation>&amp;Enrol device again …</translation>
    </message>
    <message>
        <source>Tilmeld enhed</source>
        <translation>Enrol device</translation>
    </message>
    <message>
        <source>Skriv både serverens adresse og tilmeldingskoden.</source>
        <translation>Type both the server&apos;s address and the enrolment code.</translation>
    </message>
    <message>
        <source>Tilmelder enheden hos {url} …</source>
        <translation>Enrolling the device with {url} …</translation>
    </message>
    <message>
        <source>Enheden er tilmeldt {municipality} som {consultant}. Synkroniserer …</source>
        <translation>The device is enrolled with {municipality} as {consultant}. Syncing …</translation>
    </message>
    <message>
        <source>Tilmelding mislykkedes</source>
        <translation>Enrolment failed</translation>
    </message>
    <message>
        <source>oprettet</source>
        <translation>created</translation>
    </message>
    <message>
        <source>ændret</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>slettet</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>Venter ({n})</source>
        <translation>Waiting ({n})</translation>
    </message>
    <message>
        <source>(hele ændringen)</source>
        <translation>(the whole change)</translation>
    </message>
    <message>
        <source>afvist</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>serverens</source>
        <translation>the server&apos;s</translation>
    </message>
    <message>
        <source>din</source>
        <translation>yours</translation>
    </message>
    <message>
        <source>Konflikter ({n})</source>
        <translation>Conflicts ({n})</translation>
    </message>
    <message>
        <source>i gang</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>gennemført</source>
        <translation>completed</translation>
    </message>
    <message>
        <source>fejlede</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>Lagt til side ({n})</source>
        <translation>Set aside ({n})</translation>
    </message>
    <message>
        <source>dig</source>
        <translation>you</translation>
    </message>
    <message>
        <source>tidsplan</source>
        <translation>schedule</translation>
    </message>
    <message>
        <source>netværket kom igen</source>
        <translation>network came back</translation>
    </message>
    <message>
        <source>kommandolinje</source>
        <translation>command line</translation>
    </message>
    <message>
        <source>Ingen konflikter. Når den samme oplysning er ændret både her og på serveren, vises begge værdier her, så du kan vælge.</source>
        <translation>No conflicts. When the same information has been changed both here and on the server, both values are shown here so that you can choose.</translation>
    </message>
    <message>
        <source>Tjenesten afviste ændringen. Den er ikke gemt centralt; dine værdier står herunder.</source>
        <translation>The service rejected the change. It has not been saved centrally; your values are shown below.</translation>
    </message>
    <message>
        <source>{record} er slettet, mens den blev ændret et andet sted. En sletning kan ikke gøres om, men du kan oprette posten igen som en ny post med de gemte oplysninger og ændringen. Det, der hørte til den slettede post (fx kontakter og besøg), følger ikke med.</source>
        <translation>{record} was deleted while it was being changed elsewhere. A deletion cannot be undone, but you can create the record again as a new record with the kept details and the change. What belonged to the deleted record (such as contacts and visits) does not come along.</translation>
    </message>
    <message>
        <source>F&amp;orstået – lad den være slettet</source>
        <translation>&amp;Understood – leave it deleted</translation>
    </message>
    <message>
        <source>&amp;Opret igen som ny post</source>
        <translation>&amp;Create again as a new record</translation>
    </message>
    <message>
        <source>serverens værdi</source>
        <translation>the server&apos;s value</translation>
    </message>
    <message>
        <source>din værdi</source>
        <translation>your value</translation>
    </message>
    <message>
        <source>{record} – {field}: begge steder ændret. Reglen for feltet valgte {winner}; vælg den værdi, der skal gælde.</source>
        <translation>{record} – {field}: changed in both places. The rule for the field chose {winner}; choose the value that is to apply.</translation>
    </message>
    <message>
        <source>Ændringer der venter</source>
        <translation>Changes waiting</translation>
    </message>
</context>
<context>
    <name>SyncProgress</name>
    <message>
        <source>Synkroniseringens fremdrift</source>
        <translation>Sync progress</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Planlagte besøg</source>
        <translation>Planned visits</translation>
    </message>
    <message>
        <source>Ingen planlagte besøg fra i dag og frem.</source>
        <translation>No planned visits from today on.</translation>
    </message>
    <message>
        <source>&amp;Start besøg (Enter)</source>
        <translation>&amp;Start visit (Enter)</translation>
    </message>
    <message>
        <source>Åbner virksomheden med en ny besøgsnote</source>
        <translation>Opens the employer with a new visit note</translation>
    </message>
    <message>
        <source>Forfaldne opfølgninger</source>
        <translation>Follow-ups due</translation>
    </message>
    <message>
        <source>Ingen opfølgninger er forfaldne.</source>
        <translation>No follow-ups are due.</translation>
    </message>
    <message>
        <source>&amp;Markér opfølgning udført (Ctrl+D)</source>
        <translation>&amp;Mark follow-up done (Ctrl+D)</translation>
    </message>
    <message>
        <source>Å&amp;bn virksomheden</source>
        <translation>O&amp;pen the employer</translation>
    </message>
    <message>
        <source>Markér opfølgning udført</source>
        <translation>Mark follow-up done</translation>
    </message>
    <message>
        <source>I dag</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Planlagte besøg ({n})</source>
        <translation>Planned visits ({n})</translation>
    </message>
    <message>
        <source>Forfaldne opfølgninger ({n})</source>
        <translation>Follow-ups due ({n})</translation>
    </message>
</context>
<context>
    <name>VacanciesPage</name>
    <message>
        <source>Stillinger</source>
        <translation>Vacancies</translation>
    </message>
    <message>
        <source>Filtrér stillinger (Ctrl+F)</source>
        <translation>Filter vacancies (Ctrl+F)</translation>
    </message>
    <message>
        <source>Vis status</source>
        <translation>Show status</translation>
    </message>
    <message>
        <source>Alle statusser</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>&amp;Ny stilling</source>
        <translation>&amp;New vacancy</translation>
    </message>
    <message>
        <source>&amp;Gem</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Fortryd</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>Slet</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Gå til &amp;virksomhed</source>
        <translation>Go to &amp;employer</translation>
    </message>
    <message>
        <source>Filtrér</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>&amp;Foreslå borger</source>
        <translation>&amp;Propose citizen</translation>
    </message>
    <message>
        <source>Virksomhed</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Virksomhed:</source>
        <translation>Employer:</translation>
    </message>
    <message>
        <source>&amp;Titel:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>Stillingsbetegnelse:</source>
        <translation>Occupation:</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>T&amp;ype:</translation>
    </message>
    <message>
        <source>Timer pr. uge fra</source>
        <translation>Hours per week from</translation>
    </message>
    <message>
        <source>Timer pr. uge til</source>
        <translation>Hours per week to</translation>
    </message>
    <message>
        <source>Starter med få timer og stiger</source>
        <translation>Starts with few hours and rises</translation>
    </message>
    <message>
        <source>fra</source>
        <translation>from</translation>
    </message>
    <message>
        <source>til</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Timer i en sætning</source>
        <translation>Hours in a sentence</translation>
    </message>
    <message>
        <source>Timer p&amp;r. uge:</source>
        <translation>Hours per &amp;week:</translation>
    </message>
    <message>
        <source>A&amp;nsøgningsfrist:</source>
        <translation>Application dead&amp;line:</translation>
    </message>
    <message>
        <source>fx 1.3.2026</source>
        <translation>e.g. 1.3.2026</translation>
    </message>
    <message>
        <source>&amp;Krav:</source>
        <translation>&amp;Requirements:</translation>
    </message>
    <message>
        <source>K&amp;ompetencer:</source>
        <translation>S&amp;kills:</translation>
    </message>
    <message>
        <source>adskilt med komma, fx lager, truckcertifikat</source>
        <translation>separated by commas, e.g. warehouse, forklift certificate</translation>
    </message>
    <message>
        <source>Antal &amp;stillinger:</source>
        <translation>Number of &amp;positions:</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>Stat&amp;us:</translation>
    </message>
    <message>
        <source>St&amp;artdato:</source>
        <translation>St&amp;art date:</translation>
    </message>
    <message>
        <source>Arbejdsstedets postnr.:</source>
        <translation>Workplace postcode:</translation>
    </message>
    <message>
        <source>&amp;Beskrivelse:</source>
        <translation>&amp;Description:</translation>
    </message>
    <message>
        <source>Passende borgere</source>
        <translation>Suitable citizens</translation>
    </message>
    <message>
        <source>Stillingen findes ikke længere.</source>
        <translation>The vacancy no longer exists.</translation>
    </message>
    <message>
        <source>Ny stilling</source>
        <translation>New vacancy</translation>
    </message>
    <message>
        <source>Vælg den virksomhed, stillingen er hos.</source>
        <translation>Choose the employer the vacancy is with.</translation>
    </message>
    <message>
        <source>Stillingen er slettet.</source>
        <translation>The vacancy has been deleted.</translation>
    </message>
    <message>
        <source>{name} er foreslået til stillingen.</source>
        <translation>{name} has been proposed for the vacancy.</translation>
    </message>
</context>
<context>
    <name>Visits</name>
    <message>
        <source>Ny besøgsnote</source>
        <translation>New visit note</translation>
    </message>
    <message>
        <source>Skriv noten her. Ctrl+Enter gemmer.</source>
        <translation>Write the note here. Ctrl+Enter saves.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>fx 1.3.2026</source>
        <translation>e.g. 1.3.2026</translation>
    </message>
    <message>
        <source>Opfølgningsdato</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>valgfrit, fx 15.3.2026</source>
        <translation>optional, e.g. 15.3.2026</translation>
    </message>
    <message>
        <source>Opfølgningsnote</source>
        <translation>Follow-up note</translation>
    </message>
    <message>
        <source>Gem besøg (Ctrl+Enter)</source>
        <translation>Save visit (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Besøgslog</source>
        <translation>Visit log</translation>
    </message>
    <message>
        <source>Ingen besøg endnu. Skriv en besøgsnote ovenfor, og gem med Ctrl+Enter.</source>
        <translation>No visits yet. Write a visit note above and save it with Ctrl+Enter.</translation>
    </message>
    <message>
        <source>Markér &amp;opfølgning udført (Ctrl+D)</source>
        <translation>Mark follow-&amp;up done (Ctrl+D)</translation>
    </message>
    <message>
        <source>Besøg i gang – noten gemmes på det planlagte besøg</source>
        <translation>Visit in progress – the note is saved on the planned visit</translation>
    </message>
    <message>
        <source>Besøget er gemt.</source>
        <translation>The visit is saved.</translation>
    </message>
    <message>
        <source>Vælg en virksomhed først.</source>
        <translation>Choose an employer first.</translation>
    </message>
    <message>
        <source>Vælg et besøg i loggen først.</source>
        <translation>Choose a visit in the log first.</translation>
    </message>
    <message>
        <source>Opfølgningen er markeret som udført.</source>
        <translation>The follow-up is marked as done.</translation>
    </message>
</context>
<context>
    <name>agreement_fields</name>
    <message>
        <source>Fra virksomheden</source>
        <translation>From the employer</translation>
    </message>
    <message>
        <source>Fra kontaktpersonen</source>
        <translation>From the contact person</translation>
    </message>
    <message>
        <source>Fra stillingen</source>
        <translation>From the vacancy</translation>
    </message>
    <message>
        <source>Fra borgeren</source>
        <translation>From the citizen</translation>
    </message>
    <message>
        <source>Fra matchet</source>
        <translation>From the match</translation>
    </message>
    <message>
        <source>Fra din profil</source>
        <translation>From your profile</translation>
    </message>
    <message>
        <source>Dagens dato</source>
        <translation>Today&apos;s date</translation>
    </message>
    <message>
        <source>Standardværdi</source>
        <translation>Default value</translation>
    </message>
    <message>
        <source>fx 1.3.2026</source>
        <translation>e.g. 1.3.2026</translation>
    </message>
    <message>
        <source>timer pr. uge, fx 15</source>
        <translation>hours per week, e.g. 15</translation>
    </message>
    <message>
        <source>kr., fx 120,50</source>
        <translation>DKK, e.g. 120.50</translation>
    </message>
    <message>
        <source>et tal</source>
        <translation>a number</translation>
    </message>
    <message>
        <source>et helt tal</source>
        <translation>a whole number</translation>
    </message>
    <message>
        <source>DDMMÅÅ-XXXX</source>
        <translation>DDMMYY-XXXX</translation>
    </message>
    <message>
        <source>8 cifre</source>
        <translation>8 digits</translation>
    </message>
    <message>
        <source>10 cifre</source>
        <translation>10 digits</translation>
    </message>
    <message>
        <source>4 cifre</source>
        <translation>4 digits</translation>
    </message>
    <message>
        <source>navn@firma.dk</source>
        <translation>name@company.dk</translation>
    </message>
    <message>
        <source>(vælg)</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>Fejl ved {field}</source>
        <translation>Error in {field}</translation>
    </message>
</context>
<context>
    <name>agreement_findings</name>
    <message>
        <source>{n} advarsler</source>
        <translation>{n} warnings</translation>
    </message>
    <message>
        <source>{errors} fejl, {warnings}, {infos} til orientering.</source>
        <translation>{errors} error(s), {warnings}, {infos} for information.</translation>
    </message>
    <message>
        <source>&amp;Kvittér</source>
        <translation>&amp;Acknowledge</translation>
    </message>
    <message>
        <source>(kvitteret)</source>
        <translation>(acknowledged)</translation>
    </message>
    <message>
        <source>1 advarsel</source>
        <translation>1 warning</translation>
    </message>
    <message>
        <source>Advarsel</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Fejl</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Fortryd kvitteringen</source>
        <translation>Undo the acknowledgement</translation>
    </message>
    <message>
        <source>Fund ved kontrollen</source>
        <translation>Findings of the check</translation>
    </message>
    <message>
        <source>Ingen fund: reglerne er overholdt.</source>
        <translation>No findings: the rules are met.</translation>
    </message>
    <message>
        <source>Klik på et fund for at gå til feltet.</source>
        <translation>Click a finding to go to the field.</translation>
    </message>
    <message>
        <source>Kontrol af reglerne</source>
        <translation>Rule check</translation>
    </message>
    <message>
        <source>Kvitteret med noten: {note}</source>
        <translation>Acknowledged with the note: {note}</translation>
    </message>
    <message>
        <source>Note til advarslen</source>
        <translation>Note on the warning</translation>
    </message>
    <message>
        <source>Skriv en note, før advarslen kan kvitteres.</source>
        <translation>Write a note before the warning can be acknowledged.</translation>
    </message>
    <message>
        <source>Skriv en note: hvorfor aftalen alligevel holder</source>
        <translation>Write a note: why the agreement holds all the same</translation>
    </message>
    <message>
        <source>Til orientering</source>
        <translation>For information</translation>
    </message>
    <message>
        <source>hele aftalen</source>
        <translation>the whole agreement</translation>
    </message>
</context>
<context>
    <name>agreement_start</name>
    <message>
        <source>&amp;Borger:</source>
        <translation>&amp;Citizen:</translation>
    </message>
    <message>
        <source>&amp;Match:</source>
        <translation>&amp;Match:</translation>
    </message>
    <message>
        <source>&amp;Stilling:</source>
        <translation>&amp;Vacancy:</translation>
    </message>
    <message>
        <source>&amp;Virksomhed:</source>
        <translation>&amp;Employer:</translation>
    </message>
    <message>
        <source>(ingen stilling)</source>
        <translation>(no vacancy)</translation>
    </message>
    <message>
        <source>(uden match – vælg stilling og borger)</source>
        <translation>(without a match – choose vacancy and citizen)</translation>
    </message>
    <message>
        <source>Aftaletype</source>
        <translation>Agreement type</translation>
    </message>
    <message>
        <source>Aftalte og startede match står først.</source>
        <translation>Agreed and started matches come first.</translation>
    </message>
    <message>
        <source>Borger</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Match</translation>
    </message>
    <message>
        <source>Parter</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>Skriv for at søge blandt borgerne</source>
        <translation>Type to search among the citizens</translation>
    </message>
    <message>
        <source>Stilling</source>
        <translation>Vacancy</translation>
    </message>
    <message>
        <source>Virksomhed</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Virksomheden har ingen aktive match; vælg stilling og borger.</source>
        <translation>The employer has no active matches; choose vacancy and citizen.</translation>
    </message>
    <message>
        <source>Vælg først virksomheden.</source>
        <translation>Choose the employer first.</translation>
    </message>
</context>
<context>
    <name>agreement_wizard</name>
    <message>
        <source>1 Type og parter</source>
        <translation>1 Type and parties</translation>
    </message>
    <message>
        <source>2 Kontrollér</source>
        <translation>2 Check</translation>
    </message>
    <message>
        <source>3 Udfyld det nye</source>
        <translation>3 Fill in what is new</translation>
    </message>
    <message>
        <source>4 Klar til underskrift</source>
        <translation>4 Ready to sign</translation>
    </message>
    <message>
        <source>{field} er ikke gemt – ret det markerede.</source>
        <translation>{field} is not saved – correct what is marked.</translation>
    </message>
    <message>
        <source>{pages} sider sendt til printeren.</source>
        <translation>{pages} pages sent to the printer.</translation>
    </message>
    <message>
        <source>&amp;Fortsæt underskrift…</source>
        <translation>&amp;Continue signing…</translation>
    </message>
    <message>
        <source>&amp;Næste →</source>
        <translation>&amp;Next →</translation>
    </message>
    <message>
        <source>&amp;Opret aftale →</source>
        <translation>&amp;Create agreement →</translation>
    </message>
    <message>
        <source>&amp;Underskriv…</source>
        <translation>&amp;Sign…</translation>
    </message>
    <message>
        <source>Advarslen skal kvitteres med en note:</source>
        <translation>The warning must be acknowledged with a note:</translation>
    </message>
    <message>
        <source>Advarsler (kvitteres med en note)</source>
        <translation>Warnings (acknowledged with a note)</translation>
    </message>
    <message>
        <source>Aftalen er lavet med en skabelon, som denne version af programmet ikke kender. Opdatér programmet for at åbne den.</source>
        <translation>The agreement was made with a template that this version of the program does not know. Update the program to open it.</translation>
    </message>
    <message>
        <source>Aftalen er underskrevet og forseglet og kan ikke ændres. Den forseglede PDF kan gemmes, åbnes og udskrives her.</source>
        <translation>The agreement is signed and sealed and cannot be changed. The sealed PDF can be saved, opened and printed here.</translation>
    </message>
    <message>
        <source>Aftalen er underskrevet og forseglet.</source>
        <translation>The agreement is signed and sealed.</translation>
    </message>
    <message>
        <source>Aftalen er underskrevet og kan ikke ændres. En ændring laver en ny version af aftalen, som skal underskrives igen af alle parter.</source>
        <translation>The agreement is signed and cannot be changed. A change makes a new version of the agreement, which must be signed again by all parties.</translation>
    </message>
    <message>
        <source>Aftalen er underskrevet. Vil du lave en ny version, som kan ændres? Underskrifterne på den nuværende version bliver ugyldige, og aftalen skal underskrives igen.</source>
        <translation>The agreement is signed. Do you want to make a new version that can be changed? The signatures on the current version become invalid, and the agreement must be signed again.</translation>
    </message>
    <message>
        <source>Aftalen har ingen forseglet PDF.</source>
        <translation>The agreement has no sealed PDF.</translation>
    </message>
    <message>
        <source>Aftalen kan ikke vises</source>
        <translation>The agreement cannot be shown</translation>
    </message>
    <message>
        <source>Aftalen kan underskrives, når der ikke er fejl, og alle advarsler er kvitteret.</source>
        <translation>The agreement can be signed when there are no errors and all warnings have been acknowledged.</translation>
    </message>
    <message>
        <source>Alle parter har underskrevet</source>
        <translation>All parties have signed</translation>
    </message>
    <message>
        <source>Alt er gemt {time}.</source>
        <translation>Everything saved at {time}.</translation>
    </message>
    <message>
        <source>Borger</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Der er ingen fejl, og alle advarsler er kvitteret. Tryk &quot;Underskriv…&quot; for at lade parterne underskrive på skærmen.</source>
        <translation>There are no errors, and all warnings have been acknowledged. Press &quot;Sign…&quot; to let the parties sign on screen.</translation>
    </message>
    <message>
        <source>Disse oplysninger er hentet fra virksomheden, kontaktpersonen, stillingen, borgeren og matchet (grøn baggrund). Ret dem her, hvis noget er forkert; det gemmes med det samme.</source>
        <translation>This information has been taken from the employer, the contact person, the vacancy, the citizen and the match (green background). Correct it here if anything is wrong; it is saved straight away.</translation>
    </message>
    <message>
        <source>Foreslået ud fra målgruppen</source>
        <translation>Suggested from the target group</translation>
    </message>
    <message>
        <source>Forrige trin</source>
        <translation>Previous step</translation>
    </message>
    <message>
        <source>Gem &amp;PDF…</source>
        <translation>Save &amp;PDF…</translation>
    </message>
    <message>
        <source>Gemmer …</source>
        <translation>Saving …</translation>
    </message>
    <message>
        <source>Gemt</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Ikke gemt endnu …</source>
        <translation>Not saved yet …</translation>
    </message>
    <message>
        <source>Ikke gemt.</source>
        <translation>Not saved.</translation>
    </message>
    <message>
        <source>Ingen aftale valgt</source>
        <translation>No agreement selected</translation>
    </message>
    <message>
        <source>Kladden er oprettet og gemmes, mens du arbejder.</source>
        <translation>The draft has been created and is saved while you work.</translation>
    </message>
    <message>
        <source>Klar til underskrift</source>
        <translation>Ready to sign</translation>
    </message>
    <message>
        <source>Lav ny &amp;version…</source>
        <translation>Make a new &amp;version…</translation>
    </message>
    <message>
        <source>Lovgrundlag</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Mangler at underskrive:</source>
        <translation>Still to sign:</translation>
    </message>
    <message>
        <source>Ny aftale</source>
        <translation>New agreement</translation>
    </message>
    <message>
        <source>Ny version af aftalen</source>
        <translation>New version of the agreement</translation>
    </message>
    <message>
        <source>Næste trin</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Opretter kladden …</source>
        <translation>Creating the draft …</translation>
    </message>
    <message>
        <source>PDF&apos;en er gemt i {path}.</source>
        <translation>The PDF was saved in {path}.</translation>
    </message>
    <message>
        <source>Skabelon</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Skal udfyldes</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Skal underskrives af</source>
        <translation>To be signed by</translation>
    </message>
    <message>
        <source>Stilling</source>
        <translation>Vacancy</translation>
    </message>
    <message>
        <source>Tjek og udfyld efter behov</source>
        <translation>Check and fill in as needed</translation>
    </message>
    <message>
        <source>Trin</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Tryk &quot;Fortsæt underskrift…&quot; for at forsegle aftalen og gemme den som PDF.</source>
        <translation>Press &quot;Continue signing…&quot; to seal the agreement and save it as a PDF.</translation>
    </message>
    <message>
        <source>Tryk &quot;Fortsæt underskrift…&quot; for at lade de næste parter underskrive.</source>
        <translation>Press &quot;Continue signing…&quot; to let the next parties sign.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Typen og parterne er valgt, da kladden blev oprettet. Skal typen være en anden, så start en ny aftale.</source>
        <translation>The type and the parties were chosen when the draft was created. If the type should be a different one, start a new agreement.</translation>
    </message>
    <message>
        <source>Ud&amp;skriv…</source>
        <translation>Pri&amp;nt…</translation>
    </message>
    <message>
        <source>Udfyld det, der er nyt for denne aftale. Felter med * skal udfyldes. Alt gemmes, mens du skriver.</source>
        <translation>Fill in what is new for this agreement. Fields marked * must be filled in. Everything is saved as you type.</translation>
    </message>
    <message>
        <source>Underskrift i gang</source>
        <translation>Signing in progress</translation>
    </message>
    <message>
        <source>Virksomhed</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Vælg en aftale i listen, eller start en ny med Ctrl+N.</source>
        <translation>Choose an agreement in the list, or start a new one with Ctrl+N.</translation>
    </message>
    <message>
        <source>Vælg parterne og typen; alt, hvad registreringerne ved, udfyldes derefter for dig.</source>
        <translation>Choose the parties and the type; everything the records know is then filled in for you.</translation>
    </message>
    <message>
        <source>version {n}</source>
        <translation>version {n}</translation>
    </message>
    <message>
        <source>Å&amp;bn PDF</source>
        <translation>O&amp;pen PDF</translation>
    </message>
    <message>
        <source>← &amp;Tilbage</source>
        <translation>← &amp;Back</translation>
    </message>
    <message>
        <source>✔ Klar til underskrift</source>
        <translation>✔ Ready to sign</translation>
    </message>
    <message>
        <source>✖ Ikke klar til underskrift</source>
        <translation>✖ Not ready to sign</translation>
    </message>
</context>
<context>
    <name>agreements</name>
    <message>
        <source>Kladde</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Under underskrift</source>
        <translation>Being signed</translation>
    </message>
    <message>
        <source>Underskrevet</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>Forseglet</source>
        <translation>Sealed</translation>
    </message>
    <message>
        <source>Afleveret</source>
        <translation>Delivered</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Profilen kan ikke åbnes</source>
        <translation>The profile cannot be opened</translation>
    </message>
    <message>
        <source>Der skete en uventet fejl. Fejlen er skrevet i loggen; det, du allerede har gemt, er ikke berørt.</source>
        <translation>An unexpected error occurred. The error has been written to the log; what you have already saved is not affected.</translation>
    </message>
    <message>
        <source>Fejl</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>ARGUMENTER</source>
        <translation>ARGS</translation>
    </message>
    <message>
        <source>Adgangskode til profilen</source>
        <translation>Passphrase for the profile</translation>
    </message>
    <message>
        <source>Adgangskode til profilen (eller miljøvariablen {env}).</source>
        <translation>Passphrase of the profile (or the environment variable {env}).</translation>
    </message>
    <message>
        <source>Advarsel: filen indeholder personoplysninger med fulde CPR-numre. Opbevar den krypteret, del den ikke, og slet den, når du er færdig.</source>
        <translation>Warning: the file holds personal data with full CPR numbers. Keep it encrypted, do not share it, and delete it when you are done.</translation>
    </message>
    <message>
        <source>Afbrudt.</source>
        <translation>Aborted.</translation>
    </message>
    <message>
        <source>Angiv enten --vacancy eller --citizen.</source>
        <translation>Give either --vacancy or --citizen.</translation>
    </message>
    <message>
        <source>Angiv mindst ét felt=værdi.</source>
        <translation>Give at least one field=value.</translation>
    </message>
    <message>
        <source>Bemærkning; for et afslag begrundelsen.</source>
        <translation>Note; for a decline, the reason.</translation>
    </message>
    <message>
        <source>Besøg</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Besøg hos en virksomhed med noter og opfølgning: opret, ret og afslut opfølgning.</source>
        <translation>Visits to an employer with notes and follow-up: add, edit and complete follow-ups.</translation>
    </message>
    <message>
        <source>Borger</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Borgere</source>
        <translation>Citizens</translation>
    </message>
    <message>
        <source>Borgere til {title} hos {employer}:</source>
        <translation>Citizens for {title} at {employer}:</translation>
    </message>
    <message>
        <source>Borgere: opret, ret og vis (CPR-nummeret vises maskeret).</source>
        <translation>Citizens: add, edit and show (the CPR number is shown masked).</translation>
    </message>
    <message>
        <source>Borgerens id.</source>
        <translation>The citizen&apos;s id.</translation>
    </message>
    <message>
        <source>Borgerens id: ranglist stillinger.</source>
        <translation>The citizen&apos;s id: rank vacancies.</translation>
    </message>
    <message>
        <source>Databasen er i orden.</source>
        <translation>The database is in order.</translation>
    </message>
    <message>
        <source>Demodata oprettet: {employers} virksomheder, {vacancies} stillinger, {citizens} borgere.</source>
        <translation>Demo data created: {employers} employers, {vacancies} vacancies, {citizens} citizens.</translation>
    </message>
    <message>
        <source>Der er ingen nøglering på denne maskine; adgangskoden skal bruges.</source>
        <translation>There is no keyring on this machine; the passphrase must be used.</translation>
    </message>
    <message>
        <source>Der skete en uventet fejl. Detaljer er skrevet i {path}.</source>
        <translation>An unexpected error occurred. Details are written in {path}.</translation>
    </message>
    <message>
        <source>Eksportér virksomheder, stillinger eller borgere til en CSV-fil (UTF-8, semikolon), som kan importeres igen.</source>
        <translation>Export employers, vacancies or citizens to a CSV file (UTF-8, semicolons) that can be imported again.</translation>
    </message>
    <message>
        <source>En bemærkning i matchets historik.</source>
        <translation>A note in the match&apos;s history.</translation>
    </message>
    <message>
        <source>FELT=VÆRDI...</source>
        <translation>FIELD=VALUE...</translation>
    </message>
    <message>
        <source>FIL</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>FILNAVN</source>
        <translation>FILENAME</translation>
    </message>
    <message>
        <source>Felter (* skal udfyldes): {names}.</source>
        <translation>Fields (* must be filled in): {names}.</translation>
    </message>
    <message>
        <source>Feltværktøj for virksomhedskonsulenter: virksomheder, stillinger, borgere, match og aftaler. Uden kommando åbnes programmet på profilen.</source>
        <translation>Field tool for employer consultants: employers, vacancies, citizens, matches and agreements. Without a command, the program opens on the profile.</translation>
    </message>
    <message>
        <source>Find de bedste borgere til en stilling, eller stillinger til en borger, med begrundelser (--vacancy eller --citizen); foreslå en borger til en stilling og flyt et match mellem trinene i forløbet.</source>
        <translation>Find the best citizens for a vacancy, or vacancies for a citizen, with reasons (--vacancy or --citizen); propose a citizen for a vacancy and move a match between the steps of the process.</translation>
    </message>
    <message>
        <source>Flyt et match til et trin i forløbet: {stages}. Et afslag (declined) kræver en begrundelse (--note).</source>
        <translation>Move a match to a step of the process: {stages}. A decline (declined) needs a reason (--note).</translation>
    </message>
    <message>
        <source>Foreslå borgeren til stillingen (første trin i forløbet). Skriver matchets id.</source>
        <translation>Propose the citizen for the vacancy (the first step of the process). Prints the match&apos;s id.</translation>
    </message>
    <message>
        <source>Fyld profilen med realistiske demodata.</source>
        <translation>Fill the profile with realistic demo data.</translation>
    </message>
    <message>
        <source>Gem de gode linjer og spring linjer med fejl over.</source>
        <translation>Save the good lines and skip lines with errors.</translation>
    </message>
    <message>
        <source>Gem intet, hvis en linje har fejl (standard).</source>
        <translation>Save nothing if a line has errors (default).</translation>
    </message>
    <message>
        <source>Gem nøglen i styresystemets nøglering.</source>
        <translation>Keep the key in the operating system&apos;s keyring.</translation>
    </message>
    <message>
        <source>Gemt: {id}</source>
        <translation>Saved: {id}</translation>
    </message>
    <message>
        <source>HELTAL</source>
        <translation>INTEGER</translation>
    </message>
    <message>
        <source>I dag: planlagte besøg fra i dag og opfølgninger, der er forfaldne (som siden I dag).</source>
        <translation>Today: planned visits from today on and follow-ups that are due (as the Today page).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>INTERVAL</source>
        <translation>RANGE</translation>
    </message>
    <message>
        <source>Importér virksomheder, stillinger eller borgere fra en CSV-fil. Som standard gemmes intet, hvis en linje har fejl.</source>
        <translation>Import employers, vacancies or citizens from a CSV file. By default nothing is saved if a line has errors.</translation>
    </message>
    <message>
        <source>Ingen passer.</source>
        <translation>No matches.</translation>
    </message>
    <message>
        <source>Ingen resultater.</source>
        <translation>No results.</translation>
    </message>
    <message>
        <source>JA/NEJ</source>
        <translation>BOOLEAN</translation>
    </message>
    <message>
        <source>KOMMANDO</source>
        <translation>COMMAND</translation>
    </message>
    <message>
        <source>Konsulent</source>
        <translation>Consultant</translation>
    </message>
    <message>
        <source>Konsulentens navn.</source>
        <translation>The consultant&apos;s name.</translation>
    </message>
    <message>
        <source>Kontaktperson</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Kontaktpersoner hos en virksomhed: opret, ret og vis.</source>
        <translation>Contact persons at an employer: add, edit and show.</translation>
    </message>
    <message>
        <source>Kontrollér databasefilens integritet.</source>
        <translation>Check the integrity of the database file.</translation>
    </message>
    <message>
        <source>Kun borgere uden skånehensyn.</source>
        <translation>Only citizens without restrictions.</translation>
    </message>
    <message>
        <source>Kun dem der bor højst så mange km væk.</source>
        <translation>Only those who live at most this many km away.</translation>
    </message>
    <message>
        <source>Kun denne slags (kan gentages).</source>
        <translation>Only this kind (can be repeated).</translation>
    </message>
    <message>
        <source>MAPPE</source>
        <translation>DIRECTORY</translation>
    </message>
    <message>
        <source>Markér besøgets opfølgning som klaret.</source>
        <translation>Mark the visit&apos;s follow-up as done.</translation>
    </message>
    <message>
        <source>Maskinlæsbart output.</source>
        <translation>Machine-readable output.</translation>
    </message>
    <message>
        <source>Maskinlæsbart, med engelske nøgler: employers, vacancies, citizens, visits, matches, outbox, profile, consultant.</source>
        <translation>Machine-readable, with English keys: employers, vacancies, citizens, visits, matches, outbox, profile, consultant.</translation>
    </message>
    <message>
        <source>Maskinlæsbart: id og trin.</source>
        <translation>Machine-readable: id and step.</translation>
    </message>
    <message>
        <source>Maskinlæsbart: id, score, reasons, excluded_because.</source>
        <translation>Machine-readable: id, score, reasons, excluded_because.</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Matches</translation>
    </message>
    <message>
        <source>Nøglen er gemt i nøgleringen.</source>
        <translation>The key is saved in the keyring.</translation>
    </message>
    <message>
        <source>Opfølgninger:</source>
        <translation>Follow-ups:</translation>
    </message>
    <message>
        <source>Opret en borger og skriv borgerens id. {fields}</source>
        <translation>Add a citizen and print the citizen&apos;s id. {fields}</translation>
    </message>
    <message>
        <source>Opret en ny profil.</source>
        <translation>Create a new profile.</translation>
    </message>
    <message>
        <source>Opret en stilling hos virksomheden EMPLOYER_ID og skriv dens id. {fields}</source>
        <translation>Add a vacancy at the employer EMPLOYER_ID and print its id. {fields}</translation>
    </message>
    <message>
        <source>Opret en virksomhed og skriv dens id. {fields}</source>
        <translation>Add an employer and print its id. {fields}</translation>
    </message>
    <message>
        <source>Opretter demodata</source>
        <translation>Creating demo data</translation>
    </message>
    <message>
        <source>Planlagte besøg:</source>
        <translation>Planned visits:</translation>
    </message>
    <message>
        <source>Profil</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Profil klar i {path}</source>
        <translation>Profile ready in {path}</translation>
    </message>
    <message>
        <source>Profilmappe (standard: brugerens datamappe).</source>
        <translation>Profile folder (default: the user&apos;s data folder).</translation>
    </message>
    <message>
        <source>Programmets vindue er ikke installeret; skriv &apos;consultant-app --help&apos; for kommandolinjens kommandoer.</source>
        <translation>The program&apos;s window is not installed; type &apos;consultant-app --help&apos; for the command line&apos;s commands.</translation>
    </message>
    <message>
        <source>Ret en kontaktperson. {fields}</source>
        <translation>Edit a contact person. {fields}</translation>
    </message>
    <message>
        <source>Ret et besøg. {fields}</source>
        <translation>Edit a visit. {fields}</translation>
    </message>
    <message>
        <source>Ret felter hos en borger. {fields}</source>
        <translation>Edit fields of a citizen. {fields}</translation>
    </message>
    <message>
        <source>Ret felter i en stilling. {fields}</source>
        <translation>Edit fields of a vacancy. {fields}</translation>
    </message>
    <message>
        <source>Ret felter i en virksomhed (en tom værdi rydder feltet). {fields}</source>
        <translation>Edit fields of an employer (an empty value clears the field). {fields}</translation>
    </message>
    <message>
        <source>STI</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>Skriv et besøg (eller et planlagt: status=planned) hos virksomheden EMPLOYER_ID og skriv dets id; datoen er i dag, hvis den ikke gives. {fields}</source>
        <translation>Record a visit (or a planned one: status=planned) at the employer EMPLOYER_ID and print its id; the date is today if none is given. {fields}</translation>
    </message>
    <message>
        <source>Skriv felt=værdi, ikke &apos;{item}&apos;.</source>
        <translation>Write field=value, not &apos;{item}&apos;.</translation>
    </message>
    <message>
        <source>Slet en stilling (som i programmet; sletningen synkroniseres).</source>
        <translation>Delete a vacancy (as in the program; the deletion is synchronised).</translation>
    </message>
    <message>
        <source>Slettet: {id}</source>
        <translation>Deleted: {id}</translation>
    </message>
    <message>
        <source>Sprog for kommandolinjens egne tekster: da (standard) eller en (eller miljøvariablen {env}).</source>
        <translation>Language of the command line&apos;s own texts: da (default) or en (or the environment variable {env}).</translation>
    </message>
    <message>
        <source>Stilling</source>
        <translation>Vacancy</translation>
    </message>
    <message>
        <source>Stillingens id.</source>
        <translation>The vacancy&apos;s id.</translation>
    </message>
    <message>
        <source>Stillingens id: ranglist borgere.</source>
        <translation>The vacancy&apos;s id: rank citizens.</translation>
    </message>
    <message>
        <source>Stillinger</source>
        <translation>Vacancies</translation>
    </message>
    <message>
        <source>Stillinger til {name}:</source>
        <translation>Vacancies for {name}:</translation>
    </message>
    <message>
        <source>Stillinger: opret, ret og vis.</source>
        <translation>Vacancies: add, edit and show.</translation>
    </message>
    <message>
        <source>Søg i virksomheder, stillinger og borgere.</source>
        <translation>Search employers, vacancies and citizens.</translation>
    </message>
    <message>
        <source>TAL</source>
        <translation>FLOAT</translation>
    </message>
    <message>
        <source>TEKST</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>TILVALG</source>
        <translation>OPTIONS</translation>
    </message>
    <message>
        <source>TRIN</source>
        <translation>STEP</translation>
    </message>
    <message>
        <source>Tilføj en kontaktperson til virksomheden EMPLOYER_ID og skriv dens id. {fields}</source>
        <translation>Add a contact person to the employer EMPLOYER_ID and print its id. {fields}</translation>
    </message>
    <message>
        <source>Virksomhed</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Virksomheder</source>
        <translation>Employers</translation>
    </message>
    <message>
        <source>Virksomheder: opret, ret og vis.</source>
        <translation>Employers: add, edit and show.</translation>
    </message>
    <message>
        <source>Vis en borger med CPR-nummeret maskeret, medmindre --reveal-cpr bruges (det skrives i adgangsloggen).</source>
        <translation>Show a citizen with the CPR number masked, unless --reveal-cpr is used (that is written to the access log).</translation>
    </message>
    <message>
        <source>Vis en kontaktperson.</source>
        <translation>Show a contact person.</translation>
    </message>
    <message>
        <source>Vis en stilling.</source>
        <translation>Show a vacancy.</translation>
    </message>
    <message>
        <source>Vis en virksomheds stamdata.</source>
        <translation>Show an employer&apos;s master data.</translation>
    </message>
    <message>
        <source>Vis et matchs historik: hvert trin, hvornår og af hvem.</source>
        <translation>Show a match&apos;s history: each step, when and by whom.</translation>
    </message>
    <message>
        <source>Vis hele CPR-nummeret (logges).</source>
        <translation>Show the whole CPR number (logged).</translation>
    </message>
    <message>
        <source>Vis hvad profilen indeholder, og hvor mange ændringer der venter på at blive synkroniseret.</source>
        <translation>Show what the profile holds, and how many changes are waiting to be synchronised.</translation>
    </message>
    <message>
        <source>Vis også dem, der ikke kan komme i betragtning, og hvorfor.</source>
        <translation>Also show those who cannot be considered, and why.</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nej</source>
        <translation>no</translation>
    </message>
    <message>
        <source>{count} {noun} eksporteret til {path}.</source>
        <translation>{count} {noun} exported to {path}.</translation>
    </message>
    <message>
        <source>{title} ({kind}) hos {employer}</source>
        <translation>{title} ({kind}) at {employer}</translation>
    </message>
    <message>
        <source>Ændringer, der venter på at blive synkroniseret</source>
        <translation>Changes waiting to be synced</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <source>Ansatte</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>Borger</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Branche</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>CVR</source>
        <translation>CVR</translation>
    </message>
    <message>
        <source>Dato</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Ledig siden</source>
        <translation>Unemployed since</translation>
    </message>
    <message>
        <source>Målgruppe</source>
        <translation>Target group</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Noter</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Opfølgning</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Opfølgningsnote</source>
        <translation>Follow-up note</translation>
    </message>
    <message>
        <source>Postnr.</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Primær</source>
        <translation>Primary</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Slut</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Stilling</source>
        <translation>Vacancy</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Timer/uge</source>
        <translation>Hours/week</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Trin</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Virksomhed</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Ændret</source>
        <translation>Changed</translation>
    </message>
</context>
<context>
    <name>console</name>
    <message>
        <source>(den konsulent, filen nævner)</source>
        <translation>(the consultant the file names)</translation>
    </message>
    <message>
        <source>(vælg konsulent)</source>
        <translation>(choose consultant)</translation>
    </message>
    <message>
        <source>Adgangskode</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Adgangslog</source>
        <translation>Access log</translation>
    </message>
    <message>
        <source>Adgangslog, nyeste først</source>
        <translation>Access log, newest first</translation>
    </message>
    <message>
        <source>Aftalen findes ikke.</source>
        <translation>The agreement does not exist.</translation>
    </message>
    <message>
        <source>Aftaler modtaget siden mandag</source>
        <translation>Agreements received since Monday</translation>
    </message>
    <message>
        <source>Aktive enheder</source>
        <translation>Active devices</translation>
    </message>
    <message>
        <source>Alle aktive konsulenter har haft kontakt inden for perioden.</source>
        <translation>Every active consultant has been in contact within the period.</translation>
    </message>
    <message>
        <source>Alle konsulenter</source>
        <translation>All consultants</translation>
    </message>
    <message>
        <source>Appversion</source>
        <translation>App version</translation>
    </message>
    <message>
        <source>Borger</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Borgere</source>
        <translation>Citizens</translation>
    </message>
    <message>
        <source>Borgere og deres konsulent</source>
        <translation>Citizens and their consultant</translation>
    </message>
    <message>
        <source>Borgere: tildel dem alle til</source>
        <translation>Citizens: assign them all to</translation>
    </message>
    <message>
        <source>Borgeren er slettet. Enhederne glemmer borgeren ved næste synkronisering.</source>
        <translation>The citizen has been erased. The devices forget the citizen at their next sync.</translation>
    </message>
    <message>
        <source>Borgeren findes ikke i din kommune.</source>
        <translation>The citizen does not exist in your municipality.</translation>
    </message>
    <message>
        <source>Borgeren har underskrevne aftaler, som kommunen normalt skal opbevare. Sæt også kryds ved &apos;Slet også underskrevne aftaler&apos; for at slette dem.</source>
        <translation>The citizen has signed agreements, which the municipality must normally keep. Also tick &apos;Also erase signed agreements&apos; to erase them.</translation>
    </message>
    <message>
        <source>Borgerens id eller CPR-nummer</source>
        <translation>The citizen&apos;s id or CPR number</translation>
    </message>
    <message>
        <source>Bruger</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Brugernavn</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>CSV-fil</source>
        <translation>CSV file</translation>
    </message>
    <message>
        <source>Databeskyttelse</source>
        <translation>Data protection</translation>
    </message>
    <message>
        <source>Databeskyttelsesrådgiver</source>
        <translation>Data-protection officer</translation>
    </message>
    <message>
        <source>Deaktivér konsulent</source>
        <translation>Deactivate consultant</translation>
    </message>
    <message>
        <source>Denne uge</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Der er ingen kommuner endnu.</source>
        <translation>There are no municipalities yet.</translation>
    </message>
    <message>
        <source>Din rolle giver ikke adgang til dette.</source>
        <translation>Your role does not give access to this.</translation>
    </message>
    <message>
        <source>Din session er udløbet. Log ind igen.</source>
        <translation>Your session has expired. Sign in again.</translation>
    </message>
    <message>
        <source>Du har kun adgang til din egen kommune.</source>
        <translation>You only have access to your own municipality.</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>E-mail (valgfri)</source>
        <translation>E-mail (optional)</translation>
    </message>
    <message>
        <source>En spærret enhed sletter sine persondata ved sin næste kontakt med tjenesten.</source>
        <translation>A revoked device erases its personal data at its next contact with the service.</translation>
    </message>
    <message>
        <source>Engangskode, gælder 14 dage. Den vises kun denne ene gang.</source>
        <translation>One-time code, valid for 14 days. It is shown only this once.</translation>
    </message>
    <message>
        <source>Enhed</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Enheden findes ikke.</source>
        <translation>The device does not exist.</translation>
    </message>
    <message>
        <source>Enheder</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; indeholder tegnet NUL, som ikke kan bruges. Ret feltet og prøv igen.</source>
        <translation>The field &apos;{field}&apos; contains the NUL character, which cannot be used. Correct the field and try again.</translation>
    </message>
    <message>
        <source>Filen indeholder</source>
        <translation>The file holds</translation>
    </message>
    <message>
        <source>Flyt</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Flyt de valgte til</source>
        <translation>Move the selected to</translation>
    </message>
    <message>
        <source>Forkert brugernavn eller adgangskode.</source>
        <translation>Wrong username or password.</translation>
    </message>
    <message>
        <source>Formularen var forældet eller kom ikke fra konsollen. Prøv igen.</source>
        <translation>The form was out of date or did not come from the console. Try again.</translation>
    </message>
    <message>
        <source>Formularen var forældet. Prøv igen.</source>
        <translation>The form was out of date. Try again.</translation>
    </message>
    <message>
        <source>Formål</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Forsøget er skrevet i konsollens log.</source>
        <translation>The attempt has been written to the console&apos;s log.</translation>
    </message>
    <message>
        <source>Fortsæt</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Fra dato</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>Fra-datoen skal skrives ÅÅÅÅ-MM-DD.</source>
        <translation>Write the from date as YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Gem de gode linjer, spring de forkerte over</source>
        <translation>Save the good lines, skip the bad ones</translation>
    </message>
    <message>
        <source>Gælder fra</source>
        <translation>In force from</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Handlinger</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Handlinger i konsollen</source>
        <translation>Actions in the console</translation>
    </message>
    <message>
        <source>Hent alt om borgeren (JSON)</source>
        <translation>Download everything about the citizen (JSON)</translation>
    </message>
    <message>
        <source>Hvad</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Hvem</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Hvem gjorde hvad i konsollen, nyeste først (højst 200).</source>
        <translation>Who did what in the console, newest first (at most 200).</translation>
    </message>
    <message>
        <source>Hvem har modtaget eller læst en borgers data, hvornår og hvorfor. Angiv mindst ét felt.</source>
        <translation>Who has received or read a citizen&apos;s data, when and why. Fill in at least one field.</translation>
    </message>
    <message>
        <source>Hvilken version hver enhed har hentet, registrerer tjenesten ikke; det kan derfor ikke vises her. Offentliggør med kommandoen consultant-server rules publish.</source>
        <translation>Which version each device has fetched is not recorded by the service, so it cannot be shown here. Publish with the command consultant-server rules publish.</translation>
    </message>
    <message>
        <source>Ikke tilladt</source>
        <translation>Not allowed</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Import af CSV</source>
        <translation>CSV import</translation>
    </message>
    <message>
        <source>Importér</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Indsigt (art. 15): borgerens data</source>
        <translation>Right of access (art. 15): the citizen&apos;s data</translation>
    </message>
    <message>
        <source>Ingen borgere.</source>
        <translation>No citizens.</translation>
    </message>
    <message>
        <source>Ingen konsulenter endnu.</source>
        <translation>No consultants yet.</translation>
    </message>
    <message>
        <source>Ingen kontakt i dage</source>
        <translation>No contact for days</translation>
    </message>
    <message>
        <source>Ingen modtagne aftaler.</source>
        <translation>No agreements received.</translation>
    </message>
    <message>
        <source>Ingen regelsæt er offentliggjort; enhederne bruger dem, programmet har med.</source>
        <translation>No rule sets are published; the devices use the ones the program ships with.</translation>
    </message>
    <message>
        <source>Ingen tilmeldte enheder.</source>
        <translation>No enrolled devices.</translation>
    </message>
    <message>
        <source>Intet importeret: ret linjerne herunder og prøv igen, eller sæt kryds ved &apos;Gem de gode linjer&apos;.</source>
        <translation>Nothing imported: correct the lines below and try again, or tick &apos;Save the good lines&apos;.</translation>
    </message>
    <message>
        <source>Jeg bekræfter, at borgeren skal slettes på tjenesten og alle enheder</source>
        <translation>I confirm that the citizen is to be erased on the service and every device</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Kode fra godkendelsesappen</source>
        <translation>Code from the authenticator app</translation>
    </message>
    <message>
        <source>Koden er forkert eller allerede brugt. Vent på den næste kode i din godkendelsesapp.</source>
        <translation>The code is wrong or already used. Wait for the next code in your authenticator app.</translation>
    </message>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Kommuneadministrator</source>
        <translation>Municipality administrator</translation>
    </message>
    <message>
        <source>Konflikter registreret siden mandag</source>
        <translation>Conflicts recorded since Monday</translation>
    </message>
    <message>
        <source>Konsollens log</source>
        <translation>Console log</translation>
    </message>
    <message>
        <source>Konsollens sider</source>
        <translation>Console pages</translation>
    </message>
    <message>
        <source>Konsulent</source>
        <translation>Consultant</translation>
    </message>
    <message>
        <source>Konsulent (navn eller id)</source>
        <translation>Consultant (name or id)</translation>
    </message>
    <message>
        <source>Konsulent-tjenestens konsol</source>
        <translation>Consultant service console</translation>
    </message>
    <message>
        <source>Konsulenten er deaktiveret.</source>
        <translation>The consultant is deactivated.</translation>
    </message>
    <message>
        <source>Konsulenten er stoppet: spær alle enheder og gør koderne ugyldige</source>
        <translation>The consultant has left: revoke every device and void the codes</translation>
    </message>
    <message>
        <source>Konsulenten findes ikke i kommunen.</source>
        <translation>The consultant does not exist in the municipality.</translation>
    </message>
    <message>
        <source>Konsulenten findes ikke.</source>
        <translation>The consultant does not exist.</translation>
    </message>
    <message>
        <source>Konsulenten hører ikke til dem, du har adgang til.</source>
        <translation>The consultant is not one of those you have access to.</translation>
    </message>
    <message>
        <source>Konsulentens enheder</source>
        <translation>The consultant&apos;s devices</translation>
    </message>
    <message>
        <source>Konsulenter</source>
        <translation>Consultants</translation>
    </message>
    <message>
        <source>Konsulenter og enheder</source>
        <translation>Consultants and devices</translation>
    </message>
    <message>
        <source>Konsulenter uden kontakt</source>
        <translation>Consultants without contact</translation>
    </message>
    <message>
        <source>Konsulenternes enheder med seneste kontakt og seneste modtagne ændringer</source>
        <translation>The consultants&apos; devices with last contact and last changes received</translation>
    </message>
    <message>
        <source>Kontoen er låst i 15 minutter efter for mange forkerte forsøg.</source>
        <translation>The account is locked for 15 minutes after too many wrong attempts.</translation>
    </message>
    <message>
        <source>Kontrol</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Kvittering</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Kvitteringen kan ikke bekræftes</source>
        <translation>The receipt cannot be confirmed</translation>
    </message>
    <message>
        <source>Linjerne herunder er sprunget over.</source>
        <translation>The lines below were skipped.</translation>
    </message>
    <message>
        <source>Log ind</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Log ud</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Modtaget</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Modtaget fra</source>
        <translation>Received from</translation>
    </message>
    <message>
        <source>Modtaget til og med</source>
        <translation>Received up to and including</translation>
    </message>
    <message>
        <source>Modtagne aftaler</source>
        <translation>Received agreements</translation>
    </message>
    <message>
        <source>Målgruppe</source>
        <translation>Target group</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Ny tilmeldingskode</source>
        <translation>New enrolment code</translation>
    </message>
    <message>
        <source>Offentliggjort</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Offentliggjorte regelsæt</source>
        <translation>Published rule sets</translation>
    </message>
    <message>
        <source>Opret konsulent</source>
        <translation>Add consultant</translation>
    </message>
    <message>
        <source>Oversigt</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>P-nummer</source>
        <translation>P-number</translation>
    </message>
    <message>
        <source>På den bærbare: Synkronisering → Tilmeld enhed …, eller kommandoen</source>
        <translation>On the laptop: Sync → Enrol device …, or the command</translation>
    </message>
    <message>
        <source>QR-koden indeholder tilmeldingskoden.</source>
        <translation>The QR code holds the enrolment code.</translation>
    </message>
    <message>
        <source>Regelsæt</source>
        <translation>Rule sets</translation>
    </message>
    <message>
        <source>Regelsæt efter ikrafttrædelse og version</source>
        <translation>Rule sets by date in force and version</translation>
    </message>
    <message>
        <source>Regelsæt, som tjenesten har offentliggjort og underskrevet; enhederne henter dem ved synkronisering og bruger dem efter kontrol. Uden offentliggjorte regelsæt bruger enhederne dem, programmet har med.</source>
        <translation>Rule sets the service has published and signed; the devices fetch them at sync and use them once checked. Without published rule sets the devices use the ones the program ships with.</translation>
    </message>
    <message>
        <source>Resultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Samme format og samme kontrol som kommandolinjen: hver forkert linje nævnes med nummer, kolonne og årsag. Uden kryds gemmes intet, hvis en linje er forkert.</source>
        <translation>The same format and the same checks as the command line: every bad line is named with its number, column and reason. Without the tick nothing is saved when a line is bad.</translation>
    </message>
    <message>
        <source>Seneste kontakt</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>Seneste kontakt er enhedens seneste godkendte forespørgsel (registreres højst én gang i minuttet); en vellykket synkronisering som helhed gemmes ikke. Appversionen er den, enheden blev tilmeldt med. Ventende ændringer og enhedens seneste fejl indberettes ikke til tjenesten og kan ikke vises her.</source>
        <translation>Last contact is the device&apos;s last authenticated request (recorded at most once a minute); a successful sync as a whole is not stored. The app version is the one the device enrolled with. Waiting changes and the device&apos;s last error are not reported to the service and cannot be shown here.</translation>
    </message>
    <message>
        <source>Seneste ændringer modtaget</source>
        <translation>Last changes received</translation>
    </message>
    <message>
        <source>Skriv den sekscifrede kode, som din godkendelsesapp viser nu.</source>
        <translation>Type the six-digit code your authenticator app shows now.</translation>
    </message>
    <message>
        <source>Skriv konsulentens navn.</source>
        <translation>Type the consultant&apos;s name.</translation>
    </message>
    <message>
        <source>Slet borgeren</source>
        <translation>Erase the citizen</translation>
    </message>
    <message>
        <source>Slet også underskrevne aftaler</source>
        <translation>Also erase signed agreements</translation>
    </message>
    <message>
        <source>Sletning (art. 17)</source>
        <translation>Erasure (art. 17)</translation>
    </message>
    <message>
        <source>Spring til indholdet</source>
        <translation>Skip to the content</translation>
    </message>
    <message>
        <source>Spær</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>Spær enheden</source>
        <translation>Revoke the device</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Stillinger</source>
        <translation>Vacancies</translation>
    </message>
    <message>
        <source>Systemadministrator</source>
        <translation>System administrator</translation>
    </message>
    <message>
        <source>Sæt kryds for at bekræfte sletningen.</source>
        <translation>Tick the box to confirm the erasure.</translation>
    </message>
    <message>
        <source>Sæt kryds ved de borgere, der skal flyttes.</source>
        <translation>Tick the citizens to move.</translation>
    </message>
    <message>
        <source>Søg</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Teamleder</source>
        <translation>Team leader</translation>
    </message>
    <message>
        <source>Tidspunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Til forsiden</source>
        <translation>To the front page</translation>
    </message>
    <message>
        <source>Til og med dato</source>
        <translation>To date (inclusive)</translation>
    </message>
    <message>
        <source>Til-datoen skal skrives ÅÅÅÅ-MM-DD.</source>
        <translation>Write the to date as YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Tilmeldingskode</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>Tilmeldt</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>Tjenesten gemmer hver overskrevet værdi, men får ikke at vide, om konsulenten har afgjort konflikten på sin enhed; derfor vises de registrerede, ikke de åbne.</source>
        <translation>The service keeps every overwritten value but is not told whether the consultant settled the conflict on their device; so the recorded ones are shown, not the open ones.</translation>
    </message>
    <message>
        <source>Tjenesten gemmer kun aftaler, hvis PDF den har kontrolleret ved modtagelsen; kvitteringen er tjenestens egen signatur over aftalens id, version, indholdets og PDF&apos;ens SHA-256 og modtagelsestidspunktet. At åbne en PDF skrives i adgangsloggen.</source>
        <translation>The service keeps only agreements whose PDF it checked on receipt; the receipt is the service&apos;s own signature over the agreement&apos;s id, version, the SHA-256 of the content and of the PDF, and the time received. Opening a PDF is written to the access log.</translation>
    </message>
    <message>
        <source>Tjenestens adresse</source>
        <translation>The service&apos;s address</translation>
    </message>
    <message>
        <source>Tjenestens kvittering er gyldig</source>
        <translation>The service&apos;s receipt is valid</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Udfald</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Udtrækket skrives i adgangsloggen.</source>
        <translation>The export is written to the access log.</translation>
    </message>
    <message>
        <source>Ugyldigt indhold</source>
        <translation>Invalid input</translation>
    </message>
    <message>
        <source>Verificeret ved modtagelsen: PAdES-signatur, forsegling og indhold mod tjenestens CA</source>
        <translation>Verified on receipt: PAdES signature, seal and content against the service&apos;s CA</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Virksomhed</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Virksomheder</source>
        <translation>Employers</translation>
    </message>
    <message>
        <source>Vis</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Vis borgere hos</source>
        <translation>Show citizens of</translation>
    </message>
    <message>
        <source>Vælg den konsulent, borgerne skal flyttes til.</source>
        <translation>Choose the consultant to move the citizens to.</translation>
    </message>
    <message>
        <source>Vælg en CSV-fil.</source>
        <translation>Choose a CSV file.</translation>
    </message>
    <message>
        <source>Vælg hvad filen indeholder.</source>
        <translation>Choose what the file holds.</translation>
    </message>
    <message>
        <source>aftaler, nyeste først (højst 200)</source>
        <translation>agreements, newest first (at most 200)</translation>
    </message>
    <message>
        <source>afvist</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>aktiv</source>
        <translation>active</translation>
    </message>
    <message>
        <source>alle konsulenter</source>
        <translation>all consultants</translation>
    </message>
    <message>
        <source>alle typer</source>
        <translation>all types</translation>
    </message>
    <message>
        <source>borgere</source>
        <translation>citizens</translation>
    </message>
    <message>
        <source>de</source>
        <translation>the</translation>
    </message>
    <message>
        <source>de første</source>
        <translation>the first</translation>
    </message>
    <message>
        <source>deaktiveret</source>
        <translation>deactivated</translation>
    </message>
    <message>
        <source>enhed</source>
        <translation>device</translation>
    </message>
    <message>
        <source>hændelser</source>
        <translation>events</translation>
    </message>
    <message>
        <source>ingen</source>
        <translation>none</translation>
    </message>
    <message>
        <source>ingen enhed har haft kontakt</source>
        <translation>no device has been in contact</translation>
    </message>
    <message>
        <source>kommune</source>
        <translation>municipality</translation>
    </message>
    <message>
        <source>nyeste vist</source>
        <translation>newest shown</translation>
    </message>
    <message>
        <source>opdateret</source>
        <translation>updated</translation>
    </message>
    <message>
        <source>oprettet</source>
        <translation>created</translation>
    </message>
    <message>
        <source>sidste kontakt</source>
        <translation>last contact</translation>
    </message>
    <message>
        <source>spærret</source>
        <translation>revoked</translation>
    </message>
    <message>
        <source>udført</source>
        <translation>done</translation>
    </message>
    <message>
        <source>vist</source>
        <translation>shown</translation>
    </message>
    <message>
        <source>{n} borger(e) flyttet til {name}. Den tidligere konsulents enheder glemmer dem ved næste synkronisering.</source>
        <translation>{n} citizen(s) moved to {name}. The previous consultant&apos;s devices forget them at their next sync.</translation>
    </message>
    <message>
        <source>Åbn PDF</source>
        <translation>Open PDF</translation>
    </message>
</context>
<context>
    <name>domain</name>
    <message>
        <source>Aflyst</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Afslået</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>Aftalt</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <source>Aktivitetsparat kontanthjælpsmodtager</source>
        <translation>Social assistance recipient, not yet job-ready</translation>
    </message>
    <message>
        <source>Aktivitetsparat uddannelseshjælpsmodtager</source>
        <translation>Education assistance recipient, not yet ready</translation>
    </message>
    <message>
        <source>Besat</source>
        <translation>Filled</translation>
    </message>
    <message>
        <source>Borgeren kan ikke slettes: en underskrevet aftale hører til borgeren, og en underskrevet aftale skal bevares sammen med dem, den nævner.</source>
        <translation>The citizen cannot be deleted: a signed agreement belongs to them, and a signed agreement must be kept together with those it names.</translation>
    </message>
    <message>
        <source>Dagpengemodtager (forsikret ledig)</source>
        <translation>Unemployment benefit recipient (insured)</translation>
    </message>
    <message>
        <source>Faste arbejdstider</source>
        <translation>Fixed working hours</translation>
    </message>
    <message>
        <source>Fleksjob</source>
        <translation>Flex job</translation>
    </message>
    <message>
        <source>Foreslået</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>Førtidspensionist</source>
        <translation>Early retirement pensioner</translation>
    </message>
    <message>
        <source>Gennemført</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>IGU</source>
        <translation>IGU (basic integration education)</translation>
    </message>
    <message>
        <source>Ikke udendørs</source>
        <translation>Not outdoors</translation>
    </message>
    <message>
        <source>Ingen kundekontakt</source>
        <translation>No customer contact</translation>
    </message>
    <message>
        <source>Ingen tunge løft</source>
        <translation>No heavy lifting</translation>
    </message>
    <message>
        <source>Intet natarbejde</source>
        <translation>No night work</translation>
    </message>
    <message>
        <source>Jobafklaringsforløb</source>
        <translation>Job clarification programme</translation>
    </message>
    <message>
        <source>Jobparat kontanthjælpsmodtager</source>
        <translation>Job-ready social assistance recipient</translation>
    </message>
    <message>
        <source>Kan ikke stå hele dagen</source>
        <translation>Cannot stand all day</translation>
    </message>
    <message>
        <source>Kundekontakt</source>
        <translation>Customer contact</translation>
    </message>
    <message>
        <source>Kørekort B</source>
        <translation>Driving licence B</translation>
    </message>
    <message>
        <source>Lukket</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Løntilskud</source>
        <translation>Wage subsidy</translation>
    </message>
    <message>
        <source>Matchet kan ikke slettes: en underskrevet aftale hører til det, og en underskrevet aftale skal bevares sammen med dem, den nævner.</source>
        <translation>The match cannot be deleted: a signed agreement belongs to it, and a signed agreement must be kept together with those it names.</translation>
    </message>
    <message>
        <source>Natarbejde</source>
        <translation>Night work</translation>
    </message>
    <message>
        <source>Ordinært job</source>
        <translation>Ordinary job</translation>
    </message>
    <message>
        <source>Planlagt</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Præsenteret</source>
        <translation>Presented</translation>
    </message>
    <message>
        <source>Ressourceforløb</source>
        <translation>Resource programme</translation>
    </message>
    <message>
        <source>Revalidend</source>
        <translation>Vocational rehabilitation</translation>
    </message>
    <message>
        <source>Samtale</source>
        <translation>Interview</translation>
    </message>
    <message>
        <source>Sat på pause</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Selvforsørgende</source>
        <translation>Self-supporting</translation>
    </message>
    <message>
        <source>Skiftende arbejdstider</source>
        <translation>Changing working hours</translation>
    </message>
    <message>
        <source>Småjob / ordinære timer</source>
        <translation>Small job / ordinary hours</translation>
    </message>
    <message>
        <source>Startet</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Stillingen kan ikke slettes: en underskrevet aftale hører til den, og en underskrevet aftale skal bevares sammen med dem, den nævner.</source>
        <translation>The vacancy cannot be deleted: a signed agreement belongs to it, and a signed agreement must be kept together with those it names.</translation>
    </message>
    <message>
        <source>Stående arbejde hele dagen</source>
        <translation>Standing work all day</translation>
    </message>
    <message>
        <source>Sygedagpengemodtager</source>
        <translation>Sickness benefit recipient</translation>
    </message>
    <message>
        <source>Taler dansk</source>
        <translation>Speaks Danish</translation>
    </message>
    <message>
        <source>Tunge løft</source>
        <translation>Heavy lifting</translation>
    </message>
    <message>
        <source>Uddannelsesparat (uddannelseshjælp)</source>
        <translation>Education-ready (education assistance)</translation>
    </message>
    <message>
        <source>Udendørs arbejde</source>
        <translation>Outdoor work</translation>
    </message>
    <message>
        <source>Ung under 18 år</source>
        <translation>Young person under 18</translation>
    </message>
    <message>
        <source>Virksomheden kan ikke slettes: en underskrevet aftale hører til den, og en underskrevet aftale skal bevares sammen med dem, den nævner.</source>
        <translation>The employer cannot be deleted: a signed agreement belongs to it, and a signed agreement must be kept together with those it names.</translation>
    </message>
    <message>
        <source>Virksomhedspraktik</source>
        <translation>Work placement</translation>
    </message>
    <message>
        <source>Visiteret til fleksjob</source>
        <translation>Assessed for flex job</translation>
    </message>
    <message>
        <source>Åben</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>employers</name>
    <message>
        <source>Ikke gemt – ret det markerede, eller fortryd med Ctrl+Z.</source>
        <translation>Not saved – correct what is marked, or undo with Ctrl+Z.</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>CVR-nummer</source>
        <translation>CVR number</translation>
    </message>
    <message>
        <source>P-nummer</source>
        <translation>P number</translation>
    </message>
    <message>
        <source>CPR-nummer</source>
        <translation>CPR number</translation>
    </message>
    <message>
        <source>Postnummer</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Branche</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Ordinært ansatte</source>
        <translation>Ordinary employees</translation>
    </message>
    <message>
        <source>Ansatte opgjort pr. måned</source>
        <translation>Employees counted as of month</translation>
    </message>
    <message>
        <source>Personer i støttet beskæftigelse</source>
        <translation>Persons in subsidised employment</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Stillingsbetegnelse</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Timer pr. uge (fra)</source>
        <translation>Hours per week (from)</translation>
    </message>
    <message>
        <source>Timer pr. uge (til)</source>
        <translation>Hours per week (to)</translation>
    </message>
    <message>
        <source>Antal stillinger</source>
        <translation>Number of positions</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Startdato</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>Ansøgningsfrist</source>
        <translation>Application deadline</translation>
    </message>
    <message>
        <source>Krav</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <source>Kompetencer</source>
        <translation>Skills</translation>
    </message>
    <message>
        <source>Målgruppe</source>
        <translation>Target group</translation>
    </message>
    <message>
        <source>Maks. timer pr. uge</source>
        <translation>Max. hours per week</translation>
    </message>
    <message>
        <source>Maks. transport (km)</source>
        <translation>Max. commute (km)</translation>
    </message>
    <message>
        <source>Skånehensyn</source>
        <translation>Restrictions</translation>
    </message>
    <message>
        <source>Kørekort</source>
        <translation>Driving licence</translation>
    </message>
    <message>
        <source>Sprog</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Ønskede jobs</source>
        <translation>Wanted jobs</translation>
    </message>
    <message>
        <source>Virksomhed</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Stilling</source>
        <translation>Vacancy</translation>
    </message>
    <message>
        <source>Borger</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Besøgsdato</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>Opfølgning</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Ledig siden</source>
        <translation>Unemployed since</translation>
    </message>
    <message>
        <source>Noter</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Underskrift</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Underskriverens navn</source>
        <translation>Signer&apos;s name</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Identitetskontrol</source>
        <translation>Identity check</translation>
    </message>
    <message>
        <source>Certifikat</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Aftaletype</source>
        <translation>Agreement type</translation>
    </message>
    <message>
        <source>Begrundelse for afslag</source>
        <translation>Reason for declining</translation>
    </message>
    <message>
        <source>Virksomhedens CVR-nummer</source>
        <translation>The employer&apos;s CVR number</translation>
    </message>
    <message>
        <source>Virksomhedens P-nummer</source>
        <translation>The employer&apos;s P number</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>&apos;{status}&apos; er ikke en status for en aftale.</source>
        <translation>&apos;{status}&apos; is not a status of an agreement.</translation>
    </message>
    <message>
        <source>Advarsel kvitteret</source>
        <translation>Warning acknowledged</translation>
    </message>
    <message>
        <source>Aftale</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>Aftale oprettet</source>
        <translation>Agreement created</translation>
    </message>
    <message>
        <source>Aftalen er allerede forseglet.</source>
        <translation>The agreement is already sealed.</translation>
    </message>
    <message>
        <source>Aftalen er forseglet og kan ikke få en ny version. Lav en ny aftale for at ændre den.</source>
        <translation>The agreement is sealed and cannot get a new version. Make a new agreement to change it.</translation>
    </message>
    <message>
        <source>Aftalen er forseglet og kan ikke underskrives igen.</source>
        <translation>The agreement is sealed and cannot be signed again.</translation>
    </message>
    <message>
        <source>Aftalen er underskrevet og kan ikke ændres (feltet {fields}). En ændring skal laves som en ny version, der underskrives igen.</source>
        <translation>The agreement is signed and cannot be changed (field {fields}). A change must be made as a new version, which is signed again.</translation>
    </message>
    <message>
        <source>Aftalen er underskrevet og kan ikke ændres. Lav en ny version af aftalen for at ændre den; underskrifterne skal så gives igen.</source>
        <translation>The agreement is signed and cannot be changed. Make a new version of the agreement to change it; the signatures must then be given again.</translation>
    </message>
    <message>
        <source>Aftalen kan ikke forsegles, før alle har underskrevet. Mangler: {missing}.</source>
        <translation>The agreement cannot be sealed until everyone has signed. Missing: {missing}.</translation>
    </message>
    <message>
        <source>Aftalen kan ikke gå fra {old} tilbage til {new}. En ændring efter første underskrift skal laves som en ny version.</source>
        <translation>The agreement cannot go from {old} back to {new}. A change after the first signature must be made as a new version.</translation>
    </message>
    <message>
        <source>Aftalen kan ikke underskrives endnu: {text}</source>
        <translation>The agreement cannot be signed yet: {text}</translation>
    </message>
    <message>
        <source>Aftalens indhold svarer ikke længere til det, der blev underskrevet. Lav en ny version af aftalen; underskrifterne skal så gives igen.</source>
        <translation>The agreement&apos;s content no longer matches what was signed. Make a new version of the agreement; the signatures must then be given again.</translation>
    </message>
    <message>
        <source>Aftalens version kan ikke gå tilbage (fra {old} til {new}).</source>
        <translation>The agreement&apos;s version cannot go back (from {old} to {new}).</translation>
    </message>
    <message>
        <source>Bevis for underskrifter og forsegling (maskinlæsbart)</source>
        <translation>Evidence of signatures and sealing (machine-readable)</translation>
    </message>
    <message>
        <source>Ed25519-segl og PAdES-signatur med enhedens nøgle ({cert}); dokument-hash {hash}</source>
        <translation>Ed25519 seal and PAdES signature with the device&apos;s key ({cert}); document hash {hash}</translation>
    </message>
    <message>
        <source>En underskrevet aftale kan ikke slettes.</source>
        <translation>A signed agreement cannot be deleted.</translation>
    </message>
    <message>
        <source>En underskrevet aftale skal have sin kontrolsum (content_hash).</source>
        <translation>A signed agreement must carry its checksum (content_hash).</translation>
    </message>
    <message>
        <source>Enhed {device}</source>
        <translation>Device {device}</translation>
    </message>
    <message>
        <source>Enlig forsørger</source>
        <translation>Single parent</translation>
    </message>
    <message>
        <source>Forseglet</source>
        <translation>Sealed</translation>
    </message>
    <message>
        <source>Forsegling af underskrevet aftale</source>
        <translation>Sealing of signed agreement</translation>
    </message>
    <message>
        <source>Fyldt 50 år</source>
        <translation>Aged 50 or over</translation>
    </message>
    <message>
        <source>Førtidspensionist</source>
        <translation>Early retirement pensioner</translation>
    </message>
    <message>
        <source>ID vist</source>
        <translation>ID shown</translation>
    </message>
    <message>
        <source>Identitet: {check}; dokument-hash {hash}; enhed {device}; program {version}</source>
        <translation>Identity: {check}; document hash {hash}; device {device}; program {version}</translation>
    </message>
    <message>
        <source>Indhold fastfrosset</source>
        <translation>Content frozen</translation>
    </message>
    <message>
        <source>Ingen erhvervskompetencegivende uddannelse</source>
        <translation>No vocational qualification</translation>
    </message>
    <message>
        <source>Ingen undtagelse (6 måneders ledighed kræves)</source>
        <translation>No exemption (6 months&apos; unemployment required)</translation>
    </message>
    <message>
        <source>Kendt af konsulenten</source>
        <translation>Known to the consultant</translation>
    </message>
    <message>
        <source>Kladde, version 1</source>
        <translation>Draft, version 1</translation>
    </message>
    <message>
        <source>Revalidend</source>
        <translation>Vocational rehabilitation</translation>
    </message>
    <message>
        <source>Underskrevet</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>Version {revision}; regelkontrol uden blokerende fund; dokument-hash {hash}</source>
        <translation>Version {revision}; rule check without blocking findings; document hash {hash}</translation>
    </message>
    <message>
        <source>certifikat udstedt af den centrale tjeneste</source>
        <translation>certificate issued by the central service</translation>
    </message>
    <message>
        <source>forseglet</source>
        <translation>sealed</translation>
    </message>
    <message>
        <source>kladde</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>selvsigneret certifikat, enheden er ikke tilmeldt</source>
        <translation>self-signed certificate, the device is not enrolled</translation>
    </message>
    <message>
        <source>under underskrift</source>
        <translation>being signed</translation>
    </message>
    <message>
        <source>underskrevet</source>
        <translation>signed</translation>
    </message>
</context>
<context>
    <name>forms-cli</name>
    <message>
        <source> (kvitteret: {note})</source>
        <translation> (acknowledged: {note})</translation>
    </message>
    <message>
        <source>--date: &apos;{value}&apos; er ikke en dato (ÅÅÅÅ-MM-DD).</source>
        <translation>--date: &apos;{value}&apos; is not a date (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>--note: bemærkningen må ikke være tom.</source>
        <translation>--note: the note must not be empty.</translation>
    </message>
    <message>
        <source>--note: skriv en bemærkning (eller brug --withdraw).</source>
        <translation>--note: write a note (or use --withdraw).</translation>
    </message>
    <message>
        <source>--type: &apos;{value}&apos; er ikke en aftaletype ({types}).</source>
        <translation>--type: &apos;{value}&apos; is not an agreement type ({types}).</translation>
    </message>
    <message>
        <source>AFVIST: {reason}</source>
        <translation>REFUSED: {reason}</translation>
    </message>
    <message>
        <source>Advarsel</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Aftale skrevet til {path}.</source>
        <translation>Agreement written to {path}.</translation>
    </message>
    <message>
        <source>Aftalen</source>
        <translation>The agreement</translation>
    </message>
    <message>
        <source>Aftalen er forseglet.</source>
        <translation>The agreement is sealed.</translation>
    </message>
    <message>
        <source>Aftalen er ikke klar til underskrift: {errors} fejl og {warnings} advarsel(er) uden bemærkning.</source>
        <translation>The agreement is not ready to sign: {errors} error(s) and {warnings} warning(s) without a note.</translation>
    </message>
    <message>
        <source>Aftalen er ikke knyttet til en borger, så CPR-nummeret kan ikke vises med adgangslog.</source>
        <translation>The agreement is not linked to a citizen, so the CPR number cannot be shown with an access log.</translation>
    </message>
    <message>
        <source>Aftalen er nu version {revision}, en kladde; underskrifterne starter forfra.</source>
        <translation>The agreement is now version {revision}, a draft; the signatures start over.</translation>
    </message>
    <message>
        <source>Aftaler om praktik, løntilskud, ordinære timer, mentor, fleksjob og IGU: opret, udfyld, kontrollér, kvittér for advarsler, lav ny version, slet kladder og lav PDF. (Selve underskriften gives i programmet.)</source>
        <translation>Agreements on work placements, wage subsidies, ordinary hours, mentors, flexi-jobs and IGU: create, fill in, check, acknowledge warnings, make a new version, delete drafts and make a PDF. (The signature itself is given in the program.)</translation>
    </message>
    <message>
        <source>Aftaletypen, fx virksomhedspraktik.</source>
        <translation>The agreement type, e.g. virksomhedspraktik.</translation>
    </message>
    <message>
        <source>Alle parter har underskrevet; aftalen kan forsegles (agreement seal).</source>
        <translation>Every party has signed; the agreement can be sealed (agreement seal).</translation>
    </message>
    <message>
        <source>Bemærkning til {finding}: {note}</source>
        <translation>Note on {finding}: {note}</translation>
    </message>
    <message>
        <source>Bemærkningen, fx &apos;Rimelighedskravet holder ved start&apos;.</source>
        <translation>The note, e.g. &apos;The reasonableness requirement holds at the start&apos;.</translation>
    </message>
    <message>
        <source>Borgerens id.</source>
        <translation>The citizen&apos;s id.</translation>
    </message>
    <message>
        <source>Datoen, fx 2027-01-01.</source>
        <translation>The date, e.g. 2027-01-01.</translation>
    </message>
    <message>
        <source>FELT=VÆRDI...</source>
        <translation>FIELD=VALUE...</translation>
    </message>
    <message>
        <source>FORELØBIGT: regelsættet bygger på en lov, hvis endelige tekst ikke er offentliggjort.</source>
        <translation>PROVISIONAL: the rule set rests on a law whose final text is not published.</translation>
    </message>
    <message>
        <source>Fejl</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Forsegl en aftale, som alle parter har underskrevet: den underskrevne PDF med enhedens segl (som i programmet). Derefter kan aftalen ikke ændres.</source>
        <translation>Seal an agreement that all parties have signed: the signed PDF with the device&apos;s seal (as in the program). After that the agreement cannot be changed.</translation>
    </message>
    <message>
        <source>Forseglet</source>
        <translation>Sealed</translation>
    </message>
    <message>
        <source>Forseglet aftale skrevet til {path}.</source>
        <translation>Sealed agreement written to {path}.</translation>
    </message>
    <message>
        <source>Gem også den forseglede PDF her.</source>
        <translation>Also save the sealed PDF here.</translation>
    </message>
    <message>
        <source>Gemt: {count} felt(er).</source>
        <translation>Saved: {count} field(s).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>IKKE bekræftet</source>
        <translation>NOT confirmed</translation>
    </message>
    <message>
        <source>Id: {id} · version {revision} · {status} · skabelon {template}</source>
        <translation>Id: {id} · version {revision} · {status} · template {template}</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Ingen aftaler.</source>
        <translation>No agreements.</translation>
    </message>
    <message>
        <source>Kladde</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Kladden er slettet.</source>
        <translation>The draft is deleted.</translation>
    </message>
    <message>
        <source>Klar til underskrift.</source>
        <translation>Ready to sign.</translation>
    </message>
    <message>
        <source>Kontrollér aftalen mod reglerne på startdatoen. Hver advarsel står med sin nøgle (til &apos;agreement acknowledge&apos;). Exitkode 1, når den ikke er klar til underskrift.</source>
        <translation>Check the agreement against the rules on its start date. Each warning is listed with its key (for &apos;agreement acknowledge&apos;). Exit code 1 when it is not ready for signing.</translation>
    </message>
    <message>
        <source>Kun aftaler med denne status.</source>
        <translation>Only agreements with this status.</translation>
    </message>
    <message>
        <source>Kunne ikke skrive {path}: {reason}</source>
        <translation>Could not write {path}: {reason}</translation>
    </message>
    <message>
        <source>Kvitteret.</source>
        <translation>Acknowledged.</translation>
    </message>
    <message>
        <source>Kvittering trukket tilbage.</source>
        <translation>Acknowledgement withdrawn.</translation>
    </message>
    <message>
        <source>Kvittér for en advarsel med en bemærkning (som i programmet): NØGLE er advarslens nøgle fra &apos;agreement check&apos;. Bemærkningen gælder de fakta, den blev skrevet til; ændres de, er advarslen åben igen.</source>
        <translation>Acknowledge a warning with a note (as in the program): KEY is the warning&apos;s key from &apos;agreement check&apos;. The note holds for the facts it was written for; if they change, the warning is open again.</translation>
    </message>
    <message>
        <source>Mangler:      {label}</source>
        <translation>Missing:      {label}</translation>
    </message>
    <message>
        <source>Maskinlæsbart output.</source>
        <translation>Machine-readable output.</translation>
    </message>
    <message>
        <source>Maskinlæsbart: aftalens oplysninger og felter (CPR maskeret uden --reveal-cpr).</source>
        <translation>Machine-readable: the agreement&apos;s details and fields (CPR masked without --reveal-cpr).</translation>
    </message>
    <message>
        <source>Maskinlæsbart: ready og findings (key, severity, field, message, note).</source>
        <translation>Machine-readable: ready and findings (key, severity, field, message, note).</translation>
    </message>
    <message>
        <source>Maskinlæsbart: signed og pending.</source>
        <translation>Machine-readable: signed and pending.</translation>
    </message>
    <message>
        <source>Matchets id.</source>
        <translation>The match&apos;s id.</translation>
    </message>
    <message>
        <source>NØGLE</source>
        <translation>KEY</translation>
    </message>
    <message>
        <source>NØGLE: &apos;{key}&apos; er ikke en advarsel på aftalen. Advarsler: {keys}.</source>
        <translation>KEY: &apos;{key}&apos; is not a warning on the agreement. Warnings: {keys}.</translation>
    </message>
    <message>
        <source>Opret en ny aftale, udfyldt fra virksomheden, stillingen, borgeren og matchet. Skriver aftalens id.</source>
        <translation>Create a new agreement, filled in from the employer, the vacancy, the citizen and the match. Prints the agreement&apos;s id.</translation>
    </message>
    <message>
        <source>PDF-filen, der skal skrives.</source>
        <translation>The PDF file to write.</translation>
    </message>
    <message>
        <source>Regelsæt: {name}, gældende fra {day}, {origin}</source>
        <translation>Rule set: {name}, in force from {day}, {origin}</translation>
    </message>
    <message>
        <source>Reglerne, som de gælder på en dato: hver med sin hjemmel, og om den er bekræftet i lovteksten.</source>
        <translation>The rules as they apply on a date: each with its legal basis, and whether it is confirmed in the text of the law.</translation>
    </message>
    <message>
        <source>Skriv aftalen som PDF. En forseglet aftale skrives, som den blev forseglet; ellers med tomme felter til underskrift.</source>
        <translation>Write the agreement as a PDF. A sealed agreement is written as it was sealed; otherwise with empty fields for signatures.</translation>
    </message>
    <message>
        <source>Slet en kladde. En aftale, der er underskrevet (helt eller delvis), kan ikke slettes.</source>
        <translation>Delete a draft. An agreement that has been signed (fully or in part) cannot be deleted.</translation>
    </message>
    <message>
        <source>Stillingens id.</source>
        <translation>The vacancy&apos;s id.</translation>
    </message>
    <message>
        <source>Sæt felter i en kladde: FELT=VÆRDI ... (en tom værdi rydder feltet). Alt gemmes, eller intet gemmes.</source>
        <translation>Set fields in a draft: FIELD=VALUE ... (an empty value clears the field). Everything is saved, or nothing is.</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TYPE</translation>
    </message>
    <message>
        <source>Træk kvitteringen tilbage.</source>
        <translation>Withdraw the acknowledgement.</translation>
    </message>
    <message>
        <source>Virksomhedens id.</source>
        <translation>The employer&apos;s id.</translation>
    </message>
    <message>
        <source>Vis aftalens felter. CPR-numre vises maskeret, medmindre --reveal-cpr bruges (det skrives i adgangsloggen).</source>
        <translation>Show the agreement&apos;s fields. CPR numbers are shown masked, unless --reveal-cpr is used (that is written to the access log).</translation>
    </message>
    <message>
        <source>Vis aftalerne med type, status, periode og parter.</source>
        <translation>Show the agreements with type, status, period and parties.</translation>
    </message>
    <message>
        <source>Vis aftaletyperne og deres skabelonversioner.</source>
        <translation>Show the agreement types and their template versions.</translation>
    </message>
    <message>
        <source>Vis hele CPR-nummeret (logges).</source>
        <translation>Show the whole CPR number (logged).</translation>
    </message>
    <message>
        <source>Vis hvem der har underskrevet aftalens nuværende version, og hvem der mangler (underskriften gives i programmet).</source>
        <translation>Show who has signed the agreement&apos;s current version, and who has not yet (the signature is given in the program).</translation>
    </message>
    <message>
        <source>Vis reglerne i kraft på DATO (ÅÅÅÅ-MM-DD), for alle aftaletyper eller én (--type).</source>
        <translation>Show the rules in force on DATE (YYYY-MM-DD), for all agreement types or one (--type).</translation>
    </message>
    <message>
        <source>ingen</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Åbn en underskrevet aftale for ændringer: en ny version, hvis underskrifter starter forfra (de gamle gemmes som historik). En forseglet aftale er endelig.</source>
        <translation>Open a signed agreement for changes: a new version whose signatures start over (the old ones are kept as history). A sealed agreement is final.</translation>
    </message>
    <message>
        <source>Under underskrift</source>
        <translation>Being signed</translation>
    </message>
    <message>
        <source>Underskrevet</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>Underskrevet: {label}: {name} ({at})</source>
        <translation>Signed:       {label}: {name} ({at})</translation>
    </message>
    <message>
        <source>bekræftet</source>
        <translation>confirmed</translation>
    </message>
</context>
<context>
    <name>kinds</name>
    <message>
        <source>Virksomhed</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Stilling</source>
        <translation>Vacancy</translation>
    </message>
    <message>
        <source>Borger</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Matches</translation>
    </message>
    <message>
        <source>Aftale</source>
        <translation>Agreement</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
</context>
<context>
    <name>matches</name>
    <message>
        <source>Afslået: {reason}</source>
        <translation>Declined: {reason}</translation>
    </message>
    <message>
        <source>Tidspunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Fra</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Til</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Af</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>matching</name>
    <message>
        <source>Afstand ukendt (postnummer mangler)</source>
        <translation>Distance unknown (postcode missing)</translation>
    </message>
    <message>
        <source>Bor i samme postnummer</source>
        <translation>Lives in the same postcode</translation>
    </message>
    <message>
        <source>Bor {km} km væk</source>
        <translation>Lives {km} km away</translation>
    </message>
    <message>
        <source>Bor {km} km væk – vil højst {max} km</source>
        <translation>Lives {km} km away – will travel at most {max} km</translation>
    </message>
    <message>
        <source>Borgerens timetal er ikke oplyst</source>
        <translation>The citizen&apos;s hours are not given</translation>
    </message>
    <message>
        <source>Dansk er ikke angivet som sprog – stillingen kræver dansk</source>
        <translation>Danish is not listed as a language – the vacancy requires Danish</translation>
    </message>
    <message>
        <source>Erfaring med {skill} passer til {occupation}</source>
        <translation>Experience with {skill} fits {occupation}</translation>
    </message>
    <message>
        <source>Har ingen af de ønskede kompetencer ({skills})</source>
        <translation>Has none of the wanted skills ({skills})</translation>
    </message>
    <message>
        <source>Har kørekort, som stillingen kræver</source>
        <translation>Has the driving licence the vacancy requires</translation>
    </message>
    <message>
        <source>Har skånehensyn (filteret viser kun borgere uden)</source>
        <translation>Has restrictions (the filter shows only citizens without)</translation>
    </message>
    <message>
        <source>Har {skills}</source>
        <translation>Has {skills}</translation>
    </message>
    <message>
        <source>IGU er for flygtninge og familiesammenførte 18-50 år – tjek opholdsgrundlag og alder</source>
        <translation>IGU is for refugees and reunified family members aged 18-50 – check residence basis and age</translation>
    </message>
    <message>
        <source>Kan højst {cap} timer/uge – stillingen kræver mindst {need}</source>
        <translation>Can work at most {cap} hours/week – the vacancy needs at least {need}</translation>
    </message>
    <message>
        <source>Kan højst {cap} timer/uge – stillingen starter med {need}</source>
        <translation>Can work at most {cap} hours/week – the vacancy starts at {need}</translation>
    </message>
    <message>
        <source>Kan {cap} timer/uge – stillingen er på {hours} timer</source>
        <translation>Can work {cap} hours/week – the vacancy is {hours} hours</translation>
    </message>
    <message>
        <source>Kan {cap} timer/uge – stillingen er på {lo}-{hi} timer</source>
        <translation>Can work {cap} hours/week – the vacancy is {lo}-{hi} hours</translation>
    </message>
    <message>
        <source>Kan {cap} timer/uge – stillingen starter med {start}</source>
        <translation>Can work {cap} hours/week – the vacancy starts at {start}</translation>
    </message>
    <message>
        <source>Kan {cap} timer/uge – stillingen starter med {start} og vokser til {end}</source>
        <translation>Can work {cap} hours/week – the vacancy starts at {start} and grows to {end}</translation>
    </message>
    <message>
        <source>Ledig i over {years} år</source>
        <translation>Unemployed for more than {years} years</translation>
    </message>
    <message>
        <source>Ledig i {months} måneder</source>
        <translation>Unemployed for {months} months</translation>
    </message>
    <message>
        <source>Ledig i {weeks} uger</source>
        <translation>Unemployed for {weeks} weeks</translation>
    </message>
    <message>
        <source>Længere væk end filteret på {max} km</source>
        <translation>Further away than the filter of {max} km</translation>
    </message>
    <message>
        <source>Mangler kørekort B</source>
        <translation>Lacks driving licence B</translation>
    </message>
    <message>
        <source>Målgruppe ikke oplyst</source>
        <translation>Target group not given</translation>
    </message>
    <message>
        <source>Målgruppe ikke oplyst – {kind} kræver en bestemt målgruppe</source>
        <translation>Target group not given – {kind} requires a particular target group</translation>
    </message>
    <message>
        <source>Målgruppe: {group}</source>
        <translation>Target group: {group}</translation>
    </message>
    <message>
        <source>Skånehensyn passer til stillingen: {restrictions}</source>
        <translation>Restrictions fit the vacancy: {restrictions}</translation>
    </message>
    <message>
        <source>Skånehensyn »{restriction}« – stillingen kræver »{requirement}«</source>
        <translation>Restriction “{restriction}” – the vacancy requires “{requirement}”</translation>
    </message>
    <message>
        <source>Stillingen har intet timetal</source>
        <translation>The vacancy has no hours given</translation>
    </message>
    <message>
        <source>{kind} er ikke for målgruppen »{group}«</source>
        <translation>{kind} is not for the target group “{group}”</translation>
    </message>
    <message>
        <source>{kind} kan ikke være hos borgerens seneste arbejdsgiver</source>
        <translation>{kind} cannot be with the citizen&apos;s most recent employer</translation>
    </message>
    <message>
        <source>Ønsker andet job: {wishes}</source>
        <translation>Wants another job: {wishes}</translation>
    </message>
    <message>
        <source>Ønsker job som {wish}</source>
        <translation>Wants a job as {wish}</translation>
    </message>
    <message>
        <source>Ønsker job som {wish} – beslægtet med {occupation}</source>
        <translation>Wants a job as {wish} – related to {occupation}</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <source>Der skete en uventet fejl, og intet blev gemt. Fejlen er skrevet i loggen.</source>
        <translation>An unexpected error occurred and nothing was saved. The error is written to the log.</translation>
    </message>
</context>
<context>
    <name>pdf</name>
    <message>
        <source>; foreløbigt regelsæt: bygger på en lov, hvis endelige tekst ikke er offentliggjort</source>
        <translation>; provisional rule set: rests on a law whose final text is not published</translation>
    </message>
    <message>
        <source>Aftale-id</source>
        <translation>Agreement id</translation>
    </message>
    <message>
        <source>Aftale-id {id} · version {revision}</source>
        <translation>Agreement id {id} · version {revision}</translation>
    </message>
    <message>
        <source>Aftalen</source>
        <translation>The agreement</translation>
    </message>
    <message>
        <source>Bemærkning til advarsel om {about}: {note}</source>
        <translation>Note on the warning about {about}: {note}</translation>
    </message>
    <message>
        <source>Bemærkninger</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Dansk tid</source>
        <translation>Danish time</translation>
    </message>
    <message>
        <source>Dato: ____________________   Underskrift</source>
        <translation>Date: ____________________   Signature</translation>
    </message>
    <message>
        <source>Detaljer</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Enhed</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Hændelse</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Indholdets SHA-256</source>
        <translation>Content SHA-256</translation>
    </message>
    <message>
        <source>Indholdets SHA-256: {hash}</source>
        <translation>Content SHA-256: {hash}</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Navn: {name}</source>
        <translation>Name: {name}</translation>
    </message>
    <message>
        <source>Nej</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Regelsæt</source>
        <translation>Rule set</translation>
    </message>
    <message>
        <source>Reglerne er vurderet efter: {ruleset}</source>
        <translation>Judged by the rules of: {ruleset}</translation>
    </message>
    <message>
        <source>Revisionsspor</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Side {page} af {pages}</source>
        <translation>Page {page} of {pages}</translation>
    </message>
    <message>
        <source>Skabelon</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Tidspunkt (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <source>Underskrevet {local} dansk tid ({utc}) · Identitet: {check}</source>
        <translation>Signed {local} Danish time ({utc}) · Identity: {check}</translation>
    </message>
    <message>
        <source>Underskrifter</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>{amount} kr.</source>
        <translation>DKK {amount}</translation>
    </message>
    <message>
        <source>{hours} timer</source>
        <translation>{hours} hours</translation>
    </message>
    <message>
        <source>{name}, gældende fra {day}, som programmet har det med (SHA-256 {sha})</source>
        <translation>{name}, in force from {day}, as shipped with the program (SHA-256 {sha})</translation>
    </message>
    <message>
        <source>{name}, gældende fra {day}, version {version} offentliggjort af den centrale tjeneste (SHA-256 {sha})</source>
        <translation>{name}, in force from {day}, version {version} published by the central service (SHA-256 {sha})</translation>
    </message>
    <message>
        <source>{title} · aftale-id {id} · version {revision}</source>
        <translation>{title} · agreement id {id} · version {revision}</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <source>&apos;{role}&apos; skal ikke underskrive denne aftale. Underskrivere: {roles}.</source>
        <translation>&apos;{role}&apos; does not sign this agreement. Signers: {roles}.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; er ikke en af de mulige værdier: {options}.</source>
        <translation>&apos;{value}&apos; is not one of the possible values: {options}.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; er ikke en aftaletype. Aftaletyperne er: {names}.</source>
        <translation>&apos;{name}&apos; is not an agreement type. The agreement types are: {names}.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; er ikke en aftaletype. Mente du {suggestion}?</source>
        <translation>&apos;{name}&apos; is not an agreement type. Did you mean {suggestion}?</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; er ikke en gyldig dato (skriv fx 1.3.2026 eller 2026-03-01).</source>
        <translation>&apos;{value}&apos; is not a valid date (write e.g. 1.3.2026 or 2026-03-01).</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; er ikke et trin i forløbet.</source>
        <translation>&apos;{value}&apos; is not a step in the pipeline.</translation>
    </message>
    <message>
        <source>Ansøgningsfristen ligger efter startdatoen.</source>
        <translation>The application deadline is after the start date.</translation>
    </message>
    <message>
        <source>Besøg</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Borger</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Borgeren er allerede foreslået til denne stilling.</source>
        <translation>The citizen has already been proposed for this vacancy.</translation>
    </message>
    <message>
        <source>CPR-nummeret indeholder ikke en gyldig fødselsdato ({value}).</source>
        <translation>The CPR number does not contain a valid date of birth ({value}).</translation>
    </message>
    <message>
        <source>CPR-nummeret skal skrives DDMMÅÅ-XXXX med 10 cifre (&apos;{value}&apos;).</source>
        <translation>The CPR number must be written DDMMYY-XXXX with 10 digits (&apos;{value}&apos;).</translation>
    </message>
    <message>
        <source>CVR {cvr} har flere arbejdspladser i profilen; skriv P-nummeret i kolonnen employer_p_number.</source>
        <translation>CVR {cvr} has several workplaces in the profile; write the P number in the column employer_p_number.</translation>
    </message>
    <message>
        <source>CVR-nummeret skal have 8 cifre, men &apos;{value}&apos; har ikke det.</source>
        <translation>The CVR number must have 8 digits, but &apos;{value}&apos; does not.</translation>
    </message>
    <message>
        <source>CVR-nummeret skal være 8 cifre og må ikke starte med 0 (&apos;{value}&apos;).</source>
        <translation>The CVR number must be 8 digits and must not start with 0 (&apos;{value}&apos;).</translation>
    </message>
    <message>
        <source>CVR-nummeret {value} er ugyldigt (kontrolcifferet passer ikke).</source>
        <translation>The CVR number {value} is invalid (the check digit does not match).</translation>
    </message>
    <message>
        <source>Certifikatet er ikke udstedt af den centrale tjenestes rodcertifikat.</source>
        <translation>The certificate has not been issued by the central service&apos;s root certificate.</translation>
    </message>
    <message>
        <source>Certifikatet er ikke udstedt til denne enheds nøgle.</source>
        <translation>The certificate has not been issued to this device&apos;s key.</translation>
    </message>
    <message>
        <source>Certifikatet fra den centrale tjeneste kan ikke læses.</source>
        <translation>The certificate from the central service cannot be read.</translation>
    </message>
    <message>
        <source>Databasefilen {path} er beskadiget eller ikke en database ({detail}). Filen er ikke ændret; kontakt support, eller synkronisér en ny profil.</source>
        <translation>The database file {path} is damaged or not a database ({detail}). The file has not been changed; contact support, or sync a new profile.</translation>
    </message>
    <message>
        <source>Databasefilen {path} er ikke en profil fra dette program, men en anden databases fil. Filen er ikke ændret; vælg den rigtige profilmappe.</source>
        <translation>The database file {path} is not a profile of this program but another database&apos;s file. The file has not been changed; choose the right profile folder.</translation>
    </message>
    <message>
        <source>Databasen er optaget af et andet program. Prøv igen om lidt.</source>
        <translation>The database is busy with another program. Try again in a moment.</translation>
    </message>
    <message>
        <source>Der er ingen profil i {path}. Opret en med &apos;consultant-app init&apos;.</source>
        <translation>There is no profile in {path}. Create one with &apos;consultant-app init&apos;.</translation>
    </message>
    <message>
        <source>Der er ingen virksomhed med CVR {cvr} i profilen. Importér virksomhederne først.</source>
        <translation>There is no employer with CVR {cvr} in the profile. Import the employers first.</translation>
    </message>
    <message>
        <source>Der er ingen virksomhed med CVR {cvr} og P-nummer {p} i profilen. Importér virksomhederne først.</source>
        <translation>There is no employer with CVR {cvr} and P number {p} in the profile. Import the employers first.</translation>
    </message>
    <message>
        <source>Der findes allerede en borger med dette CPR-nummer ({masked}).</source>
        <translation>A citizen with this CPR number already exists ({masked}).</translation>
    </message>
    <message>
        <source>Der findes allerede en profil i {path}.</source>
        <translation>A profile already exists in {path}.</translation>
    </message>
    <message>
        <source>Der findes allerede en virksomhed med CVR {cvr} og P-nummer {p}.</source>
        <translation>An employer with CVR {cvr} and P number {p} already exists.</translation>
    </message>
    <message>
        <source>Der findes allerede en virksomhed med CVR {cvr}.</source>
        <translation>An employer with CVR {cvr} already exists.</translation>
    </message>
    <message>
        <source>Disken er fuld. Intet er gemt af denne ændring; frigør plads og prøv igen.</source>
        <translation>The disk is full. Nothing of this change was saved; free some space and try again.</translation>
    </message>
    <message>
        <source>E-mailadressen &apos;{value}&apos; ser ikke rigtig ud.</source>
        <translation>The e-mail address &apos;{value}&apos; does not look right.</translation>
    </message>
    <message>
        <source>Et punkt i underskriften er ugyldigt (x, y, tryk og tid skal være tal).</source>
        <translation>A point in the signature is invalid (x, y, pressure and time must be numbers).</translation>
    </message>
    <message>
        <source>Et punkt i underskriften har ugyldigt tryk eller tid.</source>
        <translation>A point in the signature has an invalid pressure or time.</translation>
    </message>
    <message>
        <source>Filen {path} findes ikke.</source>
        <translation>The file {path} does not exist.</translation>
    </message>
    <message>
        <source>Filen {path} kan ikke læses: {detail}.</source>
        <translation>The file {path} cannot be read: {detail}.</translation>
    </message>
    <message>
        <source>Filen {path} kan ikke skrives: {detail}.</source>
        <translation>The file {path} cannot be written: {detail}.</translation>
    </message>
    <message>
        <source>Forkert adgangskode. Profilen er ikke åbnet.</source>
        <translation>Wrong passphrase. The profile has not been opened.</translation>
    </message>
    <message>
        <source>Intet importeret: {bad} linje(r) med fejl ({good} linje(r) var i orden). Ret filen og prøv igen, eller vælg kun at gemme de gode linjer (--keep-good).</source>
        <translation>Nothing imported: {bad} line(s) with errors ({good} line(s) were fine). Correct the file and try again, or choose to save only the good lines (--keep-good).</translation>
    </message>
    <message>
        <source>Konflikt</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Kontaktperson</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Linje {line}, kolonne {column}: {text}</source>
        <translation>Line {line}, column {column}: {text}</translation>
    </message>
    <message>
        <source>Linje {line}: {text}</source>
        <translation>Line {line}: {text}</translation>
    </message>
    <message>
        <source>Linjen har {n} felter, men overskriften har {m} kolonner. Står der et skilletegn for meget, eller mangler der anførselstegn om en tekst?</source>
        <translation>The line has {n} fields, but the header has {m} columns. Is there one separator too many, or are quotes missing around a text?</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Match</translation>
    </message>
    <message>
        <source>Må højst være {max} (er {value}).</source>
        <translation>Must be at most {max} (is {value}).</translation>
    </message>
    <message>
        <source>Må højst være {max} tegn (er {n}).</source>
        <translation>Must be at most {max} characters (is {n}).</translation>
    </message>
    <message>
        <source>Navnet er for langt (højst {limit} tegn).</source>
        <translation>The name is too long (at most {limit} characters).</translation>
    </message>
    <message>
        <source>Når stillingen starter med få timer, skal både start- og sluttimetal udfyldes.</source>
        <translation>When the job starts with few hours, both the starting and the final hours must be filled in.</translation>
    </message>
    <message>
        <source>Opfølgningen kan ikke ligge før besøget.</source>
        <translation>The follow-up cannot be before the visit.</translation>
    </message>
    <message>
        <source>Overskriften i {name} passer ikke til {noun}: {problems}. Mulige kolonner: {allowed}.</source>
        <translation>The header in {name} does not fit {noun}: {problems}. Possible columns: {allowed}.</translation>
    </message>
    <message>
        <source>P-nummeret skal være 10 cifre (&apos;{value}&apos;).</source>
        <translation>The P number must be 10 digits (&apos;{value}&apos;).</translation>
    </message>
    <message>
        <source>Postnummeret skal være 4 cifre (&apos;{value}&apos;).</source>
        <translation>The postcode must be 4 digits (&apos;{value}&apos;).</translation>
    </message>
    <message>
        <source>Postnummeret {value} findes ikke.</source>
        <translation>The postcode {value} does not exist.</translation>
    </message>
    <message>
        <source>Profilen er lavet af en nyere version af programmet (skema {revision}). Opdatér programmet.</source>
        <translation>The profile was made by a newer version of the program (schema {revision}). Update the program.</translation>
    </message>
    <message>
        <source>Profilen i {path} blev aldrig gjort færdig (oprettelsen blev afbrudt), og den indeholder ingen data. Opret den igen med &apos;consultant-app init&apos;.</source>
        <translation>The profile in {path} was never finished (its creation was interrupted) and holds no data. Create it again with &apos;consultant-app init&apos;.</translation>
    </message>
    <message>
        <source>Profilen i {path} er allerede åben i et andet vindue eller program. Luk det først, og prøv igen.</source>
        <translation>The profile in {path} is already open in another window or program. Close that first and try again.</translation>
    </message>
    <message>
        <source>Rodcertifikatet fra den centrale tjeneste kan ikke læses.</source>
        <translation>The root certificate from the central service cannot be read.</translation>
    </message>
    <message>
        <source>Samme CPR-nummer som linje {line} i filen.</source>
        <translation>Same CPR number as line {line} in the file.</translation>
    </message>
    <message>
        <source>Samme CVR-nummer og P-nummer som linje {line} i filen.</source>
        <translation>Same CVR number and P number as line {line} in the file.</translation>
    </message>
    <message>
        <source>Skal udfyldes.</source>
        <translation>Must be filled in.</translation>
    </message>
    <message>
        <source>Skal være et helt tal, ikke {value}.</source>
        <translation>Must be a whole number, not {value}.</translation>
    </message>
    <message>
        <source>Skal være et tal, ikke &apos;{value}&apos;.</source>
        <translation>Must be a number, not &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>Skal være et tal.</source>
        <translation>Must be a number.</translation>
    </message>
    <message>
        <source>Skal være ja eller nej, ikke &apos;{value}&apos;.</source>
        <translation>Must be yes or no, not &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>Skal være mindst {min} (er {value}).</source>
        <translation>Must be at least {min} (is {value}).</translation>
    </message>
    <message>
        <source>Skriv hvorfor matchet er afslået.</source>
        <translation>Write why the match was declined.</translation>
    </message>
    <message>
        <source>Skriv underskriverens navn.</source>
        <translation>Type the signer&apos;s name.</translation>
    </message>
    <message>
        <source>Stilling</source>
        <translation>Vacancy</translation>
    </message>
    <message>
        <source>Telefonnummeret skal være 8 cifre, evt. med +45 (&apos;{value}&apos;).</source>
        <translation>The phone number must be 8 digits, optionally with +45 (&apos;{value}&apos;).</translation>
    </message>
    <message>
        <source>Timer fra ({lo}) er større end timer til ({hi}).</source>
        <translation>Hours from ({lo}) is greater than hours to ({hi}).</translation>
    </message>
    <message>
        <source>Ukendt felt &apos;{name}&apos;. Felterne er: {names}.</source>
        <translation>Unknown field &apos;{name}&apos;. The fields are: {names}.</translation>
    </message>
    <message>
        <source>Ukendt felt &apos;{name}&apos;. Mente du {suggestion}?</source>
        <translation>Unknown field &apos;{name}&apos;. Did you mean {suggestion}?</translation>
    </message>
    <message>
        <source>Underskriften er for kort til at gælde som underskrift. Skriv dit navn i feltet.</source>
        <translation>The signature is too short to count as a signature. Write your name in the field.</translation>
    </message>
    <message>
        <source>Underskriften er tom. Skriv under i feltet.</source>
        <translation>The signature is empty. Sign in the field.</translation>
    </message>
    <message>
        <source>Underskriften går uden for feltet.</source>
        <translation>The signature goes outside the field.</translation>
    </message>
    <message>
        <source>Underskriften har for mange punkter. Ryd feltet og skriv igen.</source>
        <translation>The signature has too many points. Clear the field and sign again.</translation>
    </message>
    <message>
        <source>Underskriftens streger er ugyldige.</source>
        <translation>The signature&apos;s strokes are invalid.</translation>
    </message>
    <message>
        <source>Underskriftsfeltets størrelse mangler eller er ugyldig.</source>
        <translation>The signature field&apos;s size is missing or invalid.</translation>
    </message>
    <message>
        <source>Virksomhed</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Vælg den virksomhed, aftalen er med.</source>
        <translation>Choose the employer the agreement is with.</translation>
    </message>
    <message>
        <source>Vælg hvordan underskriverens identitet er kontrolleret: {choices}.</source>
        <translation>Choose how the signer&apos;s identity was checked: {choices}.</translation>
    </message>
    <message>
        <source>borgere</source>
        <translation>citizens</translation>
    </message>
    <message>
        <source>kolonne(r) står flere gange: {names}</source>
        <translation>column(s) appear more than once: {names}</translation>
    </message>
    <message>
        <source>mangler kolonne(r): {names}</source>
        <translation>missing column(s): {names}</translation>
    </message>
    <message>
        <source>stillinger</source>
        <translation>vacancies</translation>
    </message>
    <message>
        <source>ukendte kolonne(r): {names}</source>
        <translation>unknown column(s): {names}</translation>
    </message>
    <message>
        <source>virksomheder</source>
        <translation>employers</translation>
    </message>
    <message>
        <source>{label} har allerede underskrevet denne version af aftalen.</source>
        <translation>{label} has already signed this version of the agreement.</translation>
    </message>
    <message>
        <source>{name} er en PDF-fil, ikke en CSV-fil.</source>
        <translation>{name} is a PDF file, not a CSV file.</translation>
    </message>
    <message>
        <source>{name} er et regneark (fx .xlsx), ikke en CSV-fil. Gem den som &apos;CSV (semikolonsepareret)&apos; og prøv igen.</source>
        <translation>{name} is a spreadsheet (e.g. .xlsx), not a CSV file. Save it as &apos;CSV (semicolon separated)&apos; and try again.</translation>
    </message>
    <message>
        <source>{name} er tom.</source>
        <translation>{name} is empty.</translation>
    </message>
    <message>
        <source>{name} kan ikke læses som CSV omkring linje {line}: {detail}.</source>
        <translation>{name} cannot be read as CSV around line {line}: {detail}.</translation>
    </message>
    <message>
        <source>{name} kan ikke læses som tekst. Er det en CSV-fil? Gem den som &apos;CSV UTF-8&apos; eller &apos;CSV (semikolonsepareret)&apos; og prøv igen.</source>
        <translation>{name} cannot be read as text. Is it a CSV file? Save it as &apos;CSV UTF-8&apos; or &apos;CSV (semicolon separated)&apos; and try again.</translation>
    </message>
    <message>
        <source>{n} {noun} importeret.</source>
        <translation>{n} {noun} imported.</translation>
    </message>
    <message>
        <source>{n} {noun} importeret; {bad} linje(r) med fejl er sprunget over.</source>
        <translation>{n} {noun} imported; {bad} line(s) with errors were skipped.</translation>
    </message>
    <message>
        <source>{path} er en mappe, ikke en fil.</source>
        <translation>{path} is a folder, not a file.</translation>
    </message>
    <message>
        <source>{path} er en mappe; angiv et filnavn.</source>
        <translation>{path} is a folder; give a file name.</translation>
    </message>
    <message>
        <source>{what} med id {ident} findes ikke.</source>
        <translation>{what} with id {ident} does not exist.</translation>
    </message>
</context>
<context>
    <name>protocol</name>
    <message>
        <source>Et feltnavn i &apos;values&apos; {problem}</source>
        <translation>A field name in &apos;values&apos; {problem}</translation>
    </message>
    <message>
        <source>Feltet &apos;{name}&apos; er for langt: højst {limit} tegn (er {length}).</source>
        <translation>The field &apos;{name}&apos; is too long: at most {limit} characters (it is {length}).</translation>
    </message>
    <message>
        <source>Feltet &apos;{name}&apos; er uden for det tilladte talområde (±{limit}).</source>
        <translation>The field &apos;{name}&apos; is outside the allowed range of numbers (±{limit}).</translation>
    </message>
    <message>
        <source>Feltet &apos;{name}&apos; har et element på over {limit} tegn.</source>
        <translation>The field &apos;{name}&apos; has an element of over {limit} characters.</translation>
    </message>
    <message>
        <source>Feltet &apos;{name}&apos; har for mange elementer: højst {limit}.</source>
        <translation>The field &apos;{name}&apos; has too many elements: at most {limit}.</translation>
    </message>
    <message>
        <source>Feltet &apos;{name}&apos; skal være et endeligt tal.</source>
        <translation>The field &apos;{name}&apos; must be a finite number.</translation>
    </message>
    <message>
        <source>Feltet &apos;{name}&apos; {problem}</source>
        <translation>The field &apos;{name}&apos; {problem}</translation>
    </message>
    <message>
        <source>indeholder et ufuldstændigt tegn (en enlig UTF-16-surrogat), som ikke kan gemmes.</source>
        <translation>contains an incomplete character (a lone UTF-16 surrogate), which cannot be stored.</translation>
    </message>
    <message>
        <source>indeholder tegnet NUL (\u0000), som ikke kan gemmes.</source>
        <translation>contains the character NUL (\u0000), which cannot be stored.</translation>
    </message>
</context>
<context>
    <name>record_form</name>
    <message>
        <source>Gemmer …</source>
        <translation>Saving …</translation>
    </message>
    <message>
        <source>Gemt.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Ikke gemt – ret det markerede, eller fortryd med Ctrl+Z.</source>
        <translation>Not saved – correct what is marked, or undo with Ctrl+Z.</translation>
    </message>
    <message>
        <source>Fortrudt.</source>
        <translation>Undone.</translation>
    </message>
</context>
<context>
    <name>record_page</name>
    <message>
        <source>Status for gem</source>
        <translation>Save status</translation>
    </message>
</context>
<context>
    <name>rules</name>
    <message>
        <source>Aftalen må højst vare {amount} måneder for {group}, dvs. til og med {last}; slutdatoen er {end}.</source>
        <translation>The agreement may last at most {amount} months for {group}, i.e. up to and including {last}; the end date is {end}.</translation>
    </message>
    <message>
        <source>Aftalen må højst vare {amount} uger for {group}, dvs. til og med {last}; slutdatoen er {end}.</source>
        <translation>The agreement may last at most {amount} weeks for {group}, i.e. up to and including {last}; the end date is {end}.</translation>
    </message>
    <message>
        <source>Aftalen er længere end {amount} måneder (til og med {last}); slutdatoen er {end}. Derefter kan den forlænges med en ny periode på op til {step} måneder ad gangen efter en konkret vurdering: notér vurderingen.</source>
        <translation>The agreement is longer than {amount} months (to {last} inclusive); the end date is {end}. Beyond that it can be extended by a new period of up to {step} months at a time after a concrete assessment: note the assessment.</translation>
    </message>
    <message>
        <source>1 person pr. ordinært ansatte</source>
        <translation>1 person per ordinary employees</translation>
    </message>
    <message>
        <source>Aftalen er længere end {amount} måneder for jobparate i gruppen {group} (til og med {last}); slutdatoen er {end}. Op til {to} måneder kun, hvis borgeren ikke er jobparat: notér vurderingen.</source>
        <translation>The agreement is longer than {amount} months for job-ready members of {group} (to {last} inclusive); the end date is {end}. Up to {to} months only if the citizen is not job-ready: note the assessment.</translation>
    </message>
    <message>
        <source>Aftalen er længere end {amount} måneder for {group} (til og med {last}); slutdatoen er {end}. Den kan forlænges op til {to} måneder efter en konkret vurdering: notér vurderingen.</source>
        <translation>The agreement is longer than {amount} months for {group} (to {last} inclusive); the end date is {end}. It can be extended to up to {to} months after a concrete assessment: note the assessment.</translation>
    </message>
    <message>
        <source>Aftalen er længere end {amount} uger (til og med {last}). Op til {to} uger gælder for dimittender på dagpenge med en videregående uddannelse og uden job inden for faget siden; det var et forsøg fra 16. maj 2021: tjek, at det stadig gælder.</source>
        <translation>The agreement is longer than {amount} weeks (to {last} inclusive). Up to {to} weeks applies to new graduates on unemployment benefit with a higher education and no job in their field since; it was a trial from 16 May 2021: check that it still applies.</translation>
    </message>
    <message>
        <source>Aftalen er længere end {amount} uger (til og med {last}); slutdatoen er {end}. Derefter kan den kun forlænges med op til {step} uger ad gangen, når en konkret vurdering viser et helt særligt behov: notér vurderingen.</source>
        <translation>The agreement is longer than {amount} weeks (to {last} inclusive); the end date is {end}. Beyond that it can only be extended by up to {step} weeks at a time where a concrete assessment shows a quite special need: note the assessment.</translation>
    </message>
    <message>
        <source>Aftalen er længere end {amount} uger for {group} (til og med {last}); slutdatoen er {end}. Den kan forlænges op til {to} uger efter en konkret vurdering: notér vurderingen.</source>
        <translation>The agreement is longer than {amount} weeks for {group} (to {last} inclusive); the end date is {end}. It can be extended to up to {to} weeks after a concrete assessment: note the assessment.</translation>
    </message>
    <message>
        <source>Aftalen er længere end {amount} uger for {group} (til og med {last}); slutdatoen er {end}. Op til {to} uger kræver, at borgeren har ingen eller ringe erhvervserfaring eller langvarig ledighed: notér vurderingen.</source>
        <translation>The agreement is longer than {amount} weeks for {group} (to {last} inclusive); the end date is {end}. Up to {to} weeks requires that the citizen has no or little work experience or long unemployment: note the assessment.</translation>
    </message>
    <message>
        <source>Aftalen er længere end {amount} uger for {group} (til og med {last}); slutdatoen er {end}. Op til {to} uger kræver, at borgeren ikke er jobparat eller har ingen eller ringe erhvervserfaring eller langvarig ledighed: notér vurderingen.</source>
        <translation>The agreement is longer than {amount} weeks for {group} (to {last} inclusive); the end date is {end}. Up to {to} weeks requires that the citizen is not job-ready or has no or little work experience or long unemployment: note the assessment.</translation>
    </message>
    <message>
        <source>Aftalen må ikke begynde, før kommunen har godkendt den.</source>
        <translation>The agreement may not start before the municipality has approved it.</translation>
    </message>
    <message>
        <source>Alder ved start på IGU.</source>
        <translation>Age at the start of IGU.</translation>
    </message>
    <message>
        <source>Antal skoleuger i forløbet.</source>
        <translation>School weeks in the programme.</translation>
    </message>
    <message>
        <source>Borgeren har allerede en {kind} ({status}) hos {employer} fra {start} til {end}, som overlapper denne aftales periode. Tjek, at de to aftaler kan gælde samtidig, og notér det.</source>
        <translation>The citizen already has an agreement ({kind}, {status}) with {employer} from {start} to {end}, which overlaps this agreement&apos;s period. Check that the two agreements can hold at the same time, and note it.</translation>
    </message>
    <message>
        <source>Borgeren kan ikke komme i praktik hos sin seneste arbejdsgiver (CVR {cvr}), heller ikke når ansættelsen var med tilskud.</source>
        <translation>The citizen cannot do a work placement with their most recent employer (CVR {cvr}), not even when that employment was subsidised.</translation>
    </message>
    <message>
        <source>Den længste varighed, efter målgruppe.</source>
        <translation>The longest duration, by target group.</translation>
    </message>
    <message>
        <source>Det forventede timetal ved slutningen ({hours} timer om ugen) er over normal fuld tid på arbejdspladsen ({normal} timer om ugen).</source>
        <translation>The expected hours at the end ({hours} hours a week) are above normal full time at the workplace ({normal} hours a week).</translation>
    </message>
    <message>
        <source>Det mindste antal timer om ugen.</source>
        <translation>The fewest hours per week.</translation>
    </message>
    <message>
        <source>Et IGU-forløb kan kun begynde til og med {last}; startdatoen er {start}.</source>
        <translation>An IGU programme can only begin up to and including {last}; the start date is {start}.</translation>
    </message>
    <message>
        <source>Et regelsæt fra den centrale tjeneste kunne ikke læses og bruges ikke.</source>
        <translation>A rule set from the central service could not be read and is not used.</translation>
    </message>
    <message>
        <source>Forlængelse efter en konkret vurdering.</source>
        <translation>Extension after a concrete assessment.</translation>
    </message>
    <message>
        <source>Fra 1. januar 2026 er der et loft over kommunens udgifter til mentorstøtte og øvrig vejledning og opkvalificering. Reglerne for, hvem der kan få mentorstøtte, er uændrede: tjek kommunens retningslinjer for timer og varighed.</source>
        <translation>From 1 January 2026 there is a cap on the municipality&apos;s spending on mentor support and other guidance and upskilling. The rules on who may get mentor support are unchanged: check the municipality&apos;s guidelines on hours and duration.</translation>
    </message>
    <message>
        <source>Før praktikken etableres, skal arbejdsgiveren og tillidsrepræsentanten for faggruppen på P-nummeret skriftligt tilkendegive, om rimelighedskravet er opfyldt.</source>
        <translation>Before the work placement is set up, the employer and the employee representative for the staff group at the P-number must state in writing whether the ratio requirement is met.</translation>
    </message>
    <message>
        <source>Har arbejdspladsen en tillidsrepræsentant, skal vedkommende høres om ansættelsen med løntilskud og skrive sin udtalelse i aftalen.</source>
        <translation>If the workplace has an employee representative, they must be consulted about the employment with wage subsidy and write their statement in the agreement.</translation>
    </message>
    <message>
        <source>Hvilke målgrupper der kan få denne type aftale.</source>
        <translation>Which target groups may have this kind of agreement.</translation>
    </message>
    <message>
        <source>Hvornår den længste varighed er længere.</source>
        <translation>When the longest duration is longer.</translation>
    </message>
    <message>
        <source>IGU er for borgere mellem {minimum} og {maximum} år ved start; ifølge CPR-nummeret er borgeren {age} år den {start}.</source>
        <translation>IGU is for citizens aged between {minimum} and {maximum} at the start; according to the CPR number the citizen is {age} on {start}.</translation>
    </message>
    <message>
        <source>IGU skal indeholde {minimum} ugers skoleundervisning; aftalen har {weeks}. Notér, hvordan resten af undervisningen gives.</source>
        <translation>IGU must include {minimum} weeks of school teaching; the agreement has {weeks}. Note how the rest of the teaching is given.</translation>
    </message>
    <message>
        <source>Ikke praktik hos borgerens seneste arbejdsgiver.</source>
        <translation>No praktik at the citizen&apos;s last employer.</translation>
    </message>
    <message>
        <source>Indsats for øvrige borgere (førtidspensionister, selvforsørgende, unge under 18)</source>
        <translation>Support for other citizens (early retirement pensioners, self-supporting persons, young people under 18)</translation>
    </message>
    <message>
        <source>Jobhjælpsindsats (kontanthjælpsmodtagere med andre udfordringer end ledighed)</source>
        <translation>Job help support (social assistance recipients with challenges other than unemployment)</translation>
    </message>
    <message>
        <source>Jobparate selvforsørgende kan ikke komme i praktik hos deres seneste arbejdsgiver (CVR {cvr}). Er borgeren ikke jobparat, kan praktikken ligge her i en ny arbejdsfunktion: notér det, og skriv forskellen i aftalen.</source>
        <translation>Job-ready self-supporting citizens cannot do a work placement with their most recent employer (CVR {cvr}). If the citizen is not job-ready, the placement may be here in a new work function: note it, and write the difference in the agreement.</translation>
    </message>
    <message>
        <source>Jobrotation afskaffes med beskæftigelsesreformen (lov nr. 1750 af 29. december 2025). Tjek, at ordningen stadig kan bevilges på startdatoen, og notér det.</source>
        <translation>Job rotation is abolished by the employment reform (Act no. 1750 of 29 December 2025). Check that the scheme can still be granted on the start date, and note it.</translation>
    </message>
    <message>
        <source>Jobrotation er afskaffet og kan ikke bevilges med start fra 1. januar 2027.</source>
        <translation>Job rotation has been abolished and cannot be granted with a start from 1 January 2027.</translation>
    </message>
    <message>
        <source>Jobsøgningsindsats (jobparate kontanthjælps- og ledighedsydelsesmodtagere)</source>
        <translation>Job search support (job-ready recipients of social assistance and of flex job unemployment benefit (ledighedsydelse))</translation>
    </message>
    <message>
        <source>Krav om ledighed forud for ansættelse med løntilskud, og hvem der er undtaget.</source>
        <translation>Unemployment required before employment with wage subsidy, and who is exempt.</translation>
    </message>
    <message>
        <source>Løntilskud kræver {months} måneder med offentlig forsørgelse før start, medmindre borgeren er over 50 år, er enlig forsørger eller ikke har en kompetencegivende uddannelse: angiv &apos;Ledig siden&apos; eller undtagelsen, hvor aftalen har felterne, eller tjek det.</source>
        <translation>A wage subsidy requires {months} months on public benefits before the start, unless the citizen is over 50, a single parent or has no vocational education: give &apos;Unemployed since&apos; or the exemption where the agreement has those fields, or check it.</translation>
    </message>
    <message>
        <source>Løntilskud kræver {months} måneders ledighed før start, medmindre en undtagelse gælder. Borgeren har været ledig siden {since}, så ansættelsen kan tidligst begynde {earliest}; startdatoen er {start}.</source>
        <translation>A wage subsidy requires {months} months of unemployment before the start, unless an exemption applies. The citizen has been unemployed since {since}, so the employment can begin on {earliest} at the earliest; the start date is {start}.</translation>
    </message>
    <message>
        <source>Meddelelse til konsulenten.</source>
        <translation>A notice to the consultant.</translation>
    </message>
    <message>
        <source>Merbeskæftigelseskravet: antallet af ordinært ansatte må ikke være faldet, og stillingen må ikke være ledig ved afskedigelse.</source>
        <translation>The additional-employment rule: the number of ordinary employees may not have fallen, and the post may not be vacant by dismissal.</translation>
    </message>
    <message>
        <source>Målgrupper, der er lukket for nye forløb.</source>
        <translation>Target groups closed to new cases.</translation>
    </message>
    <message>
        <source>Praktik hos borgerens seneste arbejdsgiver (CVR {cvr}) kan kun ske efter en konkret vurdering i en ny arbejdsfunktion, og forskellen på funktionerne skal stå i aftalen: notér vurderingen.</source>
        <translation>A work placement with the citizen&apos;s most recent employer (CVR {cvr}) is only possible after a concrete assessment, in a new work function, and the difference between the functions must be stated in the agreement: note the assessment.</translation>
    </message>
    <message>
        <source>Praktik hos den seneste arbejdsgiver (CVR {cvr}) i samme funktion kræver, at borgeren ikke er i ansættelsesforhold og er enig; ellers kun i en ny arbejdsfunktion.</source>
        <translation>A work placement with the most recent employer (CVR {cvr}) in the same function requires that the citizen is not employed and agrees; otherwise only in a new work function.</translation>
    </message>
    <message>
        <source>Startdatoen {start} er før i dag ({today}). Praktikken må ikke begynde, før kommunen (jobcenteret) har godkendt den: ret startdatoen, eller notér hvorfor.</source>
        <translation>The start date {start} is before today ({today}). The work placement may not begin before the municipality (the job centre) has approved it: correct the start date, or note why.</translation>
    </message>
    <message>
        <source>Tjek også: borgeren har højst 20 års ophold i Danmark. Der må højst etableres 1.500 nye IGU-forløb om året, og ministeren kan fastsætte, at der i op til 3 måneder ikke kan etableres nye forløb.</source>
        <translation>Also check: the citizen has lived in Denmark for at most 20 years. At most 1,500 new IGU programmes may be set up a year, and the minister can decide that no new programmes can be set up for up to 3 months.</translation>
    </message>
    <message>
        <source>Merbeskæftigelseskravet: virksomheden (CVR) havde {last} ordinært ansatte sidste måned, færre end gennemsnittet for de sidste 12 måneder ({average}). Løntilskud kræver, at antallet ikke er faldet.</source>
        <translation>Additional employment requirement: the employer (CVR) had {last} ordinary employees last month, fewer than the average for the last 12 months ({average}). A wage subsidy requires that the number has not fallen.</translation>
    </message>
    <message>
        <source>Arbejdsgiveren og en tillidsrepræsentant tilkendegiver skriftligt, om rimelighedskravet er opfyldt.</source>
        <translation>The employer and a union representative state in writing whether the ratio rule is met.</translation>
    </message>
    <message>
        <source>Den længere varighed for borgere med ingen eller ringe erhvervserfaring eller langvarig ledighed.</source>
        <translation>The longer duration for citizens with no or little work experience or long unemployment.</translation>
    </message>
    <message>
        <source>Den længere varighed for dimittender i forsøget.</source>
        <translation>The longer duration for graduates in the trial.</translation>
    </message>
    <message>
        <source>Målgruppen &apos;{group}&apos; kan ikke indgå i denne type aftale.</source>
        <translation>The target group &apos;{group}&apos; cannot be part of this type of agreement.</translation>
    </message>
    <message>
        <source>Målgruppen &apos;{group}&apos; kan ikke indgå i denne type aftale; den er kun for: {allowed}.</source>
        <translation>The target group &apos;{group}&apos; cannot be part of this type of agreement; it is only for: {allowed}.</translation>
    </message>
    <message>
        <source>Regelsæt fra den centrale tjeneste kan ikke kontrolleres: enheden har ikke tjenestens rodcertifikat. Tilmeld enheden igen.</source>
        <translation>Rule sets from the central service cannot be checked: the device lacks the service&apos;s root certificate. Enroll the device again.</translation>
    </message>
    <message>
        <source>Regelsættet {name} bruges ikke: det er ikke underskrevet af den centrale tjeneste, enheden er tilmeldt (underskriften passer ikke).</source>
        <translation>The rule set {name} is not used: it is not signed by the central service the device is enrolled with (the signature does not match).</translation>
    </message>
    <message>
        <source>Regelsættet {name} bruges ikke: {problems}</source>
        <translation>The rule set {name} is not used: {problems}</translation>
    </message>
    <message>
        <source>Rimelighedskravet: hvor mange personer i praktik, løntilskud og nytteindsats der må være pr. ordinært ansatte på arbejdspladsen.</source>
        <translation>The ratio rule: how many persons in praktik, wage subsidy and nytteindsats a workplace may have per ordinary employees.</translation>
    </message>
    <message>
        <source>Rimelighedskravet: med {employees} ordinært ansatte må højst {allowed} være i praktik eller løntilskud på arbejdspladsen (P-nummeret). Med denne aftale bliver det {count} fuldtidspersoner ({already} i forvejen: {local} fra denne enhed; {registered} registreret på virksomheden). Kommunens øvrige aftaler er ikke talt med: enheden har ikke hentet dem fra den centrale tjeneste endnu. Fortsæt kun, hvis forholdet er i orden ved start, og notér det.</source>
        <translation>Ratio rule: with {employees} ordinary employees at most {allowed} may be in praktik or wage subsidy at the workplace (P-number). With this agreement it becomes {count} full-time persons ({already} already: {local} from this device; {registered} registered on the employer). The municipality&apos;s other agreements are not counted: this device has not fetched them from the central service yet. Continue only if the ratio holds at the start, and note it.</translation>
    </message>
    <message>
        <source>Rimelighedskravet: med {employees} ordinært ansatte må højst {allowed} være i praktik eller løntilskud på arbejdspladsen (P-nummeret). Med denne aftale bliver det {count} fuldtidspersoner ({already} i forvejen: {municipal} fra kommunens aftaler hos den centrale tjeneste, opgjort {as_of}; {local} fra denne enhed; {registered} registreret på virksomheden). Fortsæt kun, hvis forholdet er i orden ved start, og notér det.</source>
        <translation>Ratio rule: with {employees} ordinary employees at most {allowed} may be in praktik or wage subsidy at the workplace (P-number). With this agreement it becomes {count} full-time persons ({already} already: {municipal} from the municipality&apos;s agreements at the central service, counted {as_of}; {local} from this device; {registered} registered on the employer). Continue only if the ratio holds at the start, and note it.</translation>
    </message>
    <message>
        <source>Sidste dag, et IGU-forløb kan begynde.</source>
        <translation>The last day an IGU programme may start.</translation>
    </message>
    <message>
        <source>Slutdatoen ({end}) ligger før startdatoen ({start}).</source>
        <translation>The end date ({end}) is before the start date ({start}).</translation>
    </message>
    <message>
        <source>Stillingen er blevet ledig ved afskedigelse inden for de sidste 3 måneder og kan ikke besættes med løntilskud.</source>
        <translation>The position became vacant through dismissal within the last 3 months and cannot be filled with a wage subsidy.</translation>
    </message>
    <message>
        <source>Tillidsrepræsentanten ({name}) har ikke givet sin udtalelse om ansættelsen med løntilskud. Udfyld udtalelsen, eller notér hvorfor den mangler.</source>
        <translation>The employee representative ({name}) has not given their statement on the employment with wage subsidy. Fill in the statement, or note why it is missing.</translation>
    </message>
    <message>
        <source>Tillidsrepræsentanten høres om ansættelsen.</source>
        <translation>The employee representative is heard about the employment.</translation>
    </message>
    <message>
        <source>Tilskuddet ({subsidy} kr. i timen) må højst være {percent} % af timelønnen ({wage} kr.), dvs. {limit} kr. i timen.</source>
        <translation>The subsidy (DKK {subsidy} per hour) may be at most {percent}% of the hourly wage (DKK {wage}), i.e. DKK {limit} per hour.</translation>
    </message>
    <message>
        <source>Tilskuddet for de sidste 12 måneder ({subsidy} kr.) må højst være {percent} % af årets samlede lønomkostning ({cost} kr.), dvs. {limit} kr.</source>
        <translation>The subsidy for the last 12 months (DKK {subsidy}) may be at most {percent}% of the year&apos;s total wage cost (DKK {cost}), i.e. DKK {limit}.</translation>
    </message>
    <message>
        <source>Tilskuddet må højst udgøre en vis andel af lønomkostningen.</source>
        <translation>The subsidy may be at most a share of the wage cost.</translation>
    </message>
    <message>
        <source>Timerne ligger inden for almindelig fuld tid.</source>
        <translation>The hours are within ordinary full time.</translation>
    </message>
    <message>
        <source>Timetallet ({hours} timer om ugen) er over normal fuld tid på arbejdspladsen ({normal} timer om ugen).</source>
        <translation>The hours ({hours} hours a week) are above normal full time at the workplace ({normal} hours a week).</translation>
    </message>
    <message>
        <source>Timetallet pr. uge skal være mindst {minimum}; aftalen har {hours}.</source>
        <translation>The hours per week must be at least {minimum}; the agreement has {hours}.</translation>
    </message>
    <message>
        <source>Undtagelsen &apos;fyldt {minimum} år&apos; passer ikke: ifølge CPR-nummeret er borgeren {age} år på startdatoen.</source>
        <translation>The exemption &apos;aged {minimum} or over&apos; does not apply: according to the CPR number the citizen is {age} on the start date.</translation>
    </message>
    <message>
        <source>Yderligere perioder ud over forlængelsen, hver efter en konkret vurdering.</source>
        <translation>Further periods beyond the extension, each after a concrete assessment.</translation>
    </message>
    <message>
        <source>advarsel</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>altid mindst</source>
        <translation>always at least</translation>
    </message>
    <message>
        <source>dage</source>
        <translation>days</translation>
    </message>
    <message>
        <source>derefter 1 pr.</source>
        <translation>then 1 per</translation>
    </message>
    <message>
        <source>dimittender</source>
        <translation>new graduates</translation>
    </message>
    <message>
        <source>fejl</source>
        <translation>error</translation>
    </message>
    <message>
        <source>for de første</source>
        <translation>for the first</translation>
    </message>
    <message>
        <source>højst</source>
        <translation>at most</translation>
    </message>
    <message>
        <source>højst andel</source>
        <translation>largest share</translation>
    </message>
    <message>
        <source>ingen grænse</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>ledig mindst (måneder)</source>
        <translation>unemployed at least (months)</translation>
    </message>
    <message>
        <source>mindst</source>
        <translation>at least</translation>
    </message>
    <message>
        <source>mindst alder</source>
        <translation>minimum age</translation>
    </message>
    <message>
        <source>målgrupper</source>
        <translation>target groups</translation>
    </message>
    <message>
        <source>måneder</source>
        <translation>months</translation>
    </message>
    <message>
        <source>nej</source>
        <translation>no</translation>
    </message>
    <message>
        <source>offentliggjort af den centrale tjeneste, version {version}</source>
        <translation>published by the central service, version {version}</translation>
    </message>
    <message>
        <source>op til</source>
        <translation>up to</translation>
    </message>
    <message>
        <source>oplysning</source>
        <translation>information</translation>
    </message>
    <message>
        <source>siden</source>
        <translation>since</translation>
    </message>
    <message>
        <source>som programmet har det med</source>
        <translation>as shipped with the program</translation>
    </message>
    <message>
        <source>ubestemt tid</source>
        <translation>no end date</translation>
    </message>
    <message>
        <source>uger</source>
        <translation>weeks</translation>
    </message>
    <message>
        <source>undtaget fra alderen</source>
        <translation>exempt from the age of</translation>
    </message>
    <message>
        <source>undtagne målgrupper</source>
        <translation>exempt target groups</translation>
    </message>
    <message>
        <source>vurderes som</source>
        <translation>judged as</translation>
    </message>
    <message>
        <source>{group} er lukket for nye borgere fra {since}. Aftalen kan kun indgås for en borger, hvis forløb blev bevilget før den dato: bekræft det i en note.</source>
        <translation>{group} is closed to new citizens from {since}. The agreement can only be made for a citizen whose programme was granted before that date: confirm this in a note.</translation>
    </message>
    <message>
        <source>{text} (Foreløbig regel: regelsættet »{ruleset}« bygger på en lov, hvis endelige tekst ikke er offentliggjort; tjek den gældende regel.)</source>
        <translation>{text} (Provisional rule: the rule set “{ruleset}” rests on a law whose final text has not been published; check the rule in force.)</translation>
    </message>
    <message>
        <source>{text} (Ubekræftet: {citation} er ikke bekræftet i lovteksten; tjek reglen, før du lægger vægt på den.)</source>
        <translation>{text} (Unconfirmed: {citation} has not been confirmed in the text of the law; check the rule before relying on it.)</translation>
    </message>
    <message>
        <source>år</source>
        <translation>years</translation>
    </message>
</context>
<context>
    <name>service</name>
    <message>
        <source>Adgangskoden skal have mindst {length} tegn.</source>
        <translation>The password must have at least {length} characters.</translation>
    </message>
    <message>
        <source>Adgangsnøglen er ukendt. Tilmeld enheden igen.</source>
        <translation>The access token is unknown. Enrol the device again.</translation>
    </message>
    <message>
        <source>Adressen findes ikke i tjenesten.</source>
        <translation>The address does not exist in the service.</translation>
    </message>
    <message>
        <source>Aftalen er ikke forseglet med denne enheds certifikat.</source>
        <translation>The agreement is not sealed with this device&apos;s certificate.</translation>
    </message>
    <message>
        <source>Aftalen er underskrevet med et andet indhold end den forseglede PDF. Den underskrevne aftale kan ikke erstattes.</source>
        <translation>The agreement was signed with other content than the sealed PDF. The signed agreement cannot be replaced.</translation>
    </message>
    <message>
        <source>Aftalens indhold passer ikke med dens kontrolsum (content_hash).</source>
        <translation>The agreement&apos;s content does not match its checksum (content_hash).</translation>
    </message>
    <message>
        <source>Angiv kommunen (--municipality) for denne rolle.</source>
        <translation>Give the municipality (--municipality) for this role.</translation>
    </message>
    <message>
        <source>Borgeren (samme CPR-nummer) er allerede oprettet centralt, fx fra en anden enhed. Din oprettelse er ikke sendt. Dine oplysninger står her, så du kan føre dem over.</source>
        <translation>The citizen (same CPR number) has already been created centrally, e.g. from another device. Your record was not sent. Your details are shown here so you can carry them over.</translation>
    </message>
    <message>
        <source>Borgeren (samme CPR-nummer) var allerede oprettet centralt, fx fra en anden enhed. Din oprettelse er lagt sammen med den; dine oplysninger, der afviger, står her, så du kan vælge dem.</source>
        <translation>The citizen (same CPR number) had already been created centrally, e.g. from another device. Your record has been merged into it; your details that differ are shown here so you can choose them.</translation>
    </message>
    <message>
        <source>Borgeren har {signed} underskrevne aftaler, som kommunen skal opbevare. Brug --including-signed for også at slette dem.</source>
        <translation>The citizen has {signed} signed agreements, which the municipality must keep. Use --including-signed to delete them too.</translation>
    </message>
    <message>
        <source>Borgeren {citizen_id} findes ikke i kommune {municipality}.</source>
        <translation>The citizen {citizen_id} does not exist in municipality {municipality}.</translation>
    </message>
    <message>
        <source>Borgeren {citizen_id} findes ikke.</source>
        <translation>The citizen {citizen_id} does not exist.</translation>
    </message>
    <message>
        <source>Brugeren &apos;{username}&apos; findes allerede.</source>
        <translation>The user &apos;{username}&apos; already exists.</translation>
    </message>
    <message>
        <source>Brugernavnet skal udfyldes (højst 100 tegn).</source>
        <translation>The user name must be filled in (at most 100 characters).</translation>
    </message>
    <message>
        <source>Den centrale tjeneste har allerede en forseglet PDF af denne version med et andet indhold.</source>
        <translation>The central service already has a sealed PDF of this version with different content.</translation>
    </message>
    <message>
        <source>Den forseglede PDF er ikke forseglet med et certifikat, som denne tjeneste har udstedt.</source>
        <translation>The sealed PDF is not sealed with a certificate this service issued.</translation>
    </message>
    <message>
        <source>Den forseglede PDF kan ikke kontrolleres: {reasons}</source>
        <translation>The sealed PDF cannot be checked: {reasons}</translation>
    </message>
    <message>
        <source>Den forseglede PDF kunne ikke godkendes: {problems}</source>
        <translation>The sealed PDF could not be accepted: {problems}</translation>
    </message>
    <message>
        <source>Der er allerede modtaget en anden forseglet aftale med samme id og version. Den modtagne aftale kan ikke erstattes.</source>
        <translation>Another sealed agreement with the same id and version has already been received. The received agreement cannot be replaced.</translation>
    </message>
    <message>
        <source>En sletning sender ingen feltværdier (op &quot;delete&quot;, values {{}}).</source>
        <translation>A delete sends no field values (op &quot;delete&quot;, values {{}}).</translation>
    </message>
    <message>
        <source>Enheden er ikke tilmeldt (mangler adgangsnøgle).</source>
        <translation>The device is not enrolled (no access token).</translation>
    </message>
    <message>
        <source>Enheden er spærret af kommunen. Personoplysningerne på den bliver slettet. Kontakt din leder.</source>
        <translation>The municipality has blocked the device. The personal data on it will be deleted. Contact your manager.</translation>
    </message>
    <message>
        <source>Enheden har ikke adgang til denne aftale.</source>
        <translation>The device has no access to this agreement.</translation>
    </message>
    <message>
        <source>Enheden har ikke adgang til denne post ({entity}).</source>
        <translation>The device has no access to this record ({entity}).</translation>
    </message>
    <message>
        <source>Enheden {device_id} findes ikke.</source>
        <translation>The device {device_id} does not exist.</translation>
    </message>
    <message>
        <source>Feltet &apos;Content-Length&apos; er ikke et helt tal.</source>
        <translation>The field &apos;Content-Length&apos; is not a whole number.</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; er for lang (højst {limit} tegn).</source>
        <translation>The field &apos;{field}&apos; is too long (at most {limit} characters).</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; er ikke gyldig JSON.</source>
        <translation>The field &apos;{field}&apos; is not valid JSON.</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; er indlejret for dybt.</source>
        <translation>The field &apos;{field}&apos; is nested too deeply.</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; har en ugyldig værdi.</source>
        <translation>The field &apos;{field}&apos; has an invalid value.</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; har en ugyldig værdi: {problem}</source>
        <translation>The field &apos;{field}&apos; has an invalid value: {problem}</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; har for mange elementer (højst {limit}).</source>
        <translation>The field &apos;{field}&apos; has too many elements (at most {limit}).</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; har ikke et gyldigt format (et id: bogstaver, tal og . _ : -).</source>
        <translation>The field &apos;{field}&apos; does not have a valid format (an id: letters, digits and . _ : -).</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; mangler.</source>
        <translation>The field &apos;{field}&apos; is missing.</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; må højst være {limit}.</source>
        <translation>The field &apos;{field}&apos; must be at most {limit}.</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; skal være en af: {limit}.</source>
        <translation>The field &apos;{field}&apos; must be one of: {limit}.</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; skal være en liste.</source>
        <translation>The field &apos;{field}&apos; must be a list.</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; skal være et UUID.</source>
        <translation>The field &apos;{field}&apos; must be a UUID.</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; skal være et endeligt tal.</source>
        <translation>The field &apos;{field}&apos; must be a finite number.</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; skal være et heltal.</source>
        <translation>The field &apos;{field}&apos; must be a whole number.</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; skal være et objekt.</source>
        <translation>The field &apos;{field}&apos; must be an object.</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; skal være et tal.</source>
        <translation>The field &apos;{field}&apos; must be a number.</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; skal være et tidspunkt (ISO 8601).</source>
        <translation>The field &apos;{field}&apos; must be a point in time (ISO 8601).</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; skal være gyldig tekst (UTF-8).</source>
        <translation>The field &apos;{field}&apos; must be valid text (UTF-8).</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; skal være mindre end {limit}.</source>
        <translation>The field &apos;{field}&apos; must be less than {limit}.</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; skal være mindst {limit}.</source>
        <translation>The field &apos;{field}&apos; must be at least {limit}.</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; skal være større end {limit}.</source>
        <translation>The field &apos;{field}&apos; must be greater than {limit}.</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; skal være tekst.</source>
        <translation>The field &apos;{field}&apos; must be text.</translation>
    </message>
    <message>
        <source>Feltet &apos;{field}&apos; skal være true eller false.</source>
        <translation>The field &apos;{field}&apos; must be true or false.</translation>
    </message>
    <message>
        <source>Feltet &apos;{name}&apos; findes ikke på {entity}.</source>
        <translation>The field &apos;{name}&apos; does not exist on {entity}.</translation>
    </message>
    <message>
        <source>Feltet &apos;{name}&apos; sendes ikke som en værdi: en sletning sendes som operationen &quot;delete&quot; uden værdier.</source>
        <translation>The field &apos;{name}&apos; is not sent as a value: a delete is sent as the operation &quot;delete&quot; without values.</translation>
    </message>
    <message>
        <source>Feltet &apos;{name}&apos; skal have en værdi.</source>
        <translation>The field &apos;{name}&apos; must have a value.</translation>
    </message>
    <message>
        <source>Feltet &apos;{name}&apos; skal være {kind}.</source>
        <translation>The field &apos;{name}&apos; must be {kind}.</translation>
    </message>
    <message>
        <source>Feltet content indeholder værdier, som en forseglet aftale aldrig har (fx tal uden for det gyldige område).</source>
        <translation>The field content holds values a sealed agreement never has (such as numbers outside the valid range).</translation>
    </message>
    <message>
        <source>Feltet entity_id er ikke et gyldigt id.</source>
        <translation>The field entity_id is not a valid id.</translation>
    </message>
    <message>
        <source>Feltet pdf_base64 er ikke gyldig base64.</source>
        <translation>The field pdf_base64 is not valid base64.</translation>
    </message>
    <message>
        <source>Feltet pdf_base64: {problem}</source>
        <translation>The field pdf_base64: {problem}</translation>
    </message>
    <message>
        <source>Feltet public_key skal være en Ed25519-nøgle (32 byte, base64).</source>
        <translation>The field public_key must be an Ed25519 key (32 bytes, base64).</translation>
    </message>
    <message>
        <source>Flere konsulenter hedder &apos;{name_or_id}&apos;; angiv --municipality eller konsulentens id.</source>
        <translation>Several consultants are called &apos;{name_or_id}&apos;; give --municipality or the consultant&apos;s id.</translation>
    </message>
    <message>
        <source>Flere konsulenter hedder &apos;{name_or_id}&apos;; angiv konsulentens id.</source>
        <translation>Several consultants are called &apos;{name_or_id}&apos;; give the consultant&apos;s id.</translation>
    </message>
    <message>
        <source>For mange forkerte adgangsnøgler fra denne adresse. Prøv igen om {minutes} minutter.</source>
        <translation>Too many wrong access tokens from this address. Try again in {minutes} minutes.</translation>
    </message>
    <message>
        <source>For mange forkerte tilmeldingskoder fra denne adresse. Prøv igen om {minutes} minutter.</source>
        <translation>Too many wrong enrolment codes from this address. Try again in {minutes} minutes.</translation>
    </message>
    <message>
        <source>Forespørgslen er for stor: højst {limit} byte.</source>
        <translation>The request is too large: at most {limit} bytes.</translation>
    </message>
    <message>
        <source>Forespørgslen er ugyldig.</source>
        <translation>The request is invalid.</translation>
    </message>
    <message>
        <source>Forespørgslens indhold kom ikke frem i tide.</source>
        <translation>The request&apos;s content did not arrive in time.</translation>
    </message>
    <message>
        <source>Kommunekoden &apos;{code}&apos; skal være et tal på højst fire cifre (fx 0751).</source>
        <translation>The municipality code &apos;{code}&apos; must be a number of at most four digits (e.g. 0751).</translation>
    </message>
    <message>
        <source>Kommunen {code} findes ikke.</source>
        <translation>The municipality {code} does not exist.</translation>
    </message>
    <message>
        <source>Kommunen {code} findes ikke. Opret den med add-municipality.</source>
        <translation>The municipality {code} does not exist. Create it with add-municipality.</translation>
    </message>
    <message>
        <source>Kommunens navn skal udfyldes.</source>
        <translation>The municipality&apos;s name must be filled in.</translation>
    </message>
    <message>
        <source>Konsulenten &apos;{name_or_id}&apos; findes ikke i kommune {municipality}.</source>
        <translation>The consultant &apos;{name_or_id}&apos; does not exist in municipality {municipality}.</translation>
    </message>
    <message>
        <source>Konsulenten &apos;{name_or_id}&apos; findes ikke.</source>
        <translation>The consultant &apos;{name_or_id}&apos; does not exist.</translation>
    </message>
    <message>
        <source>Konsulenten {consultant_id} findes ikke.</source>
        <translation>The consultant {consultant_id} does not exist.</translation>
    </message>
    <message>
        <source>Konsulentens navn skal udfyldes.</source>
        <translation>The consultant&apos;s name must be filled in.</translation>
    </message>
    <message>
        <source>Metoden er ikke tilladt på denne adresse.</source>
        <translation>The method is not allowed at this address.</translation>
    </message>
    <message>
        <source>Operations-id&apos;et er allerede brugt af en anden enhed.</source>
        <translation>The operation id is already used by another device.</translation>
    </message>
    <message>
        <source>PDF-filen hører ikke til denne aftale, version eller kontrolsum.</source>
        <translation>The PDF file does not belong to this agreement, version or checksum.</translation>
    </message>
    <message>
        <source>Posten findes ikke på den centrale tjeneste, så ændringen kan ikke gemmes. Opret posten igen.</source>
        <translation>The record does not exist on the central service, so the change cannot be saved. Create the record again.</translation>
    </message>
    <message>
        <source>Posten hører til {parent}, som ikke findes på den centrale tjeneste (den er måske afvist). Ændringen er ikke gemt centralt.</source>
        <translation>The record belongs to {parent}, which does not exist on the central service (it may have been rejected). The change has not been saved centrally.</translation>
    </message>
    <message>
        <source>Rollen skal være en af {roles}.</source>
        <translation>The role must be one of {roles}.</translation>
    </message>
    <message>
        <source>Tilmeldingskoden er allerede brugt.</source>
        <translation>The enrolment code has already been used.</translation>
    </message>
    <message>
        <source>Tilmeldingskoden er ukendt, brugt eller udløbet. Bed om en ny kode.</source>
        <translation>The enrolment code is unknown, used or expired. Ask for a new code.</translation>
    </message>
    <message>
        <source>Ukendt posttype &apos;{entity}&apos;.</source>
        <translation>Unknown record type &apos;{entity}&apos;.</translation>
    </message>
    <message>
        <source>Underskrifter og dokumenter til en underskrevet aftale kan ikke ændres eller slettes. En ændring skal laves som en ny version, der underskrives igen.</source>
        <translation>Signatures and documents of a signed agreement cannot be changed or deleted. A change must be made as a new version, which is signed again.</translation>
    </message>
    <message>
        <source>Virksomheden (samme CVR- og P-nummer) er allerede oprettet centralt, fx fra en anden enhed. Din oprettelse er ikke sendt; den oprettede virksomhed hentes ved synkroniseringen. Dine oplysninger står her, så du kan føre dem over.</source>
        <translation>The employer (same CVR and P number) has already been created centrally, e.g. from another device. Your record was not sent; the existing employer is fetched with the sync. Your details are shown here so you can carry them over.</translation>
    </message>
    <message>
        <source>Virksomheden (samme CVR- og P-nummer) var allerede oprettet centralt, fx fra en anden enhed. Din oprettelse er lagt sammen med den; dine oplysninger, der afviger, står her, så du kan vælge dem.</source>
        <translation>The employer (same CVR and P number) had already been created centrally, e.g. from another device. Your record has been merged into it; your details that differ are shown here so you can choose them.</translation>
    </message>
    <message>
        <source>en aftale</source>
        <translation>an agreement</translation>
    </message>
    <message>
        <source>en borger</source>
        <translation>a citizen</translation>
    </message>
    <message>
        <source>en dato (ÅÅÅÅ-MM-DD)</source>
        <translation>a date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>en liste</source>
        <translation>a list</translation>
    </message>
    <message>
        <source>en stilling</source>
        <translation>a vacancy</translation>
    </message>
    <message>
        <source>en tekst</source>
        <translation>a text</translation>
    </message>
    <message>
        <source>en virksomhed</source>
        <translation>an employer</translation>
    </message>
    <message>
        <source>et helt tal</source>
        <translation>a whole number</translation>
    </message>
    <message>
        <source>et match</source>
        <translation>a match</translation>
    </message>
    <message>
        <source>et tal</source>
        <translation>a number</translation>
    </message>
    <message>
        <source>et tidspunkt (ISO 8601)</source>
        <translation>a point in time (ISO 8601)</translation>
    </message>
    <message>
        <source>sand/falsk</source>
        <translation>true/false</translation>
    </message>
</context>
<context>
    <name>signing</name>
    <message>
        <source>{pages} sider sendt til printeren.</source>
        <translation>{pages} pages sent to the printer.</translation>
    </message>
    <message>
        <source>&amp;Gem</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Aftalen har ingen forseglet PDF.</source>
        <translation>The agreement has no sealed PDF.</translation>
    </message>
    <message>
        <source>Aftalens PDF kan hentes, når aftalen er forseglet.</source>
        <translation>The agreement&apos;s PDF can be had once the agreement is sealed.</translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Besked om PDF&apos;en</source>
        <translation>Message about the PDF</translation>
    </message>
    <message>
        <source>Filnavn:</source>
        <translation>File name:</translation>
    </message>
    <message>
        <source>Filtype:</source>
        <translation>File type:</translation>
    </message>
    <message>
        <source>Gem PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Gem den underskrevne aftale</source>
        <translation>Save the signed agreement</translation>
    </message>
    <message>
        <source>Gem i:</source>
        <translation>Save in:</translation>
    </message>
    <message>
        <source>PDF&apos;en er gemt i {path}.</source>
        <translation>The PDF was saved in {path}.</translation>
    </message>
    <message>
        <source>PDF&apos;en kunne ikke gemmes i {path}: {reason}</source>
        <translation>The PDF could not be saved in {path}: {reason}</translation>
    </message>
    <message>
        <source>PDF&apos;en kunne ikke læses: {reason}</source>
        <translation>The PDF could not be read: {reason}</translation>
    </message>
    <message>
        <source>PDF-filer (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Printeren kunne ikke startes.</source>
        <translation>The printer could not be started.</translation>
    </message>
    <message>
        <source>Udskriv…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Åbn PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <source>Udskriv aftalen</source>
        <translation>Print the agreement</translation>
    </message>
</context>
<context>
    <name>suggestions</name>
    <message>
        <source>Afstand</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Hvorfor</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>{km} km</source>
        <translation>{km} km</translation>
    </message>
    <message>
        <source>Udelukket: {reasons}</source>
        <translation>Left out: {reasons}</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>Borgeren er flyttet til en anden konsulent; din ændring blev ikke sendt. Den står her, så du kan give den videre; fjern den, når den er overdraget.</source>
        <translation>The citizen has moved to another consultant; your change was not sent. It is kept here so you can pass it on; remove it once it is handed over.</translation>
    </message>
    <message>
        <source>Den centrale tjeneste afviste aftale {ident}: {message}</source>
        <translation>The central service rejected agreement {ident}: {message}</translation>
    </message>
    <message>
        <source>Den centrale tjeneste afviste enhedens adgangsnøgle. Tilmeld enheden igen.</source>
        <translation>The central service rejected the device&apos;s access key. Enrol the device again.</translation>
    </message>
    <message>
        <source>Den centrale tjeneste meldte en fejl ({status} {code}).</source>
        <translation>The central service reported an error ({status} {code}).</translation>
    </message>
    <message>
        <source>Den centrale tjeneste meldte en fejl ({status} {code}): {message}</source>
        <translation>The central service reported an error ({status} {code}): {message}</translation>
    </message>
    <message>
        <source>Den centrale tjeneste svarer ikke lige nu. Ændringerne venter sikkert på denne computer og sendes ved næste synkronisering.</source>
        <translation>The central service is not answering right now. The changes wait safely on this computer and are sent at the next sync.</translation>
    </message>
    <message>
        <source>Den centrale tjenestes svar på en af dine ændringer kunne ikke gemmes her. Ændringen er modtaget centralt; svaret prøves igen ved næste synkronisering.</source>
        <translation>The central service&apos;s answer to one of your changes could not be saved here. The change was received centrally; the answer is tried again at the next sync.</translation>
    </message>
    <message>
        <source>Denne slags post kan ikke oprettes igen herfra. Lav den på ny.</source>
        <translation>This kind of record cannot be created again from here. Make it anew.</translation>
    </message>
    <message>
        <source>En ændring af en slags post, som denne version af programmet ikke kender, er lagt til side. Den gemmes, når programmet er opdateret.</source>
        <translation>A change to a kind of record this version of the program does not know has been set aside. It is saved once the program is updated.</translation>
    </message>
    <message>
        <source>En ændring fra den centrale tjeneste kunne ikke gemmes på denne computer. Den er lagt til side, resten er synkroniseret, og den prøves igen ved næste synkronisering.</source>
        <translation>A change from the central service could not be saved on this computer. It has been set aside, the rest is synchronised, and it is tried again at the next sync.</translation>
    </message>
    <message>
        <source>En ændring fra den centrale tjeneste kunne ikke læses. Den er lagt til side og prøves igen ved næste synkronisering.</source>
        <translation>A change from the central service could not be read. It has been set aside and is tried again at the next sync.</translation>
    </message>
    <message>
        <source>En ændring hører til en post, som ikke findes her og ikke er kommet fra den centrale tjeneste (den kan være afvist der). Den er lagt til side og prøves igen ved næste synkronisering.</source>
        <translation>A change belongs to a record that is not here and has not come from the central service (it may have been refused there). It has been set aside and is tried again at the next sync.</translation>
    </message>
    <message>
        <source>Enheden er ikke tilmeldt en central tjeneste endnu. Vælg »Tilmeld enhed« og skriv serverens adresse og din tilmeldingskode.</source>
        <translation>The device is not enrolled with a central service yet. Choose “Enrol device” and type the server&apos;s address and your enrolment code.</translation>
    </message>
    <message>
        <source>Enheden er spærret</source>
        <translation>The device is blocked</translation>
    </message>
    <message>
        <source>Enheden er spærret af den centrale tjeneste. Af hensyn til databeskyttelsen er borgernes personoplysninger, aftalerne og konflikterne slettet fra denne computer. Kontakt din leder for at få enheden tilmeldt igen.</source>
        <translation>The device has been blocked by the central service. For data protection, the citizens&apos; personal data, the agreements and the conflicts have been deleted from this computer. Contact your manager to have the device enrolled again.</translation>
    </message>
    <message>
        <source>Forbindelsen til {url} blev afbrudt: tjenestens certifikat er ikke udstedt af den tjeneste, enheden er tilmeldt (eller som rodcertifikatet angiver). Intet er sendt. Kontakt dem, der driver tjenesten.</source>
        <translation>The connection to {url} was broken off: the service&apos;s certificate was not issued by the service this device is enrolled with (or by the root certificate given). Nothing was sent. Contact those who run the service.</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Konflikten handler ikke om en slettet post.</source>
        <translation>The conflict is not about a deleted record.</translation>
    </message>
    <message>
        <source>Nej</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Offline – ikke tilmeldt en central</source>
        <translation>Offline – not enrolled with a central service</translation>
    </message>
    <message>
        <source>Offline – tjenesten svarer ikke</source>
        <translation>Offline – the service does not answer</translation>
    </message>
    <message>
        <source>Offline: der er ingen netværksforbindelse. Ændringerne venter sikkert på denne computer.</source>
        <translation>Offline: there is no network connection. The changes are waiting safely on this computer.</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Posten er slettet, og en sletning kan ikke gøres om. Vil du beholde oplysningerne, så opret posten igen som en ny post med dem (&quot;Opret igen&quot;); det, der hørte til den slettede post, følger ikke med.</source>
        <translation>The record is deleted, and a deletion cannot be undone. To keep the details, create the record again as a new record with them (&quot;Create again&quot;); what belonged to the deleted record does not come along.</translation>
    </message>
    <message>
        <source>Posten findes ikke længere; konflikten kan ikke løses her.</source>
        <translation>The record no longer exists; the conflict cannot be resolved here.</translation>
    </message>
    <message>
        <source>Posten kan ikke oprettes igen, fordi den hørte til en post, der også er slettet.</source>
        <translation>The record cannot be created again, because it belonged to a record that is deleted too.</translation>
    </message>
    <message>
        <source>Serveradressen »{url}« bruger ukrypteret http://. Det er kun tilladt til denne computer (127.0.0.1 eller localhost); brug https://…</source>
        <translation>The server address »{url}« uses unencrypted http://. That is only allowed to this computer (127.0.0.1 or localhost); use https://…</translation>
    </message>
    <message>
        <source>Serveradressen »{url}« er ikke gyldig. Skriv den som http://… eller https://…</source>
        <translation>The server address “{url}” is not valid. Write it as http://… or https://…</translation>
    </message>
    <message>
        <source>Synkroniserer – {phase} {progress}</source>
        <translation>Syncing – {phase} {progress}</translation>
    </message>
    <message>
        <source>Synkroniseringen fejlede uventet; fejlen er skrevet i loggen. ({kind})</source>
        <translation>The sync failed unexpectedly; the error is written to the log. ({kind})</translation>
    </message>
    <message>
        <source>svaret kunne ikke læses</source>
        <translation>the answer could not be read</translation>
    </message>
    <message>
        <source>tjenesten svarede ikke på nogen af ændringerne</source>
        <translation>the service answered none of the changes</translation>
    </message>
    <message>
        <source>{done} af {total} · {left} tilbage</source>
        <translation>{done} of {total} · {left} left</translation>
    </message>
    <message>
        <source>{done} af {total} · {left} tilbage · ca. {time} tilbage</source>
        <translation>{done} of {total} · {left} left · about {time} left</translation>
    </message>
    <message>
        <source>{h} t. {m} min.</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <source>{n} min.</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>{n} sek.</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <source>Synkroniserer …</source>
        <translation>Syncing …</translation>
    </message>
    <message>
        <source>Afbrudt: programmet stoppede under synkroniseringen.</source>
        <translation>Interrupted: the program stopped during the sync.</translation>
    </message>
    <message>
        <source>Tilmeldingen blev afvist: {message}</source>
        <translation>The enrolment was rejected: {message}</translation>
    </message>
    <message>
        <source>Tilmeldt – ikke synkroniseret endnu i dag</source>
        <translation>Enrolled – not synced yet today</translation>
    </message>
    <message>
        <source>aldrig synkroniseret</source>
        <translation>never synced</translation>
    </message>
    <message>
        <source>fejl: {error}</source>
        <translation>error: {error}</translation>
    </message>
    <message>
        <source>henter</source>
        <translation>fetching</translation>
    </message>
    <message>
        <source>ny post</source>
        <translation>new record</translation>
    </message>
    <message>
        <source>sender</source>
        <translation>sending</translation>
    </message>
    <message>
        <source>sender aftaler</source>
        <translation>sending agreements</translation>
    </message>
    <message>
        <source>sidst synkroniseret {when}</source>
        <translation>last synced {when}</translation>
    </message>
</context>
<context>
    <name>sync-cli</name>
    <message>
        <source>(sletning)</source>
        <translation>(deletion)</translation>
    </message>
    <message>
        <source>(tom)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Adgangslog</source>
        <translation>Access log</translation>
    </message>
    <message>
        <source>Adgangsnøglen er gemt i profilen, krypteret (der er ingen nøglering på denne maskine).</source>
        <translation>The access token is saved in the profile, encrypted (there is no keyring on this machine).</translation>
    </message>
    <message>
        <source>Adgangsnøglen er gemt i styresystemets nøglering.</source>
        <translation>The access token is saved in the operating system&apos;s keyring.</translation>
    </message>
    <message>
        <source>Afgør en konflikt: behold tjenestens værdi (server) eller din (client). Valget gemmes som en almindelig ændring og sendes ved næste synkronisering.</source>
        <translation>Settle a conflict: keep the service&apos;s value (server) or yours (client). The choice is saved as an ordinary change and sent at the next sync.</translation>
    </message>
    <message>
        <source>Aftale</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>Aftale-PDF</source>
        <translation>Agreement PDF</translation>
    </message>
    <message>
        <source>Afvist af tjenesten: {reason}</source>
        <translation>Refused by the service: {reason}</translation>
    </message>
    <message>
        <source>Afvist regelsæt: {reason}</source>
        <translation>Refused rule set: {reason}</translation>
    </message>
    <message>
        <source>Angiv tjenestens rodcertifikat med --ca CA.pem (fås hos din leder).</source>
        <translation>Give the service&apos;s root certificate with --ca CA.pem (your manager has it).</translation>
    </message>
    <message>
        <source>Besøg</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Borger</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Din værdi:</source>
        <translation>Your value:</translation>
    </message>
    <message>
        <source>Din ændring:</source>
        <translation>Your change:</translation>
    </message>
    <message>
        <source>Enheden er tilmeldt {municipality} ({code}) som {consultant}. Enhedens id: {device}.</source>
        <translation>The device is enrolled with {municipality} ({code}) as {consultant}. The device&apos;s id: {device}.</translation>
    </message>
    <message>
        <source>Enhedens navn (standard: maskinens navn).</source>
        <translation>The device&apos;s name (default: the machine&apos;s name).</translation>
    </message>
    <message>
        <source>Gem adgangsnøglen krypteret i profilen, ikke i nøgleringen.</source>
        <translation>Keep the access key encrypted in the profile, not in the keyring.</translation>
    </message>
    <message>
        <source>Giv ændringen videre til borgerens nye konsulent, og fjern den så med: consultant-app conflicts resolve {id} server</source>
        <translation>Pass the change on to the citizen&apos;s new consultant, then remove it with: consultant-app conflicts resolve {id} server</translation>
    </message>
    <message>
        <source>Henter ændringer</source>
        <translation>Fetching changes</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Indholdets kontrolsum:</source>
        <translation>Content checksum:</translation>
    </message>
    <message>
        <source>Ingen konflikter.</source>
        <translation>No conflicts.</translation>
    </message>
    <message>
        <source>Ingen statuslinje.</source>
        <translation>No status line.</translation>
    </message>
    <message>
        <source>Ingen synkroniseringer endnu.</source>
        <translation>No syncs yet.</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Konflikten er afgjort: din værdi gælder.</source>
        <translation>The conflict is settled: your value applies.</translation>
    </message>
    <message>
        <source>Konflikten er afgjort: tjenestens værdi gælder.</source>
        <translation>The conflict is settled: the service&apos;s value applies.</translation>
    </message>
    <message>
        <source>Konflikter fra synkroniseringen: den samme oplysning ændret både her og på tjenesten. Vis dem og vælg, hvilken værdi der skal gælde (som på siden Synkronisering).</source>
        <translation>Conflicts from syncing: the same detail changed both here and on the service. Show them and choose which value applies (as on the Sync page).</translation>
    </message>
    <message>
        <source>Konflikterne kan ses og afgøres på siden Synkronisering i programmet.</source>
        <translation>The conflicts can be seen and settled on the Sync page in the program.</translation>
    </message>
    <message>
        <source>Kontaktperson</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Lagt til side: {count}</source>
        <translation>Set aside: {count}</translation>
    </message>
    <message>
        <source>Lagt til side: {count} ændringer kunne ikke tages ind på denne computer (resten er synkroniseret; de prøves igen ved næste synkronisering og kan ses på siden Synkronisering):</source>
        <translation>Set aside: {count} changes could not be taken in on this computer (the rest is synced; they are tried again at the next sync and can be seen on the Sync page):</translation>
    </message>
    <message>
        <source>Maskinlæsbart output.</source>
        <translation>Machine-readable output.</translation>
    </message>
    <message>
        <source>Maskinlæsbart: en liste af forsøg.</source>
        <translation>Machine-readable: a list of attempts.</translation>
    </message>
    <message>
        <source>Maskinlæsbart: total, waiting og set_aside.</source>
        <translation>Machine-readable: total, waiting and set_aside.</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Match</translation>
    </message>
    <message>
        <source>Matchhistorik</source>
        <translation>Match history</translation>
    </message>
    <message>
        <source>Nej</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Nyt regelsæt fra den centrale tjeneste taget i brug: {name}</source>
        <translation>New rule set from the central service taken into use: {name}</translation>
    </message>
    <message>
        <source>Også de afgjorte.</source>
        <translation>The settled ones too.</translation>
    </message>
    <message>
        <source>Opret en slettet post igen som en ny post med dens gemte oplysninger og den ændring, der tabte til sletningen. Det, der hørte til den, følger ikke med.</source>
        <translation>Create a deleted record again as a new record with its saved details and the change that lost to the deletion. What belonged to it does not come along.</translation>
    </message>
    <message>
        <source>PDF&apos;ens SHA-256:</source>
        <translation>The PDF&apos;s SHA-256:</translation>
    </message>
    <message>
        <source>Posten er oprettet igen som en ny post: {id}. Den sendes ved næste synkronisering.</source>
        <translation>The record is created again as a new record: {id}. It is sent at the next sync.</translation>
    </message>
    <message>
        <source>Posten er slettet, og en sletning kan ikke gøres om. Opret den igen som en ny post med oplysningerne: consultant-app conflicts recreate {id} (det, der hørte til den, følger ikke med), eller lad den være slettet: consultant-app conflicts resolve {id} {winner}</source>
        <translation>The record is deleted, and a deletion cannot be undone. Create it again as a new record with its information: consultant-app conflicts recreate {id} (what belonged to it does not come along), or leave it deleted: consultant-app conflicts resolve {id} {winner}</translation>
    </message>
    <message>
        <source>Reglen for feltet valgte {winner}.</source>
        <translation>The field&apos;s rule chose {winner}.</translation>
    </message>
    <message>
        <source>Reglen for feltet valgte {winner}; afgjort: {chosen}</source>
        <translation>The field&apos;s rule chose {winner}; settled: {chosen}</translation>
    </message>
    <message>
        <source>Rodcertifikatet {path} findes ikke eller er ikke et PEM-certifikat.</source>
        <translation>The root certificate {path} does not exist or is not a PEM certificate.</translation>
    </message>
    <message>
        <source>Sender aftaler</source>
        <translation>Sending agreements</translation>
    </message>
    <message>
        <source>Sender ændringer</source>
        <translation>Sending changes</translation>
    </message>
    <message>
        <source>Serverens adresse, fx http://127.0.0.1:8765</source>
        <translation>The server&apos;s address, e.g. http://127.0.0.1:8765</translation>
    </message>
    <message>
        <source>Slettet</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Stilling</source>
        <translation>Vacancy</translation>
    </message>
    <message>
        <source>Synkroniser med den centrale tjeneste (send og hent ændringer). &apos;sync history&apos; viser de seneste synkroniseringer.</source>
        <translation>Sync with the central service (send and fetch changes). &apos;sync history&apos; shows the latest syncs.</translation>
    </message>
    <message>
        <source>Synkroniseret: {pushed} ændringer sendt, {uploaded} aftaler sendt, {pulled} ændringer hentet, {conflicts} konflikter.</source>
        <translation>Synced: {pushed} changes sent, {uploaded} agreements sent, {pulled} changes fetched, {conflicts} conflicts.</translation>
    </message>
    <message>
        <source>Synkroniseringen stoppede på grund af en uventet fejl ({error}). Det, der nåede at blive synkroniseret, er gemt; prøv igen, og kontakt support, hvis fejlen bliver ved.</source>
        <translation>The sync stopped because of an unexpected error ({error}). What was synced before it is saved; try again, and contact support if the error persists.</translation>
    </message>
    <message>
        <source>Til overdragelse: {count} ændring(er) af borgere, der er flyttet til en anden konsulent, blev ikke sendt. Giv dem videre til borgerens nye konsulent, og fjern dem så med &apos;consultant-app conflicts resolve ID server&apos;:</source>
        <translation>To hand over: {count} change(s) to citizens who have moved to another consultant were not sent. Pass them on to the citizen&apos;s new consultant, then remove them with &apos;consultant-app conflicts resolve ID server&apos;:</translation>
    </message>
    <message>
        <source>Tilmeld enheden til en central tjeneste.</source>
        <translation>Enrol the device with a central service.</translation>
    </message>
    <message>
        <source>Tilmeldingskoden fra din leder.</source>
        <translation>The enrolment code from your manager.</translation>
    </message>
    <message>
        <source>Tjenesten afviste ændringen: {refusal}</source>
        <translation>The service refused the change: {refusal}</translation>
    </message>
    <message>
        <source>Tjenesten har ingen kvittering for aftalen endnu. En forseglet aftale sendes ved næste synkronisering.</source>
        <translation>The service has no receipt for the agreement yet. A sealed agreement is sent at the next sync.</translation>
    </message>
    <message>
        <source>Tjenestens rodcertifikat (PEM, fra din leder eller GET /api/v1/ca): forbindelsen (https) godkendes kun med et certifikat udstedt af det.</source>
        <translation>The service&apos;s root certificate (PEM, from your manager or GET /api/v1/ca): the connection (https) is accepted only with a certificate issued by it.</translation>
    </message>
    <message>
        <source>Tjenestens værdi:</source>
        <translation>Service&apos;s value:</translation>
    </message>
    <message>
        <source>Underskrift</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Venter på at blive sendt: {total} ændringer.</source>
        <translation>Waiting to be sent: {total} changes.</translation>
    </message>
    <message>
        <source>Version {revision}: modtaget af tjenesten {at}, {status}</source>
        <translation>Version {revision}: received by the service {at}, {status}</translation>
    </message>
    <message>
        <source>Virksomhed</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Vis de seneste synkroniseringer, nyeste først (som fanen Historik på siden Synkronisering).</source>
        <translation>Show the latest syncs, newest first (as the History tab on the Sync page).</translation>
    </message>
    <message>
        <source>Vis de åbne konflikter med begge værdier.</source>
        <translation>Show the open conflicts with both values.</translation>
    </message>
    <message>
        <source>Vis den centrale tjenestes kvittering for en forseglet aftale: hvad tjenesten modtog og hvornår, med kontrolsummerne. Exitkode 1, når der ingen kvittering er endnu.</source>
        <translation>Show the central service&apos;s receipt for a sealed agreement: what the service received and when, with the checksums. Exit code 1 when there is no receipt yet.</translation>
    </message>
    <message>
        <source>Vis hvad der venter på at blive sendt ved næste synkronisering, og hvad der er lagt til side, fordi det ikke kunne tages ind her (som fanerne Venter og Lagt til side på siden Synkronisering).</source>
        <translation>Show what is waiting to be sent at the next sync, and what has been set aside because it could not be taken in here (as the Waiting and Set aside tabs on the Sync page).</translation>
    </message>
    <message>
        <source>den havde den allerede</source>
        <translation>it already had it</translation>
    </message>
    <message>
        <source>din</source>
        <translation>yours</translation>
    </message>
    <message>
        <source>din værdi</source>
        <translation>your value</translation>
    </message>
    <message>
        <source>fejlede</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>gemt</source>
        <translation>stored</translation>
    </message>
    <message>
        <source>gennemført</source>
        <translation>completed</translation>
    </message>
    <message>
        <source>i gang</source>
        <translation>running</translation>
    </message>
    <message>
        <source>i programmet</source>
        <translation>in the program</translation>
    </message>
    <message>
        <source>kommandolinje</source>
        <translation>command line</translation>
    </message>
    <message>
        <source>netværket kom igen</source>
        <translation>network came back</translation>
    </message>
    <message>
        <source>oprettet</source>
        <translation>created</translation>
    </message>
    <message>
        <source>slettet</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>tidsplan</source>
        <translation>schedule</translation>
    </message>
    <message>
        <source>tjenestens</source>
        <translation>the service&apos;s</translation>
    </message>
    <message>
        <source>tjenestens værdi</source>
        <translation>the service&apos;s value</translation>
    </message>
    <message>
        <source>{entity} {id}: {message} (forsøgt {attempts} gange)</source>
        <translation>{entity} {id}: {message} (tried {attempts} times)</translation>
    </message>
    <message>
        <source>{trigger}: {state}; {pushed} sendt, {uploaded} aftaler sendt, {pulled} hentet, {conflicts} konflikter</source>
        <translation>{trigger}: {state}; {pushed} sent, {uploaded} agreements sent, {pulled} fetched, {conflicts} conflicts</translation>
    </message>
    <message>
        <source>Ændringen er fjernet fra enheden (overdraget).</source>
        <translation>The change is removed from the device (handed over).</translation>
    </message>
    <message>
        <source>ændret</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>… og {count} mere.</source>
        <translation>… and {count} more.</translation>
    </message>
</context>
<context>
    <name>template</name>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Aftale efter lov om en aktiv beskæftigelsesindsats, kapitel 11. Borgeren modtager sin ydelse under praktikken og får ikke løn fra virksomheden.</source>
        <translation>Agreement under the Active Employment Act (lov om en aktiv beskæftigelsesindsats), chapter 11. The citizen receives their benefit during the work placement and is not paid wages by the employer.</translation>
    </message>
    <message>
        <source>Aftale efter lov om en aktiv beskæftigelsesindsats, kapitel 12. Borgeren ansættes af virksomheden på overenskomstmæssige vilkår, og jobcenteret yder løntilskud til virksomheden i aftaleperioden.</source>
        <translation>Agreement under the Active Employment Act (lov om en aktiv beskæftigelsesindsats), chapter 12. The citizen is employed by the employer on the terms of the collective agreement, and the jobcentre pays a wage subsidy to the employer during the agreement period.</translation>
    </message>
    <message>
        <source>Aftale efter lov om en aktiv beskæftigelsesindsats, kapitel 12. Borgeren ansættes hos en offentlig arbejdsgiver med en løn, der svarer til ydelsen, og arbejdstiden fastsættes ud fra ydelsen og timelønnen.</source>
        <translation>Agreement under the Active Employment Act (lov om en aktiv beskæftigelsesindsats), chapter 12. The citizen is employed by a public employer at a wage that corresponds to their benefit, and the working hours are set from the benefit and the hourly wage.</translation>
    </message>
    <message>
        <source>Aftale efter lov om en aktiv beskæftigelsesindsats, § 167. Mentoren støtter borgeren på arbejdspladsen i det aftalte antal timer om ugen.</source>
        <translation>Agreement under the Active Employment Act (lov om en aktiv beskæftigelsesindsats), section 167. The mentor supports the citizen at the workplace for the agreed number of hours a week.</translation>
    </message>
    <message>
        <source>Aftale efter lov om en aktiv beskæftigelsesindsats, § 78. Mentoren støtter borgeren på arbejdspladsen i det aftalte antal timer om ugen.</source>
        <translation>Agreement under the Active Employment Act (lov om en aktiv beskæftigelsesindsats), section 78. The mentor supports the citizen at the workplace for the agreed number of hours a week.</translation>
    </message>
    <message>
        <source>Aftale efter lov om integrationsgrunduddannelse. Forløbet varer 2 år og består af lønnet praktik i virksomheden og skoleundervisning efter uddannelsesplanen.</source>
        <translation>Agreement under the Basic Integration Education Act (lov om integrationsgrunduddannelse). The programme lasts 2 years and consists of a paid placement with the employer and school teaching according to the education plan.</translation>
    </message>
    <message>
        <source>Aftale om ansættelse i fleksjob</source>
        <translation>Agreement on employment in a flex job</translation>
    </message>
    <message>
        <source>Aftale om ansættelse i fleksjob efter lov om en aktiv beskæftigelsesindsats, kapitel 13. Borgeren er visiteret til fleksjob og ansættes med de skånehensyn, der står i aftalen.</source>
        <translation>Agreement on employment in a flex job under the Active Employment Act (lov om en aktiv beskæftigelsesindsats), chapter 13. The citizen has been assessed for a flex job and is employed with the restrictions stated in the agreement.</translation>
    </message>
    <message>
        <source>Aftale om ansættelse i fleksjob efter lov om en aktiv beskæftigelsesindsats, kapitel 20. Borgeren er visiteret til fleksjob og ansættes med de skånehensyn, der står i aftalen.</source>
        <translation>Agreement on employment in a flex job under the Active Employment Act (lov om en aktiv beskæftigelsesindsats), chapter 20. The citizen has been assessed for a flex job and is employed with the restrictions stated in the agreement.</translation>
    </message>
    <message>
        <source>Aftale om ansættelse i ordinære timer</source>
        <translation>Agreement on employment in ordinary hours</translation>
    </message>
    <message>
        <source>Aftale om ansættelse med løntilskud (offentlig arbejdsgiver)</source>
        <translation>Agreement on employment with wage subsidy (public employer)</translation>
    </message>
    <message>
        <source>Aftale om ansættelse med løntilskud (privat arbejdsgiver)</source>
        <translation>Agreement on employment with wage subsidy (private employer)</translation>
    </message>
    <message>
        <source>Aftale om integrationsgrunduddannelse (IGU)</source>
        <translation>Agreement on basic integration education (IGU)</translation>
    </message>
    <message>
        <source>Aftale om mentorstøtte</source>
        <translation>Agreement on mentor support</translation>
    </message>
    <message>
        <source>Aftale om virksomhedspraktik</source>
        <translation>Agreement on work placement (virksomhedspraktik)</translation>
    </message>
    <message>
        <source>Aftalt den</source>
        <translation>Agreed on</translation>
    </message>
    <message>
        <source>Almindelig ansættelse på overenskomstmæssige eller sædvanlige vilkår (ordinære timer)</source>
        <translation>Ordinary employment on collective agreement or customary terms (ordinary hours)</translation>
    </message>
    <message>
        <source>Ansatte med løntilskud og unge under 18 tæller ikke med.</source>
        <translation>Employees with wage subsidy and young people under 18 do not count.</translation>
    </message>
    <message>
        <source>Ansættelse i fleksjob for en borger, der er visiteret til fleksjob; fra 1 time om ugen.</source>
        <translation>Employment in a flex job for a citizen assessed for a flex job; from 1 hour a week.</translation>
    </message>
    <message>
        <source>Ansættelse i ordinære timer, ofte 5-20 timer om ugen; ydelsen supplerer lønnen.</source>
        <translation>Employment in ordinary hours, often 5-20 hours a week; the benefit tops up the wage.</translation>
    </message>
    <message>
        <source>Ansættelse med løntilskud hos en offentlig arbejdsgiver; 4, 6 eller 12 måneder efter målgruppe.</source>
        <translation>Employment with wage subsidy at a public employer; 4, 6 or 12 months depending on the target group.</translation>
    </message>
    <message>
        <source>Ansættelse med løntilskud hos en privat arbejdsgiver, op til 6 måneder.</source>
        <translation>Employment with wage subsidy at a private employer, up to 6 months.</translation>
    </message>
    <message>
        <source>Ansættelsen</source>
        <translation>The employment</translation>
    </message>
    <message>
        <source>Ansættelsen må ikke begynde, før jobcenteret har godkendt aftalen.</source>
        <translation>The employment must not begin before the jobcentre has approved the agreement.</translation>
    </message>
    <message>
        <source>Ansættelsesvilkårene følger overenskomsten eller det, der er sædvanligt for området, med de nødvendige skånehensyn.</source>
        <translation>The terms of employment follow the collective agreement or what is customary in the field, with the necessary restrictions.</translation>
    </message>
    <message>
        <source>Arbejdsgiveren giver jobcenteret besked, hvis ansættelsen ophører før tid, eller hvis forholdene ændrer sig.</source>
        <translation>The employer informs the jobcentre if the employment ends early or if circumstances change.</translation>
    </message>
    <message>
        <source>Arbejdsopgaver</source>
        <translation>Work tasks</translation>
    </message>
    <message>
        <source>Arbejdssted (adresse)</source>
        <translation>Workplace (address)</translation>
    </message>
    <message>
        <source>Arbejdsstedets P-nummer.</source>
        <translation>The workplace&apos;s P number.</translation>
    </message>
    <message>
        <source>Arbejdstid pr. uge (timer)</source>
        <translation>Working hours per week</translation>
    </message>
    <message>
        <source>Arbejdstider</source>
        <translation>Working hours</translation>
    </message>
    <message>
        <source>Beregnes ud fra borgerens ydelse og timelønnen, så lønnen svarer til ydelsen.</source>
        <translation>Calculated from the citizen&apos;s benefit and the hourly wage, so that the wage corresponds to the benefit.</translation>
    </message>
    <message>
        <source>Bevillingen gælder til</source>
        <translation>The approval is valid until</translation>
    </message>
    <message>
        <source>Borger</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Borgeren ansættes af virksomheden i ordinære timer på almindelige løn- og ansættelsesvilkår. Lønnen trækkes fra i borgerens ydelse efter de almindelige regler.</source>
        <translation>The citizen is employed by the employer in ordinary hours on ordinary pay and terms of employment. The wage is deducted from the citizen&apos;s benefit under the ordinary rules.</translation>
    </message>
    <message>
        <source>Borgerens navn</source>
        <translation>Citizen&apos;s name</translation>
    </message>
    <message>
        <source>Borgerens ydelse pr. måned (kr.)</source>
        <translation>Citizen&apos;s benefit per month (DKK)</translation>
    </message>
    <message>
        <source>CPR-nummer</source>
        <translation>CPR number</translation>
    </message>
    <message>
        <source>CVR-nummer</source>
        <translation>CVR number</translation>
    </message>
    <message>
        <source>De timer, virksomheden betaler løn for.</source>
        <translation>The hours the employer pays wages for.</translation>
    </message>
    <message>
        <source>Den overenskomst, løn og vilkår følger.</source>
        <translation>The collective agreement that pay and terms follow.</translation>
    </message>
    <message>
        <source>Den samlede tid på arbejdspladsen.</source>
        <translation>The total time at the workplace.</translation>
    </message>
    <message>
        <source>Det job eller tilbud, støtten gælder</source>
        <translation>The job or programme the support is for</translation>
    </message>
    <message>
        <source>Dimittend (uddannelse afsluttet inden for det seneste år)</source>
        <translation>Recent graduate (education completed within the last year)</translation>
    </message>
    <message>
        <source>Dimittender kan være i praktik i op til 8 uger.</source>
        <translation>Recent graduates can be in work placement for up to 8 weeks.</translation>
    </message>
    <message>
        <source>Effektiv arbejdstid pr. uge (timer)</source>
        <translation>Effective working hours per week</translation>
    </message>
    <message>
        <source>En bevilling gælder normalt i 5 år.</source>
        <translation>An approval is normally valid for 5 years.</translation>
    </message>
    <message>
        <source>Er stillingen blevet ledig ved afskedigelse inden for de sidste 3 måneder?</source>
        <translation>Has the position become vacant through dismissal within the last 3 months?</translation>
    </message>
    <message>
        <source>Et IGU-forløb kan begynde til og med 31. december 2027.</source>
        <translation>An IGU programme can begin up to and including 31 December 2027.</translation>
    </message>
    <message>
        <source>Fleksjob</source>
        <translation>Flex job</translation>
    </message>
    <message>
        <source>Foreslås ud fra den længste varighed for borgerens målgruppe.</source>
        <translation>Suggested from the longest duration for the citizen&apos;s target group.</translation>
    </message>
    <message>
        <source>Forløbet varer 2 år.</source>
        <translation>The programme lasts 2 years.</translation>
    </message>
    <message>
        <source>Formål med mentorstøtten</source>
        <translation>Purpose of the mentor support</translation>
    </message>
    <message>
        <source>Formål med praktikken</source>
        <translation>Purpose of the work placement</translation>
    </message>
    <message>
        <source>Forventet timetal ved slutning</source>
        <translation>Expected hours at the end</translation>
    </message>
    <message>
        <source>Fx 2 timer mere pr. uge hver 14. dag.</source>
        <translation>E.g. 2 more hours a week every fortnight.</translation>
    </message>
    <message>
        <source>Fx afklaring af jobmål, opkvalificering eller vej til ordinære timer.</source>
        <translation>E.g. clarifying job goals, upskilling or a path to ordinary hours.</translation>
    </message>
    <message>
        <source>Fx flygtning eller familiesammenført til en flygtning.</source>
        <translation>E.g. refugee or family member reunified with a refugee.</translation>
    </message>
    <message>
        <source>Fx introduktion, daglig opfølgning og kontakt til jobcenteret.</source>
        <translation>E.g. introduction, daily follow-up and contact with the jobcentre.</translation>
    </message>
    <message>
        <source>Fx man-tors 9-13.</source>
        <translation>E.g. Mon-Thu 9-13.</translation>
    </message>
    <message>
        <source>Fx pauser, arbejdsstillinger eller opgaver, der skal undgås.</source>
        <translation>E.g. breaks, working positions or tasks to be avoided.</translation>
    </message>
    <message>
        <source>Fx virksomhedspraktik som lagermedhjælper.</source>
        <translation>E.g. work placement as a warehouse assistant.</translation>
    </message>
    <message>
        <source>Hvilken undervisning, hvornår, og hvordan den passer med praktikken.</source>
        <translation>Which teaching, when, and how it fits with the placement.</translation>
    </message>
    <message>
        <source>Hvis timetallet skal stige undervejs.</source>
        <translation>If the hours are to rise along the way.</translation>
    </message>
    <message>
        <source>IGU-elevløn pr. time (kr.)</source>
        <translation>IGU trainee wage per hour (DKK)</translation>
    </message>
    <message>
        <source>Inklusive det tilskud, denne aftale giver i de første 12 måneder.</source>
        <translation>Including the subsidy this agreement gives in the first 12 months.</translation>
    </message>
    <message>
        <source>Integrationsgrunduddannelse (IGU)</source>
        <translation>Basic integration education (IGU)</translation>
    </message>
    <message>
        <source>Jeg bekræfter at jeg er hørt om ansættelsen med løntilskud, og at min udtalelse står i aftalen.</source>
        <translation>I confirm that I have been consulted about the employment with wage subsidy and that my statement is in the agreement.</translation>
    </message>
    <message>
        <source>Jeg bekræfter at jeg er orienteret om ansættelsen i IGU.</source>
        <translation>I confirm that I have been informed about the employment in IGU.</translation>
    </message>
    <message>
        <source>Jeg bekræfter at jeg er orienteret om ansættelsen i fleksjob.</source>
        <translation>I confirm that I have been informed about the employment in a flex job.</translation>
    </message>
    <message>
        <source>Jeg bekræfter at jeg er orienteret om praktikken.</source>
        <translation>I confirm that I have been informed about the work placement.</translation>
    </message>
    <message>
        <source>Jeg bekræfter at jeg har læst aftalen og deltager i praktikken på de vilkår, der står i den.</source>
        <translation>I confirm that I have read the agreement and take part in the work placement on the terms stated in it.</translation>
    </message>
    <message>
        <source>Jeg bekræfter at jeg har læst aftalen og tager imod ansættelsen med løntilskud på de vilkår, der står i den.</source>
        <translation>I confirm that I have read the agreement and accept the employment with wage subsidy on the terms stated in it.</translation>
    </message>
    <message>
        <source>Jeg bekræfter at jeg har læst aftalen og tager imod fleksjobbet på de vilkår, der står i den.</source>
        <translation>I confirm that I have read the agreement and accept the flex job on the terms stated in it.</translation>
    </message>
    <message>
        <source>Jeg bekræfter at jeg har læst aftalen og tager imod integrationsgrunduddannelsen på de vilkår, der står i den.</source>
        <translation>I confirm that I have read the agreement and accept the basic integration education on the terms stated in it.</translation>
    </message>
    <message>
        <source>Jeg bekræfter at jeg har læst aftalen og ønsker mentorstøtten på de vilkår, der står i den.</source>
        <translation>I confirm that I have read the agreement and want the mentor support on the terms stated in it.</translation>
    </message>
    <message>
        <source>Jeg bekræfter at jeg tager imod ansættelsen og oplyser mine timer og min løn til jobcenteret, så min ydelse kan beregnes rigtigt.</source>
        <translation>I confirm that I accept the employment and will report my hours and my wage to the jobcentre so that my benefit can be calculated correctly.</translation>
    </message>
    <message>
        <source>Jeg bekræfter at jobcenteret bevilger løntilskud på de vilkår, der står i aftalen.</source>
        <translation>I confirm that the jobcentre grants a wage subsidy on the terms stated in the agreement.</translation>
    </message>
    <message>
        <source>Jeg bekræfter at jobcenteret bevilger mentorstøtte på de vilkår, der står i aftalen.</source>
        <translation>I confirm that the jobcentre grants mentor support on the terms stated in the agreement.</translation>
    </message>
    <message>
        <source>Jeg bekræfter at jobcenteret godkender fleksjobbet på de vilkår, der står i aftalen.</source>
        <translation>I confirm that the jobcentre approves the flex job on the terms stated in the agreement.</translation>
    </message>
    <message>
        <source>Jeg bekræfter at jobcenteret godkender forløbet og uddannelsesplanen, der står i aftalen.</source>
        <translation>I confirm that the jobcentre approves the programme and the education plan stated in the agreement.</translation>
    </message>
    <message>
        <source>Jeg bekræfter at jobcenteret godkender praktikken på de vilkår, der står i aftalen.</source>
        <translation>I confirm that the jobcentre approves the work placement on the terms stated in the agreement.</translation>
    </message>
    <message>
        <source>Jeg bekræfter at jobcenteret har registreret ansættelsen på de vilkår, der står i aftalen.</source>
        <translation>I confirm that the jobcentre has registered the employment on the terms stated in the agreement.</translation>
    </message>
    <message>
        <source>Jeg bekræfter på arbejdsgiverens vegne at oplysningerne er rigtige, og at ansættelsen giver merbeskæftigelse.</source>
        <translation>On behalf of the employer, I confirm that the information is correct and that the employment creates additional employment.</translation>
    </message>
    <message>
        <source>Jeg bekræfter på virksomhedens vegne at borgeren ansættes i fleksjob med de skånehensyn og den løn for de effektive timer, der står i aftalen.</source>
        <translation>On behalf of the employer, I confirm that the citizen is employed in a flex job with the restrictions and the wage for the effective hours stated in the agreement.</translation>
    </message>
    <message>
        <source>Jeg bekræfter på virksomhedens vegne at borgeren ansættes i ordinære timer på de løn- og arbejdsvilkår, der står i aftalen.</source>
        <translation>On behalf of the employer, I confirm that the citizen is employed in ordinary hours on the pay and working conditions stated in the agreement.</translation>
    </message>
    <message>
        <source>Jeg bekræfter på virksomhedens vegne at eleven ansættes i IGU på de vilkår, der står i aftalen, og får fri med løn til skoleundervisningen.</source>
        <translation>On behalf of the employer, I confirm that the trainee is employed in IGU on the terms stated in the agreement and is given paid leave for the school teaching.</translation>
    </message>
    <message>
        <source>Jeg bekræfter på virksomhedens vegne at mentoren har tid til de aftalte mentortimer, og at oplysningerne er rigtige.</source>
        <translation>On behalf of the employer, I confirm that the mentor has time for the agreed mentor hours and that the information is correct.</translation>
    </message>
    <message>
        <source>Jeg bekræfter på virksomhedens vegne at oplysningerne er rigtige, at ansættelsen giver merbeskæftigelse, og at stillingen ikke er blevet ledig ved afskedigelse inden for de sidste 3 måneder.</source>
        <translation>On behalf of the employer, I confirm that the information is correct, that the employment creates additional employment, and that the position has not become vacant through dismissal within the last 3 months.</translation>
    </message>
    <message>
        <source>Jeg bekræfter på virksomhedens vegne at oplysningerne er rigtige, og at praktikken ikke erstatter ordinært ansatte.</source>
        <translation>On behalf of the employer, I confirm that the information is correct and that the work placement does not replace ordinary employees.</translation>
    </message>
    <message>
        <source>Jobcenter</source>
        <translation>Jobcentre</translation>
    </message>
    <message>
        <source>Kontaktperson</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Kontaktperson på arbejdspladsen</source>
        <translation>Contact person at the workplace</translation>
    </message>
    <message>
        <source>Kontaktperson på arbejdspladsen (mentor/vejleder)</source>
        <translation>Contact person at the workplace (mentor/supervisor)</translation>
    </message>
    <message>
        <source>Kontaktpersonens e-mail</source>
        <translation>Contact person&apos;s e-mail</translation>
    </message>
    <message>
        <source>Kontaktpersonens telefon</source>
        <translation>Contact person&apos;s phone</translation>
    </message>
    <message>
        <source>Ledig siden</source>
        <translation>Unemployed since</translation>
    </message>
    <message>
        <source>Lov om en aktiv beskæftigelsesindsats, kapitel 11</source>
        <translation>Active Employment Act (lov om en aktiv beskæftigelsesindsats), chapter 11</translation>
    </message>
    <message>
        <source>Lov om en aktiv beskæftigelsesindsats, kapitel 12 (ansættelse med løntilskud hos offentlige arbejdsgivere)</source>
        <translation>Active Employment Act (lov om en aktiv beskæftigelsesindsats), chapter 12 (employment with wage subsidy at public employers)</translation>
    </message>
    <message>
        <source>Lov om en aktiv beskæftigelsesindsats, kapitel 12 (ansættelse med løntilskud hos private arbejdsgivere)</source>
        <translation>Active Employment Act (lov om en aktiv beskæftigelsesindsats), chapter 12 (employment with wage subsidy at private employers)</translation>
    </message>
    <message>
        <source>Lov om en aktiv beskæftigelsesindsats, kapitel 13 (fleksjob)</source>
        <translation>Active Employment Act (lov om en aktiv beskæftigelsesindsats), chapter 13 (flex jobs)</translation>
    </message>
    <message>
        <source>Lov om en aktiv beskæftigelsesindsats, kapitel 15, § 78 (mentorstøtte)</source>
        <translation>Active Employment Act (lov om en aktiv beskæftigelsesindsats), chapter 15, section 78 (mentor support)</translation>
    </message>
    <message>
        <source>Lov om en aktiv beskæftigelsesindsats, kapitel 20 (fleksjob)</source>
        <translation>Active Employment Act (lov om en aktiv beskæftigelsesindsats), chapter 20 (flex jobs)</translation>
    </message>
    <message>
        <source>Lov om en aktiv beskæftigelsesindsats, kapitel 26, § 167 (mentorstøtte)</source>
        <translation>Active Employment Act (lov om en aktiv beskæftigelsesindsats), chapter 26, section 167 (mentor support)</translation>
    </message>
    <message>
        <source>Lov om integrationsgrunduddannelse (IGU)</source>
        <translation>Basic Integration Education Act (lov om integrationsgrunduddannelse, IGU)</translation>
    </message>
    <message>
        <source>Løn</source>
        <translation>Wage</translation>
    </message>
    <message>
        <source>Løn og tilskud</source>
        <translation>Wage and subsidy</translation>
    </message>
    <message>
        <source>Lønnen følger overenskomsten eller det, der er sædvanligt for tilsvarende arbejde. Tilskuddet må højst udgøre halvdelen af lønomkostningen.</source>
        <translation>The wage follows the collective agreement or what is customary for similar work. The subsidy may make up at most half of the wage cost.</translation>
    </message>
    <message>
        <source>Lønnen svarer til borgerens ydelse; arbejdstiden beregnes ud fra ydelsen og overenskomstens timeløn.</source>
        <translation>The wage corresponds to the citizen&apos;s benefit; the working hours are calculated from the benefit and the collective agreement&apos;s hourly wage.</translation>
    </message>
    <message>
        <source>Løntilskud hos en privat arbejdsgiver kræver 6 måneders ledighed, medmindre en undtagelse gælder.</source>
        <translation>A wage subsidy at a private employer requires 6 months of unemployment, unless an exemption applies.</translation>
    </message>
    <message>
        <source>Løntilskud modtaget for stillingen de sidste 12 måneder (kr.)</source>
        <translation>Wage subsidy received for the position in the last 12 months (DKK)</translation>
    </message>
    <message>
        <source>Løntilskud pr. time (kr.)</source>
        <translation>Wage subsidy per hour (DKK)</translation>
    </message>
    <message>
        <source>Løntilskud, offentlig arbejdsgiver</source>
        <translation>Wage subsidy, public employer</translation>
    </message>
    <message>
        <source>Løntilskud, privat arbejdsgiver</source>
        <translation>Wage subsidy, private employer</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>Mentoren er ofte en kollega på arbejdspladsen.</source>
        <translation>The mentor is often a colleague at the workplace.</translation>
    </message>
    <message>
        <source>Mentorens e-mail</source>
        <translation>Mentor&apos;s e-mail</translation>
    </message>
    <message>
        <source>Mentorens navn</source>
        <translation>Mentor&apos;s name</translation>
    </message>
    <message>
        <source>Mentorens opgaver</source>
        <translation>Mentor&apos;s tasks</translation>
    </message>
    <message>
        <source>Mentorens stilling</source>
        <translation>Mentor&apos;s position</translation>
    </message>
    <message>
        <source>Mentorens telefon</source>
        <translation>Mentor&apos;s phone</translation>
    </message>
    <message>
        <source>Mentorstøtte</source>
        <translation>Mentor support</translation>
    </message>
    <message>
        <source>Mentorstøtten begynder</source>
        <translation>Mentor support begins</translation>
    </message>
    <message>
        <source>Mentorstøtten slutter</source>
        <translation>Mentor support ends</translation>
    </message>
    <message>
        <source>Mentortimer pr. uge</source>
        <translation>Mentor hours per week</translation>
    </message>
    <message>
        <source>Mentortimer på arbejdspladsen, så borgeren kan begynde i eller fastholde job eller tilbud.</source>
        <translation>Mentor hours at the workplace so that the citizen can start or keep a job or programme.</translation>
    </message>
    <message>
        <source>Mentortimerne registreres og opgøres over for jobcenteret efter aftale.</source>
        <translation>The mentor hours are recorded and reported to the jobcentre as agreed.</translation>
    </message>
    <message>
        <source>Merbeskæftigelseskravet opgøres pr. CVR-nummer i fuldtidspersoner.</source>
        <translation>The additional employment requirement is calculated per CVR number in full-time equivalents.</translation>
    </message>
    <message>
        <source>Målgruppe</source>
        <translation>Target group</translation>
    </message>
    <message>
        <source>Normal fuld tid på arbejdspladsen (timer/uge)</source>
        <translation>Normal full time at the workplace (hours/week)</translation>
    </message>
    <message>
        <source>Ofte 5-20 timer om ugen til at begynde med.</source>
        <translation>Often 5-20 hours a week to begin with.</translation>
    </message>
    <message>
        <source>Op til 6 måneder ad gangen; kan forlænges.</source>
        <translation>Up to 6 months at a time; can be extended.</translation>
    </message>
    <message>
        <source>Opholdsgrundlag</source>
        <translation>Residence basis</translation>
    </message>
    <message>
        <source>Ordinære timer / småjob</source>
        <translation>Ordinary hours / small job</translation>
    </message>
    <message>
        <source>Ordinære timer kan kun kombineres med virksomhedspraktik hos samme virksomhed, hvis praktikken er i andre funktioner (hybridpraktik).</source>
        <translation>Ordinary hours can only be combined with work placement (virksomhedspraktik) at the same employer if the placement is in other functions (hybrid placement, hybridpraktik).</translation>
    </message>
    <message>
        <source>Ordinært ansatte (fuldtid, gennemsnit af de sidste 4 måneder)</source>
        <translation>Ordinary employees (full time, average of the last 4 months)</translation>
    </message>
    <message>
        <source>Ordinært ansatte i virksomheden (CVR) sidste måned</source>
        <translation>Ordinary employees at the employer (CVR) last month</translation>
    </message>
    <message>
        <source>Ordinært ansatte i virksomheden (CVR), gennemsnit af de sidste 12 måneder</source>
        <translation>Ordinary employees at the employer (CVR), average of the last 12 months</translation>
    </message>
    <message>
        <source>Overenskomst</source>
        <translation>Collective agreement</translation>
    </message>
    <message>
        <source>P-nummer</source>
        <translation>P number</translation>
    </message>
    <message>
        <source>Parterne har gennemgået aftalen og underskriver den hver især nedenfor.</source>
        <translation>The parties have reviewed the agreement and each sign it below.</translation>
    </message>
    <message>
        <source>Parterne har gennemgået aftalen og underskriver den hver især nedenfor. Har arbejdspladsen en tillidsrepræsentant, underskriver vedkommende også.</source>
        <translation>The parties have reviewed the agreement and each sign it below. If the workplace has an employee representative, they sign as well.</translation>
    </message>
    <message>
        <source>Plan for optrapning af timetallet</source>
        <translation>Plan for increasing the hours</translation>
    </message>
    <message>
        <source>Postnummer</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Praktikdelen</source>
        <translation>The placement part</translation>
    </message>
    <message>
        <source>Praktikken</source>
        <translation>The work placement</translation>
    </message>
    <message>
        <source>Praktikken må ikke begynde, før jobcenteret har godkendt den.</source>
        <translation>The work placement must not begin before the jobcentre has approved it.</translation>
    </message>
    <message>
        <source>Praktikken skal i gennemsnit være mindst 25 timer om ugen.</source>
        <translation>The work placement must average at least 25 hours a week.</translation>
    </message>
    <message>
        <source>Rimelighedskravet opgøres pr. P-nummer.</source>
        <translation>The ratio requirement is calculated per P number.</translation>
    </message>
    <message>
        <source>Rimelighedskravet opgøres pr. P-nummer. Ansatte med løntilskud og unge under 18 tæller ikke med.</source>
        <translation>The ratio requirement is calculated per P number. Employees with wage subsidy and young people under 18 do not count.</translation>
    </message>
    <message>
        <source>Samlet lønomkostning for stillingen i samme 12 måneder (kr.)</source>
        <translation>Total wage cost for the position in the same 12 months (DKK)</translation>
    </message>
    <message>
        <source>Skoledelen</source>
        <translation>The school part</translation>
    </message>
    <message>
        <source>Skoleuger i alt</source>
        <translation>School weeks in total</translation>
    </message>
    <message>
        <source>Skånehensyn</source>
        <translation>Restrictions</translation>
    </message>
    <message>
        <source>Slutdato</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>Slutdato (ved tidsbegrænset ansættelse)</source>
        <translation>End date (for fixed-term employment)</translation>
    </message>
    <message>
        <source>Startdato</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>Stilling / fagområde</source>
        <translation>Position / field</translation>
    </message>
    <message>
        <source>Stilling / funktion</source>
        <translation>Position / function</translation>
    </message>
    <message>
        <source>Støtten</source>
        <translation>The support</translation>
    </message>
    <message>
        <source>Svarer til elevlønnen i overenskomsten.</source>
        <translation>Corresponds to the trainee wage in the collective agreement.</translation>
    </message>
    <message>
        <source>Tillidsrepræsentant</source>
        <translation>Employee representative</translation>
    </message>
    <message>
        <source>Tillidsrepræsentant (navn)</source>
        <translation>Employee representative (name)</translation>
    </message>
    <message>
        <source>Tillidsrepræsentanten skal høres om ansættelsen med løntilskud.</source>
        <translation>The employee representative must be consulted about the employment with wage subsidy.</translation>
    </message>
    <message>
        <source>Tillidsrepræsentantens udtalelse</source>
        <translation>Employee representative&apos;s statement</translation>
    </message>
    <message>
        <source>Tilskuddet udbetales bagud efter virksomhedens anmodning om refusion.</source>
        <translation>The subsidy is paid in arrears on the employer&apos;s request for reimbursement.</translation>
    </message>
    <message>
        <source>Timeløn (kr.)</source>
        <translation>Hourly wage (DKK)</translation>
    </message>
    <message>
        <source>Timeløn efter overenskomst (kr.)</source>
        <translation>Hourly wage under the collective agreement (DKK)</translation>
    </message>
    <message>
        <source>Timeløn for de effektive timer (kr.)</source>
        <translation>Hourly wage for the effective hours (DKK)</translation>
    </message>
    <message>
        <source>Timer pr. uge</source>
        <translation>Hours per week</translation>
    </message>
    <message>
        <source>Timer pr. uge i praktik (gennemsnit)</source>
        <translation>Hours per week in work placement (average)</translation>
    </message>
    <message>
        <source>Timesats for mentortimerne (kr.)</source>
        <translation>Hourly rate for the mentor hours (DKK)</translation>
    </message>
    <message>
        <source>To års grunduddannelse for flygtninge og familiesammenførte 18-50 år: lønnet praktik og skoleundervisning.</source>
        <translation>Two-year basic education for refugees and reunified family members aged 18-50: paid placement and school teaching.</translation>
    </message>
    <message>
        <source>Uddannelsesplan</source>
        <translation>Education plan</translation>
    </message>
    <message>
        <source>Uddannelsessted</source>
        <translation>Place of education</translation>
    </message>
    <message>
        <source>Udfyldes kun ved tidsbegrænset ansættelse.</source>
        <translation>Only filled in for fixed-term employment.</translation>
    </message>
    <message>
        <source>Udfyldes, hvis arbejdspladsen har en tillidsrepræsentant.</source>
        <translation>Filled in if the workplace has an employee representative.</translation>
    </message>
    <message>
        <source>Udfyldes, hvis virksomheden har en tillidsrepræsentant.</source>
        <translation>Filled in if the employer has an employee representative.</translation>
    </message>
    <message>
        <source>Ulønnet praktik hos en virksomhed; borgeren beholder sin ydelse.</source>
        <translation>Unpaid work placement with an employer; the citizen keeps their benefit.</translation>
    </message>
    <message>
        <source>Undtagelse fra kravet om 6 måneders ledighed</source>
        <translation>Exemption from the requirement of 6 months&apos; unemployment</translation>
    </message>
    <message>
        <source>Ved langvarig ledighed kan praktikken vare op til 13 uger, også for målgrupper med 4 uger (LAB § 61).</source>
        <translation>After long unemployment the praktik may last up to 13 weeks, also for target groups with 4 weeks (LAB § 61).</translation>
    </message>
    <message>
        <source>Virksomhed</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Virksomheden</source>
        <translation>The employer</translation>
    </message>
    <message>
        <source>Virksomheden betaler løn for den effektive arbejdstid; kommunen betaler flekslønstilskud til borgeren.</source>
        <translation>The employer pays wages for the effective working hours; the municipality pays a flex wage subsidy to the citizen.</translation>
    </message>
    <message>
        <source>Virksomheden får løn til mentoren dækket for de aftalte timer.</source>
        <translation>The employer has the mentor&apos;s wages covered for the agreed hours.</translation>
    </message>
    <message>
        <source>Virksomheden giver jobcenteret besked, hvis ansættelsen ophører før tid, eller hvis forholdene ændrer sig.</source>
        <translation>The employer informs the jobcentre if the employment ends early or if circumstances change.</translation>
    </message>
    <message>
        <source>Virksomheden giver jobcenteret besked, hvis arbejdstiden eller den effektive arbejdstid ændres.</source>
        <translation>The employer informs the jobcentre if the working hours or the effective working hours change.</translation>
    </message>
    <message>
        <source>Virksomheden giver jobcenteret besked, hvis forløbet afbrydes før tid.</source>
        <translation>The employer informs the jobcentre if the programme is ended early.</translation>
    </message>
    <message>
        <source>Virksomheden giver jobcenteret besked, hvis mentoren skifter, eller hvis støtten ikke længere er nødvendig.</source>
        <translation>The employer informs the jobcentre if the mentor changes or if the support is no longer needed.</translation>
    </message>
    <message>
        <source>Virksomheden kontakter jobcenteret, hvis borgeren udebliver eller forholdene ændrer sig.</source>
        <translation>The employer contacts the jobcentre if the citizen does not turn up or circumstances change.</translation>
    </message>
    <message>
        <source>Virksomheden udsteder ansættelsesbevis efter de almindelige regler.</source>
        <translation>The employer issues a statement of employment terms under the ordinary rules.</translation>
    </message>
    <message>
        <source>Virksomhedens navn</source>
        <translation>Employer&apos;s name</translation>
    </message>
    <message>
        <source>Virksomhedskonsulent</source>
        <translation>Business consultant</translation>
    </message>
    <message>
        <source>Virksomhedspraktik</source>
        <translation>Work placement</translation>
    </message>
    <message>
        <source>Visiteret til fleksjob den</source>
        <translation>Assessed for flex job on</translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>{date} kl. {time}</source>
        <translation>{date} at {time}</translation>
    </message>
</context>
<context>
    <name>trust</name>
    <message>
        <source>Certifikatet er allerede betroet; intet er ændret.</source>
        <translation>The certificate is already trusted; nothing has changed.</translation>
    </message>
    <message>
        <source>Den centrale tjenestes rodcertifikat.</source>
        <translation>The central service&apos;s root certificate.</translation>
    </message>
    <message>
        <source>Enheden er ikke tilmeldt en central tjeneste, så der er intet rodcertifikat at eksportere.</source>
        <translation>The device is not enrolled with a central service, so there is no root certificate to export.</translation>
    </message>
    <message>
        <source>Et navn for certifikatet (standard: dets CN).</source>
        <translation>A name for the certificate (default: its CN).</translation>
    </message>
    <message>
        <source>Filen der skrives (standard: skærmen).</source>
        <translation>The file to write (default: the screen).</translation>
    </message>
    <message>
        <source>Filen {file} findes ikke eller kan ikke læses.</source>
        <translation>The file {file} does not exist or cannot be read.</translation>
    </message>
    <message>
        <source>Filen {file} kan ikke skrives: {reason}.</source>
        <translation>The file {file} cannot be written: {reason}.</translation>
    </message>
    <message>
        <source>Fjernet: {label}</source>
        <translation>Removed: {label}</translation>
    </message>
    <message>
        <source>Hvilke tjenesters rodcertifikater verify stoler på.</source>
        <translation>Which services&apos; root certificates verify trusts.</translation>
    </message>
    <message>
        <source>Intet tilføjet rodcertifikat har fingeraftrykket {fingerprint} (mindst 8 tegn, se consultant-app trust list). Den tilmeldte tjenestes rodcertifikat følger tilmeldingen og fjernes ikke her.</source>
        <translation>No added root certificate has the fingerprint {fingerprint} (at least 8 characters, see consultant-app trust list). The enrolled service&apos;s root certificate follows the enrollment and is not removed here.</translation>
    </message>
    <message>
        <source>Profilen stoler ikke på nogen tjeneste endnu. Tilmeld enheden (consultant-app enroll) eller tilføj et rodcertifikat med consultant-app trust add CA.pem.</source>
        <translation>The profile trusts no service yet. Enroll the device (consultant-app enroll) or add a root certificate with consultant-app trust add CA.pem.</translation>
    </message>
    <message>
        <source>Rodcertifikatet ({label}) er skrevet til {file}.</source>
        <translation>The root certificate ({label}) has been written to {file}.</translation>
    </message>
    <message>
        <source>Skriv rodcertifikatet for den tjeneste, enheden er tilmeldt (PEM), så andre kan bruge det med verify --ca.</source>
        <translation>Write the root certificate of the service the device is enrolled with (PEM), so others can use it with verify --ca.</translation>
    </message>
    <message>
        <source>Stol på en anden tjenestes rodcertifikat (PEM eller DER), fx en anden kommunes.</source>
        <translation>Trust another service&apos;s root certificate (PEM or DER), e.g. another municipality&apos;s.</translation>
    </message>
    <message>
        <source>Stop med at stole på et tilføjet rodcertifikat (angiv fingeraftrykket fra &apos;trust list&apos;, mindst 8 tegn).</source>
        <translation>Stop trusting an added root certificate (give its fingerprint from &apos;trust list&apos;, at least 8 characters).</translation>
    </message>
    <message>
        <source>Tilføjet: {label}, fingeraftryk {fingerprint}</source>
        <translation>Added: {label}, fingerprint {fingerprint}</translation>
    </message>
    <message>
        <source>Vis de rodcertifikater, profilen stoler på.</source>
        <translation>Show the root certificates the profile trusts.</translation>
    </message>
    <message>
        <source>den tjeneste, enheden er tilmeldt</source>
        <translation>the service the device is enrolled with</translation>
    </message>
    <message>
        <source>tilføjet {day}</source>
        <translation>added {day}</translation>
    </message>
    <message>
        <source>{file} er ikke et rodcertifikat (PEM eller DER med CA:TRUE).</source>
        <translation>{file} is not a root certificate (PEM or DER with CA:TRUE).</translation>
    </message>
    <message>
        <source>{fingerprint}  {label}  ({where}; gyldig til {day})</source>
        <translation>{fingerprint}  {label}  ({where}; valid until {day})</translation>
    </message>
</context>
<context>
    <name>ui-cli</name>
    <message>
        <source>Opret en demoprofil (hvis den mangler) og åbn programmet.</source>
        <translation>Create a demo profile (if there is none) and open the program.</translation>
    </message>
    <message>
        <source>Åbn programmet.</source>
        <translation>Open the program.</translation>
    </message>
</context>
<context>
    <name>vacancies</name>
    <message>
        <source>Slet stilling</source>
        <translation>Delete vacancy</translation>
    </message>
    <message>
        <source>Slet stillingen &quot;{title}&quot;?</source>
        <translation>Delete the vacancy &quot;{title}&quot;?</translation>
    </message>
    <message>
        <source>{hours} timer om ugen.</source>
        <translation>{hours} hours a week.</translation>
    </message>
    <message>
        <source>{low}–{high} timer om ugen.</source>
        <translation>{low}–{high} hours a week.</translation>
    </message>
    <message>
        <source>Starter med {low} timer om ugen og stiger til {high} timer.</source>
        <translation>Starts at {low} hours a week and rises to {high} hours.</translation>
    </message>
    <message>
        <source>Timetal er ikke angivet.</source>
        <translation>Hours are not given.</translation>
    </message>
</context>
<context>
    <name>verify</name>
    <message>
        <source>  - {name} som {role}, {when} dansk tid ({utc}); identitet: {check}; enhed {device}</source>
        <translation>  - {name} as {role}, {when} Danish time ({utc}); identity: {check}; device {device}</translation>
    </message>
    <message>
        <source>Aftalens indhold er ændret: indholdet i beviset giver ikke den forseglede hash.</source>
        <translation>The agreement&apos;s content has been changed: the content in the evidence does not give the sealed hash.</translation>
    </message>
    <message>
        <source>Betroet: forseglet af en enhed, som {issuer} har udstedt certifikat til.</source>
        <translation>Trusted: sealed by a device that {issuer} issued a certificate to.</translation>
    </message>
    <message>
        <source>Beviset ({file}) har ikke den form, en forsegling skriver: feltet &apos;{field}&apos; mangler eller har en forkert værdi.</source>
        <translation>The evidence ({file}) does not have the form sealing writes: the field &apos;{field}&apos; is missing or has a wrong value.</translation>
    </message>
    <message>
        <source>Beviset ({file}) i PDF-filen kan ikke læses.</source>
        <translation>The evidence ({file}) in the PDF file cannot be read.</translation>
    </message>
    <message>
        <source>Beviset ({file}) indeholder værdier, som en forsegling aldrig skriver.</source>
        <translation>The evidence ({file}) contains values that sealing never writes.</translation>
    </message>
    <message>
        <source>Beviset ({file}) mangler i PDF-filen.</source>
        <translation>The evidence ({file}) is missing from the PDF file.</translation>
    </message>
    <message>
        <source>Beviset har {given} underskrifter, forseglingen {sealed}.</source>
        <translation>The evidence has {given} signatures, the seal {sealed}.</translation>
    </message>
    <message>
        <source>Beviset i PDF-filen ({file}) har et ukendt format.</source>
        <translation>The evidence in the PDF file ({file}) has an unknown format.</translation>
    </message>
    <message>
        <source>Beviset og forseglingen er ikke om den samme aftale ({key}).</source>
        <translation>The evidence and the seal are not about the same agreement ({key}).</translation>
    </message>
    <message>
        <source>Der er ingen betroede rodcertifikater: tilmeld enheden, tilføj tjenestens rodcertifikat med &apos;consultant-app trust add CA.pem&apos;, eller angiv det med --ca.</source>
        <translation>There are no trusted root certificates: enroll the device, add the service&apos;s root certificate with &apos;consultant-app trust add CA.pem&apos;, or give it with --ca.</translation>
    </message>
    <message>
        <source>INTAKT OG BETROET: {file} er uændret siden forseglingen og forseglet af en enhed, som en betroet tjeneste har certificeret.</source>
        <translation>INTACT AND TRUSTED: {file} is unchanged since it was sealed, and sealed by a device a trusted service certified.</translation>
    </message>
    <message>
        <source>INTAKT, MEN IKKE BETROET: {file} er uændret siden forseglingen, men det kan ikke bekræftes, hvem der har forseglet den. Oplysningerne nedenfor er ubekræftede.</source>
        <translation>INTACT, BUT NOT TRUSTED: {file} is unchanged since it was sealed, but who sealed it cannot be confirmed. The details below are unconfirmed.</translation>
    </message>
    <message>
        <source>Ikke betroet: enhedens certifikat er selvsigneret (enheden var ikke tilmeldt en central tjeneste). Forseglingen viser at dokumentet er uændret, men ikke hvem der har forseglet det.</source>
        <translation>Not trusted: the device&apos;s certificate is self-signed (the device was not enrolled with a central service). The seal shows the document is unchanged, but not who sealed it.</translation>
    </message>
    <message>
        <source>Ikke betroet: enhedens certifikat siger, at det er udstedt af &apos;{issuer}&apos;, men det kan ikke føres tilbage til et betroet rodcertifikat. Alle kan lave et certifikat med et hvilket som helst navn; kun kæden til et betroet rodcertifikat viser, hvem der har forseglet.</source>
        <translation>Not trusted: the device&apos;s certificate says it was issued by &apos;{issuer}&apos;, but it does not chain to a trusted root certificate. Anyone can make a certificate with any name; only the chain to a trusted root certificate shows who sealed it.</translation>
    </message>
    <message>
        <source>PDF-filen indeholder aktivt indhold eller andet, som en forseglet aftale aldrig har ({what}).</source>
        <translation>The PDF file contains active content or something else a sealed agreement never has ({what}).</translation>
    </message>
    <message>
        <source>Rodcertifikatet (--ca) findes ikke eller kan ikke læses.</source>
        <translation>The root certificate (--ca) does not exist or cannot be read.</translation>
    </message>
    <message>
        <source>Filen er ikke en PDF-fil.</source>
        <translation>The file is not a PDF file.</translation>
    </message>
    <message>
        <source>Et certifikat i PAdES-signaturen er ændret eller tilføjet efter forseglingen.</source>
        <translation>A certificate in the PAdES signature was changed or added after sealing.</translation>
    </message>
    <message>
        <source>Filen er {size} MB; en forseglet aftale er højst {limit} MB, så den kontrolleres ikke.</source>
        <translation>The file is {size} MB; a sealed agreement is at most {limit} MB, so it is not checked.</translation>
    </message>
    <message>
        <source>Filen {file} findes ikke eller kan ikke læses.</source>
        <translation>The file {file} does not exist or cannot be read.</translation>
    </message>
    <message>
        <source>Filens indhold er ændret efter forseglingen: PAdES-signaturens kontrolsum passer ikke.</source>
        <translation>The file&apos;s content has been changed after sealing: the PAdES signature&apos;s checksum does not match.</translation>
    </message>
    <message>
        <source>Forseglet {when} dansk tid på enhed {device}.</source>
        <translation>Sealed {when} Danish time on device {device}.</translation>
    </message>
    <message>
        <source>Forseglingen (enhedens Ed25519-segl) passer ikke: forseglingserklæringen er ændret eller lavet med en anden nøgle.</source>
        <translation>The seal (the device&apos;s Ed25519 seal) does not match: the seal statement has been changed or made with a different key.</translation>
    </message>
    <message>
        <source>Forseglingen og PAdES-signaturen er ikke lavet med samme certifikat.</source>
        <translation>The seal and the PAdES signature were not made with the same certificate.</translation>
    </message>
    <message>
        <source>Forseglingserklæringen mangler eller har et ukendt format.</source>
        <translation>The seal statement is missing or has an unknown format.</translation>
    </message>
    <message>
        <source>IKKE INTAKT: {file} kan ikke bekræftes som uændret.</source>
        <translation>NOT INTACT: {file} cannot be confirmed as unchanged.</translation>
    </message>
    <message>
        <source>Indholdets SHA-256: {hash}</source>
        <translation>Content SHA-256: {hash}</translation>
    </message>
    <message>
        <source>KAN IKKE KONTROLLERES: {file} kan ikke kontrolleres som en forseglet aftale.</source>
        <translation>CANNOT BE CHECKED: {file} cannot be checked as a sealed agreement.</translation>
    </message>
    <message>
        <source>KAN IKKE KONTROLLERES: {reason}</source>
        <translation>CANNOT BE CHECKED: {reason}</translation>
    </message>
    <message>
        <source>Kontrollér uden netforbindelse at en forseglet aftale (PDF) er uændret, og hvem der har forseglet den. Afslutningskode: 0 intakt og betroet, 1 ikke intakt, 2 intakt men ikke betroet, 3 kan ikke kontrolleres.</source>
        <translation>Check without a network connection that a sealed agreement (PDF) is unchanged, and who sealed it. Exit code: 0 intact and trusted, 1 not intact, 2 intact but not trusted, 3 cannot be checked.</translation>
    </message>
    <message>
        <source>Oplysningerne om underskriften fra {who} passer ikke med forseglingen.</source>
        <translation>The details of the signature from {who} do not match the seal.</translation>
    </message>
    <message>
        <source>PAdES-signaturen dækker ikke hele filen: der er tilføjet eller ændret noget efter forseglingen.</source>
        <translation>The PAdES signature does not cover the whole file: something has been added or changed after sealing.</translation>
    </message>
    <message>
        <source>PAdES-signaturen er ikke lavet med en Ed25519-enhedsnøgle.</source>
        <translation>The PAdES signature was not made with an Ed25519 device key.</translation>
    </message>
    <message>
        <source>PAdES-signaturen er ugyldig: den er ikke lavet med certifikatets nøgle.</source>
        <translation>The PAdES signature is invalid: it was not made with the certificate&apos;s key.</translation>
    </message>
    <message>
        <source>PAdES-signaturens opbygning er ændret efter forseglingen.</source>
        <translation>The structure of the PAdES signature was changed after sealing.</translation>
    </message>
    <message>
        <source>PDF-filen er beskadiget og kan ikke læses som en forseglet aftale.</source>
        <translation>The PDF file is damaged and cannot be read as a sealed agreement.</translation>
    </message>
    <message>
        <source>PDF-filen har flere digitale signaturer; en forseglet aftale har kun én, så der er tilføjet noget efter forseglingen.</source>
        <translation>The PDF file has several digital signatures; a sealed agreement has only one, so something has been added after sealing.</translation>
    </message>
    <message>
        <source>PDF-filen har ingen digital signatur (PAdES); den er ikke forseglet eller forseglingen er fjernet.</source>
        <translation>The PDF file has no digital signature (PAdES); it has not been sealed or the seal has been removed.</translation>
    </message>
    <message>
        <source>Signaturfeltet i filen er ændret efter forseglingen.</source>
        <translation>The signature field in the file has been changed after sealing.</translation>
    </message>
    <message>
        <source>Skriv resultatet som JSON.</source>
        <translation>Write the result as JSON.</translation>
    </message>
    <message>
        <source>Stol kun på dette rodcertifikat (PEM eller DER) i stedet for profilens betroede tjenester (consultant-app trust list).</source>
        <translation>Trust only this root certificate (PEM or DER) instead of the profile&apos;s trusted services (consultant-app trust list).</translation>
    </message>
    <message>
        <source>Underskrevet af:</source>
        <translation>Signed by:</translation>
    </message>
    <message>
        <source>Underskriften fra {who} er givet på et andet indhold end det forseglede.</source>
        <translation>The signature from {who} was given on different content from the sealed content.</translation>
    </message>
    <message>
        <source>Underskriften fra {who} er ændret: stregerne passer ikke med forseglingen.</source>
        <translation>The signature from {who} has been changed: the strokes do not match the seal.</translation>
    </message>
    <message>
        <source>en vedhæftet fil uden for beviset</source>
        <translation>an attached file outside the evidence</translation>
    </message>
    <message>
        <source>mere end {count} objekter</source>
        <translation>more than {count} objects</translation>
    </message>
    <message>
        <source>vedhæftede filer ud over beviset ({files})</source>
        <translation>attached files besides the evidence ({files})</translation>
    </message>
    <message>
        <source>{file}: {message}</source>
        <translation>{file}: {message}</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>{title}, aftale-id {id}, version {revision}</source>
        <translation>{title}, agreement id {id}, version {revision}</translation>
    </message>
</context>
</TS>

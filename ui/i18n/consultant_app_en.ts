<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="da_DK">
<context>
    <name>AgreementsPage</name>
    <message>
        <source>Aftaler</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>Gå til listen</source>
        <translation>Go to the list</translation>
    </message>
    <message>
        <source>Her vises aftalerne om praktik, løntilskud og andre forløb. Udfyldning, kontrol af reglerne og underskrift på skærmen kommer i en senere version af programmet; indtil da kan aftalerne kun ses her.</source>
        <translation>The agreements for internships, wage subsidies and other placements are shown here. Filling them in, checking the rules and signing on screen come in a later version of the program; until then the agreements can only be viewed here.</translation>
    </message>
    <message>
        <source>Om aftaler</source>
        <translation>About agreements</translation>
    </message>
    <message>
        <source>Vælg en aftale i listen.</source>
        <translation>Choose an agreement in the list.</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Virksomhed:</source>
        <translation>Employer:</translation>
    </message>
    <message>
        <source>Stilling:</source>
        <translation>Vacancy:</translation>
    </message>
    <message>
        <source>Borger:</source>
        <translation>Citizen:</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>Start:</translation>
    </message>
    <message>
        <source>Slut:</source>
        <translation>End:</translation>
    </message>
    <message>
        <source>Skabelonversion:</source>
        <translation>Template version:</translation>
    </message>
    <message>
        <source>Indholdets SHA-256:</source>
        <translation>Content SHA-256:</translation>
    </message>
    <message>
        <source>Ændret:</source>
        <translation>Changed:</translation>
    </message>
    <message>
        <source>Aftalen findes ikke længere.</source>
        <translation>The agreement no longer exists.</translation>
    </message>
    <message>
        <source>Der er ingen aftaler endnu.</source>
        <translation>There are no agreements yet.</translation>
    </message>
</context>
<context>
    <name>CitizensPage</name>
    <message>
        <source>Borgere</source>
        <translation>Citizens</translation>
    </message>
    <message>
        <source>Filtrér borgere: navn, kompetence, postnr. (Ctrl+L)</source>
        <translation>Filter citizens: name, skill, postcode (Ctrl+L)</translation>
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
        <source>&amp;Vis CPR</source>
        <translation>&amp;Show CPR</translation>
    </message>
    <message>
        <source>Filtrér</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Status for gem</source>
        <translation>Save status</translation>
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
        <translation>&amp;Hours per week (able):</translation>
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
        <source>&amp;Ledig siden:</source>
        <translation>&amp;Unemployed since:</translation>
    </message>
    <message>
        <source>fx 1-3-2025</source>
        <translation>e.g. 1-3-2025</translation>
    </message>
    <message>
        <source>Tele&amp;fon:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>Notat&amp;er:</source>
        <translation>Not&amp;es:</translation>
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
    <message>
        <source>Gemt.</source>
        <translation>Saved.</translation>
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
        <source>Hvorfor er %1 afslået til stillingen?</source>
        <translation>Why was %1 declined for the vacancy?</translation>
    </message>
</context>
<context>
    <name>EmployerPanel</name>
    <message>
        <source>Virksomhedens faner</source>
        <translation>The employer&apos;s tabs</translation>
    </message>
    <message>
        <source>S&amp;tamdata</source>
        <translation>&amp;Details</translation>
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
        <source>dato, fx 1-3-2026</source>
        <translation>date, e.g. 1-3-2026</translation>
    </message>
    <message>
        <source>&amp;Gem (Ctrl+S)</source>
        <translation>&amp;Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Fortryd ændringer</source>
        <translation>&amp;Undo changes</translation>
    </message>
    <message>
        <source>Kontaktpersoner</source>
        <translation>Contact persons</translation>
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
        <source>Primær kontakt</source>
        <translation>Primary contact</translation>
    </message>
    <message>
        <source>&amp;Ny kontakt</source>
        <translation>&amp;New contact</translation>
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
        <source>fx 1-3-2026</source>
        <translation>e.g. 1-3-2026</translation>
    </message>
    <message>
        <source>Opfølgningsdato</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>valgfrit, fx 15-3-2026</source>
        <translation>optional, e.g. 15-3-2026</translation>
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
        <source>Markér &amp;opfølgning udført</source>
        <translation>Mark &amp;follow-up done</translation>
    </message>
    <message>
        <source>Enter eller dobbeltklik åbner den valgte.</source>
        <translation>Enter or double-click opens the selected one.</translation>
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
    <message>
        <source>Gemt.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Ikke gemt – ret det markerede.</source>
        <translation>Not saved – correct the marked fields.</translation>
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
        <source>Besøg i gang – noten gemmes på det planlagte besøg</source>
        <translation>Visit in progress – the note is saved on the planned visit</translation>
    </message>
    <message>
        <source>Besøget er gemt.</source>
        <translation>The visit is saved.</translation>
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
        <source>Valgt: %1</source>
        <translation>Selected: %1</translation>
    </message>
</context>
<context>
    <name>EmployersPage</name>
    <message>
        <source>Filtrér: navn, CVR, by, branche … (Ctrl+F)</source>
        <translation>Filter: name, CVR, town, industry … (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filtrér virksomheder</source>
        <translation>Filter employers</translation>
    </message>
    <message>
        <source>Virksomheder</source>
        <translation>Employers</translation>
    </message>
    <message>
        <source>&amp;Ny virksomhed (Ctrl+Shift+N)</source>
        <translation>&amp;New employer (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Vælg en virksomhed først.</source>
        <translation>Choose an employer first.</translation>
    </message>
    <message>
        <source>Virksomheder: {n}</source>
        <translation>Employers: {n}</translation>
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
        <translation>S&amp;ettings</translation>
    </message>
    <message>
        <source>&amp;Sprog</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Sprog</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Sproget er skiftet. Alle sider vises på det nye sprog, næste gang programmet starter.</source>
        <translation>The language has been changed. All pages are shown in the new language the next time the program starts.</translation>
    </message>
</context>
<context>
    <name>MatchesPage</name>
    <message>
        <source>Stillinger</source>
        <translation>Vacancies</translation>
    </message>
    <message>
        <source>Filtrér stillinger (Ctrl+L)</source>
        <translation>Filter vacancies (Ctrl+L)</translation>
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
        <translation>Pipeline</translation>
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
        <source>Fejl ved %s</source>
        <translation>Error in %s</translation>
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
    <name>SuggestionsPanel</name>
    <message>
        <source>Kun inden for %1 km</source>
        <translation>Only within %1 km</translation>
    </message>
    <message>
        <source>Kun borgere uden skånehensyn</source>
        <translation>Only citizens without restrictions</translation>
    </message>
    <message>
        <source>Status for forslag</source>
        <translation>Suggestions status</translation>
    </message>
    <message>
        <source>Matchning er ikke installeret i denne version.</source>
        <translation>Matching is not installed in this version.</translation>
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
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Synkronisering</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Offline – ikke tilmeldt en central.</source>
        <translation>Offline – not enrolled with a central service.</translation>
    </message>
    <message>
        <source>Ændringer der venter</source>
        <translation>Changes waiting</translation>
    </message>
    <message>
        <source>Alt, du gemmer, ligger sikkert på denne computer og står i kø til at blive sendt. Synkronisering med den centrale tjeneste kommer i en senere version; indtil da bliver ændringerne her og går ikke tabt.</source>
        <translation>Everything you save is kept safely on this computer and queued to be sent. Syncing with the central service comes in a later version; until then the changes stay here and are not lost.</translation>
    </message>
    <message>
        <source>Ændringer der venter på at blive sendt: {n}</source>
        <translation>Changes waiting to be sent: {n}</translation>
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
        <source>Filtrér stillinger (Ctrl+L)</source>
        <translation>Filter vacancies (Ctrl+L)</translation>
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
        <source>Status for gem</source>
        <translation>Save status</translation>
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
        <source>Timer pr. &amp;uge:</source>
        <translation>Hours per &amp;week:</translation>
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
        <source>Ansøgnings&amp;frist:</source>
        <translation>Application &amp;deadline:</translation>
    </message>
    <message>
        <source>fx 1-3-2026</source>
        <translation>e.g. 1-3-2026</translation>
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
        <source>Gemt.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Stillingen er slettet.</source>
        <translation>The vacancy has been deleted.</translation>
    </message>
    <message>
        <source>%1 er foreslået til stillingen.</source>
        <translation>%1 has been proposed for the vacancy.</translation>
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
        <source>Virksomhedspraktik</source>
        <translation>Company internship</translation>
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
    <name>fields</name>
    <message>
        <source>CVR-nummer</source>
        <translation>CVR number</translation>
    </message>
    <message>
        <source>P-nummer</source>
        <translation>P-number</translation>
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
        <source>Virksomhedens CVR-nummer</source>
        <translation>The employer&apos;s CVR number</translation>
    </message>
    <message>
        <source>Virksomhedens P-nummer</source>
        <translation>The employer&apos;s P-number</translation>
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
        <source>Afslået: %1</source>
        <translation>Declined: %1</translation>
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
        <translation>An unexpected error occurred and nothing was saved. The error has been written to the log.</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <source>&apos;{value}&apos; er ikke en af de mulige værdier: {options}.</source>
        <translation>&apos;{value}&apos; is not one of the possible values: {options}.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; er ikke en gyldig dato (skriv fx 2026-03-01 eller 1-3-2026).</source>
        <translation>&apos;{value}&apos; is not a valid date (write e.g. 2026-03-01 or 1-3-2026).</translation>
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
        <translation>CVR {cvr} has several workplaces in the profile; write the P-number in the column employer_p_number.</translation>
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
        <source>Databasefilen {path} er beskadiget eller ikke en database ({detail}). Filen er ikke ændret; kontakt support, eller synkronisér en ny profil.</source>
        <translation>The database file {path} is damaged or not a database ({detail}). The file has not been changed; contact support, or sync a new profile.</translation>
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
        <translation>There is no employer with CVR {cvr} and P-number {p} in the profile. Import the employers first.</translation>
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
        <translation>An employer with CVR {cvr} and P-number {p} already exists.</translation>
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
        <source>Må højst være {max} (er {value}).</source>
        <translation>Must be at most {max} (is {value}).</translation>
    </message>
    <message>
        <source>Må højst være {max} tegn (er {n}).</source>
        <translation>Must be at most {max} characters (is {n}).</translation>
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
        <translation>The P-number must be 10 digits (&apos;{value}&apos;).</translation>
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
        <source>Profilen i {path} er allerede åben i et andet vindue eller program. Luk det først, og prøv igen.</source>
        <translation>The profile in {path} is already open in another window or program. Close that first and try again.</translation>
    </message>
    <message>
        <source>Samme CPR-nummer som linje {line} i filen.</source>
        <translation>Same CPR number as line {line} in the file.</translation>
    </message>
    <message>
        <source>Samme CVR-nummer og P-nummer som linje {line} i filen.</source>
        <translation>Same CVR number and P-number as line {line} in the file.</translation>
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
        <source>Telefonnummeret skal være 8 cifre, evt. med +45 (&apos;{value}&apos;).</source>
        <translation>The phone number must be 8 digits, optionally with +45 (&apos;{value}&apos;).</translation>
    </message>
    <message>
        <source>Timer fra ({lo}) er større end timer til ({hi}).</source>
        <translation>Hours from ({lo}) is greater than hours to ({hi}).</translation>
    </message>
    <message>
        <source>Ukendt felt &apos;{name}&apos;.</source>
        <translation>Unknown field &apos;{name}&apos;.</translation>
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
</context>
<context>
    <name>vacancies</name>
    <message>
        <source>Slet stilling</source>
        <translation>Delete vacancy</translation>
    </message>
    <message>
        <source>Slet stillingen &quot;%1&quot;?</source>
        <translation>Delete the vacancy &quot;%1&quot;?</translation>
    </message>
    <message>
        <source>%1 timer om ugen.</source>
        <translation>%1 hours a week.</translation>
    </message>
    <message>
        <source>%1–%2 timer om ugen.</source>
        <translation>%1–%2 hours a week.</translation>
    </message>
    <message>
        <source>Starter med %1 timer om ugen og stiger til %2 timer.</source>
        <translation>Starts at %1 hours a week and rises to %2 hours.</translation>
    </message>
    <message>
        <source>Timetal er ikke angivet.</source>
        <translation>Hours are not given.</translation>
    </message>
</context>
</TS>

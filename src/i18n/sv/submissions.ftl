# Inrapportering: samordnarens sidor, observationsraderna och deras kategorier, statusar.

## Statusar (SubmissionStatus, PeriodStatus)

submissions-status-draft = Utkast
submissions-status-submitted = Inskickad
submissions-status-accepted = Godkänd
submissions-status-returned = Returnerad
submissions-status-unknown = Okänd
submissions-period-open = Öppen
submissions-period-closed = Stängd
submissions-period-locked = Låst

## Dimensioner och trend (Dimension, Trend)

submissions-dimension-misuse-type = Missbrukstyp
submissions-dimension-exploitation-area = Utnyttjandeområde
submissions-dimension-document-type = Handlingstyp
submissions-dimension-chain-stage = Steg i identitetskedjan
submissions-dimension-age-band = Åldersgrupp
submissions-dimension-citizenship = Medborgarskap
submissions-dimension-fraud-type = Bedrägeriform
submissions-trend-increasing = Ökar
submissions-trend-stable = Oförändrad
submissions-trend-decreasing = Minskar
submissions-trend-new = Ny företeelse

## En period i löptext

submissions-period-prose = { $kind ->
    [quarter] kvartal { $index } { $year }
    [half] halvår { $index } { $year }
    [year] år { $year }
   *[month] { $index ->
        [1] januari
        [2] februari
        [3] mars
        [4] april
        [5] maj
        [6] juni
        [7] juli
        [8] augusti
        [9] september
        [10] oktober
        [11] november
       *[12] december
    } { $year }
}

## Listan och ny inrapportering

submissions-heading = Inrapportering
submissions-lead = Rapportera din myndighets observationer för en öppen period. Skriv aldrig personuppgifter: inga personnummer, namn, adresser eller handlingsnummer.
submissions-new-heading = Ny inrapportering
submissions-no-open-period = Ingen period är öppen för inrapportering just nu.
submissions-period-field = Rapporteringsperiod
submissions-deadline = (senast { $date })
submissions-open-button = Öppna inrapportering
submissions-import-heading = Läs in en CSV-fil
submissions-import-intro-before = Har ni många rader kan ni läsa in dem från en CSV-fil (UTF-8, avgränsare komma eller semikolon). Första raden ska ha kolumnnamnen, till exempel
submissions-import-intro-after = . Filen ersätter raderna i periodens utkast. Allt eller inget: finns ett fel sparas ingenting.
submissions-file-field = CSV-fil
submissions-import-columns = Kolumner som krävs: { $required }. Valfria: { $optional }.
submissions-submit-directly = Skicka in för granskning direkt
submissions-import-button = Läs in filen
submissions-earlier-heading = Tidigare inrapporteringar
submissions-none-yet = Din myndighet har inga inrapporteringar ännu.
submissions-list-caption = Din myndighets inrapporteringar per period
submissions-col-period = Period
submissions-col-status = Status
submissions-col-version = Version

## En inrapportering

submissions-breadcrumbs = Brödsmulor
submissions-title = Inrapportering { $period }
submissions-show-heading = Inrapportering { $period } – { $agency }
submissions-lead-period = Period: { $period }.
submissions-lead-status = Status:
submissions-version = version { $version }
submissions-review-comment-heading = Granskarens kommentar
submissions-no-lines-yet = Inga observationer ännu.
submissions-add-heading = Lägg till en observation
submissions-check-count = Kontrollera antalet
submissions-not-saved-yet = Observationen är inte sparad ännu. Rätta antalet nedan, eller välj ”Spara ändå” om det stämmer.
submissions-add-intro = Ange ett antal för en kombination av kategorier. Välj ”Ej angivet” där ni inte vet. Beskrivningen får inte innehålla personuppgifter.
submissions-not-specified = Ej angivet
submissions-hint-misuse-type = Vilken sorts identitetsmissbruk det gäller.
submissions-hint-exploitation-area = Var identiteten användes.
submissions-hint-document-type = Vilken identitetshandling som missbrukades, om någon.
submissions-hint-chain-stage = Var i kedjan missbruket skedde.
submissions-hint-fraud-type = Endast tillsammans med handlingstyp (EU:s typologi).
submissions-hint-age-band = Ålder hos dem vars identiteter användes, om den är känd.
submissions-hint-citizenship = Medborgarskap hos dem vars identiteter användes, om det är känt.
submissions-trend-field = Er bedömning av trenden
submissions-hint-trend = Jämfört med föregående period.
submissions-reliability-field = Källans tillförlitlighet
submissions-hint-reliability = Enligt 4x4-systemet: A = fullt tillförlitlig … D = kan inte bedömas.
submissions-validity-field = Informationens riktighet
submissions-hint-validity = Enligt 4x4-systemet: 1 = bekräftad … 4 = kan inte bedömas.
submissions-count-field = Antal
submissions-count-hint = Ett heltal från 0 till { $max }. Skriv 0 om ni inte såg några fall.
submissions-description-field = Beskrivning av företeelsen
submissions-description-hint = Högst { $max } tecken. Beskriv mönster och metoder, aldrig enskilda personer.
submissions-save-line = Spara observationen
submissions-save-anyway = Spara ändå
submissions-submit-heading = Skicka in
submissions-submit-intro = När alla observationer är inlagda skickar du in dem för granskning. Därefter kan du inte ändra dem, om de inte returneras till dig.
submissions-submit-button = Skicka in för granskning

## Tabellen med observationsrader (även i granskningen och forumet)

submissions-lines-caption = Observationer i version { $version } ({ $count } st)
submissions-col-line = Rad
submissions-col-count = Antal
submissions-col-trend = Trend
submissions-col-grading = Gradering
submissions-col-description = Beskrivning
submissions-col-action = Åtgärd
submissions-remove = Ta bort
submissions-remove-line-hidden = rad { $line }

## Ta bort en rad

submissions-delete-title = Ta bort observation
submissions-delete-question = Vill du ta bort rad { $line }: { $misuse_type }, antal { $count }?
submissions-cancel = Avbryt
submissions-delete-button = Ta bort raden

## Engångsmeddelanden

submissions-line-saved = Observationen är sparad.
submissions-line-removed = Observationen är borttagen.
submissions-submitted = Inrapporteringen är inskickad för granskning. Tack!
submissions-imported = Filen är inläst. Inrapporteringen har status ”{ $status ->
        [submitted] inskickad
       *[draft] utkast
    }”.
submissions-upload-unreadable = Filen kunde inte läsas. Välj en CSV-fil i formuläret och försök igen.

## Fel i en observationsrad

submissions-count-required = Ange antal som ett heltal, t.ex. 12. Skriv 0 om ni inte såg några fall.
submissions-count-out-of-range = Ange ett antal mellan 0 och { $max }.
submissions-count-not-integer = Ange antal som ett heltal, t.ex. 12.
submissions-choose-dimension = Välj { $dimension ->
        [exploitation_area] utnyttjandeområde
        [document_type] handlingstyp
        [chain_stage] steg i identitetskedjan
        [age_band] åldersgrupp
        [citizenship] medborgarskap
        [fraud_type] bedrägeriform
       *[misuse_type] missbrukstyp
    }.
submissions-dimension-not-in-list = Välj { $dimension ->
        [exploitation_area] utnyttjandeområde
        [document_type] handlingstyp
        [chain_stage] steg i identitetskedjan
        [age_band] åldersgrupp
        [citizenship] medborgarskap
        [fraud_type] bedrägeriform
       *[misuse_type] missbrukstyp
    } ur listan. Värdet finns inte i taxonomin eller har tagits ur bruk.
submissions-fraud-type-needs-document-type = Ange handlingstyp när du anger bedrägeriform, eller ta bort bedrägeriformen.
submissions-trend-invalid = Välj trend: ökar, oförändrad, minskar eller ny företeelse.
submissions-reliability-invalid = Ange källans tillförlitlighet som A, B, C eller D.
submissions-validity-invalid = Ange informationens riktighet som 1, 2, 3 eller 4.
submissions-description-too-long = Beskrivningen får vara högst { $max } tecken. Korta texten.
submissions-the-description = Beskrivningen
submissions-line-incomplete = Raden är ofullständig.
submissions-line-duplicate = Rad { $line } har samma kombination av kategorier som rad { $first }. Slå ihop raderna eller ändra en av dem.
submissions-outlier = Antalet för { $misuse_type_sv } ({ $count }) är mycket högre än er myndighets tidigare perioder (vanligen högst { $expected_max }). Kontrollera siffran. Stämmer den kan du spara ändå.

## Fel när en inrapportering öppnas, ändras eller skickas in

submissions-period-invalid = ”{ $period }” är ingen giltig period. Skriv en månad (2026-07), ett kvartal (2026-Q3), ett halvår (2026-H2) eller ett år (2026).
submissions-period-not-opened = Perioden { $period } är inte öppnad för inrapportering.
submissions-period-is-locked = Perioden { $period } är låst eftersom en publicerad lägesbild bygger på den. Inga ändringar kan göras.
submissions-period-is-closed = Perioden { $period } är stängd för inrapportering. Kontakta Nationellt ID-center om ni behöver rapportera i efterhand.
submissions-no-agency = Ditt konto hör inte till någon myndighet och kan inte rapportera.
submissions-changed-concurrently = Inrapporteringen ändrades samtidigt av någon annan. Försök igen.
submissions-other-agency = Inrapporteringen tillhör en annan myndighet.
submissions-own-agency-only = Du kan bara ändra din egen myndighets inrapporteringar.
submissions-already-submitted = Inrapporteringen är redan inskickad och kan inte ändras. Om den behöver rättas kan en analytiker returnera den.
submissions-add-before-submit = Lägg till minst en observation innan du skickar in. Har ni inte sett några fall, ange antal 0.
submissions-lines-required = Ange minst en observation. Har ni inte sett några fall, ange antal 0.

# Texten i själva rapporten, på utgåvans språk: titelsida, sidhuvud och sidfot, standardmallens
# avsnitt, diagram och tabeller, metodtexten. Skrivs i PDF-filen och i utgåvans webbvisning.

report-content-issuer = Nationellt ID-center
report-content-subtitle = Kunskaps- och lägesbild över identitetsmissbruk
report-content-pdf-subject = { $subtitle }, { $period }
report-content-header-title = Lägesbild identitetsmissbruk – { $period }
report-content-default-title = Lägesbild identitetsmissbruk { $period }
report-content-edition-name = utgåva { $edition } version { $version } ({ $period })

# Titelsidan
report-content-title-period = Period: { $label } ({ $code })
report-content-title-edition = Utgåva { $edition }, version { $version }
report-content-title-edition-draft = Utgåva { $edition }, version { $version } – utkast, ej fastställd
report-content-title-live-draft = Utkast ur aktuella uppgifter, ej fastställt
report-content-title-published = Publicerad { $date }
report-content-title-produced = Framställd { $date }
report-content-title-marking = Informationsklass: { $marking }
report-content-title-correction = Rättelse: { $note }
report-content-contents = Innehåll

# Sidhuvud och sidfot
report-content-frame-version = Version { $version }
report-content-frame-version-draft = Version { $version } (utkast)
report-content-frame-draft = Utkast
report-content-draft-mark = UTKAST
report-content-page = Sida { $page } av { $pages }

# Perioder i löptext
report-content-period-month = { $month ->
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
report-content-period-quarter = kvartal { $index } { $year }
report-content-period-half = halvår { $index } { $year }
report-content-period-year = år { $year }

# Standardmallens avsnitt
report-content-section-summary = Sammanfattning
report-content-section-summary-text = Skriv här en sammanfattning av periodens lägesbild: de viktigaste förändringarna och vad de betyder.
report-content-section-trends = Trender och tendenser
report-content-section-trends-text = Beskriv hur omfattningen har utvecklats och vilka tendenser som syns.
report-content-section-modus-operandi = Tillvägagångssätt (modus operandi)
report-content-section-modus-operandi-text = Beskriv de tillvägagångssätt som rapporterats under perioden.
report-content-section-documents = Identitetshandlingar
report-content-section-documents-text = Beskriv vilka handlingar som missbrukas och hur.
report-content-section-vulnerabilities = Sårbarheter och riskindikatorer
report-content-section-vulnerabilities-text = Beskriv sårbarheter och riskindikatorer som myndigheterna sett.
report-content-section-measures = Åtgärder och deras effekter
report-content-section-measures-text = Bedöm effekterna av vidtagna åtgärder och konsekvenserna av åtgärder som inte vidtagits.
report-content-section-signals = Signaler
report-content-section-signals-text = Kommentera de serier som ökat mer än deras historik förutsäger.
report-content-section-forum = Forumets arbete
report-content-section-forum-text = Beskriv vad Operativt ID-forum har arbetat med under perioden.
report-content-section-method = Metod och datakvalitet
report-content-section-changes = Ändringar sedan föregående utgåva

# Diagram och tabeller
report-content-figure-summary = Godkända fall per missbrukstyp, { $period }
report-content-figure-trend = Fall per missbrukstyp och kvartal, { $span }
report-content-figure-monthly = Totalt antal fall per månad, { $span }
report-content-figure-exploitation-area = Fall per utnyttjandeområde och kvartal, { $span }
report-content-figure-chain-stage = Fall per steg i identitetskedjan och kvartal, { $span }
report-content-figure-document-type = Fall per handlingstyp och kvartal, { $span }
report-content-figure-fraud-type = Fall per typ av förfalskning och kvartal, { $span }
report-content-figure-age-band = Fall per åldersgrupp och kvartal, { $span }
report-content-figure-citizenship = Fall per medborgarskap och kvartal, { $span }
report-content-figure-measures = Missbrukstyper som åtgärder riktar sig mot, { $span }
report-content-figure-heatmap = Utnyttjandeområde och missbrukstyp, { $period }
report-content-axis-month = Månad
report-content-axis-quarter = Kvartal
report-content-axis-agency = Myndighet
report-content-axis-source = Källa
report-content-axis-cases = Antal fall
report-content-dim-misuse-type = Missbrukstyp
report-content-dim-exploitation-area = Utnyttjandeområde
report-content-dim-document-type = Handlingstyp
report-content-dim-chain-stage = Steg i identitetskedjan
report-content-dim-age-band = Åldersgrupp
report-content-dim-citizenship = Medborgarskap
report-content-dim-fraud-type = Bedrägeriform
report-content-not-specified = Ej angivet
report-content-total = Totalt
report-content-forum = Operativt ID-forum
report-content-table-caption = Tabell { $number }. { $caption }
report-content-figure-caption = Figur { $number }. { $caption } – diagrammets siffror
report-content-legend = ”..” = undertryckt av röjandeskäl, ”–” = ingen inrapportering.
report-content-chart-no-data = Det finns inga godkända uppgifter att visa i diagrammet.
report-content-chart-peak = Högst: { $series }, { $column }, med { $count } fall.
report-content-chart-same-figures = Samma siffror finns i tabellen under diagrammet.
report-content-col-change = Förändring
report-content-col-agency = Myndighet

# Åtgärder
report-content-measures-caption = Åtgärder och uppmätt effekt
report-content-measures-none = Inga åtgärder är registrerade för perioden.
report-content-col-measure = Åtgärd
report-content-col-status = Status
report-content-col-start = Start
report-content-col-effect = Uppmätt effekt ({ $quarters } kvartal före/efter)
report-content-measure-proposed = Föreslagen
report-content-measure-decided = Beslutad
report-content-measure-in-force = Gäller
report-content-measure-ended = Avslutad
report-content-measure-rejected = Avslagen
report-content-effect-not-taken = Inte vidtagen
report-content-effect-no-target = Riktar sig inte mot någon missbrukstyp
report-content-effect-measured = { $series }: { $change } (p = { $p })
report-content-effect-too-few-quarters = { $series }: för få kvartal för att mäta
report-content-effect-no-data = { $series }: uppgifter saknas

# Signaler och risker
report-content-signals-caption = Automatiska signaler
report-content-signals-none = Ingen serie ökade mer än vad dess historik förutsäger.
report-content-col-observed = Observerat
report-content-col-expected = Förväntat
report-content-col-q-value = q-värde
report-content-risks-none = Ingen serie ökade under perioden.
report-content-risk = { $series } ({ $observed } fall); { $coverage }.
report-content-risk-signal = { $series } ({ $observed } fall, signal); { $coverage }.
report-content-risk-uncovered = ingen åtgärd i kraft riktar sig mot serien
report-content-risk-covered = åtgärder i kraft: { $measures }

# Forumet
report-content-followups-caption = Forumets uppföljningspunkter
report-content-followups-none = Forumet har inga öppna uppföljningspunkter för perioden.
report-content-col-meeting = Möte
report-content-col-followup = Uppföljning
report-content-col-owner = Ansvarig
report-content-followup-open = Öppen
report-content-followup-in-progress = Pågår
report-content-followup-done = Klar

# Metod och datakvalitet
report-content-method-basis = Lägesbilden bygger enbart på inrapporteringar som har godkänts vid granskning hos Nationellt ID-center. Utkast och returnerade inrapporteringar ingår inte. Månadsuppgifter summeras till kvartal.
report-content-method-nobody-reported = Ingen myndighet har godkända uppgifter för { $period }.
report-content-method-reported = Godkända uppgifter för { $period } finns från: { $agencies }.
report-content-method-all-reported = Alla aktiva myndigheter har lämnat godkända uppgifter.
report-content-method-missing = Godkända uppgifter saknas från: { $agencies }.
report-content-method-disclosure = Röjandekontroll har tillämpats på alla tabeller och diagram: celler med färre än { $k } fall visas som ”..”, liksom celler som annars skulle kunna räknas fram ur summorna. I denna utgåva undertrycktes { $suppressed } { $suppressed ->
    [one] cell
   *[other] celler
}. ”–” betyder att ingen myndighet har rapporterat.
report-content-method-read-at = Uppgifterna hämtades ur databasen { $at } (UTC).
report-content-completeness-caption = Inrapporteringsläge { $period }
report-content-completeness-none = Perioden är inte registrerad som inrapporteringsperiod; inrapporteringsläget kan inte visas.
report-content-submission-missing = Saknas
report-content-submission-accepted = Godkänd
report-content-submission-submitted = Inskickad, ej granskad
report-content-submission-returned = Returnerad
report-content-submission-draft = Utkast

# Ändringar sedan föregående utgåva
report-content-changes-caption = Ändrade siffror
report-content-changes-no-previous = Det finns ingen tidigare publicerad utgåva att jämföra med.
report-content-changes-none = Inga siffror för tidigare perioder har ändrats sedan { $edition }.
report-content-changes-some = Följande siffror för tidigare perioder har ändrats sedan { $edition }, på grund av sena eller rättade inrapporteringar.
report-content-changes-compared = Jämfört med { $edition }.
report-content-col-chart = Diagram
report-content-col-series = Serie
report-content-col-period = Period
report-content-col-before = Tidigare
report-content-col-now = Nu

# Översikt, trender, fördelning, värmekarta, inrapporteringsläge och obehandlade risker.

## Gemensamt
dashboard-title = Översikt
dashboard-trends-title = Trender
dashboard-breakdown-title = Fördelning
dashboard-heatmap-title = Värmekarta
dashboard-risks-title = Obehandlade risker
dashboard-breadcrumbs = Brödsmulor
dashboard-show = Visa
dashboard-total = Totalt
dashboard-count = Antal
dashboard-expected = Förväntat
dashboard-change = Förändring
dashboard-change-new = ny
dashboard-code = Kod
dashboard-status = Status
dashboard-version = Version
dashboard-source-agencies = Myndigheter
dashboard-source-forum = Operativt ID-forum
dashboard-not-specified = Ej angivet

## Översikten
dashboard-overview-lead = Godkända inrapporteringar per kvartal. Utkast och returnerade inrapporteringar räknas inte.
dashboard-views = Analysvyer
dashboard-heatmap-link = Identitetskedjan × missbrukstyp
dashboard-completeness-link = Inrapporteringsläge
dashboard-overview-period-label = Visa till och med period
dashboard-overview-period-hint = Till exempel 2026-Q3.
dashboard-comparison-heading = { $period } jämfört med föregående period och samma period året innan
dashboard-comparison-caption = Godkända fall per missbrukstyp: { $now }, { $previous } och { $year }
dashboard-comparison-sources = Jämförelsen med { $period } bygger inte på samma källor: { $details }.
dashboard-comparison-only = bara { $period } rapporterade { $sources }
dashboard-completeness-heading = Inrapporteringsläge { $period }
dashboard-completeness-no-period = Perioden { $period } är inte en rapporteringsperiod.
dashboard-completeness-all = Hela inrapporteringsläget
dashboard-signals-heading = Signaler (ovanlig ökning)
dashboard-signals-none = Inga signaler för { $period }.
dashboard-signals-caption = Serier som ökat mer än historiken förutsäger, { $period } (q ≤ { $q })
dashboard-signals-all-sources = Alla källor
dashboard-q-value = q-värde
dashboard-rising-heading = Snabbast ökande missbrukstyper
dashboard-rising-none = Ingen missbrukstyp ökade jämfört med föregående period.
dashboard-rising-item = { $label }: { $count } fall ({ $change } jämfört med { $period })
dashboard-over-time-heading = Utveckling över tid
dashboard-overview-source = Källa: godkända inrapporteringar i Lägesbild.
dashboard-reporting-agencies = Rapporterande myndigheter
dashboard-risks-link-hint = stigande serier som ingen åtgärd riktar sig mot.
dashboard-completeness-for = Inrapporteringsläge för { $period }
dashboard-completeness-link-hint = vilka myndigheter som har rapporterat.
dashboard-overview-note = – betyder att ingen myndighet har rapporterat för kvartalet. 0 betyder att rapporterade värden summerar till noll.
dashboard-pdf-heading = Lägesbild som PDF
dashboard-pdf-download = Ladda ner lägesbild för { $period } (PDF, utkast)

## Urval (trender och fördelning)
dashboard-filters = Urval
dashboard-filters-from = Från period
dashboard-filters-to = Till period
dashboard-filters-all = Alla
dashboard-filters-disclosure = Visa som departementet (röjandeskydd)

## Tabellen under diagrammen, och dess CSV
dashboard-table-protected = (röjandeskyddad)
dashboard-table-note = – betyder att ingen har rapporterat. 0 betyder att rapporterade värden summerar till noll.
dashboard-table-note-suppressed = betyder att uppgiften är undertryckt för att skydda enskilda (röjandeskydd: små tal och tal som skulle kunna räknas fram ur dem visas inte).
dashboard-csv-download = Ladda ner CSV
dashboard-csv-download-hint = (samma siffror, för Excel)

## Trender
dashboard-trends-lead = En serie per missbrukstyp. Lodräta linjer markerar när åtgärder startade.
dashboard-references-heading = Referensuppgifter från andra lägesbilder
dashboard-references-none = Inga referensuppgifter för serierna och perioderna.
dashboard-references-caption = Uppgifter ur andra publicerade lägesbilder, med källa. De ingår inte i siffrorna ovan.
dashboard-references-series = Serie
dashboard-references-title = Titel
dashboard-references-figure = Uppgift
dashboard-notices-heading = Kunskapsnotiser om serierna
dashboard-notices-none = Inga gällande kunskapsnotiser.
dashboard-notices-issuer = { $issuer }, från { $date }

## Fördelning
dashboard-breakdown-by = Fördela efter
dashboard-breakdown-change = Byt

## Värmekarta
dashboard-heatmap-heading = Identitetskedjan och missbrukstyp
dashboard-heatmap-disclosure = Visa som departementet

## Inrapporteringsläge
dashboard-completeness-title = Inrapporteringsläge { $period }
dashboard-completeness-period-open = Perioden är öppen.
dashboard-completeness-period-closed = Perioden är stängd.
dashboard-completeness-period-locked = Perioden är låst.
dashboard-completeness-deadline = Sista dag: { $date }.
dashboard-completeness-deadline-passed = Sista dag: { $date } (har passerat).
dashboard-completeness-no-deadline = Sista dag: ingen.
dashboard-completeness-accepted = { $accepted } av { $total } { $total ->
    [one] myndighet
   *[other] myndigheter
} har godkända uppgifter.
dashboard-completeness-caption = Myndigheternas inrapportering för { $period }
dashboard-completeness-overdue = sista dagen har passerat
dashboard-completeness-note = ”Ingen inrapportering” betyder att myndigheten inte har rapporterat alls. En inrapportering med antal 0 betyder att myndigheten har rapporterat noll fall.
dashboard-status-none = Ingen inrapportering
dashboard-status-draft = Utkast
dashboard-status-submitted = Inskickad
dashboard-status-accepted = Godkänd
dashboard-status-returned = Returnerad

## Obehandlade risker
dashboard-risks-heading = Obehandlade risker { $period }
dashboard-risks-lead = Serier som ökar ovanligt mycket eller har legat över sin basnivå tre kvartal i rad, och som ingen gällande åtgärd riktar sig mot. Här syns konsekvenserna av åtgärder som inte har vidtagits.
dashboard-risks-none = Inga stigande serier saknar gällande åtgärd.
dashboard-risks-uncovered-caption = Stigande serier utan gällande åtgärd, { $period }
dashboard-risks-why = Varför
dashboard-risks-not-taken = Föreslagna eller avslagna åtgärder
dashboard-risks-none-proposed = Ingen åtgärd är föreslagen.
dashboard-risks-covered-heading = Stigande serier med gällande åtgärd
dashboard-risks-covered-caption = Stigande serier som en gällande åtgärd riktar sig mot, { $period }
dashboard-risks-in-force = Gällande åtgärder
dashboard-risks-reason-signal = ovanlig ökning (signal)
dashboard-risks-reason-sustained = tre kvartal i rad över basnivån

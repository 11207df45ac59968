# Diagrammen: titlar, axlar och sammanfattningen på en rad (också diagrammets alternativtext).

charts-axis-quarter = Kvartal
charts-axis-period = Period
charts-axis-cases = Antal fall
charts-overview-title = Godkända fall per missbrukstyp och kvartal, { $from }–{ $to }
charts-overview-summary = Diagrammet visar { $series } { $series ->
    [one] serie
   *[other] serier
}. Under { $period } godkändes totalt { $total } fall. Samma siffror finns i tabellen under diagrammet.
charts-overview-summary-empty = Det finns inga godkända uppgifter för { $period }. Tabellen visar de kvartal som har uppgifter.
charts-trends-title = Godkända fall per missbrukstyp, { $from }–{ $to }
charts-breakdown-title = Godkända fall per { $by } och period, { $from }–{ $to }
charts-heatmap-title = Steg i identitetskedjan och missbrukstyp, { $period }
charts-summary-peak = Högst: { $row }, { $col }, med { $count } fall. Samma siffror finns i tabellen under diagrammet.
charts-summary-table = Samma siffror finns i tabellen under diagrammet.

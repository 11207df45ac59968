# The charts: titles, axes and the one-line summary (also the chart's text alternative).

charts-axis-quarter = Quarter
charts-axis-period = Period
charts-axis-cases = Number of cases
charts-overview-title = Accepted cases by type of misuse and quarter, { $from }–{ $to }
charts-overview-summary = The chart shows { $series } series. A total of { $total } { $total ->
    [one] case was
   *[other] cases were
} accepted in { $period }. The same figures are in the table below the chart.
charts-overview-summary-empty = There is no accepted data for { $period }. The table shows the quarters that have data.
charts-trends-title = Accepted cases by type of misuse, { $from }–{ $to }
charts-breakdown-title = Accepted cases by { $by } and period, { $from }–{ $to }
charts-heatmap-title = Identity chain stage and type of misuse, { $period }
charts-summary-peak = Highest: { $row }, { $col }, with { $count } { $count ->
    [one] case
   *[other] cases
}. The same figures are in the table below the chart.
charts-summary-table = The same figures are in the table below the chart.

# Overview, trends, breakdown, heat map, reporting status and unaddressed risks.

## Shared
dashboard-title = Overview
dashboard-trends-title = Trends
dashboard-breakdown-title = Breakdown
dashboard-heatmap-title = Heat map
dashboard-risks-title = Unaddressed risks
dashboard-breadcrumbs = Breadcrumbs
dashboard-show = Show
dashboard-total = Total
dashboard-count = Count
dashboard-expected = Expected
dashboard-change = Change
dashboard-change-new = new
dashboard-code = Code
dashboard-status = Status
dashboard-version = Version
dashboard-source-agencies = Agencies
dashboard-source-forum = Operational ID Forum
dashboard-not-specified = Not specified

## The overview
dashboard-overview-lead = Accepted submissions per quarter. Drafts and returned submissions are not counted.
dashboard-views = Analysis views
dashboard-heatmap-link = Identity chain × type of misuse
dashboard-completeness-link = Reporting status
dashboard-overview-period-label = Show up to and including period
dashboard-overview-period-hint = For example 2026-Q3.
dashboard-comparison-heading = { $period } compared with the previous period and the same period a year earlier
dashboard-comparison-caption = Accepted cases by type of misuse: { $now }, { $previous } and { $year }
dashboard-comparison-sources = The comparison with { $period } is not based on the same sources: { $details }.
dashboard-comparison-only = { $sources } reported only in { $period }
dashboard-completeness-heading = Reporting status for { $period }
dashboard-completeness-no-period = { $period } is not a reporting period.
dashboard-completeness-all = Full reporting status
dashboard-signals-heading = Signals (unusual rise)
dashboard-signals-none = No signals for { $period }.
dashboard-signals-caption = Series that rose more than their history predicts, { $period } (q ≤ { $q })
dashboard-signals-all-sources = All sources
dashboard-q-value = q-value
dashboard-rising-heading = Fastest-rising types of misuse
dashboard-rising-none = No type of misuse rose compared with the previous period.
dashboard-rising-item = { $label }: { $count } { $count ->
    [one] case
   *[other] cases
} ({ $change } compared with { $period })
dashboard-over-time-heading = Development over time
dashboard-overview-source = Source: accepted submissions in Lägesbild.
dashboard-reporting-agencies = Reporting agencies
dashboard-risks-link-hint = rising series that no measure targets.
dashboard-completeness-for = Reporting status for { $period }
dashboard-completeness-link-hint = which agencies have reported.
dashboard-overview-note = – means that no agency has reported for the quarter. 0 means that the reported values add up to zero.
dashboard-pdf-heading = Situation report as PDF
dashboard-pdf-download = Download the situation report for { $period } (PDF, draft)

## Selection (trends and breakdown)
dashboard-filters = Selection
dashboard-filters-from = From period
dashboard-filters-to = To period
dashboard-filters-all = All
dashboard-filters-disclosure = Show as the ministry sees it (disclosure control)

## The table under the charts, and its CSV
dashboard-table-protected = (disclosure-controlled)
dashboard-table-note = – means that no one has reported. 0 means that the reported values add up to zero.
dashboard-table-note-suppressed = means that the figure is suppressed to protect individuals (disclosure control: small numbers, and numbers from which they could be worked out, are not shown).
dashboard-csv-download = Download CSV
dashboard-csv-download-hint = (the same figures, for Excel)

## Trends
dashboard-trends-lead = One series per type of misuse. Vertical lines mark when measures started.
dashboard-references-heading = Reference figures from other situation reports
dashboard-references-none = No reference figures for these series and periods.
dashboard-references-caption = Figures from other published situation reports, with their source. They are not included in the figures above.
dashboard-references-series = Series
dashboard-references-title = Title
dashboard-references-figure = Figure
dashboard-notices-heading = Knowledge notices on these series
dashboard-notices-none = No knowledge notices in force.
dashboard-notices-issuer = { $issuer }, from { $date }

## Breakdown
dashboard-breakdown-by = Break down by
dashboard-breakdown-change = Change

## Heat map
dashboard-heatmap-heading = The identity chain and type of misuse
dashboard-heatmap-disclosure = Show as the ministry sees it

## Reporting status
dashboard-completeness-title = Reporting status for { $period }
dashboard-completeness-period-open = The period is open.
dashboard-completeness-period-closed = The period is closed.
dashboard-completeness-period-locked = The period is locked.
dashboard-completeness-deadline = Deadline: { $date }.
dashboard-completeness-deadline-passed = Deadline: { $date } (passed).
dashboard-completeness-no-deadline = Deadline: none.
dashboard-completeness-accepted = { $accepted } of { $total } { $total ->
    [one] agency has
   *[other] agencies have
} accepted data.
dashboard-completeness-caption = The agencies' reporting for { $period }
dashboard-completeness-overdue = the deadline has passed
dashboard-completeness-note = “No submission” means that the agency has not reported at all. A submission with a count of 0 means that the agency has reported zero cases.
dashboard-status-none = No submission
dashboard-status-draft = Draft
dashboard-status-submitted = Submitted
dashboard-status-accepted = Accepted
dashboard-status-returned = Returned

## Unaddressed risks
dashboard-risks-heading = Unaddressed risks { $period }
dashboard-risks-lead = Series that are rising unusually fast, or have been above their baseline for three quarters in a row, and that no measure in force targets. This is where the consequences of measures not taken show.
dashboard-risks-none = Every rising series has a measure in force.
dashboard-risks-uncovered-caption = Rising series without a measure in force, { $period }
dashboard-risks-why = Why
dashboard-risks-not-taken = Proposed or rejected measures
dashboard-risks-none-proposed = No measure has been proposed.
dashboard-risks-covered-heading = Rising series with a measure in force
dashboard-risks-covered-caption = Rising series that a measure in force targets, { $period }
dashboard-risks-in-force = Measures in force
dashboard-risks-reason-signal = unusual rise (signal)
dashboard-risks-reason-sustained = three quarters in a row above the baseline

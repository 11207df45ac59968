# The text of the report itself, in the edition's language: title page, page header and
# footer, the standard template's sections, charts and tables, the method text. Printed in
# the PDF file and in the edition's web view.

report-content-issuer = Swedish National ID-center
report-content-subtitle = Knowledge and situation report on identity misuse
report-content-pdf-subject = { $subtitle }, { $period }
report-content-header-title = Situation report on identity misuse – { $period }
report-content-default-title = Situation report on identity misuse { $period }
report-content-edition-name = edition { $edition }, version { $version } ({ $period })

# Title page
report-content-title-period = Period: { $label } ({ $code })
report-content-title-edition = Edition { $edition }, version { $version }
report-content-title-edition-draft = Edition { $edition }, version { $version } – draft, not approved
report-content-title-live-draft = Draft from current data, not approved
report-content-title-published = Published { $date }
report-content-title-produced = Produced { $date }
report-content-title-marking = Classification: { $marking }
report-content-title-correction = Correction: { $note }
report-content-contents = Contents

# Page header and footer
report-content-frame-version = Version { $version }
report-content-frame-version-draft = Version { $version } (draft)
report-content-frame-draft = Draft
report-content-draft-mark = DRAFT
report-content-page = Page { $page } of { $pages }

# Periods in running text
report-content-period-month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
report-content-period-quarter = Q{ $index } { $year }
report-content-period-half = H{ $index } { $year }
report-content-period-year = { $year }

# The standard template's sections
report-content-section-summary = Summary
report-content-section-summary-text = Write a summary of the period's situation report here: the most important changes and what they mean.
report-content-section-trends = Trends and tendencies
report-content-section-trends-text = Describe how the scale has developed and which tendencies can be seen.
report-content-section-modus-operandi = Modus operandi
report-content-section-modus-operandi-text = Describe the methods reported during the period.
report-content-section-documents = Identity documents
report-content-section-documents-text = Describe which documents are misused, and how.
report-content-section-vulnerabilities = Vulnerabilities and risk indicators
report-content-section-vulnerabilities-text = Describe the vulnerabilities and risk indicators the agencies have seen.
report-content-section-measures = Measures and their effects
report-content-section-measures-text = Assess the effects of measures taken and the consequences of measures not taken.
report-content-section-signals = Signals
report-content-section-signals-text = Comment on the series that rose more than their history predicts.
report-content-section-forum = The forum's work
report-content-section-forum-text = Describe what the Operational ID Forum has worked on during the period.
report-content-section-method = Method and data quality
report-content-section-changes = Changes since the previous edition

# Charts and tables
report-content-figure-summary = Accepted cases by type of misuse, { $period }
report-content-figure-trend = Cases by type of misuse and quarter, { $span }
report-content-figure-monthly = Total cases per month, { $span }
report-content-figure-exploitation-area = Cases by exploitation area and quarter, { $span }
report-content-figure-chain-stage = Cases by stage of the identity chain and quarter, { $span }
report-content-figure-document-type = Cases by document type and quarter, { $span }
report-content-figure-fraud-type = Cases by type of fraud and quarter, { $span }
report-content-figure-age-band = Cases by age band and quarter, { $span }
report-content-figure-citizenship = Cases by citizenship and quarter, { $span }
report-content-figure-measures = Types of misuse targeted by measures, { $span }
report-content-figure-heatmap = Exploitation area by type of misuse, { $period }
report-content-axis-month = Month
report-content-axis-quarter = Quarter
report-content-axis-agency = Agency
report-content-axis-source = Source
report-content-axis-cases = Number of cases
report-content-dim-misuse-type = Type of misuse
report-content-dim-exploitation-area = Exploitation area
report-content-dim-document-type = Document type
report-content-dim-chain-stage = Stage of the identity chain
report-content-dim-age-band = Age band
report-content-dim-citizenship = Citizenship
report-content-dim-fraud-type = Type of fraud
report-content-not-specified = Not specified
report-content-total = Total
report-content-forum = Operational ID Forum
report-content-table-caption = Table { $number }. { $caption }
report-content-figure-caption = Figure { $number }. { $caption } – the chart's figures
report-content-legend = “..” = suppressed for disclosure control, “–” = no reporting.
report-content-chart-no-data = There are no accepted figures to show in the chart.
report-content-chart-peak = Highest: { $series }, { $column }, with { $count } { $count ->
    [one] case
   *[other] cases
}.
report-content-chart-same-figures = The same figures are in the table below the chart.
report-content-col-change = Change
report-content-col-agency = Agency

# Measures
report-content-measures-caption = Measures and measured effect
report-content-measures-none = No measures are registered for the period.
report-content-col-measure = Measure
report-content-col-status = Status
report-content-col-start = Start
report-content-col-effect = Measured effect ({ $quarters } quarters before/after)
report-content-measure-proposed = Proposed
report-content-measure-decided = Decided
report-content-measure-in-force = In force
report-content-measure-ended = Ended
report-content-measure-rejected = Rejected
report-content-effect-not-taken = Not taken
report-content-effect-no-target = Targets no type of misuse
report-content-effect-measured = { $series }: { $change } (p = { $p })
report-content-effect-too-few-quarters = { $series }: too few quarters to measure
report-content-effect-no-data = { $series }: no data

# Signals and risks
report-content-signals-caption = Automatic signals
report-content-signals-none = No series rose beyond what its history predicts.
report-content-col-observed = Observed
report-content-col-expected = Expected
report-content-col-q-value = q-value
report-content-risks-none = No series rose during the period.
report-content-risk = { $series } ({ $observed } { $observed ->
    [one] case
   *[other] cases
}); { $coverage }.
report-content-risk-signal = { $series } ({ $observed } { $observed ->
    [one] case
   *[other] cases
}, signal); { $coverage }.
report-content-risk-uncovered = no measure in force targets the series
report-content-risk-covered = measures in force: { $measures }

# The forum
report-content-followups-caption = The forum's follow-ups
report-content-followups-none = The forum has no open follow-ups for the period.
report-content-col-meeting = Meeting
report-content-col-followup = Follow-up
report-content-col-owner = Owner
report-content-followup-open = Open
report-content-followup-in-progress = In progress
report-content-followup-done = Done

# Method and data quality
report-content-method-basis = This situation report is based only on submissions accepted in review by the Swedish National ID-center. Drafts and returned submissions are not included. Monthly figures are summed to quarters.
report-content-method-nobody-reported = No agency has accepted figures for { $period }.
report-content-method-reported = Accepted figures for { $period } come from: { $agencies }.
report-content-method-all-reported = Every active agency has submitted accepted figures.
report-content-method-missing = Accepted figures are missing from: { $agencies }.
report-content-method-disclosure = Disclosure control was applied to every table and chart: cells with fewer than { $k } cases are shown as “..”, as are cells that could otherwise be recomputed from the totals. { $suppressed ->
    [one] { $suppressed } cell was
   *[other] { $suppressed } cells were
} suppressed in this edition. “–” means that no agency reported.
report-content-method-read-at = The figures were read from the database at { $at } (UTC).
report-content-completeness-caption = Reporting status { $period }
report-content-completeness-none = The period is not registered for reporting; the reporting status cannot be shown.
report-content-submission-missing = Missing
report-content-submission-accepted = Accepted
report-content-submission-submitted = Submitted, not reviewed
report-content-submission-returned = Returned
report-content-submission-draft = Draft

# Changes since the previous edition
report-content-changes-caption = Changed figures
report-content-changes-no-previous = There is no earlier published edition to compare with.
report-content-changes-none = No figures for earlier periods have changed since { $edition }.
report-content-changes-some = The following figures for earlier periods have changed since { $edition }, because of late or corrected submissions.
report-content-changes-compared = Compared with { $edition }.
report-content-col-chart = Chart
report-content-col-series = Series
report-content-col-period = Period
report-content-col-before = Before
report-content-col-now = Now

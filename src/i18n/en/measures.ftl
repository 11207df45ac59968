# Measures: the register and the measured effect.

measures-title = Measures
measures-lead = Law changes, control campaigns and new routines aimed at identity misuse. The effect is calculated from reported figures.
measures-breadcrumbs = Breadcrumbs
measures-register = Register a measure
measures-none = No measures have been registered.
measures-list-caption = Registered measures, latest start first
measures-col-measure = Measure
measures-col-kind = Kind
measures-col-status = Status
measures-col-start = Start

measures-kind-law-change = Law change
measures-kind-control-campaign = Control campaign
measures-kind-new-routine = New routine
measures-kind-training = Training
measures-kind-other = Other

measures-status-proposed = Proposed
measures-status-decided = Decided
measures-status-in-force = In force
measures-status-ended = Ended
measures-status-rejected = Rejected

measures-new = New measure
measures-edit = Edit measure
measures-title-field = Title
measures-title-hint = Short and descriptive, e.g. Stricter checks of EU passports at population registration.
measures-kind-field = Kind of measure
measures-status-field = Status
measures-status-hint = Proposed and rejected measures are not drawn in the charts, but are shown among unaddressed risks.
measures-start-field = Start date
measures-start-hint = YYYY-MM-DD. The effect is measured from the quarter in which the measure started.
measures-end-field = End date
measures-end-hint = YYYY-MM-DD, or empty if the measure applies until further notice.
measures-description-field = Description
measures-description-hint = What the measure involves. No personal data.
measures-agencies-field = Responsible agencies
measures-misuse-types-field = Types of misuse the measure targets (required, at least one)
measures-document-types-field = Document types (optional)
measures-exploitation-areas-field = Exploitation areas (optional)
measures-cancel = Cancel
measures-save = Save the measure
measures-saved = The measure has been saved.

measures-started = start { $date } ({ $period })
measures-ended = end { $date }
measures-agencies-label = Responsible agencies:
measures-targets-label = Targets:
measures-edit-link = Edit the measure
measures-effect-heading = Measured effect
measures-effect-explanation = Mean count per quarter over all sources for the { $n } quarters before the start, compared with the { $n } quarters from the start quarter on. The test is the exact conditional test for two Poisson rates.
measures-effect-caption = Effect by type of misuse, { $n } quarters before and after { $period }
measures-col-misuse-type = Type of misuse
measures-col-before = Before (mean)
measures-col-after = After (mean)
measures-col-change = Change
measures-col-p-value = p-value
measures-col-verdict = Assessment
measures-effect-decrease = A clear decrease after the start (p < 0.05).
measures-effect-increase = A clear increase after the start (p < 0.05).
measures-effect-none = No established change.
measures-effect-too-few-periods = Too few periods to assess: { $after } { $after ->
    [one] quarter
   *[other] quarters
} after the start and { $before } before are available, { $needed } are needed on each side (the comparison covers { $n } quarters).
measures-effect-no-data = Reported figures are missing ({ $before } { $before ->
    [one] quarter
   *[other] quarters
} before and { $after } after have figures).

# Errors in the form.
measures-field-title = The title
measures-field-description = The description
measures-title-required = Enter a title of at most { $max } characters.
measures-description-too-long = The description may be at most { $max } characters long.
measures-kind-required = Choose what kind of measure it is.
measures-status-required = Choose a status.
measures-start-invalid = Enter the start date as YYYY-MM-DD, e.g. 2026-03-01.
measures-end-before-start = The end date cannot be before the start date.
measures-end-invalid = Enter the end date as YYYY-MM-DD or leave it empty.
measures-agency-unknown = Unknown agency "{ $code }".
measures-target-invalid = Choose a { $dimension ->
    [misuse_type] type of misuse
    [document_type] document type
   *[exploitation_area] exploitation area
} from the list.
measures-misuse-type-required = Choose at least one type of misuse that the measure targets.

# Reporting: the coordinator's pages, observation lines and their categories, statuses.

## Statuses (SubmissionStatus, PeriodStatus)

submissions-status-draft = Draft
submissions-status-submitted = Submitted
submissions-status-accepted = Accepted
submissions-status-returned = Returned
submissions-status-unknown = Unknown
submissions-period-open = Open
submissions-period-closed = Closed
submissions-period-locked = Locked

## Dimensions and trend (Dimension, Trend)

submissions-dimension-misuse-type = Type of misuse
submissions-dimension-exploitation-area = Exploitation area
submissions-dimension-document-type = Document type
submissions-dimension-chain-stage = Stage in the identity chain
submissions-dimension-age-band = Age group
submissions-dimension-citizenship = Citizenship
submissions-dimension-fraud-type = Fraud type
submissions-trend-increasing = Increasing
submissions-trend-stable = Stable
submissions-trend-decreasing = Decreasing
submissions-trend-new = New phenomenon

## A period in prose

submissions-period-prose = { $kind ->
    [quarter] quarter { $index } { $year }
    [half] half-year { $index } { $year }
    [year] the year { $year }
   *[month] { $index ->
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
}

## The list and a new submission

submissions-heading = Reporting
submissions-lead = Report your agency's observations for an open period. Never enter personal data: no personal identity numbers, names, addresses or document numbers.
submissions-new-heading = New submission
submissions-no-open-period = No period is open for reporting at the moment.
submissions-period-field = Reporting period
submissions-deadline = (by { $date })
submissions-open-button = Open submission
submissions-import-heading = Import a CSV file
submissions-import-intro-before = If you have many lines, you can import them from a CSV file (UTF-8, separated by commas or semicolons). The first line must hold the column names, for example
submissions-import-intro-after = . The file replaces the lines of the period's draft. All or nothing: if there is an error, nothing is saved.
submissions-file-field = CSV file
submissions-import-columns = Required columns: { $required }. Optional: { $optional }.
submissions-submit-directly = Submit for review straight away
submissions-import-button = Import the file
submissions-earlier-heading = Earlier submissions
submissions-none-yet = Your agency has no submissions yet.
submissions-list-caption = Your agency's submissions by period
submissions-col-period = Period
submissions-col-status = Status
submissions-col-version = Version

## A submission

submissions-breadcrumbs = Breadcrumbs
submissions-title = Submission { $period }
submissions-show-heading = Submission { $period } – { $agency }
submissions-lead-period = Period: { $period }.
submissions-lead-status = Status:
submissions-version = version { $version }
submissions-review-comment-heading = The reviewer's comment
submissions-no-lines-yet = No observations yet.
submissions-add-heading = Add an observation
submissions-check-count = Check the count
submissions-not-saved-yet = The observation has not been saved yet. Correct the count below, or choose ‘Save anyway’ if it is right.
submissions-add-intro = Enter a count for a combination of categories. Choose ‘Not specified’ where you do not know. The description must not contain personal data.
submissions-not-specified = Not specified
submissions-hint-misuse-type = The kind of identity misuse concerned.
submissions-hint-exploitation-area = Where the identity was used.
submissions-hint-document-type = The identity document that was misused, if any.
submissions-hint-chain-stage = Where in the chain the misuse took place.
submissions-hint-fraud-type = Only together with a document type (the EU typology).
submissions-hint-age-band = The age of the people whose identities were used, if known.
submissions-hint-citizenship = The citizenship of the people whose identities were used, if known.
submissions-trend-field = Your assessment of the trend
submissions-hint-trend = Compared with the previous period.
submissions-reliability-field = Source reliability
submissions-hint-reliability = By the 4x4 system: A = completely reliable … D = cannot be judged.
submissions-validity-field = Information validity
submissions-hint-validity = By the 4x4 system: 1 = confirmed … 4 = cannot be judged.
submissions-count-field = Count
submissions-count-hint = A whole number from 0 to { $max }. Enter 0 if you saw no cases.
submissions-description-field = Description of the phenomenon
submissions-description-hint = At most { $max } characters. Describe patterns and methods, never individual people.
submissions-save-line = Save the observation
submissions-save-anyway = Save anyway
submissions-submit-heading = Submit
submissions-submit-intro = When all observations have been entered, submit them for review. After that you cannot change them unless they are returned to you.
submissions-submit-button = Submit for review

## The table of observation lines (also in review and the forum)

submissions-lines-caption = Observations in version { $version } ({ $count } { $count ->
        [one] line
       *[other] lines
    })
submissions-col-line = Line
submissions-col-count = Count
submissions-col-trend = Trend
submissions-col-grading = Grading
submissions-col-description = Description
submissions-col-action = Action
submissions-remove = Remove
submissions-remove-line-hidden = line { $line }

## Removing a line

submissions-delete-title = Remove observation
submissions-delete-question = Do you want to remove line { $line }: { $misuse_type }, count { $count }?
submissions-cancel = Cancel
submissions-delete-button = Remove the line

## One-time messages

submissions-line-saved = The observation has been saved.
submissions-line-removed = The observation has been removed.
submissions-submitted = The submission has been sent for review. Thank you!
submissions-imported = The file has been imported. The submission's status is ‘{ $status ->
        [submitted] submitted
       *[draft] draft
    }’.
submissions-upload-unreadable = The file could not be read. Choose a CSV file in the form and try again.

## Errors in an observation line

submissions-count-required = Enter the count as a whole number, e.g. 12. Enter 0 if you saw no cases.
submissions-count-out-of-range = Enter a count between 0 and { $max }.
submissions-count-not-integer = Enter the count as a whole number, e.g. 12.
submissions-choose-dimension = Choose { $dimension ->
        [exploitation_area] the exploitation area
        [document_type] the document type
        [chain_stage] the stage in the identity chain
        [age_band] the age group
        [citizenship] the citizenship
        [fraud_type] the fraud type
       *[misuse_type] the type of misuse
    }.
submissions-dimension-not-in-list = Choose { $dimension ->
        [exploitation_area] the exploitation area
        [document_type] the document type
        [chain_stage] the stage in the identity chain
        [age_band] the age group
        [citizenship] the citizenship
        [fraud_type] the fraud type
       *[misuse_type] the type of misuse
    } from the list. The value is not in the taxonomy or is no longer in use.
submissions-fraud-type-needs-document-type = Enter a document type when you give a fraud type, or remove the fraud type.
submissions-trend-invalid = Choose a trend: increasing, stable, decreasing or new phenomenon.
submissions-reliability-invalid = Give the source reliability as A, B, C or D.
submissions-validity-invalid = Give the information validity as 1, 2, 3 or 4.
submissions-description-too-long = The description may be at most { $max } characters. Shorten the text.
submissions-the-description = The description
submissions-line-incomplete = The line is incomplete.
submissions-line-duplicate = Line { $line } has the same combination of categories as line { $first }. Merge the lines or change one of them.
submissions-outlier = The count for { $misuse_type_en } ({ $count }) is much higher than in your agency's earlier periods (usually at most { $expected_max }). Check the figure. If it is right, you can save it anyway.

## Errors when a submission is opened, changed or submitted

submissions-period-invalid = ‘{ $period }’ is not a valid period. Enter a month (2026-07), a quarter (2026-Q3), a half-year (2026-H2) or a year (2026).
submissions-period-not-opened = The period { $period } has not been opened for reporting.
submissions-period-is-locked = The period { $period } is locked because a published situation report is based on it. No changes can be made.
submissions-period-is-closed = The period { $period } is closed for reporting. Contact the Swedish National ID-center if you need to report late.
submissions-no-agency = Your account does not belong to an agency and cannot report.
submissions-changed-concurrently = Someone else changed the submission at the same time. Please try again.
submissions-other-agency = The submission belongs to another agency.
submissions-own-agency-only = You can only change your own agency's submissions.
submissions-already-submitted = The submission has already been submitted and cannot be changed. If it needs correcting, an analyst can return it.
submissions-add-before-submit = Add at least one observation before you submit. If you saw no cases, enter a count of 0.
submissions-lines-required = Enter at least one observation. If you saw no cases, enter a count of 0.

# Administration: periods, taxonomy, report templates, API tokens and the audit log.

admin-index-periods = Open and close periods, and see the reporting status.
admin-index-taxonomy = Codes and labels for types of misuse, document types and more.
admin-index-rotation-title = Forum rotation
admin-index-rotation = The order in which the agencies convene the Operational ID Forum.
admin-index-templates = Sections, their order and default texts for new editions of the situation report.
admin-index-tokens = Tokens for automated reporting.
admin-index-audit = Who did what and when, the status of the hash chain, and export as CSV.

## Reporting periods

admin-periods-title = Reporting periods
admin-periods-open-heading = Open a period
admin-periods-period = Period
admin-periods-period-hint = A month (2026-07), a quarter (2026-Q3), a half-year (2026-H2) or a year (2026).
admin-periods-deadline = Last day for reporting
admin-periods-deadline-hint = YYYY-MM-DD. After this day the period is closed to new submissions.
admin-periods-deadline-invalid = Enter the last day as YYYY-MM-DD, for example 2026-10-15.
admin-periods-open-button = Open the period
admin-periods-all = All periods
admin-periods-caption = Reporting periods, newest first
admin-periods-col-status = Status
admin-periods-col-deadline = Last day
admin-periods-col-completeness = Reporting status
admin-periods-col-action = Action
admin-periods-show = Show
admin-periods-show-for = the reporting status for { $period }
admin-periods-close = Close
admin-periods-opened = Period { $period } is open for reporting.
admin-periods-closed = Period { $period } is closed.
admin-periods-close-title = Close period
admin-periods-close-heading = Close period { $period }
admin-periods-close-question = Do you want to close { $period } for reporting? The agencies will then only be able to correct returned submissions.
admin-periods-close-button = Close the period
admin-periods-locked = Period { $period } is locked because a published situation report is based on it. Changes require a new version of the situation report.
admin-periods-already-locked = Period { $period } is already locked.

# A period in running text, e.g. "Q3 2026". The year is passed as text.
period-invalid = “{ $input }” is not a valid period. Enter a month (2026-07), a quarter (2026-Q3), a half-year (2026-H2) or a year (2026).
period-month = { $month ->
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
period-quarter = Q{ $index } { $year }
period-half = H{ $index } { $year }
period-year = { $year }

## Taxonomy

admin-taxonomy-title = Taxonomy
admin-taxonomy-heading = Taxonomy, version { $version }
admin-taxonomy-lead = The codes are stable identifiers in the API and in CSV files. The user interface shows the labels. A code in use is never deleted, but it can be retired.
admin-taxonomy-add-heading = Add a code
admin-taxonomy-dimension = Dimension
admin-taxonomy-code = Code
admin-taxonomy-code-hint = Lower-case letters, digits and underscores, for example synthetic_identity.
admin-taxonomy-label-sv = Label in Swedish
admin-taxonomy-label-sv-hint = Shown in the Swedish version and in reports in Swedish.
admin-taxonomy-label-en = Label in English
admin-taxonomy-label-en-hint = Shown in the English version and in reports in English.
admin-taxonomy-add-button = Add the code
admin-taxonomy-col-sv = Swedish
admin-taxonomy-col-en = English
admin-taxonomy-col-status = Status
admin-taxonomy-col-version = Version
admin-taxonomy-in-use = In use
admin-taxonomy-retired = Retired
admin-taxonomy-added = Code { $code } has been added.
admin-taxonomy-saved = The labels have been saved.
admin-taxonomy-retired-now = Code { $code } has been retired. Existing data keeps it.
admin-taxonomy-code-title = Code { $code }
admin-taxonomy-save-labels = Save the labels
admin-taxonomy-retire-heading = Retire
admin-taxonomy-retire-explained = A retired code cannot be chosen for new data. Data that already uses it keeps it.
admin-taxonomy-retire-link = Retire the code
admin-taxonomy-is-retired = The code has been retired.
admin-taxonomy-is-retired-since = The code has been retired since version { $version }.
admin-taxonomy-retire-title = Retire a code
admin-taxonomy-retire-confirm-heading = Retire code { $code }
admin-taxonomy-retire-question = Do you want to retire code { $code } ({ $dimension })? It can then no longer be chosen for new data.
admin-taxonomy-retire-button = Retire
# The names of the fields in error messages.
admin-taxonomy-label-sv-name = The Swedish label
admin-taxonomy-label-en-name = The English label
admin-taxonomy-label-length = { $label } must be 1–120 characters long.
admin-taxonomy-dimension-invalid = Choose a dimension from the list.
admin-taxonomy-code-invalid = The code must be 1–40 characters: lower-case letters a–z, digits, underscores or hyphens, for example synthetic_identity.
admin-taxonomy-code-taken = The code already exists in this dimension. Choose another code.
admin-taxonomy-already-retired = The code has already been retired.

## Report templates

admin-templates-title = Report templates
admin-templates-lead = A template decides which sections a new edition of the situation report has, in which order, with which default texts and which automatic content. Existing editions do not change.
admin-templates-sections = { $count } { $count ->
    [one] section
   *[other] sections
}
admin-templates-new = New template
admin-templates-new-hint = The template's name. It starts as a copy of the standard template.
admin-templates-create = Create the template
admin-templates-template = Template: { $name }
admin-templates-name = Template name
admin-templates-section = Section { $number }: { $title }
admin-templates-keep = The section is part of the template
admin-templates-position = Order
admin-templates-title-sv = Heading in Swedish
admin-templates-title-en = Heading in English
admin-templates-text-sv = Default text in Swedish editions (Markdown)
admin-templates-text-en = Default text in English editions (Markdown)
admin-templates-components = Automatic content
admin-templates-save = Save the template
admin-templates-saved = The template has been saved. New editions will have this layout.

## API tokens

admin-tokens-title = API tokens
admin-tokens-lead = Tokens are used for reporting through the API or by CSV file:
admin-tokens-lead-kinds = An agency token acts as the agency's coordinator; a personal token acts as the user.
admin-tokens-new-heading = New token
admin-tokens-new-copy = Copy the token now. It is shown only this once and cannot be retrieved again.
admin-tokens-agency-heading = Create an agency token
admin-tokens-agency = Agency
admin-tokens-user-heading = Create a personal token
admin-tokens-username = Username
admin-tokens-create = Create token
admin-tokens-all = All tokens
admin-tokens-caption = API tokens, newest first
admin-tokens-col-name = Name
admin-tokens-col-acts-as = Acts as
admin-tokens-col-created = Created
admin-tokens-col-last-used = Last used
admin-tokens-col-status = Status
admin-tokens-personal = Personal token for { $user }
admin-tokens-revoked = Revoked
admin-tokens-revoke = Revoke
admin-tokens-revoked-now = The token has been revoked and no longer works.
admin-tokens-revoke-title = Revoke token
admin-tokens-revoke-question = Do you want to revoke the token? Systems that use it will no longer be able to report.
admin-tokens-choose-kind = Choose which kind of token to create.
admin-tokens-no-user = There is no user “{ $user }”.
admin-agency-unknown = There is no agency with the code “{ $code }”.

## User accounts

admin-user-display-name = The display name
admin-user-username-invalid = The username must be 3–64 characters: letters a–z, digits, full stops, hyphens or underscores.
admin-user-username-taken = The username is already taken. Choose another one.
admin-user-agency-required = A coordinator must belong to an agency. Choose the agency (on the command line: --agency CODE, e.g. SKV).
admin-password-too-short = The password must be at least { $min } characters long.
admin-password-too-long = The password may be at most { $max } characters long.
admin-password-common = The password is too common or too simple. Choose a long phrase that is hard to guess.
admin-password-contains-username = The password must not contain the username.

## Audit log

admin-audit-title = Audit log
admin-audit-lead = Who did what and when. Each record carries the hash of the record before it, so that a changed or deleted record shows in the check below. Times are in UTC.
admin-audit-intact-heading = The hash chain is intact
admin-audit-head = Latest record: { $id }, hash
admin-audit-broken-heading = The hash chain is broken
admin-audit-broken-advice = The records from the broken one onwards may have been changed or deleted directly in the database. Compare with a backup, and find out who has had write access to the database.
admin-audit-broken-run = Run
admin-audit-broken-run-after = to check again.
admin-audit-chain-intact = The audit log is intact ({ $count } { $count ->
    [one] record
   *[other] records
})
admin-audit-chain-broken = The audit log is broken at record { $id }: { $reason } ({ $count } { $count ->
    [one] record
   *[other] records
} before it were checked and are intact)
admin-audit-break-hash = record { $id }: the hash does not match the record's content (hash mismatch) – the record was changed after it was written
admin-audit-break-prev-hash = record { $id }: prev_hash does not point at the previous record, { $previous } (prev_hash mismatch) – a record before it has been deleted or inserted, or { $previous } has been changed
admin-audit-break-missing-hash = record { $id }: has no hash (missing hash) – it was written outside the chain or its hash was removed
admin-audit-break-record = record { $id }
admin-audit-break-start = the start of the chain
admin-audit-filter = Filter
admin-audit-actor = Who
admin-audit-actor-hint = The exact username, or system or anonymous.
admin-audit-action = Event
admin-audit-entity = Object
admin-audit-any = All
admin-audit-from = From
admin-audit-to = Up to and including
admin-audit-date-hint = YYYY-MM-DD
admin-audit-date-invalid = Enter { $field } as YYYY-MM-DD, for example 2026-11-28.
admin-audit-from-name = the from date
admin-audit-to-name = the to date
admin-audit-to-before-from = The to date is before the from date. Swap them or change one of them.
admin-audit-show = Show
admin-audit-show-all = Show all records
admin-audit-matching = Matching records
admin-audit-all = All records
admin-audit-none-match = No records match the filter. Remove a filter or widen the dates.
admin-audit-empty = The audit log is empty.
admin-audit-download = Download CSV
admin-audit-download-note = { $total ->
    [one] (the one matching record, with the hash chain)
   *[other] (all { $total } matching records, with the hash chain)
}
admin-audit-caption = { $total } { $total ->
    [one] record
   *[other] records
}, newest first.
admin-audit-page-of = Page { $page } of { $pages }.
admin-audit-col-number = No.
admin-audit-col-time = Time (UTC)
admin-audit-col-actor = Who
admin-audit-col-user-id = User id
admin-audit-col-action = Event
admin-audit-col-entity = Object
admin-audit-col-entity-id = Object id
admin-audit-col-detail = Detail
admin-audit-pages = Pages
admin-audit-previous = Previous page
admin-audit-next = Next page
admin-audit-file = audit-log.csv

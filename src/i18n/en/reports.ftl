# Situation reports: the pages where editions are created, composed, reviewed, published
# and read. The text of the report itself (PDF and web view) is in report-content.ftl.

reports-title = Situation reports
reports-new-title = New situation report
reports-breadcrumbs = Breadcrumbs
reports-list-lead-published = Published knowledge and situation reports on identity misuse, newest first. Every version is approved and never changes; corrections are new versions.
reports-list-lead = Editions of the knowledge and situation report. A version goes from draft to review, approval and publication. A published version never changes.
reports-list-none-published = There are no published situation reports yet.
reports-list-none = There are no editions yet.
reports-list-caption = Editions
reports-col-edition = Edition
reports-col-period = Period
reports-col-title = Title
reports-col-marking = Classification
reports-col-versions = Versions
reports-edition-n = Edition { $id }
reports-version-n = Version { $no }
reports-version-n-lower = version { $no }
reports-edition-version = Edition { $id }, version { $no }
reports-edition-and-version = { $id }, version { $no }
reports-correction-note = (Correction: { $note })

reports-status-draft = Draft
reports-status-in-review = In review
reports-status-approved = Approved, not published
reports-status-published = Published

reports-language-sv = Swedish
reports-language-en = English

# A new edition
reports-new-lead = The edition is created from a template. You can then write the texts and choose which automatic content to include, and in which order.
reports-field-period = Period
reports-field-period-hint = A quarter, month, half-year or year, e.g. 2026-Q3. The report compares it with the previous period and the same period a year earlier.
reports-field-template = Template
reports-field-template-hint = The template sets the sections and their default texts.
reports-template-standard = Standard template
reports-field-language = Language
reports-field-language-hint = Headings, labels and generated text are written in this language. Your own text stays as you write it.
reports-field-marking = Classification
reports-field-marking-hint = Printed in the header and footer of every page and in the file name.
reports-field-tlp = Distribution level (TLP)
reports-field-tlp-hint = How recipients may share the report further.
reports-cancel = Cancel
reports-create = Create the edition
reports-period-invalid = “{ $input }” is not a period. Enter a year, half-year, quarter or month, e.g. 2026, 2026-H2, 2026-Q3 or 2026-07.
reports-language-choose = Choose the language of the report: Swedish or English.
reports-marking-choose = Choose a classification from the list. The lowest allowed is “{ $minimum }”.
reports-tlp-choose = Choose a distribution level (TLP). The lowest allowed is { $minimum }.

# Composing
reports-edit-page-title = Compose { $title }
reports-compose = Compose
reports-edit-heading = Compose edition { $id }, version { $no } ({ $period })
reports-edit-lead = Write the text of each section (Markdown: a blank line between paragraphs, “- ” for bullet lists, **bold**). Choose which automatic content to include, and in which order. No personal data: the text is checked before it is saved.
reports-preview = Preview the edition
reports-preview-pdf = Preview the PDF
reports-meta-heading = Title, language and classification
reports-field-title = Title
reports-field-title-hint = Printed on the title page and in the page header.
reports-save-meta = Save the details
reports-field-text = Text
reports-components-legend = Automatic content (untick what should be left out; set the order with numbers)
reports-components-include = Include
reports-components-content = Content
reports-components-order = Order
reports-components-order-of = Order of { $component }
reports-save-section = Save the section
reports-done-heading = Finished?
reports-done-text = When every section is written, send the edition for review on the edition's page. An approver who has not written any part of it approves and publishes it.
reports-done-link = Go to the edition's page
reports-meta-saved = The details of the edition have been saved.
reports-section-saved = The section has been saved.
reports-title-length = Enter a title of at most { $max } characters.
reports-text-length = The text may be at most { $max } characters. Shorten it or split it up.

reports-component-summary-table = Table: cases by type of misuse compared with the previous period and the year before
reports-component-trend-by-misuse-type = Chart: types of misuse by quarter
reports-component-monthly-total = Chart: total cases by month
reports-component-by-exploitation-area = Chart: exploitation areas by quarter
reports-component-by-chain-stage = Chart: stages of the identity chain by quarter
reports-component-by-document-type = Chart: document types by quarter
reports-component-by-fraud-type = Chart: types of fraud by quarter
reports-component-by-age-band = Chart: age bands by quarter
reports-component-by-citizenship = Chart: citizenship by quarter
reports-component-measures-table = Table: measures and their measured effect
reports-component-measures-chart = Chart: types of misuse targeted by measures
reports-component-type-area-heatmap = Heat map: type of misuse × exploitation area
reports-component-signals-table = Table: automatic signals
reports-component-risks-list = List: rising series and missing measures
reports-component-forum-followups = Table: the forum's follow-ups
reports-component-method-text = Generated text: data basis and disclosure control
reports-component-completeness = Table: which agencies have reported
reports-component-changes = Table: figures changed since the previous edition

# The edition's page
reports-later-version = there is a later version:
reports-fact-status = Status
reports-fact-correction = Correction
reports-fact-sha256 = SHA-256 of the PDF file
reports-pdf-size = { $size } bytes
reports-fact-editors = Written by
reports-download-pdf = Download the PDF
reports-preview-pdf-draft = Preview the PDF (draft)
reports-frozen-hint = The published version and the figures behind it are frozen. The file can be checked against the hash above with the command
reports-verify-file = FILE
reports-draft-hint = Draft: the figures below were read from the database at { $at } (UTC) and change until the version is published.
reports-actions-heading = Decisions
reports-submit = Send for review
reports-approve = Approve
reports-publish = Publish
reports-publish-hint = On publication the figures are frozen, the PDF file is created and stored with its SHA-256, and the period is locked against changes.
reports-field-reason = Send back with a reason
reports-refuse = Send back
reports-field-note = Correction: what changes? (printed on the title page)
reports-correct = Make a correction as a new version
reports-other-versions = Other versions
reports-article-label = The report
reports-history = History
reports-user-n = user { $id }
reports-event = { $at } { $what } by { $actor }
reports-event-with-note = { $at } { $what } by { $actor }: “{ $note }”
reports-event-created = Created
reports-event-edited = Edited
reports-event-submitted = Sent for review
reports-event-approved = Approved
reports-event-refused = Sent back
reports-event-published = Published
reports-event-corrected = Correction started
reports-event-other = Event

# Decisions and errors
reports-submitted = The version has been sent to an approver for review.
reports-approved = The version is approved. Publish it when it is to be released.
reports-refused = The version has been sent back to the analysts with your reason.
reports-published = The version is published and locked. SHA-256 of the PDF file: { $sha256 }
reports-four-eyes = You have written part of this edition, so you cannot approve it (the four-eyes principle). Another approver must approve it.
reports-approvers-only = Only approvers approve and publish situation reports.
reports-version-not-published = This version is not published. You can only read published situation reports.
reports-edition-not-published = This edition is not published. You can only read published situation reports.
reports-not-editable = The version has the status “{ $status }” and cannot be changed. It can be changed again if the approver sends it back.
reports-not-editable-published = The version has the status “{ $status }” and cannot be changed. A published version never changes; make a correction as a new version.
reports-wrong-status = The version has the status “{ $status }”, not “{ $wanted }”.
reports-just-submitted = The version has just been sent for review and can no longer be changed.
reports-changed-meanwhile = Someone else has just changed the version. Reload the page.
reports-reason-required = Write why the version is sent back (at most { $max } characters), so that the analyst knows what to change.
reports-note-required = Write what the correction concerns (at most { $max } characters). The text is printed on the report's title page.
reports-correct-unpublished = Version { $version } is not published yet. Change it instead of making a correction.

# Templates
reports-template-unknown = The template does not exist. Choose a template from the list.
reports-template-name-length = Give the template a name of at most { $max } characters.
reports-template-name-taken = There is already a template with that name. Choose another.
reports-template-no-sections = The template must have at least one section.
reports-template-title-missing = The section “{ $section }” has no heading in Swedish or English.
reports-template-title-too-long = A heading may be at most { $max } characters.
reports-template-text-too-long = The default text in “{ $section }” is too long (at most { $max } characters).
reports-template-section-twice = The section “{ $section }” appears twice.
reports-template-component-twice = “{ $component }” is in more than one section. Choose one.

# The fields' names in messages about personal data.
reports-screen-title = The title
reports-screen-text = The text
reports-screen-reason = The reason
reports-screen-note = The correction note
reports-screen-heading = The heading
reports-screen-default-text = The default text

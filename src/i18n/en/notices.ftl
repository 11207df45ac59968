# Knowledge notices: search, form, review.

notices-title = Knowledge notices
notices-lead = Short notices that the agencies and the Operational ID Forum share with each other: new types of document fraud, modus operandi, risk indicators, vulnerabilities and good practice. Others see a notice only once an analyst has approved it, and only those its marking allows.
notices-breadcrumbs = Breadcrumbs
notices-write-new = Write a new notice
notices-awaiting-review = { $count } { $count ->
    [one] notice is
   *[other] notices are
} awaiting review.
notices-show-awaiting = Show notices awaiting review
notices-search-heading = Search
notices-search-field = Search terms
notices-search-hint = Searches the title and the description. Upper and lower case do not matter. Several words: all must be present.
notices-filter-all = All
notices-search-button = Search
notices-show-all = Show all notices
notices-results = Search results
notices-all-visible = All notices you can see
notices-no-match = No notices match the search. Try fewer search terms or remove a filter.
notices-none-visible = There are no notices you can see yet.
notices-list-caption = { $count } knowledge { $count ->
    [one] notice
   *[other] notices
}, most recently changed first
notices-col-title = Title
notices-col-kind = Kind
notices-col-issuer = Issuer
notices-col-valid = Valid
notices-col-marking = Marking
notices-col-status = Status
notices-concerns = Concerns: { $series }
notices-valid-from = from { $date }
notices-dim-misuse-type = Type of misuse
notices-dim-document-type = Document type
notices-dim-chain-stage = Identity chain stage
notices-issuer-forum = Operational ID Forum
notices-issuer-forum-written = Operational ID Forum (written by the Swedish National ID-center)

notices-kind-new-fraud-type = New type of document fraud
notices-kind-modus-operandi = Modus operandi
notices-kind-risk-indicator = Risk indicator
notices-kind-vulnerability = Vulnerability
notices-kind-good-practice = Good practice

notices-status-draft = Draft
notices-status-submitted = In review
notices-status-approved = Approved
notices-status-returned = Returned

notices-marking-clear-audience = No limit: may be shared freely.
notices-marking-green-audience = All agencies in Lägesbild and the Swedish National ID-center.
notices-marking-amber-audience = Only the Swedish National ID-center and the issuing agency.

notices-new = New knowledge notice
notices-edit = Edit knowledge notice
notices-form-lead = Describe the phenomenon, not individual people or cases. Never write personal identity numbers, names, addresses, phone numbers or document numbers.
notices-issuer-label = Issuer:
notices-kind-field = Kind of notice
notices-title-hint = At most 200 characters. Say what it is about, e.g. "Forged driving licences when opening accounts".
notices-description-field = Description
notices-description-hint = At most 4,000 characters. What have you seen, how is it done, what can others do?
notices-links-misuse-type = Types of misuse the notice concerns
notices-links-document-type = Document types the notice concerns
notices-links-chain-stage = Identity chain stages the notice concerns
notices-links-hint = Choose all that apply, or none.
notices-marking-hint = Who may read the notice once it is approved.
notices-valid-from-field = Valid from
notices-date-hint = YYYY-MM-DD, e.g. 2026-11-28.
notices-valid-to-field = Valid to
notices-valid-to-hint = YYYY-MM-DD. Leave empty if the notice applies until further notice.
notices-cancel = Cancel
notices-save-changes = Save the changes
notices-save-draft = Save as draft

notices-reviewer-comment = The reviewer's comment
notices-edit-and-resubmit-hint = Edit the notice and submit it again.
notices-resubmit-heading = Edit and submit again
notices-submit-button = Submit for review
notices-visible-note = Only the issuer and the Swedish National ID-center's analysts see the notice until an analyst has approved it.
notices-edit-link = Edit the notice
notices-own-work = You wrote, edited or submitted this notice yourself. Another analyst needs to review it.
notices-review-heading = Review
notices-review-lead = Check that the notice contains no personal data and that the marking is right. Approve it, or return it with a comment that says what needs to change.
notices-comment-field = Comment to the issuer
notices-comment-hint = Required if you return the notice. At most 1,000 characters. No personal data.
notices-return = Return
notices-approve = Approve

notices-created-flash = The notice has been saved as a draft. Submit it for review when it is ready.
notices-updated-flash = The changes have been saved.
notices-submitted-flash = The notice has been submitted. An analyst at the Swedish National ID-center reviews it before others can see it.
notices-approved-flash = The notice is approved and can now be seen by those its marking allows.
notices-reviewed-flash = The notice now has the status "{ $status ->
    [draft] draft
    [submitted] in review
    [approved] approved
   *[returned] returned
}".

# Errors and messages.
notices-date-invalid = Enter the date as YYYY-MM-DD, e.g. 2026-11-28.
# A finding of personal data in a free text (forum, measures, notices, reference figures).
notices-too-long = { $field } may be at most { $max } characters long. It is now { $count } characters. Please shorten the text.
notices-field-title = The title
notices-field-description = The description
notices-field-comment = The comment
notices-kind-required = Choose what kind of notice it is.
notices-kind-invalid = Choose a kind of notice from the list.
notices-title-required = Write the title.
notices-description-required = Write the description.
notices-marking-required = Choose a marking: who may read the notice.
notices-marking-invalid = Choose a marking from the list: CLEAR, GREEN or AMBER.
notices-valid-from-required = Enter the date from which the notice applies, e.g. 2026-11-28.
notices-valid-to-before-start = The end date is before the start date. Enter an end date on the same day or later, or leave the field empty.
notices-link-invalid-dimension = A notice can be linked to types of misuse, document types and identity chain stages.
notices-link-invalid-code = Choose a { $dimension ->
    [misuse_type] type of misuse
    [document_type] document type
   *[chain_stage] identity chain stage
} from the list. The value is not in the taxonomy or has been retired.
notices-comment-required = Write a comment that says what needs to change.
notices-no-agency = Your account does not belong to an agency and cannot write notices.
notices-write-forbidden = Knowledge notices are written by coordinators for their agency and by analysts for the Operational ID Forum.
notices-edit-forbidden-forum = The forum's notices are edited by the Swedish National ID-center's analysts.
notices-edit-forbidden-agency = You can only edit your own agency's notices.
notices-not-editable = The notice has the status "{ $status ->
    [draft] draft
    [submitted] in review
    [approved] approved
   *[returned] returned
}" and cannot be edited now.
notices-not-editable-by-you = The notice has the status "{ $status ->
    [draft] draft
    [submitted] in review
    [approved] approved
   *[returned] returned
}" and you cannot edit it now.
notices-not-reviewable = The notice has the status "{ $status ->
    [draft] draft
    [submitted] in review
    [approved] approved
   *[returned] returned
}" and cannot be reviewed now.
notices-review-own-work = You cannot review a notice that you wrote, edited or submitted yourself. Ask another analyst to review it.
notices-changed-meanwhile = The notice has just been submitted or reviewed. Reload the page.
notices-status-changed-meanwhile = The notice has just changed status. Reload the page.
notices-reviewed-meanwhile = Someone else has just reviewed the notice. Reload the page.
notices-filter-unknown = The address contains an unknown value for { $filter ->
    [kind] kind
    [marking] marking
    [agency] agency
   *[status] status
}. Choose in the search form instead.

# The Operational ID Forum: the meeting pages, the rotation and the minutes (PDF).

forum-title = Operational ID Forum
forum-lead = Short, frequent meetings where the agencies' coordinators share what they have seen and decide what to follow up. The convening agency rotates.
forum-breadcrumbs = Breadcrumbs
forum-new-meeting = New meeting
# Around the agency's name (in bold): "According to the rotation, <Skatteverket> convenes the next meeting."
forum-proposed-before = According to the rotation,
forum-proposed-after = convenes the next meeting.
forum-held-on = Meeting date
forum-date-hint = YYYY-MM-DD.
forum-convener-field = Convening agency
forum-convener-hint = Preselected from the rotation. If you choose another agency, you need to give the reason.
forum-override-reason = Reason for another convener
forum-override-reason-hint = Only needed if you depart from the rotation.
forum-create-meeting = Create the meeting
forum-meetings = Meetings
forum-no-meetings = No meetings yet.
forum-meetings-caption = Forum meetings, most recent first
forum-col-date = Date
forum-col-convener = Convener

forum-meeting-title = Forum meeting { $date }
forum-convener-label = Convener:
forum-instead-of = instead of { $agency }
forum-minutes-link = Minutes as PDF
forum-sections = Parts of the meeting
forum-attendance-heading = Attendance
forum-attending-agencies = Attending agencies
forum-save-attendance = Save attendance
forum-agenda-heading = Agenda
forum-no-agenda = No items yet.
forum-new-agenda-item = New item
forum-add-agenda-item = Add the item
forum-notes-heading = Notes and decisions
forum-notes-label = Notes
forum-decisions-label = Decisions
forum-no-personal-data-hint = No personal data.
forum-save-notes = Save the notes
forum-observations-nav = Observations
forum-observations-heading = Observations from the forum
forum-observations-status-label = Status:
forum-observations-status = { $status ->
    [submitted] Submitted
    [accepted] Accepted
    [returned] Returned
   *[draft] Draft
}
forum-observations-version = version { $version }
forum-observations-review-note = The observations are reviewed by the Swedish National ID-center as a source of their own, "Operational ID Forum".
forum-check-count = Check the count
forum-not-specified = Not specified
forum-count-hint = A whole number, 0 if no cases were seen.
forum-description-hint = Patterns and methods, never individual people.
forum-save-observation = Save the observation
forum-save-anyway = Save anyway
forum-submit-observations = Submit the observations for review
forum-followup-nav = Follow-up
forum-followups-heading = Follow-ups
forum-no-followups = No follow-ups.
forum-followups-caption = Follow-ups, including open ones from earlier meetings
forum-col-item = Item
forum-col-owner = Owner
forum-col-due = Due
forum-col-status = Status
forum-col-change-status = Change status
forum-carried-over-from = Carried over from { $date }
forum-overdue = Overdue
forum-new-status-for = New status for { $item }
forum-save = Save
forum-new-followup = New follow-up
forum-followup-field = What to follow up
forum-followup-hint = For example a need for deeper analysis or a working group.
forum-owner-field = Responsible agency
forum-due-hint = YYYY-MM-DD, optional.
forum-add-followup = Add the follow-up

forum-followup-open = Open
forum-followup-in-progress = In progress
forum-followup-done = Done

forum-attendance-saved = The attendance has been saved.
forum-agenda-added = The item has been added.
forum-notes-saved = The notes have been saved.
forum-followup-added = The follow-up has been added.
forum-followup-status-changed = The status has been changed.
forum-observation-saved = The observation has been saved.
forum-observations-submitted = The forum's observations have been submitted for review.

forum-rotation-crumb = Rotation
forum-rotation-title = Rotation of the convening agency
forum-rotation-lead = A new forum meeting proposes as convener the agency that comes after the previous meeting's convener.
forum-rotation-order = Order
forum-rotation-order-hint = The agencies' codes in turn, separated by commas, e.g. SKV, POL, MIG.
forum-rotation-save = Save the order
forum-rotation-codes = Codes
forum-rotation-saved = The rotation order has been saved.

# Errors and messages.
forum-held-on-invalid = Enter the meeting date as YYYY-MM-DD, e.g. 2026-11-28.
forum-due-invalid = Enter the due date as YYYY-MM-DD, or leave it empty.
forum-record-forbidden = Only coordinators of the convening agency or an attending agency can record at the meeting.
forum-create-forbidden = Forum meetings are recorded by the agencies' coordinators.
forum-field-override-reason = The reason
forum-field-agenda = The item
forum-field-notes = The notes
forum-field-decisions = The decisions
forum-field-followup = The follow-up
forum-override-reason-required = Write the reason.
forum-agenda-required = Write the item.
forum-followup-required = Write the follow-up.
forum-text-too-long = { $field } may be at most { $max } characters long.
forum-rotation-unknown-code = There is no agency with the code "{ $code }".
forum-rotation-duplicate = { $code } appears twice in the order.
forum-convener-invalid = Choose the convening agency from the list.
forum-convener-required = Choose the convening agency. No rotation order has been set.
forum-period-locked = The period { $period } is locked because a published situation report is based on it.
forum-unknown-agency = Unknown agency.
forum-owner-required = Choose the responsible agency.
forum-followup-status-unknown = Unknown status.
forum-followup-forbidden = You cannot change this follow-up.

# Minutes (PDF), in the reader's language.
forum-minutes-file = forum-minutes-{ $date }
forum-minutes-title = Minutes – Operational ID Forum { $date }
forum-minutes-subject = Minutes of the Operational ID Forum
forum-minutes-heading = Minutes { $date }
forum-minutes-header = Operational ID Forum – minutes
forum-minutes-convener = The Operational ID Forum. Convener: { $convener }.
forum-minutes-override = Deviation from the rotation: { $reason }
forum-minutes-attendance = Agencies present
forum-minutes-no-agenda = No items.
forum-minutes-observations = Observations
forum-minutes-no-observations = No observations were recorded.
forum-minutes-observations-caption = Observations from the meeting (status: { $status ->
    [submitted] submitted
    [accepted] accepted
    [returned] returned
   *[draft] draft
})
forum-col-misuse-type = Type of misuse
forum-col-document-type = Document type
forum-col-count = Count
forum-col-description = Description
forum-minutes-carried-over = (carried over)
forum-minutes-overdue = { $status }, overdue

# Review: the analyst's pages for accepting or returning submissions.

review-heading = Review
review-lead = Submissions waiting for review, oldest first.
review-none-waiting = No submissions are waiting for review.
review-caption = Submissions sent for review
review-col-agency = Agency
review-col-period = Period
review-col-version = Version
review-col-submitted = Submitted

review-title = Review { $agency } { $period }
review-show-heading = Review { $agency }, { $period }
review-changes-heading = Changes since version { $version }
review-no-changes = No lines have changed.
review-changes-caption = Differences between version { $from } and { $to }
review-col-change = Change
review-col-observation = Observation
review-col-before = Before
review-col-after = After
review-change-added = Added
review-change-removed = Removed
review-change-changed = Changed
review-value-count = count { $count }
review-value-trend = trend { $trend ->
        [increasing] increasing
        [stable] stable
        [decreasing] decreasing
       *[new] new phenomenon
    }
review-value-description = “{ $text }”
review-lines-heading = Observations in version { $version }
review-decision-heading = Decision
review-comment-field = Comment to the agency
review-comment-hint = Required if you return the submission. Say what needs correcting. No personal data.
review-return-button = Return
review-accept-button = Accept

review-accepted = The submission's status is now ‘accepted’.
review-returned = The submission's status is now ‘returned’.

review-choose-decision = Choose Accept or Return.
review-not-awaiting = The submission's status is ‘{ $status ->
        [draft] draft
        [accepted] accepted
        [returned] returned
       *[submitted] submitted
    }’ and it cannot be reviewed now.
review-own-submission = You cannot review a submission that you wrote or submitted yourself.
review-comment-required = Write a comment that says what needs correcting.
review-comment-too-long = The comment may be at most { $max } characters. Shorten the text.
review-the-comment = The comment
review-already-reviewed = Someone else has just reviewed the submission. Reload the page.

# Notifications: the list, the link in the header, the e-mail and the Your account page.
# A notification never holds free text from users: only codes, numbers and dates.

notifications-header = Notifications
notifications-header-unread = Notifications ({ $count } unread)
notifications-header-account = Your account

notifications-title = Notifications
notifications-lead = Here you see what has happened in your work: submissions that have been reviewed, deadlines that are coming up and situation reports that are waiting for you or have been published. Follow the link to read more.
notifications-none = You have no notifications.
notifications-summary = { $count } { $count ->
    [one] notification
   *[other] notifications
}, { $unread } unread.
notifications-mark-all-read = Mark all as read
notifications-unread = Unread
notifications-mark-read = Mark as read
notifications-pages = Pages of notifications
notifications-newer = Newer notifications
notifications-older = Older notifications
notifications-page-of = Page { $page } of { $pages }
notifications-to-account = Get notifications by e-mail
notifications-to-list = To your notifications
notifications-all-marked-read = { $count ->
    [0] You had no unread notifications.
    [one] One notification has been marked as read.
   *[other] { $count } notifications have been marked as read.
}

notifications-submission-returned = Your agency's submission for { $period } (version { $version }) has been returned. Read the reviewer's comment, correct the submission and submit it again.
notifications-submission-accepted = Your agency's submission for { $period } (version { $version }) has been accepted and is now part of the data for the situation report.
notifications-deadline-reminder = The reporting deadline for { $period } is { $deadline } ({ $days ->
    [0] today
    [one] tomorrow
   *[other] in { $days } days
}). Your agency has not submitted its reporting yet.
notifications-edition-awaiting-approval = Situation report { $period }, edition { $edition } version { $version }, is awaiting approval.
notifications-edition-published = Situation report { $period }, edition { $edition } version { $version }, has been published.

notifications-subject-submission-returned = Lägesbild: your submission has been returned
notifications-subject-submission-accepted = Lägesbild: your submission has been accepted
notifications-subject-deadline-reminder = Lägesbild: the reporting deadline is coming up
notifications-subject-edition-awaiting-approval = Lägesbild: a situation report is awaiting approval
notifications-subject-edition-published = Lägesbild: a new situation report has been published
notifications-subject-generic = Lägesbild: new notification

notifications-link-submission = Open the submission
notifications-link-reporting = Go to reporting
notifications-link-edition = Open the situation report
notifications-link-open = Open

notifications-mail-why = You receive this e-mail because you have given your e-mail address in Lägesbild. You can change or remove the address on the Your account page:
notifications-mail-no-reply = Please do not reply to this message; it is sent automatically. Log in to Lägesbild to read more.

notifications-account-title = Your account
notifications-account-lead = Here you choose whether you also want your notifications by e-mail. They are always under Notifications in Lägesbild.
notifications-email-heading = E-mail for notifications
notifications-email-domains = Lägesbild only sends e-mail to addresses at: { $domains }. The e-mail holds no information on identity misuse, only what has happened and a link. You log in to read the rest.
notifications-email-off = E-mail is not switched on in this installation of Lägesbild. You can give an address now; it will be used if e-mail is switched on. Your notifications are under Notifications.
notifications-email-language = E-mail is written in the language you have chosen: { $language }. Change the language with the language switch at the top of the page.
notifications-email-label = Your work e-mail address
notifications-email-hint = Your work address, for example firstname.lastname@agency.se. Leave the field empty if you do not want e-mail.
notifications-email-save = Save
notifications-email-remove = Remove the e-mail address
notifications-email-saved = The e-mail address has been saved.
notifications-email-removed = The e-mail address has been removed. You will get your notifications in Lägesbild only.
notifications-email-invalid = Enter an e-mail address in the form name@agency.se, without spaces.
notifications-email-domain-not-allowed = Lägesbild only sends e-mail to addresses at { $domains }. Enter your work address at one of them, or leave the field empty.

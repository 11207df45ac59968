# What every page shares: header, menu, footer, language switch, error pages.

product-name = Lägesbild
product-owner = Swedish National ID-center
skip-to-content = Skip to content
main-menu = Main menu
log-out = Log out
footer-no-personal-data = No personal data may be entered in the system.
footer-accessibility = Accessibility statement

# Used by the catalogue test.
test-count = { $count } { $count ->
    [one] line
   *[other] lines
}

nav-submissions = Reporting
nav-review = Review
nav-dashboard = Overview
nav-forum = Forum
nav-measures = Measures
nav-notices = Knowledge notices
nav-references = Reference figures
nav-reports = Situation reports
nav-admin = Administration

role-coordinator = Coordinator
role-analyst = Analyst
role-approver = Approver
role-ministry = Ministry reader
role-admin = Administrator

language-unknown = There is no language { $lang }. Choose Swedish (sv) or English (en).
form-required = (required)
form-choose = Choose …
form-cancel = Cancel
breadcrumbs = Breadcrumbs

# The accessibility statement (Act (2018:1937) on accessibility to digital public services).

accessibility-heading = Accessibility statement for Lägesbild
accessibility-intro = The Swedish National ID-center is responsible for Lägesbild, the service in which the agencies report anonymised observations of identity misuse and in which the joint knowledge and situation report is produced. We want as many people as possible to be able to use the service. This statement describes how Lägesbild complies with the Act (2018:1937) on accessibility to digital public services, which shortcomings we know of, and how you can report shortcomings to us so that we can fix them.

accessibility-status-heading = How accessible is the service?
accessibility-status = Lägesbild is partially compliant with the Act on accessibility to digital public services. The web pages are built to meet WCAG 2.1 at level AA, but we know of some shortcomings. They are described under Known shortcomings.
accessibility-works = What works:
accessibility-works-keyboard = Every page can be used with a keyboard alone. A link at the start of every page skips straight to the content, and the focus is clearly visible.
accessibility-works-forms = Every form field has a label. Errors are shown in a summary at the top with links to the fields, and each error is also shown next to its field.
accessibility-works-charts = Every chart has a short summary in text and is followed by a table with the same figures. The tables can be downloaded as CSV files.
accessibility-works-contrast = Text has a contrast of at least 4.5:1 against its background, and the pages can be used when zoomed to 200%.
accessibility-works-no-script = The service works without JavaScript.

accessibility-known-heading = Known shortcomings
accessibility-known-pdf = The PDF files of situation reports and of minutes from forum meetings are not tagged for screen readers. The same content is available as web pages: the situation report's page in the service and the meeting's page under Forum.
accessibility-known-charts = The charts are images. Their content is given in the summary and the table under each chart, but if you zoom in a lot you may need to scroll sideways in wide tables.
accessibility-known-untested = We have not yet tested the service with people who use screen readers or magnification software.

accessibility-report-heading = Reporting shortcomings
accessibility-report = If you find problems that are not described here, or if you need content in another format, contact the Swedish National ID-center. Tell us which page it concerns and what does not work. Do not include personal data about other people. If you work at an agency that reports, you can also get in touch through your agency's coordinator in the Operational ID Forum.
accessibility-report-answer = We reply within two weeks and tell you what we will do about the shortcoming.

accessibility-supervision-heading = Supervision
# Followed by the link to digg.se.
accessibility-supervision = The Agency for Digital Government (DIGG) is responsible for supervising compliance with the Act on accessibility to digital public services. If you are not satisfied with how we handle your comments, you can report inadequate accessibility to DIGG at
accessibility-supervision-link = digg.se

accessibility-testing-heading = How we tested the service
accessibility-testing = We have assessed Lägesbild ourselves. Automated tests go through every user role in a real web browser and check every page they visit with axe-core against the rules of WCAG 2.1 levels A and AA. The tests also check labels, error messages, keyboard use, the charts' text alternatives and the pages at 200% zoom. The tests run on every change to the service.
accessibility-dates = The latest assessment was made on { $assessed }. This statement was last updated on { $updated }.

# Det som varje sida delar: sidhuvud, meny, sidfot, språkval, felsidor.

product-name = Lägesbild
product-owner = Nationellt ID-center
skip-to-content = Hoppa till innehållet
main-menu = Huvudmeny
log-out = Logga ut
footer-no-personal-data = Inga personuppgifter får lämnas i systemet.
footer-accessibility = Tillgänglighetsredogörelse

# Används av katalogtestet.
test-count = { $count } { $count ->
    [one] rad
   *[other] rader
}

nav-submissions = Inrapportering
nav-review = Granskning
nav-dashboard = Översikt
nav-forum = Forum
nav-measures = Åtgärder
nav-notices = Kunskapsnotiser
nav-references = Referensuppgifter
nav-reports = Lägesbilder
nav-admin = Administration

role-coordinator = Samordnare
role-analyst = Analytiker
role-approver = Beslutsfattare
role-ministry = Departementsläsare
role-admin = Administratör

language-unknown = Språket { $lang } finns inte. Välj svenska (sv) eller engelska (en).
form-required = (obligatoriskt)
form-choose = Välj …
form-cancel = Avbryt
breadcrumbs = Brödsmulor

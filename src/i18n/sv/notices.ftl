# Kunskapsnotiser: sökning, formulär, granskning.

notices-title = Kunskapsnotiser
notices-lead = Korta notiser som myndigheterna och Operativt ID-forum delar med varandra: nya typer av dokumentbedrägerier, tillvägagångssätt, riskindikatorer, sårbarheter och goda exempel. En notis syns för andra först när en analytiker har godkänt den, och bara för dem som dess informationsklass tillåter.
notices-breadcrumbs = Brödsmulor
notices-write-new = Skriv en ny notis
notices-awaiting-review = { $count } { $count ->
    [one] notis väntar
   *[other] notiser väntar
} på granskning.
notices-show-awaiting = Visa notiser som väntar på granskning
notices-search-heading = Sök
notices-search-field = Sökord
notices-search-hint = Söker i rubrik och beskrivning. Stora och små bokstäver spelar ingen roll. Flera ord: alla måste finnas med.
notices-filter-all = Alla
notices-search-button = Sök
notices-show-all = Visa alla notiser
notices-results = Sökresultat
notices-all-visible = Alla notiser du kan se
notices-no-match = Inga notiser matchar sökningen. Prova färre sökord eller ta bort ett filter.
notices-none-visible = Det finns inga notiser som du kan se ännu.
notices-list-caption = { $count } { $count ->
    [one] kunskapsnotis
   *[other] kunskapsnotiser
}, senast ändrade först
notices-col-title = Rubrik
notices-col-kind = Sort
notices-col-issuer = Utfärdare
notices-col-valid = Gäller
notices-col-marking = Informationsklass
notices-col-status = Status
notices-concerns = Gäller: { $series }
notices-valid-from = från { $date }
notices-dim-misuse-type = Missbrukstyp
notices-dim-document-type = Handlingstyp
notices-dim-chain-stage = Steg i identitetskedjan
notices-issuer-forum = Operativt ID-forum
notices-issuer-forum-written = Operativt ID-forum (skrivs av Nationellt ID-center)

notices-kind-new-fraud-type = Ny typ av dokumentbedrägeri
notices-kind-modus-operandi = Tillvägagångssätt
notices-kind-risk-indicator = Riskindikator
notices-kind-vulnerability = Sårbarhet
notices-kind-good-practice = Gott exempel

notices-status-draft = Utkast
notices-status-submitted = Inskickad för granskning
notices-status-approved = Godkänd
notices-status-returned = Returnerad

notices-marking-clear-audience = Ingen begränsning: får spridas fritt.
notices-marking-green-audience = Alla myndigheter i Lägesbild och Nationellt ID-center.
notices-marking-amber-audience = Endast Nationellt ID-center och den utfärdande myndigheten.

notices-new = Ny kunskapsnotis
notices-edit = Ändra kunskapsnotis
notices-form-lead = Beskriv företeelsen, inte enskilda personer eller ärenden. Skriv aldrig personnummer, namn, adresser, telefonnummer eller handlingsnummer.
notices-issuer-label = Utfärdare:
notices-kind-field = Sorts notis
notices-title-hint = Högst 200 tecken. Säg vad det gäller, t.ex. ”Förfalskade körkort vid kontoöppning”.
notices-description-field = Beskrivning
notices-description-hint = Högst 4 000 tecken. Vad har ni sett, hur går det till, vad kan andra göra?
notices-links-misuse-type = Missbrukstyper som notisen gäller
notices-links-document-type = Handlingstyper som notisen gäller
notices-links-chain-stage = Steg i identitetskedjan som notisen gäller
notices-links-hint = Välj alla som passar, eller ingen.
notices-marking-hint = Vilka som får ta del av notisen när den är godkänd.
notices-valid-from-field = Gäller från
notices-date-hint = ÅÅÅÅ-MM-DD, t.ex. 2026-11-28.
notices-valid-to-field = Gäller till
notices-valid-to-hint = ÅÅÅÅ-MM-DD. Lämna tomt om notisen gäller tills vidare.
notices-cancel = Avbryt
notices-save-changes = Spara ändringarna
notices-save-draft = Spara som utkast

notices-reviewer-comment = Granskarens kommentar
notices-edit-and-resubmit-hint = Ändra notisen och skicka in den igen.
notices-resubmit-heading = Ändra och skicka in igen
notices-submit-button = Skicka in för granskning
notices-visible-note = Notisen syns bara för utfärdaren och Nationellt ID-centers analytiker tills en analytiker har godkänt den.
notices-edit-link = Ändra notisen
notices-own-work = Du har själv skrivit, ändrat eller skickat in notisen. En annan analytiker behöver granska den.
notices-review-heading = Granskning
notices-review-lead = Kontrollera att notisen inte innehåller personuppgifter och att informationsklassen stämmer. Godkänn, eller returnera med en kommentar som säger vad som behöver ändras.
notices-comment-field = Kommentar till utfärdaren
notices-comment-hint = Krävs om du returnerar. Högst 1 000 tecken. Inga personuppgifter.
notices-return = Returnera
notices-approve = Godkänn

notices-created-flash = Notisen är sparad som utkast. Skicka in den för granskning när den är klar.
notices-updated-flash = Ändringarna är sparade.
notices-submitted-flash = Notisen är inskickad. En analytiker på Nationellt ID-center granskar den innan andra kan se den.
notices-approved-flash = Notisen är godkänd och syns nu för dem som dess informationsklass tillåter.
notices-reviewed-flash = Notisen har fått status ”{ $status ->
    [draft] utkast
    [submitted] inskickad för granskning
    [approved] godkänd
   *[returned] returnerad
}”.

# Fel och besked.
notices-date-invalid = Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-11-28.
# Ett fynd av personuppgifter i en fritext (forum, åtgärder, notiser, referensuppgifter).
notices-too-long = { $field } får vara högst { $max } tecken. Nu är den { $count } tecken. Korta texten.
notices-field-title = Rubriken
notices-field-description = Beskrivningen
notices-field-comment = Kommentaren
notices-kind-required = Välj vilken sorts notis det är.
notices-kind-invalid = Välj sorts notis ur listan.
notices-title-required = Skriv rubriken.
notices-description-required = Skriv beskrivningen.
notices-marking-required = Välj informationsklass: vilka som får ta del av notisen.
notices-marking-invalid = Välj informationsklass ur listan: CLEAR, GREEN eller AMBER.
notices-valid-from-required = Ange från vilket datum notisen gäller, t.ex. 2026-11-28.
notices-valid-to-before-start = Slutdatumet ligger före startdatumet. Ange ett slutdatum samma dag eller senare, eller lämna fältet tomt.
notices-link-invalid-dimension = Notisen kan kopplas till missbrukstyper, handlingstyper och steg i identitetskedjan.
notices-link-invalid-code = Välj { $dimension ->
    [misuse_type] missbrukstyp
    [document_type] handlingstyp
   *[chain_stage] steg i identitetskedjan
} ur listan. Värdet finns inte i taxonomin eller har tagits ur bruk.
notices-comment-required = Skriv en kommentar som säger vad som behöver ändras.
notices-no-agency = Ditt konto hör inte till någon myndighet och kan inte skriva notiser.
notices-write-forbidden = Kunskapsnotiser skrivs av samordnare för sin myndighet och av analytiker för Operativt ID-forum.
notices-edit-forbidden-forum = Forumets notiser ändras av Nationellt ID-centers analytiker.
notices-edit-forbidden-agency = Du kan bara ändra din egen myndighets notiser.
notices-not-editable = Notisen har status ”{ $status ->
    [draft] utkast
    [submitted] inskickad för granskning
    [approved] godkänd
   *[returned] returnerad
}” och kan inte ändras nu.
notices-not-editable-by-you = Notisen har status ”{ $status ->
    [draft] utkast
    [submitted] inskickad för granskning
    [approved] godkänd
   *[returned] returnerad
}” och kan inte ändras av dig nu.
notices-not-reviewable = Notisen har status ”{ $status ->
    [draft] utkast
    [submitted] inskickad för granskning
    [approved] godkänd
   *[returned] returnerad
}” och kan inte granskas nu.
notices-review-own-work = Du kan inte granska en notis som du själv har skrivit, ändrat eller skickat in. Be en annan analytiker granska den.
notices-changed-meanwhile = Notisen har just skickats in eller granskats. Ladda om sidan.
notices-status-changed-meanwhile = Notisen har just ändrat status. Ladda om sidan.
notices-reviewed-meanwhile = Någon annan har just granskat notisen. Ladda om sidan.
notices-filter-unknown = Adressen innehåller ett okänt värde för { $filter ->
    [kind] sort
    [marking] informationsklass
    [agency] myndighet
   *[status] status
}. Välj i sökformuläret i stället.

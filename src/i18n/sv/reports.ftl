# Lägesbilder: sidorna där utgåvor skapas, komponeras, granskas, publiceras och läses.
# Texten i själva rapporten (PDF och webbvisning) finns i report-content.ftl.

reports-title = Lägesbilder
reports-new-title = Ny lägesbild
reports-breadcrumbs = Brödsmulor
reports-list-lead-published = Publicerade kunskaps- och lägesbilder över identitetsmissbruk, senaste först. Varje version är fastställd och ändras aldrig; rättelser är nya versioner.
reports-list-lead = Utgåvor av kunskaps- och lägesbilden. En version går från utkast till granskning, godkännande och publicering. En publicerad version ändras aldrig.
reports-list-none-published = Det finns inga publicerade lägesbilder ännu.
reports-list-none = Det finns inga utgåvor ännu.
reports-list-caption = Utgåvor
reports-col-edition = Utgåva
reports-col-period = Period
reports-col-title = Titel
reports-col-marking = Informationsklass
reports-col-versions = Versioner
reports-edition-n = Utgåva { $id }
reports-version-n = Version { $no }
reports-version-n-lower = version { $no }
reports-edition-version = Utgåva { $id }, version { $no }
reports-edition-and-version = { $id }, version { $no }
reports-correction-note = (Rättelse: { $note })

reports-status-draft = Utkast
reports-status-in-review = Under granskning
reports-status-approved = Godkänd, ej publicerad
reports-status-published = Publicerad

reports-language-sv = Svenska
reports-language-en = Engelska

# Ny utgåva
reports-new-lead = Utgåvan skapas från en mall. Du kan sedan skriva texterna, välja vilket automatiskt innehåll som ska med och i vilken ordning.
reports-field-period = Period
reports-field-period-hint = Kvartal, månad, halvår eller år, t.ex. 2026-Q3. Rapporten jämför med föregående period och samma period året innan.
reports-field-template = Mall
reports-field-template-hint = Mallen bestämmer avsnitten och deras standardtexter.
reports-template-standard = Standardmall
reports-field-language = Språk
reports-field-language-hint = Rubriker, etiketter och genererad text skrivs på det här språket. Din egen text står som du skriver den.
reports-field-marking = Informationsklass
reports-field-marking-hint = Står i sidhuvud och sidfot på varje sida och i filnamnet.
reports-field-tlp = Spridningsnivå (TLP)
reports-field-tlp-hint = Hur mottagarna får sprida rapporten vidare.
reports-cancel = Avbryt
reports-create = Skapa utgåvan
reports-period-invalid = ”{ $input }” är ingen period. Ange ett år, halvår, kvartal eller en månad, t.ex. 2026, 2026-H2, 2026-Q3 eller 2026-07.
reports-language-choose = Välj språk för rapporten: svenska eller engelska.
reports-marking-choose = Välj en informationsklass i listan. Lägst tillåtna är ”{ $minimum }”.
reports-tlp-choose = Välj en spridningsnivå (TLP). Lägst tillåtna är { $minimum }.

# Komponera
reports-edit-page-title = Komponera { $title }
reports-compose = Komponera
reports-edit-heading = Komponera utgåva { $id }, version { $no } ({ $period })
reports-edit-lead = Skriv texten i varje avsnitt (Markdown: tom rad mellan stycken, ”- ” för punktlistor, **fet**). Välj vilket automatiskt innehåll som ska med och i vilken ordning. Inga personuppgifter: texten kontrolleras innan den sparas.
reports-preview = Förhandsgranska utgåvan
reports-preview-pdf = Förhandsgranska PDF
reports-meta-heading = Titel, språk och informationsklass
reports-field-title = Titel
reports-field-title-hint = Står på titelsidan och i sidhuvudet.
reports-save-meta = Spara uppgifterna
reports-field-text = Text
reports-components-legend = Automatiskt innehåll (bocka ur det som inte ska med; ordningen anges med nummer)
reports-components-include = Med
reports-components-content = Innehåll
reports-components-order = Ordning
reports-components-order-of = Ordning för { $component }
reports-save-section = Spara avsnittet
reports-done-heading = Klar?
reports-done-text = När alla avsnitt är skrivna skickar du utgåvan för granskning på utgåvans sida. En beslutsfattare som inte har skrivit i den godkänner och publicerar.
reports-done-link = Till utgåvans sida
reports-meta-saved = Uppgifterna om utgåvan är sparade.
reports-section-saved = Avsnittet är sparat.
reports-title-length = Ange en titel på högst { $max } tecken.
reports-text-length = Texten får vara högst { $max } tecken. Korta den eller dela upp den.

reports-component-summary-table = Tabell: fall per missbrukstyp jämfört med föregående period och året innan
reports-component-trend-by-misuse-type = Diagram: missbrukstyper per kvartal
reports-component-monthly-total = Diagram: totalt antal fall per månad
reports-component-by-exploitation-area = Diagram: utnyttjandeområden per kvartal
reports-component-by-chain-stage = Diagram: identitetskedjans steg per kvartal
reports-component-by-document-type = Diagram: handlingstyper per kvartal
reports-component-by-fraud-type = Diagram: typ av förfalskning per kvartal
reports-component-by-age-band = Diagram: åldersgrupper per kvartal
reports-component-by-citizenship = Diagram: medborgarskap per kvartal
reports-component-measures-table = Tabell: åtgärder och deras uppmätta effekt
reports-component-measures-chart = Diagram: missbrukstyper som åtgärder riktar sig mot
reports-component-type-area-heatmap = Värmekarta: missbrukstyp × utnyttjandeområde
reports-component-signals-table = Tabell: automatiska signaler
reports-component-risks-list = Lista: ökande serier och åtgärder som saknas
reports-component-forum-followups = Tabell: forumets uppföljningspunkter
reports-component-method-text = Genererad text: underlag och röjandekontroll
reports-component-completeness = Tabell: vilka myndigheter som rapporterat
reports-component-changes = Tabell: ändrade siffror sedan föregående utgåva

# Utgåvans sida
reports-later-version = det finns en senare version:
reports-fact-status = Status
reports-fact-correction = Rättelse
reports-fact-sha256 = SHA-256 för PDF-filen
reports-pdf-size = { $size } byte
reports-fact-editors = Har skrivit i utgåvan
reports-download-pdf = Ladda ner PDF
reports-preview-pdf-draft = Förhandsgranska PDF (utkast)
reports-frozen-hint = Den publicerade versionen och siffrorna bakom den är frysta. Filen kan kontrolleras mot hashen ovan med kommandot
reports-verify-file = FIL
reports-draft-hint = Utkast: siffrorna nedan hämtades ur databasen { $at } (UTC) och ändras tills versionen publiceras.
reports-actions-heading = Beslut
reports-submit = Skicka för granskning
reports-approve = Godkänn
reports-publish = Publicera
reports-publish-hint = Vid publicering fryses siffrorna, PDF-filen skapas och sparas med sin SHA-256, och perioden låses för ändringar.
reports-field-reason = Skicka tillbaka med motivering
reports-refuse = Skicka tillbaka
reports-field-note = Rättelse: vad ändras? (står på titelsidan)
reports-correct = Gör en rättelse som ny version
reports-other-versions = Andra versioner
reports-article-label = Rapporten
reports-history = Historik
reports-user-n = användare { $id }
reports-event = { $at } { $what } av { $actor }
reports-event-with-note = { $at } { $what } av { $actor }: ”{ $note }”
reports-event-created = Skapad
reports-event-edited = Ändrad
reports-event-submitted = Skickad för granskning
reports-event-approved = Godkänd
reports-event-refused = Skickad tillbaka
reports-event-published = Publicerad
reports-event-corrected = Rättelse påbörjad
reports-event-other = Händelse

# Beslut och fel
reports-submitted = Versionen är skickad för granskning till en beslutsfattare.
reports-approved = Versionen är godkänd. Publicera den när den ska gå ut.
reports-refused = Versionen är skickad tillbaka till analytikerna med din motivering.
reports-published = Versionen är publicerad och låst. PDF-filens SHA-256: { $sha256 }
reports-four-eyes = Du har skrivit i den här utgåvan och kan därför inte godkänna den (fyraögonsprincipen). En annan beslutsfattare måste godkänna.
reports-approvers-only = Bara beslutsfattare godkänner och publicerar lägesbilder.
reports-version-not-published = Den här versionen är inte publicerad. Du kan bara läsa publicerade lägesbilder.
reports-edition-not-published = Den här utgåvan är inte publicerad. Du kan bara läsa publicerade lägesbilder.
reports-not-editable = Versionen har status ”{ $status }” och kan inte ändras. Den kan ändras igen om beslutsfattaren skickar tillbaka den.
reports-not-editable-published = Versionen har status ”{ $status }” och kan inte ändras. En publicerad version ändras aldrig; gör en rättelse som ny version.
reports-wrong-status = Versionen har status ”{ $status }”, inte ”{ $wanted }”.
reports-just-submitted = Versionen har just skickats för granskning och kan inte längre ändras.
reports-changed-meanwhile = Versionen har just ändrats av någon annan. Ladda om sidan.
reports-reason-required = Skriv varför versionen skickas tillbaka (högst { $max } tecken), så att analytikern vet vad som ska ändras.
reports-note-required = Skriv vad rättelsen gäller (högst { $max } tecken). Texten står på rapportens titelsida.
reports-correct-unpublished = Version { $version } är inte publicerad än. Ändra den i stället för att göra en rättelse.

# Mallar
reports-template-unknown = Mallen finns inte. Välj en mall i listan.
reports-template-name-length = Ge mallen ett namn på högst { $max } tecken.
reports-template-name-taken = Det finns redan en mall med det namnet. Välj ett annat.
reports-template-no-sections = Mallen måste ha minst ett avsnitt.
reports-template-title-missing = Avsnittet ”{ $section }” saknar rubrik på svenska eller engelska.
reports-template-title-too-long = En rubrik får vara högst { $max } tecken.
reports-template-text-too-long = Standardtexten i ”{ $section }” är för lång (högst { $max } tecken).
reports-template-section-twice = Avsnittet ”{ $section }” finns två gånger.
reports-template-component-twice = ”{ $component }” står i mer än ett avsnitt. Välj ett.

# Fältens namn i meddelanden om personuppgifter.
reports-screen-title = Titeln
reports-screen-text = Texten
reports-screen-reason = Motiveringen
reports-screen-note = Rättelsen
reports-screen-heading = Rubriken
reports-screen-default-text = Standardtexten

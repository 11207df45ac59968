# Åtgärder: registret och den uppmätta effekten.

measures-title = Åtgärder
measures-lead = Lagändringar, kontrollinsatser och nya rutiner som riktar sig mot identitetsmissbruk. Effekten beräknas från inrapporterade uppgifter.
measures-breadcrumbs = Brödsmulor
measures-register = Registrera en åtgärd
measures-none = Inga åtgärder är registrerade.
measures-list-caption = Registrerade åtgärder, senaste start först
measures-col-measure = Åtgärd
measures-col-kind = Slag
measures-col-status = Status
measures-col-start = Start

measures-kind-law-change = Lagändring
measures-kind-control-campaign = Kontrollinsats
measures-kind-new-routine = Ny rutin
measures-kind-training = Utbildning
measures-kind-other = Övrigt

measures-status-proposed = Föreslagen
measures-status-decided = Beslutad
measures-status-in-force = Gäller
measures-status-ended = Avslutad
measures-status-rejected = Avslagen

measures-new = Ny åtgärd
measures-edit = Ändra åtgärd
measures-title-field = Rubrik
measures-title-hint = Kort och beskrivande, t.ex. Skärpt kontroll av EU-pass vid folkbokföring.
measures-kind-field = Slag av åtgärd
measures-status-field = Status
measures-status-hint = Föreslagna och avslagna åtgärder ritas inte i diagrammen, men visas bland obehandlade risker.
measures-start-field = Startdatum
measures-start-hint = ÅÅÅÅ-MM-DD. Effekten mäts från det kvartal då åtgärden startade.
measures-end-field = Slutdatum
measures-end-hint = ÅÅÅÅ-MM-DD, eller tomt om åtgärden gäller tills vidare.
measures-description-field = Beskrivning
measures-description-hint = Vad åtgärden innebär. Inga personuppgifter.
measures-agencies-field = Ansvariga myndigheter
measures-misuse-types-field = Missbrukstyper som åtgärden riktar sig mot (obligatoriskt, minst en)
measures-document-types-field = Handlingstyper (valfritt)
measures-exploitation-areas-field = Utnyttjandeområden (valfritt)
measures-cancel = Avbryt
measures-save = Spara åtgärden
measures-saved = Åtgärden är sparad.

measures-started = start { $date } ({ $period })
measures-ended = slut { $date }
measures-agencies-label = Ansvariga myndigheter:
measures-targets-label = Riktar sig mot:
measures-edit-link = Ändra åtgärden
measures-effect-heading = Uppmätt effekt
measures-effect-explanation = Medelantal per kvartal för alla källor under { $n } kvartal före starten jämfört med { $n } kvartal från och med startkvartalet. Testet är det exakta villkorliga testet för två Poisson-intensiteter.
measures-effect-caption = Effekt per missbrukstyp, { $n } kvartal före och efter { $period }
measures-col-misuse-type = Missbrukstyp
measures-col-before = Före (medel)
measures-col-after = Efter (medel)
measures-col-change = Förändring
measures-col-p-value = p-värde
measures-col-verdict = Bedömning
measures-effect-decrease = Tydlig minskning efter starten (p < 0,05).
measures-effect-increase = Tydlig ökning efter starten (p < 0,05).
measures-effect-none = Ingen säkerställd förändring.
measures-effect-too-few-periods = För få perioder för att bedöma: { $after } kvartal efter starten och { $before } före finns, { $needed } behövs på varje sida (jämförelsen avser { $n } kvartal).
measures-effect-no-data = Det saknas inrapporterade uppgifter ({ $before } kvartal före och { $after } efter har uppgifter).

# Fel i formuläret.
measures-field-title = Rubriken
measures-field-description = Beskrivningen
measures-title-required = Ange en rubrik på högst { $max } tecken.
measures-description-too-long = Beskrivningen får vara högst { $max } tecken.
measures-kind-required = Välj vilken sorts åtgärd det är.
measures-status-required = Välj status.
measures-start-invalid = Ange startdatum som ÅÅÅÅ-MM-DD, t.ex. 2026-03-01.
measures-end-before-start = Slutdatum kan inte vara före startdatum.
measures-end-invalid = Ange slutdatum som ÅÅÅÅ-MM-DD eller lämna tomt.
measures-agency-unknown = Okänd myndighet ”{ $code }”.
measures-target-invalid = Välj { $dimension ->
    [misuse_type] missbrukstyp
    [document_type] handlingstyp
   *[exploitation_area] utnyttjandeområde
} ur listan.
measures-misuse-type-required = Välj minst en missbrukstyp som åtgärden riktar sig mot.

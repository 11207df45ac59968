# Operativt ID-forum: mötessidorna, rotationen och minnesanteckningarna (PDF).

forum-title = Operativt ID-forum
forum-lead = Korta, täta möten där myndigheternas samordnare delar iakttagelser och bestämmer vad som ska följas upp. Den sammankallande myndigheten roterar.
forum-breadcrumbs = Brödsmulor
forum-new-meeting = Nytt möte
# Runt myndighetens namn (i fetstil): ”Enligt rotationen är det <Skatteverket> som sammankallar nästa möte.”
forum-proposed-before = Enligt rotationen är det
forum-proposed-after = som sammankallar nästa möte.
forum-held-on = Mötesdatum
forum-date-hint = ÅÅÅÅ-MM-DD.
forum-convener-field = Sammankallande myndighet
forum-convener-hint = Förvalt enligt rotationen. Väljer du en annan myndighet behöver du ange skälet.
forum-override-reason = Skäl till annan sammankallande
forum-override-reason-hint = Krävs bara om du avviker från rotationen.
forum-create-meeting = Skapa mötet
forum-meetings = Möten
forum-no-meetings = Inga möten ännu.
forum-meetings-caption = Forummöten, senaste först
forum-col-date = Datum
forum-col-convener = Sammankallande

forum-meeting-title = Forummöte { $date }
forum-convener-label = Sammankallande:
forum-instead-of = i stället för { $agency }
forum-minutes-link = Minnesanteckningar som PDF
forum-sections = Mötets delar
forum-attendance-heading = Närvaro
forum-attending-agencies = Deltagande myndigheter
forum-save-attendance = Spara närvaron
forum-agenda-heading = Dagordning
forum-no-agenda = Inga punkter ännu.
forum-new-agenda-item = Ny punkt
forum-add-agenda-item = Lägg till punkten
forum-notes-heading = Anteckningar och beslut
forum-notes-label = Anteckningar
forum-decisions-label = Beslut
forum-no-personal-data-hint = Inga personuppgifter.
forum-save-notes = Spara anteckningarna
forum-observations-nav = Observationer
forum-observations-heading = Observationer från forumet
forum-observations-status-label = Status:
forum-observations-status = { $status ->
    [submitted] Inskickad
    [accepted] Godkänd
    [returned] Returnerad
   *[draft] Utkast
}
forum-observations-version = version { $version }
forum-observations-review-note = Observationerna granskas av Nationellt ID-center som en egen källa, ”Operativt ID-forum”.
forum-check-count = Kontrollera antalet
forum-not-specified = Ej angivet
forum-count-hint = Ett heltal, 0 om inga fall sågs.
forum-description-hint = Mönster och metoder, aldrig enskilda personer.
forum-save-observation = Spara observationen
forum-save-anyway = Spara ändå
forum-submit-observations = Skicka observationerna till granskning
forum-followup-nav = Uppföljning
forum-followups-heading = Uppföljningspunkter
forum-no-followups = Inga uppföljningspunkter.
forum-followups-caption = Uppföljningspunkter, även öppna punkter från tidigare möten
forum-col-item = Punkt
forum-col-owner = Ansvarig
forum-col-due = Senast
forum-col-status = Status
forum-col-change-status = Ändra status
forum-carried-over-from = Överförd från { $date }
forum-overdue = Försenad
forum-new-status-for = Ny status för { $item }
forum-save = Spara
forum-new-followup = Ny uppföljningspunkt
forum-followup-field = Vad ska följas upp
forum-followup-hint = T.ex. behov av fördjupad analys eller en arbetsgrupp.
forum-owner-field = Ansvarig myndighet
forum-due-hint = ÅÅÅÅ-MM-DD, valfritt.
forum-add-followup = Lägg till punkten

forum-followup-open = Öppen
forum-followup-in-progress = Pågår
forum-followup-done = Klar

forum-attendance-saved = Närvaron är sparad.
forum-agenda-added = Punkten är tillagd.
forum-notes-saved = Anteckningarna är sparade.
forum-followup-added = Uppföljningspunkten är tillagd.
forum-followup-status-changed = Status är ändrad.
forum-observation-saved = Observationen är sparad.
forum-observations-submitted = Forumets observationer är inskickade för granskning.

forum-rotation-crumb = Rotation
forum-rotation-title = Rotation av sammankallande myndighet
forum-rotation-lead = Ett nytt forummöte föreslår som sammankallande den myndighet som står efter förra mötets sammankallande.
forum-rotation-order = Ordning
forum-rotation-order-hint = Myndigheternas koder i tur och ordning, åtskilda med komma, t.ex. SKV, POL, MIG.
forum-rotation-save = Spara ordningen
forum-rotation-codes = Koder
forum-rotation-saved = Rotationsordningen är sparad.

# Fel och besked.
forum-held-on-invalid = Ange mötesdatum som ÅÅÅÅ-MM-DD, t.ex. 2026-11-28.
forum-due-invalid = Ange sista dag som ÅÅÅÅ-MM-DD, eller lämna tomt.
forum-record-forbidden = Bara samordnare för den sammankallande eller en deltagande myndighet kan föra in uppgifter i mötet.
forum-create-forbidden = Forummöten förs in av myndigheternas samordnare.
forum-field-override-reason = Skälet
forum-field-agenda = Punkten
forum-field-notes = Anteckningarna
forum-field-decisions = Besluten
forum-field-followup = Uppföljningspunkten
forum-override-reason-required = Skriv skälet.
forum-agenda-required = Skriv punkten.
forum-followup-required = Skriv uppföljningspunkten.
forum-text-too-long = { $field } får vara högst { $max } tecken.
forum-rotation-unknown-code = Det finns ingen myndighet med koden ”{ $code }”.
forum-rotation-duplicate = { $code } står två gånger i ordningen.
forum-convener-invalid = Välj sammankallande myndighet ur listan.
forum-convener-required = Välj sammankallande myndighet. Ingen rotationsordning är inställd.
forum-period-locked = Perioden { $period } är låst eftersom en publicerad lägesbild bygger på den.
forum-unknown-agency = Okänd myndighet.
forum-owner-required = Välj ansvarig myndighet.
forum-followup-status-unknown = Okänd status.
forum-followup-forbidden = Du kan inte ändra den här uppföljningspunkten.

# Minnesanteckningar (PDF), på läsarens språk.
forum-minutes-file = minnesanteckningar-forum-{ $date }
forum-minutes-title = Minnesanteckningar – Operativt ID-forum { $date }
forum-minutes-subject = Minnesanteckningar från Operativt ID-forum
forum-minutes-heading = Minnesanteckningar { $date }
forum-minutes-header = Operativt ID-forum – minnesanteckningar
forum-minutes-convener = Operativt ID-forum. Sammankallande: { $convener }.
forum-minutes-override = Avvikelse från rotationen: { $reason }
forum-minutes-attendance = Närvarande myndigheter
forum-minutes-no-agenda = Inga punkter.
forum-minutes-observations = Observationer
forum-minutes-no-observations = Inga observationer fördes in.
forum-minutes-observations-caption = Observationer från mötet (status: { $status ->
    [submitted] inskickad
    [accepted] godkänd
    [returned] returnerad
   *[draft] utkast
})
forum-col-misuse-type = Missbrukstyp
forum-col-document-type = Handlingstyp
forum-col-count = Antal
forum-col-description = Beskrivning
forum-minutes-carried-over = (överförd)
forum-minutes-overdue = { $status }, försenad

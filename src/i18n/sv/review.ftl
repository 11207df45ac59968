# Granskning: analytikerns sidor för att godkänna eller returnera inrapporteringar.

review-heading = Granskning
review-lead = Inrapporteringar som väntar på granskning, äldst först.
review-none-waiting = Inga inrapporteringar väntar på granskning.
review-caption = Inskickade inrapporteringar
review-col-agency = Myndighet
review-col-period = Period
review-col-version = Version
review-col-submitted = Inskickad

review-title = Granska { $agency } { $period }
review-show-heading = Granska { $agency }, { $period }
review-changes-heading = Ändringar sedan version { $version }
review-no-changes = Inga rader har ändrats.
review-changes-caption = Skillnader mellan version { $from } och { $to }
review-col-change = Ändring
review-col-observation = Observation
review-col-before = Före
review-col-after = Efter
review-change-added = Tillagd
review-change-removed = Borttagen
review-change-changed = Ändrad
review-value-count = antal { $count }
review-value-trend = trend { $trend ->
        [increasing] ökar
        [stable] oförändrad
        [decreasing] minskar
       *[new] ny företeelse
    }
review-value-description = ”{ $text }”
review-lines-heading = Observationer i version { $version }
review-decision-heading = Beslut
review-comment-field = Kommentar till myndigheten
review-comment-hint = Krävs om du returnerar. Säg vad som behöver rättas. Inga personuppgifter.
review-return-button = Returnera
review-accept-button = Godkänn

review-accepted = Inrapporteringen har fått status ”godkänd”.
review-returned = Inrapporteringen har fått status ”returnerad”.

review-choose-decision = Välj Godkänn eller Returnera.
review-not-awaiting = Inrapporteringen har status ”{ $status ->
        [draft] utkast
        [accepted] godkänd
        [returned] returnerad
       *[submitted] inskickad
    }” och kan inte granskas nu.
review-own-submission = Du kan inte granska en inrapportering som du själv har skrivit eller skickat in.
review-comment-required = Skriv en kommentar som säger vad som behöver rättas.
review-comment-too-long = Kommentaren får vara högst { $max } tecken. Korta texten.
review-the-comment = Kommentaren
review-already-reviewed = Någon annan har just granskat inrapporteringen. Ladda om sidan.

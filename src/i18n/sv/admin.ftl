# Administrationen: perioder, taxonomi, rapportmallar, API-token och granskningsloggen.

admin-index-periods = Öppna och stäng perioder, se inrapporteringsläget.
admin-index-taxonomy = Koder och benämningar för missbrukstyper, handlingstyper m.m.
admin-index-rotation-title = Forumets rotation
admin-index-rotation = I vilken ordning myndigheterna sammankallar Operativt ID-forum.
admin-index-templates = Avsnitt, ordning och standardtexter för nya utgåvor av lägesbilden.
admin-index-tokens = Token för maskinell inrapportering.
admin-index-audit = Vem som gjorde vad och när, hashkedjans status och export som CSV.

## Rapporteringsperioder

admin-periods-title = Rapporteringsperioder
admin-periods-open-heading = Öppna en period
admin-periods-period = Period
admin-periods-period-hint = En månad (2026-07), ett kvartal (2026-Q3), ett halvår (2026-H2) eller ett år (2026).
admin-periods-deadline = Sista dag för inrapportering
admin-periods-deadline-hint = ÅÅÅÅ-MM-DD. Efter denna dag stängs perioden för nya inrapporteringar.
admin-periods-deadline-invalid = Ange sista dag som ÅÅÅÅ-MM-DD, t.ex. 2026-10-15.
admin-periods-open-button = Öppna perioden
admin-periods-all = Alla perioder
admin-periods-caption = Rapporteringsperioder, nyast först
admin-periods-col-status = Status
admin-periods-col-deadline = Sista dag
admin-periods-col-completeness = Inrapporteringsläge
admin-periods-col-action = Åtgärd
admin-periods-show = Visa
admin-periods-show-for = inrapporteringsläget för { $period }
admin-periods-close = Stäng
admin-periods-opened = Perioden { $period } är öppen för inrapportering.
admin-periods-closed = Perioden { $period } är stängd.
admin-periods-close-title = Stäng period
admin-periods-close-heading = Stäng perioden { $period }
admin-periods-close-question = Vill du stänga { $period } för inrapportering? Myndigheterna kan sedan bara rätta returnerade inrapporteringar.
admin-periods-close-button = Stäng perioden
admin-periods-locked = Perioden { $period } är låst eftersom en publicerad lägesbild bygger på den. Ändringar kräver en ny version av lägesbilden.
admin-periods-already-locked = Perioden { $period } är redan låst.

# En period i löptext, t.ex. ”kvartal 3 2026”. Året skickas som text.
period-invalid = ”{ $input }” är ingen giltig period. Skriv en månad (2026-07), ett kvartal (2026-Q3), ett halvår (2026-H2) eller ett år (2026).
period-month = { $month ->
    [1] januari
    [2] februari
    [3] mars
    [4] april
    [5] maj
    [6] juni
    [7] juli
    [8] augusti
    [9] september
    [10] oktober
    [11] november
   *[12] december
} { $year }
period-quarter = kvartal { $index } { $year }
period-half = halvår { $index } { $year }
period-year = år { $year }

## Taxonomi

admin-taxonomy-title = Taxonomi
admin-taxonomy-heading = Taxonomi, version { $version }
admin-taxonomy-lead = Koderna är stabila identifierare i API och CSV. Gränssnittet visar benämningarna. En kod som används tas aldrig bort, men kan tas ur bruk.
admin-taxonomy-add-heading = Lägg till en kod
admin-taxonomy-dimension = Dimension
admin-taxonomy-code = Kod
admin-taxonomy-code-hint = Små bokstäver, siffror och understreck, t.ex. synthetic_identity.
admin-taxonomy-label-sv = Benämning på svenska
admin-taxonomy-label-sv-hint = Visas i den svenska versionen och i rapporter på svenska.
admin-taxonomy-label-en = Benämning på engelska
admin-taxonomy-label-en-hint = Visas i den engelska versionen och i rapporter på engelska.
admin-taxonomy-add-button = Lägg till koden
admin-taxonomy-col-sv = Svenska
admin-taxonomy-col-en = Engelska
admin-taxonomy-col-status = Status
admin-taxonomy-col-version = Version
admin-taxonomy-in-use = I bruk
admin-taxonomy-retired = Ur bruk
admin-taxonomy-added = Koden { $code } är tillagd.
admin-taxonomy-saved = Benämningarna är sparade.
admin-taxonomy-retired-now = Koden { $code } är tagen ur bruk. Befintliga uppgifter behåller den.
admin-taxonomy-code-title = Kod { $code }
admin-taxonomy-save-labels = Spara benämningarna
admin-taxonomy-retire-heading = Ta ur bruk
admin-taxonomy-retire-explained = En kod som tas ur bruk kan inte väljas för nya uppgifter. Uppgifter som redan använder den behåller den.
admin-taxonomy-retire-link = Ta koden ur bruk
admin-taxonomy-is-retired = Koden är tagen ur bruk.
admin-taxonomy-is-retired-since = Koden är tagen ur bruk sedan version { $version }.
admin-taxonomy-retire-title = Ta kod ur bruk
admin-taxonomy-retire-confirm-heading = Ta koden { $code } ur bruk
admin-taxonomy-retire-question = Vill du ta koden { $code } ({ $dimension }) ur bruk? Den kan då inte väljas för nya uppgifter.
admin-taxonomy-retire-button = Ta ur bruk
# Namnen på fälten i felmeddelanden.
admin-taxonomy-label-sv-name = Den svenska benämningen
admin-taxonomy-label-en-name = Den engelska benämningen
admin-taxonomy-label-length = { $label } ska vara 1–120 tecken.
admin-taxonomy-dimension-invalid = Välj en dimension ur listan.
admin-taxonomy-code-invalid = Koden ska vara 1–40 tecken: små bokstäver a–z, siffror, understreck eller bindestreck, t.ex. synthetic_identity.
admin-taxonomy-code-taken = Koden finns redan i dimensionen. Välj en annan kod.
admin-taxonomy-already-retired = Koden är redan tagen ur bruk.

## Rapportmallar

admin-templates-title = Rapportmallar
admin-templates-lead = En mall bestämmer vilka avsnitt en ny utgåva av lägesbilden får, i vilken ordning, med vilka standardtexter och vilket automatiskt innehåll. Utgåvor som redan finns ändras inte.
admin-templates-sections = { $count } avsnitt
admin-templates-new = Ny mall
admin-templates-new-hint = Namn på mallen. Den börjar som en kopia av standardmallen.
admin-templates-create = Skapa mallen
admin-templates-template = Mall: { $name }
admin-templates-name = Mallens namn
admin-templates-section = Avsnitt { $number }: { $title }
admin-templates-keep = Avsnittet ingår i mallen
admin-templates-position = Ordning
admin-templates-title-sv = Rubrik på svenska
admin-templates-title-en = Rubrik på engelska
admin-templates-text-sv = Standardtext i svenska utgåvor (Markdown)
admin-templates-text-en = Standardtext i engelska utgåvor (Markdown)
admin-templates-components = Automatiskt innehåll
admin-templates-save = Spara mallen
admin-templates-saved = Mallen är sparad. Nya utgåvor får den här uppställningen.

## API-token

admin-tokens-title = API-token
admin-tokens-lead = Token används för inrapportering via API eller CSV-fil:
admin-tokens-lead-kinds = En myndighetstoken agerar som myndighetens samordnare; en personlig token agerar som användaren.
admin-tokens-new-heading = Ny token
admin-tokens-new-copy = Kopiera token nu. Den visas bara den här gången och kan inte tas fram igen.
admin-tokens-agency-heading = Skapa myndighetstoken
admin-tokens-agency = Myndighet
admin-tokens-user-heading = Skapa personlig token
admin-tokens-username = Användarnamn
admin-tokens-create = Skapa token
admin-tokens-all = Alla token
admin-tokens-caption = API-token, nyast först
admin-tokens-col-name = Benämning
admin-tokens-col-acts-as = Agerar som
admin-tokens-col-created = Skapad
admin-tokens-col-last-used = Senast använd
admin-tokens-col-status = Status
admin-tokens-personal = Personlig token för { $user }
admin-tokens-revoked = Återkallad
admin-tokens-revoke = Återkalla
admin-tokens-revoked-now = Token är återkallad och fungerar inte längre.
admin-tokens-revoke-title = Återkalla token
admin-tokens-revoke-question = Vill du återkalla token? System som använder den kan inte längre rapportera.
admin-tokens-choose-kind = Välj vilken sorts token som ska skapas.
admin-tokens-no-user = Det finns ingen användare ”{ $user }”.
admin-agency-unknown = Det finns ingen myndighet med koden ”{ $code }”.

## Användarkonton

admin-user-display-name = Visningsnamnet
admin-user-username-invalid = Användarnamnet ska vara 3–64 tecken: bokstäver a–z, siffror, punkt, bindestreck eller understreck.
admin-user-username-taken = Användarnamnet är upptaget. Välj ett annat.
admin-user-agency-required = En samordnare måste höra till en myndighet. Välj myndighet (på kommandoraden: --agency KOD, t.ex. SKV).
admin-password-too-short = Lösenordet ska vara minst { $min } tecken.
admin-password-too-long = Lösenordet får vara högst { $max } tecken.
admin-password-common = Lösenordet är för vanligt eller för enkelt. Välj en lång fras som är svår att gissa.
admin-password-contains-username = Lösenordet får inte innehålla användarnamnet.

## Granskningslogg

admin-audit-title = Granskningslogg
admin-audit-lead = Vem som gjorde vad och när. Varje post bär hashen av posten före, så att en ändrad eller borttagen post syns i kontrollen nedan. Tider anges i UTC.
admin-audit-intact-heading = Hashkedjan är obruten
admin-audit-head = Senaste post: { $id }, hash
admin-audit-broken-heading = Hashkedjan är bruten
admin-audit-broken-advice = Posterna från och med den brutna kan ha ändrats eller tagits bort direkt i databasen. Jämför med en säkerhetskopia, och ta reda på vem som har haft skrivrätt till databasen.
admin-audit-broken-run = Kör
admin-audit-broken-run-after = för att kontrollera igen.
admin-audit-chain-intact = Granskningsloggen är obruten ({ $count } { $count ->
    [one] post
   *[other] poster
})
admin-audit-chain-broken = Granskningsloggen är bruten vid post { $id }: { $reason } ({ $count } { $count ->
    [one] post
   *[other] poster
} före den är kontrollerade och hela)
admin-audit-break-hash = post { $id }: hashen stämmer inte med postens innehåll (hash mismatch) – posten har ändrats efter att den skrevs
admin-audit-break-prev-hash = post { $id }: prev_hash pekar inte på föregående post, { $previous } (prev_hash mismatch) – en post före den har tagits bort eller lagts till, eller { $previous } har ändrats
admin-audit-break-missing-hash = post { $id }: saknar hash (missing hash) – den har skrivits utanför kedjan eller fått hashen borttagen
admin-audit-break-record = post { $id }
admin-audit-break-start = kedjans början
admin-audit-filter = Filtrera
admin-audit-actor = Vem
admin-audit-actor-hint = Användarnamnet exakt, eller system eller anonymous.
admin-audit-action = Händelse
admin-audit-entity = Objekt
admin-audit-any = Alla
admin-audit-from = Från och med
admin-audit-to = Till och med
admin-audit-date-hint = ÅÅÅÅ-MM-DD
admin-audit-date-invalid = Skriv { $field } som ÅÅÅÅ-MM-DD, t.ex. 2026-11-28.
admin-audit-from-name = från-datumet
admin-audit-to-name = till-datumet
admin-audit-to-before-from = Till-datumet ligger före från-datumet. Byt plats på dem eller ändra ett av dem.
admin-audit-show = Visa
admin-audit-show-all = Visa alla poster
admin-audit-matching = Poster som matchar
admin-audit-all = Alla poster
admin-audit-none-match = Inga poster matchar filtret. Ta bort ett filter eller vidga datumen.
admin-audit-empty = Granskningsloggen är tom.
admin-audit-download = Ladda ner CSV
admin-audit-download-note = { $total ->
    [one] (den enda posten som matchar, med hashkedjan)
   *[other] (alla { $total } poster som matchar, med hashkedjan)
}
admin-audit-caption = { $total } { $total ->
    [one] post
   *[other] poster
}, nyast först.
admin-audit-page-of = Sida { $page } av { $pages }.
admin-audit-col-number = Nr
admin-audit-col-time = Tid (UTC)
admin-audit-col-actor = Vem
admin-audit-col-user-id = Användar-id
admin-audit-col-action = Händelse
admin-audit-col-entity = Objekt
admin-audit-col-entity-id = Objektets id
admin-audit-col-detail = Detalj
admin-audit-pages = Sidor
admin-audit-previous = Föregående sida
admin-audit-next = Nästa sida
admin-audit-file = granskningslogg.csv

# Meddelanden: listan, sidhuvudets länk, e-posten och sidan Ditt konto.
# Ett meddelande innehåller aldrig fritext från användare: bara koder, tal och datum.

notifications-header = Meddelanden
notifications-header-unread = Meddelanden ({ $count } { $count ->
    [one] oläst
   *[other] olästa
})
notifications-header-account = Ditt konto

notifications-title = Meddelanden
notifications-lead = Här ser du vad som har hänt i det du arbetar med: inrapporteringar som har granskats, sista dagar som närmar sig och lägesbilder som väntar på dig eller har publicerats. Följ länken för att läsa mer.
notifications-none = Du har inga meddelanden.
notifications-summary = { $count } { $count ->
    [one] meddelande
   *[other] meddelanden
}, varav { $unread } { $unread ->
    [one] oläst
   *[other] olästa
}.
notifications-mark-all-read = Markera alla som lästa
notifications-unread = Oläst
notifications-mark-read = Markera som läst
notifications-pages = Sidor med meddelanden
notifications-newer = Nyare meddelanden
notifications-older = Äldre meddelanden
notifications-page-of = Sida { $page } av { $pages }
notifications-to-account = Få meddelanden med e-post
notifications-to-list = Till dina meddelanden
notifications-all-marked-read = { $count ->
    [0] Du hade inga olästa meddelanden.
    [one] Ett meddelande är markerat som läst.
   *[other] { $count } meddelanden är markerade som lästa.
}

notifications-submission-returned = Er inrapportering för { $period } (version { $version }) har returnerats. Läs granskarens kommentar, rätta och skicka in igen.
notifications-submission-accepted = Er inrapportering för { $period } (version { $version }) har godkänts och ingår nu i underlaget till lägesbilden.
notifications-deadline-reminder = Sista dag för inrapportering för { $period } är { $deadline } ({ $days ->
    [0] i dag
    [one] i morgon
   *[other] om { $days } dagar
}). Er myndighet har inte skickat in sin inrapportering ännu.
notifications-edition-awaiting-approval = Lägesbild { $period }, utgåva { $edition } version { $version }, väntar på fastställande.
notifications-edition-published = Lägesbild { $period }, utgåva { $edition } version { $version }, är publicerad.

notifications-subject-submission-returned = Lägesbild: er inrapportering har returnerats
notifications-subject-submission-accepted = Lägesbild: er inrapportering har godkänts
notifications-subject-deadline-reminder = Lägesbild: sista dag för inrapportering närmar sig
notifications-subject-edition-awaiting-approval = Lägesbild: en lägesbild väntar på fastställande
notifications-subject-edition-published = Lägesbild: en ny lägesbild är publicerad
notifications-subject-generic = Lägesbild: nytt meddelande

notifications-link-submission = Öppna inrapporteringen
notifications-link-reporting = Gå till inrapporteringen
notifications-link-edition = Öppna lägesbilden
notifications-link-open = Öppna

notifications-mail-why = Du får det här e-postmeddelandet eftersom du har angett din e-postadress i Lägesbild. Du kan ändra eller ta bort adressen på sidan Ditt konto:
notifications-mail-no-reply = Svara inte på det här meddelandet; det skickas automatiskt. Logga in i Lägesbild för att läsa mer.

notifications-account-title = Ditt konto
notifications-account-lead = Här väljer du om du också vill få dina meddelanden med e-post. Meddelandena finns alltid under Meddelanden i Lägesbild.
notifications-email-heading = E-post för meddelanden
notifications-email-domains = Lägesbild skickar bara e-post till adresser hos: { $domains }. E-posten innehåller inga uppgifter om identitetsmissbruk, bara vad som har hänt och en länk. Du loggar in för att läsa resten.
notifications-email-off = E-post är inte påslagen i den här installationen av Lägesbild. Du kan ange en adress nu; den används om e-post slås på. Dina meddelanden finns under Meddelanden.
notifications-email-language = E-posten skrivs på det språk du har valt: { $language }. Byt språk med språkvalet överst på sidan.
notifications-email-label = Din e-postadress i tjänsten
notifications-email-hint = Din arbetsadress, t.ex. fornamn.efternamn@myndigheten.se. Lämna fältet tomt om du inte vill ha e-post.
notifications-email-save = Spara
notifications-email-remove = Ta bort e-postadressen
notifications-email-saved = E-postadressen är sparad.
notifications-email-removed = E-postadressen är borttagen. Du får dina meddelanden bara i Lägesbild.
notifications-email-invalid = Ange en e-postadress i formen namn@myndigheten.se, utan mellanslag.
notifications-email-domain-not-allowed = Lägesbild skickar bara e-post till adresser hos { $domains }. Ange din arbetsadress hos någon av dem, eller lämna fältet tomt.

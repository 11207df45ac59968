# Inloggning och startsidan.

login-title = Logga in
login-lead = Logga in med ditt konto i Lägesbild.
login-failed-heading = Inloggningen misslyckades
login-username = Användarnamn
login-password = Lösenord
login-submit = Logga in
login-failed = Fel användarnamn eller lösenord. Kontrollera stavningen och försök igen.
login-throttled = För många misslyckade inloggningar. Vänta { $minutes } { $minutes ->
    [one] minut
   *[other] minuter
} och försök igen, eller kontakta administratören.

home-title = Startsida
home-heading = Välkommen till Lägesbild
home-lead = Här samlas myndigheternas avidentifierade iakttagelser om identitetsmissbruk till en gemensam kunskaps- och lägesbild.
home-submissions = Rapportera din myndighets observationer för en period.
home-review = Godkänn eller returnera inskickade inrapporteringar.
home-dashboard = Trender i godkända uppgifter per kvartal.
home-references = Uppgifter ur andra publicerade lägesbilder, med källa.
home-notices = Nya bedrägerityper, tillvägagångssätt, riskindikatorer, sårbarheter och goda exempel.
home-ministry = Här finns de kunskaps- och lägesbilder som Nationellt ID-center har fastställt och publicerat:
home-ministry-link = Publicerade lägesbilder

# Tillgänglighetsredogörelsen (lagen (2018:1937) om tillgänglighet till digital offentlig service).

accessibility-heading = Tillgänglighetsredogörelse för Lägesbild
accessibility-intro = Nationellt ID-center står bakom Lägesbild, tjänsten där myndigheterna rapporterar avidentifierade iakttagelser om identitetsmissbruk och där den gemensamma kunskaps- och lägesbilden tas fram. Vi vill att så många som möjligt ska kunna använda tjänsten. Här beskriver vi hur Lägesbild uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du rapporterar brister till oss så att vi kan åtgärda dem.

accessibility-status-heading = Hur tillgänglig är tjänsten?
accessibility-status = Lägesbild är delvis förenlig med lagen om tillgänglighet till digital offentlig service. Webbsidorna är byggda för att uppfylla WCAG 2.1 på nivå AA, men vi känner till några brister. De beskrivs under Kända brister.
accessibility-works = Det här fungerar:
accessibility-works-keyboard = Alla sidor går att använda med enbart tangentbord. En länk först på varje sida hoppar direkt till innehållet, och markeringen syns tydligt.
accessibility-works-forms = Alla formulärfält har en etikett. Fel visas i en sammanfattning överst med länkar till fälten, och felet står också vid fältet.
accessibility-works-charts = Varje diagram har en kort sammanfattning i text och följs av en tabell med samma siffror. Tabellerna kan laddas ner som CSV.
accessibility-works-contrast = Texten har minst kontrasten 4,5:1 mot bakgrunden, och sidorna går att använda när de förstoras till 200 %.
accessibility-works-no-script = Tjänsten fungerar utan JavaScript.

accessibility-known-heading = Kända brister
accessibility-known-pdf = PDF-filerna med lägesbilder och minnesanteckningar från forummöten är inte taggade för skärmläsare. Samma innehåll finns som webbsida: lägesbildens sida i tjänsten och mötets sida under Forum.
accessibility-known-charts = Diagrammen är bilder. Deras innehåll finns i sammanfattningen och tabellen under varje diagram, men den som förstorar mycket kan behöva skrolla i sidled i breda tabeller.
accessibility-known-untested = Vi har ännu inte testat tjänsten med användare som använder skärmläsare eller förstoringsprogram.

accessibility-report-heading = Rapportera brister
accessibility-report = Om du upptäcker problem som inte beskrivs här, eller om du behöver innehåll i en annan form, kontakta Nationellt ID-center. Skriv vilken sida det gäller och vad som inte fungerar. Skriv inga personuppgifter om andra. Du som arbetar på en myndighet som rapporterar kan också ta kontakt genom din myndighets samordnare i Operativt ID-forum.
accessibility-report-answer = Vi svarar inom två veckor och berättar vad vi gör åt bristen.

accessibility-supervision-heading = Tillsyn
# Följs av länken till digg.se.
accessibility-supervision = Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsynen över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du anmäla bristande tillgänglighet till DIGG på
accessibility-supervision-link = digg.se

accessibility-testing-heading = Hur vi testat tjänsten
accessibility-testing = Vi har själva granskat Lägesbild. Automatiska tester går igenom varje användarroll i en riktig webbläsare och kontrollerar varje sida de besöker med axe-core mot reglerna för WCAG 2.1 nivå A och AA. Testerna kontrollerar också etiketter, felmeddelanden, tangentbordsanvändning, diagrammens textalternativ och sidorna i 200 % förstoring. Testerna körs vid varje ändring av tjänsten.
accessibility-dates = Senaste bedömningen gjordes den { $assessed }. Redogörelsen uppdaterades senast den { $updated }.

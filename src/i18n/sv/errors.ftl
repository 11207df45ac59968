# Felsidor och felsvar från API:t.

error-heading-not-found = Sidan finns inte
error-heading-forbidden = Du har inte behörighet
error-heading-conflict = Det går inte just nu
error-heading-invalid = Uppgifterna behöver rättas
error-heading-bad-request = Felaktig begäran
error-heading-too-large = För mycket data
error-heading-unavailable = Tjänsten är inte tillgänglig
error-heading-too-many-requests = För många förfrågningar
error-heading-method-not-allowed = Metoden stöds inte
error-heading-internal = Något gick fel

error-internal = Något gick fel hos oss. Försök igen om en stund. Om felet kvarstår, kontakta Nationellt ID-centers förvaltning.
error-unavailable = Tjänsten är tillfälligt överbelastad eller når inte databasen. Försök igen om en stund.
error-not-found = Sidan eller posten finns inte. Kontrollera adressen eller gå tillbaka till startsidan.
error-login-required = Du behöver logga in.
error-unauthorized = Logga in, eller ange en giltig token i huvudet Authorization: Bearer …
error-csrf = Formuläret har gått ut eller skickades från en annan sida. Ladda om sidan och försök igen.
error-invalid = Uppgifterna behöver rättas innan de kan sparas.
error-method-not-allowed = Adressen finns men tar inte emot den här sortens anrop. Använd { $allow }.
error-too-many-requests = För många anrop med samma token: högst { $per_minute } per minut. Vänta { $retry_after } sekunder och försök igen, eller sprid anropen jämnare.
error-forbidden = Du har inte behörighet till den här sidan.
error-too-large = Det du skickade är för stort. Korta texterna, eller dela upp en stor fil i flera.
error-back-to-start = Till startsidan
error-summary-heading = Det här behöver rättas
error-on-line = Rad { $line }: { $message }
csv-error-on-line = Rad { $line } i filen: { $message }

# Ett textfält som är för långt. $label är fältets namn i bestämd form (”Kommentaren”).
error-too-long = { $label } får vara högst { $max } tecken. Korta texten.
error-field-comment = Kommentaren
error-form-unreadable = Formuläret kunde inte läsas: { $detail }. Ladda om sidan och försök igen.
error-query-invalid = Adressen innehåller ogiltiga parametrar.

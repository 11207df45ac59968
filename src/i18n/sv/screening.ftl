# Kontrollen av fritext mot personuppgifter: vad som hittades och hur texten kan skrivas om.

screening-found = { $field } innehåller något som liknar { $kind } vid tecken { $position } ({ $masked }). Inga personuppgifter får lämnas. { $advice }

screening-kind-personal-identity-number = personnummer
screening-kind-coordination-number = samordningsnummer
screening-kind-interim-number = interimsnummer/reservnummer
screening-kind-email = e-postadress
screening-kind-phone-number = telefonnummer
screening-kind-street-address = gatuadress
screening-kind-postcode = postnummer och ort
screening-kind-document-number = dokumentnummer (pass, id-kort, körkort)

screening-advice-id-number = Ta bort numret och beskriv fenomenet utan att ange identiteter, t.ex. "en person född på 1980-talet". Om det är ett diarie- eller ärendenummer: skriv det med prefix som "dnr" och bindestreck i annan position (t.ex. "dnr 8-93999-2025"), eller ta bort det.
screening-advice-email = Ta bort e-postadressen. Hänvisa till myndighetens eller funktionens namn i stället, t.ex. "kontakta myndighetens registratur".
screening-advice-phone-number = Ta bort telefonnumret. Hänvisa till myndighetens eller funktionens namn i stället. Om det är ett ärendenummer, skriv det med prefix som "dnr" och årtalet först.
screening-advice-street-address = Ta bort gatuadressen. Ange på sin höjd kommun eller län, t.ex. "i Stockholms län".
screening-advice-postcode = Ta bort postnumret. Ange på sin höjd kommun eller län i stället för postnummer och ort.
screening-advice-document-number = Ta bort dokumentnumret. Beskriv dokumenttyp och utfärdande land i stället, t.ex. "förfalskat pass från tredje land". Om det är ett diarie- eller ärendenummer, skriv det med prefix som "dnr" och inte direkt efter orden pass, id-kort eller körkort.

# Inläsning av CSV-filer med observationsrader (webbformuläret och API:t).

csv-field-count = Rad { $line } har { $found } fält men rubrikraden har { $expected }. Kontrollera avgränsare och citattecken.
csv-unreadable-line = Rad { $line } går inte att läsa som CSV. Kontrollera avgränsare och citattecken på raden och försök igen.
csv-unterminated-quote = Rad { $line }: en cell börjar med citattecken (") men citattecknet stängs aldrig, så resten av filen kan inte läsas. Lägg till det avslutande citattecknet eller ta bort det inledande.
csv-text-after-quote = Rad { $line }: det står text direkt efter ett avslutande citattecken ("). Om en cell ska innehålla citattecken ska hela cellen omges av citattecken och varje citattecken i den skrivas dubbelt ("").
csv-utf16 = Filen är sparad som UTF-16 (”Unicode-text”), inte UTF-8. Spara den som ”CSV UTF-8” i Excel och försök igen.
csv-not-utf8 = Filen är inte i UTF-8 (det första tecknet som inte kan läsas finns på rad { $line }). Spara den som ”CSV UTF-8” i Excel och försök igen.
csv-duplicate-column = Kolumnen ”{ $column }” finns mer än en gång i rubrikraden. Ta bort den ena så att varje kolumn bara finns en gång.
csv-missing-column = Rubrikraden saknar kolumnen ”{ $column }”, som måste finnas. Lägg till den i rubrikraden och försök igen.
csv-unknown-column = Kolumnen ”{ $column }” i rubrikraden känns inte igen. Byt namn på den till ett av de godkända namnen eller ta bort den. Godkända namn: { $accepted }.
csv-unknown-column-joined = Kolumnen ”{ $column }” i rubrikraden känns inte igen. Byt namn på den till ett av de godkända namnen eller ta bort den. Godkända namn: { $accepted }. Står flera namn i samma kolumn? Skilj kolumnerna åt med semikolon (;) eller komma (,).
csv-unnamed-column = Rad { $line } har en uppgift i kolumn { $column } ({ $letter }), som saknar namn i rubrikraden. Skriv ett godkänt kolumnnamn överst i kolumnen eller ta bort uppgiften.
csv-empty = Filen innehåller inga observationer. Fyll i minst en rad under rubrikraden och försök igen.

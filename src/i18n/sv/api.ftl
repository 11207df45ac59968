# Felsvar som bara JSON-API:t ger.

api-body-unreadable = Begäran kunde inte läsas: { $error }. Skicka den igen.
api-invalid-json = Begäran är inte giltig JSON enligt formatet: { $error }.
api-decision-invalid = Ange decision som "accept" eller "return".

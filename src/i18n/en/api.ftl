# Error answers given only by the JSON API.

api-body-unreadable = The request could not be read: { $error }. Send it again.
api-invalid-json = The request is not valid JSON in the expected format: { $error }.
api-decision-invalid = Give decision as "accept" or "return".

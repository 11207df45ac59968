# The screening of free text for personal data: what was found and how to rephrase.

screening-found = { $field } contains something that looks like { $kind } at character { $position } ({ $masked }). No personal data may be entered. { $advice }

screening-kind-personal-identity-number = a personal identity number
screening-kind-coordination-number = a coordination number
screening-kind-interim-number = an interim or reserve number
screening-kind-email = an e-mail address
screening-kind-phone-number = a phone number
screening-kind-street-address = a street address
screening-kind-postcode = a postcode and town
screening-kind-document-number = a document number (passport, ID card, driving licence)

screening-advice-id-number = Remove the number and describe the phenomenon without giving identities, e.g. "a person born in the 1980s". If it is a case or registration number, write it with a prefix such as "dnr" and the hyphen in another position (e.g. "dnr 8-93999-2025"), or remove it.
screening-advice-email = Remove the e-mail address. Refer to the agency or function by name instead, e.g. "contact the agency's registry".
screening-advice-phone-number = Remove the phone number. Refer to the agency or function by name instead. If it is a case number, write it with a prefix such as "dnr" and the year first.
screening-advice-street-address = Remove the street address. At most give the municipality or county, e.g. "in Stockholm County".
screening-advice-postcode = Remove the postcode. At most give the municipality or county instead of the postcode and town.
screening-advice-document-number = Remove the document number. Describe the document type and issuing country instead, e.g. "forged passport from a third country". If it is a case number, write it with a prefix such as "dnr" and not directly after the words pass, id-kort or körkort.

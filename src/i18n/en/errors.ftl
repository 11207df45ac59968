# Error pages and error answers from the API.

error-heading-not-found = Page not found
error-heading-forbidden = You do not have access
error-heading-conflict = That is not possible right now
error-heading-invalid = Please correct the details
error-heading-bad-request = Bad request
error-heading-too-large = Too much data
error-heading-unavailable = Service unavailable
error-heading-too-many-requests = Too many requests
error-heading-method-not-allowed = Method not supported
error-heading-internal = Something went wrong

error-internal = Something went wrong on our side. Please try again in a while. If the problem persists, contact the National ID-center's service management.
error-unavailable = The service is temporarily overloaded or cannot reach its database. Please try again in a while.
error-not-found = The page or record does not exist. Check the address or go back to the start page.
error-login-required = You need to log in.
error-unauthorized = Log in, or send a valid token in the header Authorization: Bearer …
error-csrf = The form has expired or was sent from another page. Reload the page and try again.
error-invalid = The details need to be corrected before they can be saved.
error-method-not-allowed = The address exists but does not accept this kind of request. Use { $allow }.
error-too-many-requests = Too many requests with the same token: at most { $per_minute } per minute. Wait { $retry_after } seconds and try again, or spread the requests more evenly.
error-forbidden = You do not have access to this page.
error-too-large = What you sent is too large. Shorten the texts, or split a large file into several.
error-back-to-start = Go to the start page
error-summary-heading = Please correct the following
error-on-line = Line { $line }: { $message }
csv-error-on-line = Line { $line } of the file: { $message }

# A text field that is too long. $label is the field's name ("The comment").
error-too-long = { $label } may be at most { $max } characters long. Please shorten the text.
error-field-comment = The comment
error-form-unreadable = The form could not be read: { $detail }. Reload the page and try again.
error-query-invalid = The address contains invalid parameters.

# Importing CSV files of observation lines (the web form and the API).

csv-field-count = Line { $line } has { $found } fields but the header line has { $expected }. Check the separators and quotation marks.
csv-unreadable-line = Line { $line } cannot be read as CSV. Check the separators and quotation marks on the line and try again.
csv-unterminated-quote = Line { $line }: a cell starts with a quotation mark (") but the quotation mark is never closed, so the rest of the file cannot be read. Add the closing quotation mark or remove the opening one.
csv-text-after-quote = Line { $line }: there is text directly after a closing quotation mark ("). If a cell is to contain quotation marks, put the whole cell in quotation marks and write each quotation mark inside it twice ("").
csv-utf16 = The file is saved as UTF-16 (‘Unicode text’), not UTF-8. Save it as ‘CSV UTF-8’ in Excel and try again.
csv-not-utf8 = The file is not in UTF-8 (the first character that cannot be read is on line { $line }). Save it as ‘CSV UTF-8’ in Excel and try again.
csv-duplicate-column = The column ‘{ $column }’ appears more than once in the header line. Remove one so that each column appears only once.
csv-missing-column = The header line lacks the column ‘{ $column }’, which is required. Add it to the header line and try again.
csv-unknown-column = The column ‘{ $column }’ in the header line is not recognised. Rename it to one of the accepted names or remove it. Accepted names: { $accepted }.
csv-unknown-column-joined = The column ‘{ $column }’ in the header line is not recognised. Rename it to one of the accepted names or remove it. Accepted names: { $accepted }. Are several names in the same column? Separate the columns with semicolons (;) or commas (,).
csv-unnamed-column = Line { $line } has a value in column { $column } ({ $letter }), which has no name in the header line. Write an accepted column name at the top of the column or remove the value.
csv-empty = The file contains no observations. Fill in at least one line below the header line and try again.

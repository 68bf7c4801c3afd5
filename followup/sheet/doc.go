// Package sheet writes the follow-up rows of one reporting period as a
// spreadsheet (CSV) that Excel in Swedish opens as a table, and reads the
// filled-in sheet back into a [followup.Report], with every problem placed
// by row and column.
//
// # The sheet
//
// [Export] writes a report (an empty one from [NewReport], to fill in, or
// one to correct) as UTF-8 with a byte order mark, semicolons between
// cells, CRLF line ends and decimal commas: what Swedish Excel opens
// without an import dialogue. The first rows hold the report's own values,
// a key in column A and its value in B: the layout's version, a short
// guide, what the report follows up (the title of the citizen promise,
// action plan or agreement, to read, and its id), the report's id, title,
// period, date ("okänt" when the source does not give it), who reports
// (party names, one a line), whether it is final or an example, and a
// summary. Then comes the table:
// one row per activity and target, with
//
//   - the activity's text and the target as a sentence ([TargetSentence]),
//     to read;
//   - per target: results ("värde | datum | enhet | beskrivning") and
//     dated occurrences ("datum | antal | plats | anteckning"), one entry a
//     line in the cell. A result's value is a number with a decimal comma,
//     perhaps after a qualifier ("drygt 300", "cirka 0,5"), or a stated
//     outcome ("genomfört", "delvis genomfört", "ej genomfört"), or both
//     ("300 (genomfört)"); its date is a day, a month or a year, or the
//     period it covers ("2019-05-01/2019-07-31", then the date after a
//     comma);
//   - per activity, on its first row: the date it was completed, an
//     assessment (a status, by its label) with its justification, the
//     narrative, reasons for a shortfall, substitute activities ("datum |
//     text") and evidence links ("länk | titel");
//   - the ids of the activity and the target, last, for the sheet to be
//     read back; people leave them alone.
//
// A row without target holds what belongs to none of the activity's
// targets. With [Options.Party] the sheet holds only the activities that
// party leads or takes part in: a party reports its own share.
//
// A text that begins with =, +, -, @ or an apostrophe is written after an
// apostrophe, so that a spreadsheet never runs it as a formula, and read
// back without it.
//
// # Reading it back
//
// [Import] reads the sheet, with columns moved, rows sorted, commas
// instead of semicolons and Windows-1252 instead of UTF-8 (Excel's plain
// "CSV" format; a warning) as Excel and people leave it. Rows left empty
// give no update. Each problem is a [schema.Problem] whose Line and Column
// are the row and column as the spreadsheet numbers them, whose Pointer is
// the value's JSON pointer in the report, and whose message begins "rad 7,
// kolumn D (Tillfällen): " ("row 7, column D (…)" in English). The report
// is checked as the validator checks a report file, with the document:
// what Import returns validates.
//
// A sheet holds one language, and not a report's sources, notes, results
// of the report as a whole or extensions: Export returns a warning for
// each such thing in the report it writes. Read back with [Options.Base]
// set to that report, they are kept.
//
// # What a library would add
//
// The standard library's encoding/csv is all this needs. An .xlsx file
// would need a library (such as github.com/xuri/excelize): it could lock
// the id columns, hide them, offer the assessments and party names as
// drop-down lists, format dates and numbers as such, and wrap long texts;
// a CSV file can do none of that, so the sheet says in words what to
// leave alone.
package sheet

// Package app is the editor of medborgarlofte files, <medborgarlofte-editor>,
// apart from the browser: its state, what it does with each event, and the
// tree of its view. Package main beside it (GOOS=js GOARCH=wasm) passes the
// page's events to an [Editor] and lays out the [Node] tree it returns;
// everything else is here, and tested on the host.
//
// # Screens
//
//   - Validera: the web validator. A file (picked, dropped, or fetched
//     from an address the user gives) is checked by schema.Decode, and its
//     problems listed as schema/cmd/validate prints them; a valid file opens
//     in the editor.
//   - Nytt medborgarlöfte: a short guided form (municipality by name or
//     kommunkod from SCB's list, police area, period, signatories) that
//     makes a document with the two parties and a citizen promise.
//   - Redigera: every entity of the document, in an outline, and a form for
//     the one chosen. The forms are drawn from the embedded JSON Schema:
//     properties in the schema's order, types, enums, required properties,
//     and the conditions that forbid properties for a kind (a target's
//     fields follow its kind). A reference is chosen from a list (a small
//     table in refs.go says which list each reference property chooses
//     from); new entities get version 7 ids. Every problem the validator
//     finds is shown beside its field, with the validator's code and
//     message, and all of them in a list with a way to each.
//   - Uppföljning: the follow-up of one reporting period as the rows of
//     package followup/sheet, one per activity and target, read back with
//     sheet.ImportRecords at every change; CSV export and import.
//   - Förhandsvisning: the statuses at a date by followup.Evaluate, the
//     same evaluation as the widget and the report command.
//
// The file being edited is a JSON tree of a bundle, changed by JSON
// pointer; every change is validated, can be undone, and is handed to the
// page as the draft to keep in IndexedDB. Downloads are written as the
// library writes the kind of file they are, and a file with problems is
// never downloaded without saying so.
package app

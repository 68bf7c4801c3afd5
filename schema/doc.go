// Package schema reads the exchange files of medborgarlofte — promise
// documents, follow-up reports and bundles of both — and validates them
// against the embedded JSON Schema (draft 2020-12) and the invariants of
// packages promise and followup, reporting every problem at once with its
// line, column and JSON pointer and a message in Swedish and English.
//
// # Files
//
// A file names its kind by its "$schema": [PromiseDocumentURL],
// [ReportURL] or [BundleURL], and its format version by "schemaVersion"
// ("1.1"; a file of another major version is refused with one clear
// problem, never misread). [KindOf] tells the kind a file declares, valid
// or not. The schemas are embedded and compiled on first use; [Source]
// returns their text. Their reference documentation, REFERENCE.md beside
// this file, is generated from them by go generate.
//
// The schema means the same to every validator that implements draft
// 2020-12: it uses no format that validators implement differently (a web
// address is one pattern, not format "uri" or "iri"), and numbers are read
// as IEEE 754 doubles, as JavaScript reads them. A test in
// examples/tools/schemacheck checks that ajv gives the same verdict as
// Decode on every example, the national synthetic data and a corpus of bad
// files (testdata/bad).
//
// # Decoding
//
// [Decode] takes the bytes of one file and returns the typed [File] and
// its [Problems]. The file is returned only when no problem is an
// [Error]; a [Warning] (a byte order mark) does not make a file invalid.
// Each [Problem] has a stable [Code], the failed JSON Schema keyword where
// there is one, and a message that says what to do: an unknown property
// close to a known one gets "did you mean …?".
//
// Before the schema, Decode enforces what encoding/json lets through:
// [Options.MaxBytes] (16 MiB by default; read input with [ReadAll] so
// that an oversized stream is never read whole), nesting depth, invalid
// UTF-8, the same key twice in one object, data after the JSON value and
// an empty file.
//
// Every problem is found in one run: the model's invariants are checked
// even when the schema found problems. The values the schema refused are
// left out of the model (an element of a list is dropped, a field keeps
// its zero value), and a problem at a value the schema already spoke of is
// not reported again.
//
// The problems are ordered by their position in the file, and at most
// [MaxProblems] (200) are listed, the first ones, then one problem that
// says how many more there are. After 10,000 problems Decode stops
// looking: the problems listed are still the first ones, the count of the
// rest is then a lower bound ("at least 9,800 more"), and the model's
// invariants are not checked (they are, once the file is corrected).
//
// # Cost
//
// Decode's time and memory grow in proportion to the size of the file,
// whatever it holds, and its output is bounded. What each part costs, for
// a file of n bytes (at most [Options.MaxBytes], 16 MiB):
//
//   - Parsing: linear time. The tree and the index of positions take
//     about 3–25 times n bytes, the most for files of tiny values (5.5
//     million empty objects in 16 MiB: about 380 MB at the peak).
//   - The JSON Schema: the library (santhosh-tekuri/jsonschema) builds
//     every error it finds, about 17 µs and 2 KB a failing value, kept until
//     it returns, and a map of the members of every array and object it
//     validates. So it is only given values of at most 256 values; larger
//     arrays and objects are walked in the order of the file, their own
//     keywords checked by this package, and their members validated one by
//     one against the subschemas the library would apply. A valid value
//     costs about 1.5 µs. The walk stops after 10,000 problems: at most
//     about 0.2 s and 30 MB go to failing values, whatever their number.
//     Numbers are read as doubles first, so a number of a million digits
//     costs what any other does.
//   - Unknown properties: the suggestion compares the name (at most 64
//     characters) with the known properties at that place, for at most
//     10,000 problems.
//   - The model: a valid file is decoded by encoding/json; a file with
//     problems by a lenient decoding of the tree, linear in its size.
//   - The model's invariants ([promise.Document.Validate],
//     [followup.Report.Validate]): linear in the model, plus about 4 µs and
//     1.3 KB for each violation they find, all of which they return. A
//     file of 16 MiB can hold about 400,000 broken references (40 bytes
//     each): about 4 s of CPU and 480 MB, the most any file costs (the
//     national synthetic data of 16 MiB, valid: 3.4 s and 220 MB). Only
//     the first MaxProblems of them are kept. Each report of a bundle is checked
//     against the part of the document it mentions, not the whole: checked
//     against the whole, 10,000 small reports on a document of 90,000
//     places took a minute.
//   - Placing problems on lines: one pass over the file for all of them.
//   - Output: at most MaxProblems+1 problems; values in messages are cut at
//     60 characters. The validate command writes at most about 80 KB per
//     file (120 KB with -json), whatever the file.
//
// The command examples/tools/cmd/cost (make cost) measures Decode, the
// validate command, followup.Evaluate, the report command and the widget
// on adversarial files of up to 16 MiB and on national synthetic data of
// the same sizes, and prints time, peak memory and output size.
//
// # Bundles
//
// [Merge] merges one promise document and any number of follow-up reports
// (or an existing bundle plus new reports) into the bundle that the widget
// reads. It decodes each input, checks that the files belong together
// (every report about a citizen promise, activity, target, party and
// place of the document), refuses two different documents and two
// different reports with one id, keeps one copy of anything given twice
// (with a warning), and validates the merged bundle. Its problems are
// [FileProblems]: each a [Problem] placed in the file it concerns.
//
// # The validator
//
// The command schema/cmd/validate prints the problems of files as
// FILE:LINE:COL: POINTER: message and exits 0 when all are valid, 1 when
// any is invalid and 2 on a usage or I/O error:
//
//	go run ./schema/cmd/validate [-lang sv|en] [-json] FILE...
//
// The command schema/cmd/bundle writes the bundle of [Merge] atomically (a
// temporary file renamed over the target, never a half-written file),
// only when every input is valid, with the same exit statuses:
//
//	go run ./schema/cmd/bundle [-lang sv|en] -o OUT FILE...
package schema

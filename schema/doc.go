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
// ("1.0"; a file of another major version is refused with one clear
// problem, never misread). The schemas are embedded and compiled on first
// use; [Source] returns their text. Their reference documentation,
// REFERENCE.md beside this file, is generated from them by go generate.
//
// # Decoding
//
// [Decode] takes the bytes of one file and returns the typed [File] and
// its [Problems]. The file is returned only when no problem is an
// [Error]; a [Warning] (a byte order mark) does not make a file invalid.
// Each [Problem] has a stable [Code], the failed JSON Schema keyword where
// there is one, and a message that says what to do.
//
// Before the schema, Decode enforces what encoding/json lets through:
// [Options.MaxBytes] (16 MiB by default; read input with [ReadAll] so
// that an oversized stream is never read whole), nesting depth, invalid
// UTF-8, the same key twice in one object, data after the JSON value and
// an empty file.
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

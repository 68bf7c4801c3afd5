// Package jsonscan is a strict, fast JSON parser for the validator of the JSON
// files that municipal officials exchange. Parse decodes a document into the
// same values as encoding/json with Decoder.UseNumber (map[string]any, []any,
// json.Number, string, bool, nil), in one pass and with fewer allocations, and
// it rejects what encoding/json lets through: invalid UTF-8 and lone UTF-16
// surrogate escapes, duplicate object keys, numbers beyond the range of
// float64 and nesting deeper than a set limit. Every problem is an *Error with
// a stable Code, the byte offset and the JSON pointer of the value concerned,
// and Locate and Position turn a JSON pointer or an offset into the line and
// column that a person can find in an editor, so error messages can point at
// the exact place in the file. ParseIndexed also returns an Index of where
// every value starts, the order of each object's members and the size of
// each array and object, so that placing a pointer costs the length of the
// pointer, not of the document; Positions places many offsets in one pass.
package jsonscan

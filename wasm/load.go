//go:build js && wasm

package main

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// The $schema of the files the widget reads. It reads a bundle (a promise
// document and its reports) and, for convenience, a plain promise document
// (a bundle without reports).
const (
	bundleSchema   = "https://medborgarlofte.se/schema/1/bundle.schema.json"
	documentSchema = "https://medborgarlofte.se/schema/1/promise-document.schema.json"
)

// invalidError is data that decoded but breaks the model's invariants:
// every violation, with pointers into the file.
type invalidError struct{ Problems promise.Violations }

func (e invalidError) Error() string {
	return "the data is invalid: " + strconv.Itoa(len(e.Problems)) + " problems"
}

// syntaxError is data that is not JSON of the right shape.
type syntaxError struct {
	Line, Column int
	Msg          string
}

func (e syntaxError) explain(lang string) string { return sprintf(wErrJSON.in(lang), e.Error()) }
func (syntaxError) retryable() bool              { return false }

func (e syntaxError) Error() string {
	if e.Line > 0 {
		return strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Column) + ": " + e.Msg
	}
	return e.Msg
}

// kindError is JSON that is not a bundle or promise document.
type kindError struct{ Msg string }

func (e kindError) Error() string              { return e.Msg }
func (e kindError) explain(lang string) string { return sprintf(wErrKind.in(lang), e.Msg) }
func (kindError) retryable() bool              { return false }

// decodeBundle decodes data into a bundle and checks the invariants of its
// document and of each report against the document. It does not run the
// JSON Schema (package schema would add 0.6 MB and 125 ms of start-up to
// the widget): files are validated where they are published.
func decodeBundle(data []byte) (*followup.Bundle, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // spreadsheet tools add a BOM
	var b followup.Bundle
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, jsonError(data, err)
	}
	prefix := "/document"
	switch b.Schema {
	case bundleSchema:
		if !majorOne(b.SchemaVersion) {
			return nil, kindError{"schemaVersion " + strconv.Quote(b.SchemaVersion) + " is not 1.x"}
		}
	case documentSchema:
		b = followup.Bundle{Schema: bundleSchema, SchemaVersion: promise.SchemaVersion}
		if err := json.Unmarshal(data, &b.Document); err != nil {
			return nil, jsonError(data, err)
		}
		prefix = ""
	case "":
		return nil, kindError{"$schema is missing"}
	default:
		return nil, kindError{"$schema is " + strconv.Quote(b.Schema)}
	}
	var problems promise.Violations
	problems = appendViolations(problems, prefix, b.Document.Validate())
	for i := range b.Reports {
		problems = appendViolations(problems, "/reports/"+strconv.Itoa(i), b.Reports[i].Validate(&b.Document))
	}
	if len(problems) > 0 {
		return nil, invalidError{problems}
	}
	return &b, nil
}

func majorOne(v string) bool { return strings.HasPrefix(v, "1.") }

// appendViolations appends err's violations with prefix before their
// pointers; an error that is not promise.Violations becomes one violation.
func appendViolations(out promise.Violations, prefix string, err error) promise.Violations {
	if err == nil {
		return out
	}
	vs, ok := err.(promise.Violations)
	if !ok {
		return append(out, promise.Violation{Pointer: prefix, Message: promise.Text{"en": err.Error(), "sv": err.Error()}})
	}
	for _, v := range vs {
		if v.Pointer == "(root)" || v.Pointer == "" {
			v.Pointer = prefix
		} else {
			v.Pointer = prefix + v.Pointer
		}
		if v.Pointer == "" {
			v.Pointer = "(root)"
		}
		out = append(out, v)
	}
	return out
}

// jsonError turns an encoding/json error into a syntaxError with the line
// and column where it happened.
func jsonError(data []byte, err error) error {
	off := int64(-1)
	msg := err.Error()
	switch e := err.(type) {
	case *json.SyntaxError:
		off = e.Offset - 1 // the offset is after the byte that failed
	case *json.UnmarshalTypeError:
		off = e.Offset
		msg = "expected " + e.Type.String() + " at " + e.Field + ", found " + e.Value
	}
	msg = strings.TrimPrefix(msg, "json: ")
	if off < 0 || off > int64(len(data)) {
		return syntaxError{Msg: msg}
	}
	line, col := 1, 1
	for _, r := range string(data[:off]) {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return syntaxError{Line: line, Column: col, Msg: msg}
}

//go:build !medborgarlofte_nouuid

package promise

import "github.com/google/uuid"

// ID identifies an object of a document: a party, a person, a citizen
// promise, an activity, a target, a report. It is google/uuid's UUID, and
// its text form is the UUID's ("6f1c2c1e-8d7b-4c55-9e3a-0d6f2b8e4a10").
//
// Built with the tag medborgarlofte_nouuid, as the status widget is, ID is
// instead a 16-byte array of package promise/internal/uid with the same
// text forms and error texts and only the methods String, MarshalText and
// UnmarshalText (uuid.UUID's others, such as Value, Scan, URN and Version,
// are missing), so that the widget does not link google/uuid, whose
// package variables and init functions (rand.Reader, crypto.RegisterHash)
// keep crypto/rand, crypto/md5 and crypto/sha1. The tag is for the
// widget's packages (promise, followup, followup/view, schema, wasm; the
// tests of promise, followup, followup/view and wasm run with it too); the
// commands and the editor create ids with google/uuid and are built
// without it. The tag applies to the whole build: a program built with it
// cannot mix uuid.UUID values with IDs. Code that needs both builds
// compares with the zero ID{} and parses with [ParseID], never with
// package uuid; a uuid.UUID converts to an ID with promise.ID(u) in both.
type ID = uuid.UUID

// ParseID parses s as an ID, as uuid.Parse does: it accepts
// xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, the same with "urn:uuid:" before
// it or in braces, and 32 hex digits. Documents hold only the first form
// (package schema refuses the others).
func ParseID(s string) (ID, error) { return uuid.Parse(s) }

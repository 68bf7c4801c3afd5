//go:build !medborgarlofte_nouuid

package promise

import "github.com/google/uuid"

// ID identifies an object of a document: a party, a person, a citizen
// promise, an activity, a target, a report. It is google/uuid's UUID, and
// its text form is the UUID's ("6f1c2c1e-8d7b-4c55-9e3a-0d6f2b8e4a10").
//
// Built with the tag medborgarlofte_nouuid, as the status widget is, ID is
// instead a 16-byte array of package promise/internal/uid with the same
// text forms, errors and methods (String, MarshalText, UnmarshalText), so
// that the widget does not link google/uuid and the crypto packages that
// its package variables need. Code that needs both builds compares with
// the zero ID{} and parses with [ParseID], never with package uuid.
type ID = uuid.UUID

// ParseID parses s as an ID: uuid.Parse.
func ParseID(s string) (ID, error) { return uuid.Parse(s) }

// nilID is the zero ID: no id.
var nilID ID

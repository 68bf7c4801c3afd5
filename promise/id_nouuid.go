//go:build medborgarlofte_nouuid

package promise

import "github.com/medborgarlofte/medborgarlofte/promise/internal/uid"

// ID identifies an object of a document (see the default build's doc):
// with the tag medborgarlofte_nouuid, a UUID without google/uuid.
type ID = uid.UUID

// ParseID parses s as an ID, as uuid.Parse does.
func ParseID(s string) (ID, error) { return uid.Parse(s) }

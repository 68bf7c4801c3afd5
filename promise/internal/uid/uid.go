// Package uid provides the UUID type that promise.ID is when the module is
// built with the tag medborgarlofte_nouuid, as the status widget is: a
// UUID without google/uuid, whose package variables and init functions
// link crypto/rand, crypto/md5 and crypto/sha1 (about 70 kB of the
// widget's gzipped wasm) although the widget only reads ids.
//
// Its text forms and error texts are google/uuid v1.6.0's, byte for byte:
// the tests compare the two on every form Parse accepts and on fuzzed
// input.
package uid

import (
	"errors"
	"strconv"
)

// UUID is a 16-byte universally unique identifier, as google/uuid's UUID.
type UUID [16]byte

var errFormat = errors.New("invalid UUID format")

// Parse decodes s as google/uuid's Parse does: the forms
// xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, urn:uuid:xxxxxxxx-…, {xxxxxxxx-…}
// and 32 hex digits.
func Parse(s string) (UUID, error) {
	var u UUID
	switch len(s) {
	case 36:
	case 36 + 9:
		if !equalFoldASCII(s[:9], "urn:uuid:") {
			return u, errors.New("invalid urn prefix: " + strconv.Quote(s[:9]))
		}
		s = s[9:]
	case 36 + 2:
		s = s[1:]
	case 32:
		var ok bool
		for i := range u {
			// As google/uuid: the bad byte is stored before the error.
			if u[i], ok = xtob(s[i*2], s[i*2+1]); !ok {
				return u, errFormat
			}
		}
		return u, nil
	default:
		return u, errors.New("invalid UUID length: " + strconv.Itoa(len(s)))
	}
	if s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return u, errFormat
	}
	for i, x := range [16]int{0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34} {
		v, ok := xtob(s[x], s[x+1])
		if !ok {
			return u, errFormat
		}
		u[i] = v
	}
	return u, nil
}

// equalFoldASCII reports whether s equals the lower-case ASCII t under
// case folding, as strings.EqualFold does when len(s) == len(t): a
// multi-byte rune would leave s with fewer runes than t, so only ASCII
// letters can match.
func equalFoldASCII(s, t string) bool {
	if len(s) != len(t) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != t[i] {
			return false
		}
	}
	return true
}

func xtob(a, b byte) (byte, bool) {
	x, y := unhex(a), unhex(b)
	return x<<4 | y, x != 255 && y != 255
}

func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10
	}
	return 255
}

// String returns u as xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, in lower case.
func (u UUID) String() string {
	var b [36]byte
	u.encode(b[:])
	return string(b[:])
}

func (u UUID) encode(b []byte) {
	const hex = "0123456789abcdef"
	j := 0
	for i, c := range u {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			b[j] = '-'
			j++
		}
		b[j], b[j+1] = hex[c>>4], hex[c&15]
		j += 2
	}
}

// MarshalText returns u's String form.
func (u UUID) MarshalText() ([]byte, error) {
	b := make([]byte, 36)
	u.encode(b)
	return b, nil
}

// UnmarshalText decodes data as Parse does.
func (u *UUID) UnmarshalText(data []byte) error {
	id, err := Parse(string(data))
	if err != nil {
		return err
	}
	*u = id
	return nil
}

package main

import (
	"testing"

	"github.com/medborgarlofte/medborgarlofte/schema"
)

// Each shape is what it says: the valid ones decode without problems (so
// that their figures measure the evaluation, not a refusal), the invalid
// ones with problems, and the sized ones fit the size asked for.
func TestShapes(t *testing.T) {
	const size = 64 << 10
	for _, s := range shapes {
		t.Run(s.name, func(t *testing.T) {
			data, at := s.make(size)
			if at.IsZero() {
				t.Error("no date to evaluate at")
			}
			if s.sized && (len(data) > size || len(data) < size/2) {
				t.Errorf("%d bytes, asked for %d", len(data), size)
			}
			if !s.sized && len(data) > 4<<20 {
				t.Skipf("%d bytes: decoding it is for the command, not the test", len(data))
			}
			f, problems := schema.Decode(data, schema.Options{})
			if (f != nil) != s.valid {
				t.Errorf("valid = %v, want %v; problems: %v", f != nil, s.valid, problems)
			}
		})
	}
}

package uid

import (
	"testing"

	"github.com/google/uuid"
)

// same fails unless Parse, UnmarshalText, String and MarshalText agree with
// google/uuid's on s.
func same(t *testing.T, s string) {
	t.Helper()
	want, werr := uuid.Parse(s)
	got, gerr := Parse(s)
	if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
		t.Fatalf("Parse(%q): error %v, google/uuid says %v", s, gerr, werr)
	}
	if got != UUID(want) {
		t.Fatalf("Parse(%q) = %v, google/uuid says %v", s, got, want)
	}
	var wu uuid.UUID
	var gu UUID
	werr, gerr = wu.UnmarshalText([]byte(s)), gu.UnmarshalText([]byte(s))
	if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() || gu != UUID(wu) {
		t.Fatalf("UnmarshalText(%q): %v, %v; google/uuid: %v, %v", s, gu, gerr, wu, werr)
	}
	if gerr == nil {
		if got.String() != want.String() {
			t.Fatalf("String: %q, google/uuid says %q", got.String(), want.String())
		}
		gb, _ := got.MarshalText()
		wb, _ := want.MarshalText()
		if string(gb) != string(wb) {
			t.Fatalf("MarshalText: %q, google/uuid says %q", gb, wb)
		}
	}
}

var seeds = []string{
	"",
	"6f1c2c1e-8d7b-4c55-9e3a-0d6f2b8e4a10",
	"6F1C2C1E-8D7B-4C55-9E3A-0D6F2B8E4A10",
	"00000000-0000-0000-0000-000000000000",
	"ffffffff-ffff-ffff-ffff-ffffffffffff",
	"urn:uuid:6f1c2c1e-8d7b-4c55-9e3a-0d6f2b8e4a10",
	"URN:UUID:6f1c2c1e-8d7b-4c55-9e3a-0d6f2b8e4a10",
	"urn:uuix:6f1c2c1e-8d7b-4c55-9e3a-0d6f2b8e4a10",
	"urn:uu\xffd6f1c2c1e-8d7b-4c55-9e3a-0d6f2b8e4a10",
	"{6f1c2c1e-8d7b-4c55-9e3a-0d6f2b8e4a10}",
	"{6f1c2c1e-8d7b-4c55-9e3a-0d6f2b8e4a10x",
	"6f1c2c1e8d7b4c559e3a0d6f2b8e4a10",
	"6f1c2c1e8d7b4c559e3a0d6f2b8e4a1g",
	"6f1c2c1e-8d7b-4c55-9e3a-0d6f2b8e4a1",
	"6f1c2c1e_8d7b-4c55-9e3a-0d6f2b8e4a10",
	"6f1c2c1e-8d7b-4c55-9e3a-0d6f2b8e4aZ0",
	"2019-02-08",
}

func TestSameAsGoogleUUID(t *testing.T) {
	for _, s := range seeds {
		same(t, s)
	}
	for _, s := range []string{seeds[1], seeds[5], seeds[9], seeds[11]} {
		for i := range len(s) {
			for _, c := range []byte{0, '-', 'g', 'A', 'f', '0', '{', 0xff} {
				b := []byte(s)
				b[i] = c
				same(t, string(b))
			}
		}
	}
}

func FuzzSameAsGoogleUUID(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(same)
}

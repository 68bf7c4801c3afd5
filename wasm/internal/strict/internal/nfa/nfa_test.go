package nfa

import (
	"regexp"
	"testing"
)

// TestPatternLanguage: the constructs of the pattern language against
// regexp, and what it refuses.
func TestPatternLanguage(t *testing.T) {
	for _, src := range []string{`a|b`, `^(a|b)$`, `^(ab|c)*$`, `^a{2,3}$`, `^a{2,}$`, `^a+b?$`, `^[^a-c]x`, `.x`, `^\.\-$`, `^(a*)*$`, `x$`, `^$`, `^[-a]$`, `^[a-]$`, `^[]a]$`} {
		p, err := Compile(src)
		if err != nil {
			t.Errorf("Compile(%q) = %v", src, err)
			continue
		}
		re := regexp.MustCompile(src)
		for _, s := range []string{"", "a", "b", "ab", "aab", "aaa", "aaaa", "abab", "abc", "cx", "x", "dx", "\nx", ".-", "-", "]", "aaab", "ba"} {
			if got, want := p.Match(s), re.MatchString(s); got != want {
				t.Errorf("pattern %q on %q = %v, regexp says %v", src, s, got, want)
			}
		}
	}
	for _, src := range []string{`^a|b$`, `\d`, `(?i)a`, `a*?`, `[[:alpha:]]`, `a^b`, `a{1000}`} {
		if _, err := Compile(src); err == nil {
			t.Errorf("Compile(%q) = nil, want an error", src)
		}
	}
}

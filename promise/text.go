package promise

import (
	"net/url"
	"strings"
)

// DefaultLanguage is the language a [Text] falls back to: documents are
// written by Swedish municipalities and the police, in Swedish first.
const DefaultLanguage = "sv"

// Text is human text in one or more languages, keyed by BCP 47 language tag
// ("sv", "en", "fi", "se" …). In JSON it is an object: {"sv": "…", "en": "…"}.
// A nil or empty Text means no text.
type Text map[string]string

// In returns the text in lang, else in [DefaultLanguage], else in the
// alphabetically first language present, else "". The fallback is
// deterministic so that two renderings of one document never differ.
func (t Text) In(lang string) string {
	if s, ok := t[lang]; ok && s != "" {
		return s
	}
	if s, ok := t[DefaultLanguage]; ok && s != "" {
		return s
	}
	first := ""
	for k, s := range t {
		if s != "" && (first == "" || k < first) {
			first = k
		}
	}
	return t[first]
}

// String returns the text in [DefaultLanguage] (see [Text.In]).
func (t Text) String() string { return t.In(DefaultLanguage) }

// IsZero reports whether t holds no non-blank text.
func (t Text) IsZero() bool {
	for _, s := range t {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// Link is a reference to a web page or file. Only absolute http and https
// URLs are valid: a link is shown to residents on public web pages, where
// javascript:, data: and file: URLs are a hazard.
type Link struct {
	URL   string `json:"url"`
	Title Text   `json:"title,omitempty"`
}

// IsWebURL reports whether s is an absolute http or https URL with a host.
func IsWebURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return false
	}
	return u.Scheme == "https" || u.Scheme == "http"
}

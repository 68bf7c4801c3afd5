package sheet

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// This file holds how values are written into cells and read back: numbers
// with a decimal comma, dates, yes and no, entries of several fields in one
// line, and the guard against formulas.

// formatNumber writes v with a decimal comma and no grouping, so that
// Swedish Excel reads it as a number, with as many digits as it takes to
// read back the same float64.
func formatNumber(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
}

// parseNumber reads a number as Swedish or English spreadsheets write it:
// "0,78", "0.78", "1 234,5" (spaces group digits), "1E+21". A comma and a
// point in one number are refused: which is the decimal sign is a guess.
func parseNumber(s string) (float64, bool) {
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\u202f' {
			return -1
		}
		return r
	}, s)
	if strings.Contains(s, ",") && strings.Contains(s, ".") {
		return 0, false
	}
	s = strings.Replace(s, ",", ".", 1)
	if s == "" || strings.ContainsAny(s, "_xXpP") { // no Go or hexadecimal forms
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

func parseDate(s string) (promise.Date, bool) {
	d, err := promise.ParseDate(strings.TrimSpace(s))
	return d, err == nil
}

// yes and no as the sheet writes them, and what it accepts.
func formatBool(b bool, lang string) string {
	if b {
		return words.Key("sheet.yes").In(lang)
	}
	return ""
}

func parseBool(s string) (value, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "x", "1", "true":
		return true, true
	case "", "0", "false":
		return false, true
	}
	for _, lang := range words.Languages() {
		if slices.Contains(strings.Split(words.Key("sheet.read.yes").In(lang), "|"), s) {
			return true, true
		}
		if slices.Contains(strings.Split(words.Key("sheet.read.no").In(lang), "|"), s) {
			return false, true
		}
	}
	return false, false
}

// guard keeps a spreadsheet from reading text as a formula: a cell that
// begins with =, +, -, @, a tab or a carriage return is run by Excel
// ("CSV injection"), so such a text, and one that begins with the
// apostrophe itself, is written after an apostrophe. unguard removes it.
func guard(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\'':
		return "'" + s
	}
	return s
}

func unguard(s string) string { return strings.TrimPrefix(s, "'") }

// Entries: a cell may hold several entries, one a line; an entry's fields
// are separated by "|", with spaces around for reading ("2019-04-10 | 2 |
// Läggesta station | kvällsvandring"). The last field takes the rest of
// the line, so that it may hold "|" itself; the others may not.

const fieldSep = " | "

// entryLines splits a cell into its entries, skipping empty lines.
func entryLines(cell string) []string {
	var out []string
	for line := range strings.SplitSeq(strings.ReplaceAll(cell, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(line) != "" {
			out = append(out, line)
		}
	}
	return out
}

// fields splits an entry into at most n trimmed fields.
func fields(line string, n int) []string {
	parts := strings.SplitN(line, "|", n)
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// joinFields joins an entry's fields, leaving out empty ones at the end.
func joinFields(fs ...string) string {
	for len(fs) > 1 && fs[len(fs)-1] == "" {
		fs = fs[:len(fs)-1]
	}
	return strings.Join(fs, fieldSep)
}

// fitsField reports whether s can be written as a field of an entry that is
// not the last and read back unchanged.
func fitsField(s string) bool {
	return !strings.ContainsAny(s, "|\r\n") && s == strings.TrimSpace(s)
}

// fitsLast reports whether s can be the last field of an entry.
func fitsLast(s string) bool {
	return !strings.ContainsAny(s, "\r\n") && s == strings.TrimSpace(s)
}

// columnName is the spreadsheet's name of the 0-based column i: A … Z, AA …
func columnName(i int) string {
	name := ""
	for i++; i > 0; i = (i - 1) / 26 {
		name = string(rune('A'+(i-1)%26)) + name
	}
	return name
}

// windows1252 maps the bytes 0x80–0x9F of Windows-1252 to runes; the
// other bytes are Latin-1. Excel's "CSV (semikolonavgränsad)" is written
// in it, not UTF-8.
var windows1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8d, 'Ž', 0x8f,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9d, 'ž', 'Ÿ',
}

// decodeText returns data as UTF-8 text without a byte order mark, and
// how it was read: as UTF-8, as Windows-1252 (no byte order mark and not
// UTF-8), or not at all (a byte order mark before what is not UTF-8).
func decodeText(data []byte) (string, encoding) {
	if s, ok := strings.CutPrefix(string(data), "\uFEFF"); ok {
		if !utf8.ValidString(s) {
			return "", badUTF8
		}
		return s, utf8Text
	}
	if utf8.Valid(data) {
		return string(data), utf8Text
	}
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0:
			b.WriteRune(windows1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String(), windowsText
}

type encoding uint8

const (
	utf8Text encoding = iota
	windowsText
	badUTF8
)

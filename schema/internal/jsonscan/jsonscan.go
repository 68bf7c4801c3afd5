package jsonscan

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Limits bounds what Parse accepts. The zero value means the defaults.
type Limits struct {
	// MaxDepth is the nesting depth of arrays/objects: 64 when zero or
	// negative, and at most 10000 (encoding/json's own limit), because Parse
	// recurses once per level.
	MaxDepth int
}

const (
	defaultMaxDepth = 64
	maxMaxDepth     = 10000
)

// Code is a stable, machine-readable kind of syntax problem.
type Code string

// The codes of Error.
const (
	CodeEmpty        Code = "empty-file"    // no JSON value at all (only whitespace, or 0 bytes)
	CodeSyntax       Code = "syntax"        // malformed JSON
	CodeInvalidUTF8  Code = "invalid-utf8"  // bytes that are not UTF-8, or a lone surrogate escape such as \ud800
	CodeDuplicateKey Code = "duplicate-key" // the same key twice in one object (compared after unescaping)
	CodeTooDeep      Code = "too-deep"      // arrays/objects nested deeper than Limits.MaxDepth
	CodeTrailingData Code = "trailing-data" // anything but whitespace after the first value
	CodeNumberRange  Code = "number-range"  // a number that overflows float64 (e.g. 1e400)
)

// Error is a syntax problem at a byte offset. Pointer is the RFC 6901 JSON
// pointer of the value being parsed when the problem was found (for a
// duplicate key: the pointer of the duplicate member, e.g. "/a/dup"; for
// trailing data: ""), Offset the 0-based byte offset of the problem.
type Error struct {
	Code    Code
	Offset  int
	Pointer string
	Detail  string // short English detail, e.g. `unexpected character '}' after object key (expecting ':')`
}

// Error returns "jsonscan: <detail> at offset N".
func (e *Error) Error() string {
	return "jsonscan: " + e.Detail + " at offset " + strconv.Itoa(e.Offset)
}

// Parse parses exactly one JSON value (RFC 8259) from data, with optional
// surrounding whitespace. Objects become map[string]any, arrays []any, numbers
// json.Number (the literal text, as with Decoder.UseNumber), strings string,
// true/false bool, null nil. A leading UTF-8 byte order mark is NOT handled
// here (the caller strips it).
//
// Every empty object of the document is the same map: do not add to it.
//
// On failure Parse returns a nil value and an *Error. The document is always
// checked for well-formedness first: the first problem that makes it malformed
// (CodeSyntax, CodeInvalidUTF8, CodeTooDeep, CodeTrailingData, CodeEmpty) is
// the one reported. Only in a document that is otherwise well-formed is the
// first duplicate key or out-of-range number (by offset) reported, so a
// CodeDuplicateKey or CodeNumberRange error means that fixing that value, and
// maybe others like it, makes the document valid.
func Parse(data []byte, lim Limits) (any, error) {
	return parse(data, lim, nil)
}

func parse(data []byte, lim Limits, ix *Index) (any, error) {
	p := parser{data: data, maxDepth: lim.MaxDepth, ix: ix}
	if p.maxDepth <= 0 {
		p.maxDepth = defaultMaxDepth
	}
	p.maxDepth = min(p.maxDepth, maxMaxDepth)
	i := skipSpace(data, 0)
	if i == len(data) {
		detail := "no JSON value (the input is empty)"
		if len(data) > 0 {
			detail = "no JSON value (the input is only whitespace)"
		}
		return nil, &Error{Code: CodeEmpty, Offset: 0, Detail: detail}
	}
	if ix != nil {
		ix.rootOffset = i
	}
	v, i := p.value(i)
	if i < 0 {
		return nil, p.err
	}
	if i = skipSpace(data, i); i < len(data) {
		if p.invalidUTF8(i) < 0 {
			return nil, p.err
		}
		return nil, &Error{Code: CodeTrailingData, Offset: i,
			Detail: "unexpected " + describe(data, i) + " after top-level value"}
	}
	if p.deferred != nil {
		return nil, p.deferred
	}
	return v, nil
}

// parser is the state of one Parse call. Its methods that return an offset
// return a negative one after they set err.
type parser struct {
	data     []byte
	maxDepth int
	depth    int

	// path is the JSON pointer of the value being parsed, one frame per open
	// array or object; it is read only to report a problem.
	path []frame

	// elems and members are stacks shared by all the arrays and objects being
	// parsed: a container pushes its contents and, at its end, moves them into
	// a value allocated with its exact size.
	elems   []any
	members []member

	buf  []byte            // unescaped string contents, reused
	keys map[string]string // interned object keys
	// empty is the one empty object of the document: a file of millions
	// of {} must not cost millions of maps.
	empty map[string]any

	err      *Error // the problem that stopped the parse
	deferred *Error // the first duplicate key or out-of-range number

	// ix, when not nil, receives the offsets and sizes of the containers;
	// offs is a stack of element offsets like elems, and values counts
	// the values parsed so far.
	ix     *Index
	offs   []int
	values int
}

// frame is one step of parser.path.
type frame struct {
	key   string // the member's name when index == memberIndex
	index int    // the element's index, memberIndex, or noIndex
}

const (
	memberIndex = -1 // parsing the member named key
	noIndex     = -2 // between members or elements: the container itself
)

type member struct {
	key string
	val any
	off int // offset of the key's opening quote
}

// Interning keys saves an allocation per member in documents of records.
// The limits bound the work and memory spent on documents without repetition.
const (
	maxInternLen  = 64
	maxInternKeys = 1024
)

// ws tells the JSON whitespace bytes.
var ws = [256]bool{' ': true, '\t': true, '\n': true, '\r': true}

// plain tells the bytes that stand for themselves in a string: ASCII except
// control characters, the quote and the backslash.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// skipPlain returns the offset of the first byte at or after data[i] that is
// not plain, or len(data).
func skipPlain(data []byte, i int) int {
	for i < len(data) && plain[data[i]] {
		i++
	}
	return i
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && ws[data[i]] {
		i++
	}
	return i
}

// value parses the value that starts at data[i], i being past any whitespace.
func (p *parser) value(i int) (any, int) {
	p.values++
	data := p.data
	if i >= len(data) {
		return nil, p.eof("where a value was expected")
	}
	switch c := data[i]; c {
	case '{':
		return p.object(i)
	case '[':
		return p.array(i)
	case '"':
		b, j := p.str(i)
		if j < 0 {
			return nil, j
		}
		return string(b), j
	case 't':
		return true, p.literal(i, "true")
	case 'f':
		return false, p.literal(i, "false")
	case 'n':
		return nil, p.literal(i, "null")
	default:
		if c == '-' || c-'0' <= 9 {
			return p.number(i)
		}
		return nil, p.unexpected(i, "where a value was expected")
	}
}

// enter opens the container whose bracket is at data[i].
func (p *parser) enter(i int) bool {
	if p.depth >= p.maxDepth {
		p.fail(CodeTooDeep, i, fmt.Sprintf("arrays and objects nested more than %d deep", p.maxDepth))
		return false
	}
	p.depth++
	p.path = append(p.path, frame{index: noIndex})
	return true
}

func (p *parser) leave() {
	p.depth--
	p.path = p.path[:len(p.path)-1]
}

func (p *parser) object(start int) (any, int) {
	if !p.enter(start) {
		return nil, -1
	}
	data := p.data
	top := len(p.path) - 1
	base := len(p.members)
	first := p.values
	i := skipSpace(data, start+1)
	if i < len(data) && data[i] == '}' {
		p.leave()
		if p.empty == nil {
			p.empty = map[string]any{}
		}
		return p.empty, i + 1
	}
	for {
		if i >= len(data) {
			return nil, p.eof("where an object key was expected")
		}
		if data[i] != '"' {
			return nil, p.unexpected(i, "where an object key was expected")
		}
		kb, j := p.str(i)
		if j < 0 {
			return nil, j
		}
		key := p.intern(kb)
		p.path[top] = frame{key: key, index: memberIndex}
		if j = skipSpace(data, j); j >= len(data) {
			return nil, p.eof("after object key (expecting ':')")
		}
		if data[j] != ':' {
			return nil, p.unexpected(j, "after object key (expecting ':')")
		}
		v, j := p.value(skipSpace(data, j+1))
		if j < 0 {
			return nil, j
		}
		p.members = append(p.members, member{key: key, val: v, off: i})
		p.path[top] = frame{index: noIndex}
		if j = skipSpace(data, j); j >= len(data) {
			return nil, p.eof("after object member (expecting ',' or '}')")
		}
		switch data[j] {
		case ',':
			if i = skipSpace(data, j+1); i < len(data) && data[i] == '}' {
				return nil, p.fail(CodeSyntax, j, "trailing comma before '}'")
			}
		case '}':
			m := p.makeObject(base)
			if p.ix != nil {
				p.ix.objects[identity(m)] = p.indexObject(base, first)
			}
			p.members = p.members[:base]
			p.leave()
			return m, j + 1
		default:
			return nil, p.unexpected(j, "after object member (expecting ',' or '}')")
		}
	}
}

// makeObject copies members[base:] into a new map.
func (p *parser) makeObject(base int) map[string]any {
	ms := p.members[base:]
	m := make(map[string]any, len(ms))
	for k := range ms {
		m[ms[k].key] = ms[k].val
		if len(m) != k+1 {
			p.duplicate(ms, k)
			break // Parse fails: the incomplete map is never seen
		}
	}
	return m
}

// duplicate records that ms[k] repeats the key of an earlier member.
func (p *parser) duplicate(ms []member, k int) {
	dup := ms[k]
	if p.deferred != nil && p.deferred.Offset < dup.off {
		return
	}
	first := 0
	for ms[first].key != dup.key {
		first++
	}
	line, col := Position(p.data, ms[first].off)
	var ptr strings.Builder
	p.writePointer(&ptr)
	ptr.WriteByte('/')
	writeToken(&ptr, dup.key)
	p.deferred = &Error{
		Code:    CodeDuplicateKey,
		Offset:  dup.off,
		Pointer: ptr.String(),
		Detail:  fmt.Sprintf("key %q appears twice (first at line %d, column %d)", dup.key, line, col),
	}
}

func (p *parser) array(start int) (any, int) {
	if !p.enter(start) {
		return nil, -1
	}
	data := p.data
	top := len(p.path) - 1
	base := len(p.elems)
	first := p.values
	i := skipSpace(data, start+1)
	if i < len(data) && data[i] == ']' {
		p.leave()
		return []any{}, i + 1
	}
	for n := 0; ; n++ {
		p.path[top].index = n
		if p.ix != nil {
			p.offs = append(p.offs, i)
		}
		v, j := p.value(i)
		if j < 0 {
			return nil, j
		}
		p.elems = append(p.elems, v)
		p.path[top].index = noIndex
		if j = skipSpace(data, j); j >= len(data) {
			return nil, p.eof("after array element (expecting ',' or ']')")
		}
		switch data[j] {
		case ',':
			if i = skipSpace(data, j+1); i < len(data) && data[i] == ']' {
				return nil, p.fail(CodeSyntax, j, "trailing comma before ']'")
			}
		case ']':
			a := make([]any, len(p.elems)-base)
			copy(a, p.elems[base:])
			p.elems = p.elems[:base]
			if p.ix != nil {
				offs := make([]int, len(a))
				copy(offs, p.offs[len(p.offs)-len(a):])
				p.offs = p.offs[:len(p.offs)-len(a)]
				p.ix.arrays[identity(a)] = &arrayIndex{offs: offs, size: 1 + p.values - first}
			}
			p.leave()
			return a, j + 1
		default:
			return nil, p.unexpected(j, "after array element (expecting ',' or ']')")
		}
	}
}

// literal checks that data[i:] starts with lit (true, false or null), whose
// first byte is known to match, and returns the offset past it.
func (p *parser) literal(i int, lit string) int {
	data := p.data
	if len(data)-i >= len(lit) && string(data[i:i+len(lit)]) == lit {
		return i + len(lit)
	}
	for k := 1; ; k++ {
		if i+k >= len(data) {
			return p.eof("in literal " + lit)
		}
		if data[i+k] != lit[k] {
			return p.unexpected(i+k, "in literal "+lit)
		}
	}
}

func isDigit(c byte) bool { return c-'0' <= 9 }

// number parses the number that starts at data[start] ('-' or a digit).
func (p *parser) number(start int) (any, int) {
	data := p.data
	i := start
	if data[i] == '-' {
		i++
	}
	intStart := i
	switch {
	case i >= len(data):
		return nil, p.eof("in number (expecting a digit after '-')")
	case data[i] == '0':
		if i++; i < len(data) && isDigit(data[i]) {
			return nil, p.fail(CodeSyntax, i, "number with a leading zero")
		}
	case isDigit(data[i]):
		for i++; i < len(data) && isDigit(data[i]); i++ {
		}
	default:
		return nil, p.unexpected(i, "in number (expecting a digit after '-')")
	}
	intDigits := i - intStart
	if i < len(data) && data[i] == '.' {
		if i++; i >= len(data) {
			return nil, p.eof("in number (expecting a digit after '.')")
		}
		if !isDigit(data[i]) {
			return nil, p.unexpected(i, "in number (expecting a digit after '.')")
		}
		for i++; i < len(data) && isDigit(data[i]); i++ {
		}
	}
	exp := i < len(data) && (data[i] == 'e' || data[i] == 'E')
	if exp {
		if i++; i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= len(data) {
			return nil, p.eof("in number (expecting a digit in the exponent)")
		}
		if !isDigit(data[i]) {
			return nil, p.unexpected(i, "in number (expecting a digit in the exponent)")
		}
		for i++; i < len(data) && isDigit(data[i]); i++ {
		}
	}
	s := string(data[start:i])
	// Without an exponent, a number of at most 308 integer digits is below
	// 1e308, far from overflowing.
	if exp || intDigits > 308 {
		if _, err := strconv.ParseFloat(s, 64); err != nil && (p.deferred == nil || p.deferred.Offset > start) {
			p.deferred = &Error{Code: CodeNumberRange, Offset: start, Pointer: p.pointer(),
				Detail: "number " + abbreviate(s) + " is out of range"}
		}
	}
	return json.Number(s), i
}

// str scans the string whose opening quote is at data[start] and returns its
// contents and the offset past its closing quote. The contents alias data
// when the string has no escapes, p.buf otherwise.
func (p *parser) str(start int) ([]byte, int) {
	data := p.data
	i := start + 1
	for {
		i = skipPlain(data, i)
		if i >= len(data) {
			return nil, p.eof("in string (missing closing quote)")
		}
		switch c := data[i]; {
		case c == '"':
			return data[start+1 : i], i + 1
		case c == '\\':
			return p.strEscaped(start, i)
		case c < 0x20:
			return nil, p.controlChar(i)
		default:
			n := runeLen(data, i)
			if n < 0 {
				return nil, p.invalidUTF8(i)
			}
			i += n
		}
	}
}

// strEscaped continues str from the first backslash, at data[i].
func (p *parser) strEscaped(start, i int) ([]byte, int) {
	data := p.data
	buf := append(p.buf[:0], data[start+1:i]...)
	for {
		// data[i] is a backslash.
		if i+1 >= len(data) {
			return nil, p.eof("in string (missing closing quote)")
		}
		switch c := data[i+1]; c {
		case '"', '\\', '/':
			buf = append(buf, c)
			i += 2
		case 'b':
			buf = append(buf, '\b')
			i += 2
		case 'f':
			buf = append(buf, '\f')
			i += 2
		case 'n':
			buf = append(buf, '\n')
			i += 2
		case 'r':
			buf = append(buf, '\r')
			i += 2
		case 't':
			buf = append(buf, '\t')
			i += 2
		case 'u':
			r, j := p.unicodeEscape(i)
			if j < 0 {
				return nil, j
			}
			buf = utf8.AppendRune(buf, r)
			i = j
		default:
			return nil, p.badEscape(i)
		}
		j := i
		for {
			if j = skipPlain(data, j); j >= len(data) || data[j] < 0x80 {
				break
			}
			n := runeLen(data, j)
			if n < 0 {
				return nil, p.invalidUTF8(j)
			}
			j += n
		}
		buf = append(buf, data[i:j]...)
		if i = j; i >= len(data) {
			return nil, p.eof("in string (missing closing quote)")
		}
		switch c := data[i]; {
		case c == '"':
			p.buf = buf
			return buf, i + 1
		case c < 0x20:
			return nil, p.controlChar(i)
		}
	}
}

// unicodeEscape decodes the \uXXXX escape at data[i], with the low surrogate
// escape that must follow a high one, and returns the rune and the offset
// past the escape.
func (p *parser) unicodeEscape(i int) (rune, int) {
	data := p.data
	r, ok := hex4(data, i+2)
	if !ok {
		for k := i + 2; k < i+6; k++ {
			if k >= len(data) {
				return 0, p.eof("in string (missing closing quote)")
			}
			if unhex(data[k]) < 0 {
				break
			}
		}
		return 0, p.fail(CodeSyntax, i, "invalid \\u escape in string (expecting four hex digits)")
	}
	j := i + 6
	if !utf16.IsSurrogate(r) {
		return r, j
	}
	if r < 0xdc00 && j+6 <= len(data) && data[j] == '\\' && data[j+1] == 'u' {
		if r2, ok := hex4(data, j+2); ok && r2 >= 0xdc00 && r2 <= 0xdfff {
			return utf16.DecodeRune(r, r2), j + 6
		}
	}
	return 0, p.fail(CodeInvalidUTF8, i, "lone surrogate escape "+string(data[i:j])+" in string")
}

// hex4 decodes the four hex digits at data[i:i+4].
func hex4(data []byte, i int) (rune, bool) {
	if i+4 > len(data) {
		return 0, false
	}
	var r rune
	for _, c := range data[i : i+4] {
		d := unhex(c)
		if d < 0 {
			return 0, false
		}
		r = r<<4 | d
	}
	return r, true
}

func unhex(c byte) rune {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0')
	case 'a' <= c && c <= 'f':
		return rune(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return rune(c - 'A' + 10)
	}
	return -1
}

// runeLen returns the length of the valid UTF-8 encoding at data[i], or -1.
func runeLen(data []byte, i int) int {
	c := data[i]
	if c < utf8.RuneSelf {
		return 1
	}
	// Two-byte sequences (å, ä, ö, é, ...) are the common case.
	if 0xc2 <= c && c <= 0xdf && i+1 < len(data) && data[i+1]&0xc0 == 0x80 {
		return 2
	}
	r, n := utf8.DecodeRune(data[i:])
	if r == utf8.RuneError && n == 1 {
		return -1
	}
	return n
}

// intern returns b as a string, shared with earlier keys of the same text.
func (p *parser) intern(b []byte) string {
	if len(b) > maxInternLen {
		return string(b)
	}
	if s, ok := p.keys[string(b)]; ok {
		return s
	}
	s := string(b)
	if p.keys == nil {
		p.keys = make(map[string]string, 64)
	}
	if len(p.keys) < maxInternKeys {
		p.keys[s] = s
	}
	return s
}

// Reporting.

func (p *parser) fail(code Code, off int, detail string) int {
	p.err = &Error{Code: code, Offset: off, Pointer: p.pointer(), Detail: detail}
	return -1
}

func (p *parser) eof(context string) int {
	return p.fail(CodeSyntax, len(p.data), "unexpected end of input "+context)
}

// unexpected reports the byte at data[i], which does not fit the context.
func (p *parser) unexpected(i int, context string) int {
	if p.invalidUTF8(i) < 0 {
		return -1
	}
	detail := "unexpected " + describe(p.data, i) + " " + context
	switch p.data[i] {
	case '\'':
		detail += "; strings and keys take double quotes"
	case '/', '#':
		detail += "; JSON has no comments"
	}
	return p.fail(CodeSyntax, i, detail)
}

// invalidUTF8 reports data[i] if it does not start valid UTF-8, and returns
// -1 then, 0 otherwise.
func (p *parser) invalidUTF8(i int) int {
	if runeLen(p.data, i) > 0 {
		return 0
	}
	return p.fail(CodeInvalidUTF8, i, fmt.Sprintf("invalid UTF-8 byte 0x%02x", p.data[i]))
}

// badEscape reports the backslash at data[i], which starts no valid escape.
func (p *parser) badEscape(i int) int {
	if c := p.data[i+1]; c > ' ' && c < utf8.RuneSelf {
		return p.fail(CodeSyntax, i, "invalid escape \\"+string(rune(c))+" in string")
	}
	return p.fail(CodeSyntax, i, "invalid escape in string (backslash followed by "+describe(p.data, i+1)+")")
}

func (p *parser) controlChar(i int) int {
	c := p.data[i]
	if c == '\n' || c == '\r' {
		return p.fail(CodeSyntax, i, "line break in string (missing closing quote, or write it as \\n)")
	}
	return p.fail(CodeSyntax, i, fmt.Sprintf("control character U+%04X in string (it must be escaped)", c))
}

// describe names the (valid) character at data[i] for a message.
func describe(data []byte, i int) string {
	return "character " + describeRune(data, i)
}

func describeRune(data []byte, i int) string {
	r, _ := utf8.DecodeRune(data[i:])
	return strconv.QuoteRune(r)
}

// abbreviate shortens a long literal for a message.
func abbreviate(s string) string {
	if len(s) > 40 {
		return s[:20] + "…" + s[len(s)-10:]
	}
	return s
}

// pointer returns the JSON pointer of the value being parsed.
func (p *parser) pointer() string {
	if len(p.path) == 0 {
		return ""
	}
	var b strings.Builder
	p.writePointer(&b)
	return b.String()
}

func (p *parser) writePointer(b *strings.Builder) {
	for _, f := range p.path {
		switch {
		case f.index >= 0:
			b.WriteByte('/')
			b.WriteString(strconv.Itoa(f.index))
		case f.index == memberIndex:
			b.WriteByte('/')
			writeToken(b, f.key)
		}
	}
}

// writeToken writes a JSON pointer reference token, escaping '~' and '/'.
func writeToken(b *strings.Builder, key string) {
	for i := 0; i < len(key); i++ {
		switch c := key[i]; c {
		case '~':
			b.WriteString("~0")
		case '/':
			b.WriteString("~1")
		default:
			b.WriteByte(c)
		}
	}
}

package strict

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// kind is the JSON type of a node.
type kind uint8

const (
	kNull kind = iota
	kFalse
	kTrue
	kNumber
	kString
	kArray
	kObject
)

// node is one JSON value of a tree. Containers link their children (the
// elements of an array, the members of an object) by index: first, then
// next from child to child; -1 ends a list.
type node struct {
	kind kind
	// off is the offset of the value's first byte; koff, for a member of
	// an object, that of its key's opening quote.
	off, koff int32
	first     int32
	next      int32
	n         int32  // number of children
	key       string // a member's key, unescaped
	str       string // a string, unescaped; a number's literal
}

// tree is a parsed JSON text: nodes[0] is the root.
type tree struct {
	data  []byte
	nodes []node
}

// The limits of a parse; as package schema's (schema/internal/jsonscan), so
// that what one refuses the other refuses too.
const maxDepth = 64

// syntaxError is a JSON text that cannot be parsed, or a value that JSON
// allows but a file may not hold (a key twice, a number out of range).
type syntaxError struct {
	Code   Code
	Offset int
	// Pointer is the value being parsed.
	Pointer string
	// Arg is the character, key or literal the problem is about.
	Arg string
}

// parse parses exactly one JSON value with optional whitespace around it.
// Like package schema's scanner it refuses malformed JSON, invalid UTF-8
// and lone surrogate escapes, nesting deeper than maxDepth, anything after
// the value, a key twice in one object and numbers out of float64's range.
func parse(data []byte) (*tree, *syntaxError) {
	p := parser{data: data, t: &tree{data: data}}
	// A node per value: about one per 65 bytes in real files, whose
	// texts are long; append grows it for files of short values.
	p.t.nodes = make([]node, 0, len(data)/48+16)
	i := skipSpace(data, 0)
	if i == len(data) {
		return nil, &syntaxError{Code: CodeEmpty}
	}
	if i = p.value(i); i < 0 {
		return nil, p.err
	}
	if i = skipSpace(data, i); i < len(data) {
		if p.badUTF8(i) {
			return nil, p.err
		}
		return nil, &syntaxError{Code: CodeTrailing, Offset: i, Arg: char(data, i)}
	}
	if p.deferred != nil {
		return nil, p.deferred
	}
	return p.t, nil
}

type parser struct {
	data  []byte
	t     *tree
	depth int
	// path is the pointer of the value being parsed, for messages: a key,
	// or an index as text, per open container.
	path     []string
	buf      []byte
	keys     map[string]string // interned keys: files repeat few keys many times
	err      *syntaxError
	deferred *syntaxError // the first duplicate key or number out of range
}

var ws = [256]bool{' ': true, '\t': true, '\n': true, '\r': true}

func skipSpace(data []byte, i int) int {
	for i < len(data) && ws[data[i]] {
		i++
	}
	return i
}

// add appends a node and returns its index.
func (p *parser) add(k kind, off int) int32 {
	p.t.nodes = append(p.t.nodes, node{kind: k, off: int32(off), first: -1, next: -1})
	return int32(len(p.t.nodes) - 1)
}

// value parses the value at data[i] and returns the offset past it, or -1
// after setting p.err.
func (p *parser) value(i int) int {
	data := p.data
	if i >= len(data) {
		return p.eof()
	}
	switch c := data[i]; c {
	case '{':
		return p.object(i)
	case '[':
		return p.array(i)
	case '"':
		n := p.add(kString, i)
		s, j := p.str(i)
		if j >= 0 {
			p.t.nodes[n].str = s
		}
		return j
	case 't':
		p.add(kTrue, i)
		return p.literal(i, "true")
	case 'f':
		p.add(kFalse, i)
		return p.literal(i, "false")
	case 'n':
		p.add(kNull, i)
		return p.literal(i, "null")
	default:
		if c == '-' || c-'0' <= 9 {
			return p.number(i)
		}
		return p.unexpected(i)
	}
}

func (p *parser) enter(i int) bool {
	if p.depth >= maxDepth {
		p.fail(CodeTooDeep, i, strconv.Itoa(maxDepth))
		return false
	}
	p.depth++
	p.path = append(p.path, "")
	return true
}

func (p *parser) leave() {
	p.depth--
	p.path = p.path[:len(p.path)-1]
}

func (p *parser) object(start int) int {
	if !p.enter(start) {
		return -1
	}
	data := p.data
	obj := p.add(kObject, start)
	top := len(p.path) - 1
	i := skipSpace(data, start+1)
	if i < len(data) && data[i] == '}' {
		p.leave()
		return i + 1
	}
	last := int32(-1)
	var count int32
	for {
		if i >= len(data) {
			return p.eof()
		}
		if data[i] != '"' {
			return p.unexpected(i)
		}
		key, j := p.key(i)
		if j < 0 {
			return -1
		}
		p.path[top] = key
		if j = skipSpace(data, j); j >= len(data) {
			return p.eof()
		}
		if data[j] != ':' {
			return p.unexpected(j)
		}
		child := int32(len(p.t.nodes))
		if j = p.value(skipSpace(data, j+1)); j < 0 {
			return -1
		}
		m := &p.t.nodes[child]
		m.key, m.koff = key, int32(i)
		if last < 0 {
			p.t.nodes[obj].first = child
		} else {
			p.t.nodes[last].next = child
		}
		last = child
		count++
		if j = skipSpace(data, j); j >= len(data) {
			return p.eof()
		}
		switch data[j] {
		case ',':
			if i = skipSpace(data, j+1); i < len(data) && data[i] == '}' {
				return p.fail(CodeTrailingComma, j, "}")
			}
		case '}':
			p.t.nodes[obj].n = count
			p.path[top] = ""
			p.checkKeys(obj)
			p.leave()
			return j + 1
		default:
			return p.unexpected(j)
		}
	}
}

// checkKeys records the first key that repeats an earlier one of the
// object, unless an earlier problem is already recorded.
func (p *parser) checkKeys(obj int32) {
	nodes := p.t.nodes
	o := &nodes[obj]
	var dup int32 = -1
	if o.n <= 8 {
		for a := o.first; a >= 0 && dup < 0; a = nodes[a].next {
			for b := o.first; b != a; b = nodes[b].next {
				if nodes[b].key == nodes[a].key {
					dup = a
					break
				}
			}
		}
	} else {
		seen := make(map[string]struct{}, o.n)
		for a := o.first; a >= 0; a = nodes[a].next {
			if _, ok := seen[nodes[a].key]; ok {
				dup = a
				break
			}
			seen[nodes[a].key] = struct{}{}
		}
	}
	if dup < 0 || p.deferred != nil && p.deferred.Offset < int(nodes[dup].koff) {
		return
	}
	p.deferred = &syntaxError{Code: CodeDuplicateKey, Offset: int(nodes[dup].koff), Pointer: p.pointer() + "/" + escapeToken(nodes[dup].key), Arg: nodes[dup].key}
}

func (p *parser) array(start int) int {
	if !p.enter(start) {
		return -1
	}
	data := p.data
	arr := p.add(kArray, start)
	top := len(p.path) - 1
	i := skipSpace(data, start+1)
	if i < len(data) && data[i] == ']' {
		p.leave()
		return i + 1
	}
	last := int32(-1)
	var count int32
	for {
		p.path[top] = strconv.Itoa(int(count))
		child := int32(len(p.t.nodes))
		j := p.value(i)
		if j < 0 {
			return -1
		}
		if last < 0 {
			p.t.nodes[arr].first = child
		} else {
			p.t.nodes[last].next = child
		}
		last = child
		count++
		if j = skipSpace(data, j); j >= len(data) {
			return p.eof()
		}
		switch data[j] {
		case ',':
			if i = skipSpace(data, j+1); i < len(data) && data[i] == ']' {
				return p.fail(CodeTrailingComma, j, "]")
			}
		case ']':
			p.t.nodes[arr].n = count
			p.leave()
			return j + 1
		default:
			return p.unexpected(j)
		}
	}
}

func (p *parser) literal(i int, lit string) int {
	data := p.data
	if len(data)-i >= len(lit) && string(data[i:i+len(lit)]) == lit {
		return i + len(lit)
	}
	for k := 1; ; k++ {
		if i+k >= len(data) {
			return p.eof()
		}
		if data[i+k] != lit[k] {
			return p.unexpected(i + k)
		}
	}
}

func isDigit(c byte) bool { return c-'0' <= 9 }

func (p *parser) number(start int) int {
	data := p.data
	i := start
	if data[i] == '-' {
		i++
	}
	intStart := i
	switch {
	case i >= len(data):
		return p.eof()
	case data[i] == '0':
		if i++; i < len(data) && isDigit(data[i]) {
			return p.fail(CodeLeadingZero, i, "")
		}
	case isDigit(data[i]):
		for i++; i < len(data) && isDigit(data[i]); i++ {
		}
	default:
		return p.unexpected(i)
	}
	intDigits := i - intStart
	if i < len(data) && data[i] == '.' {
		if i++; i >= len(data) {
			return p.eof()
		}
		if !isDigit(data[i]) {
			return p.unexpected(i)
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
			return p.eof()
		}
		if !isDigit(data[i]) {
			return p.unexpected(i)
		}
		for i++; i < len(data) && isDigit(data[i]); i++ {
		}
	}
	n := p.add(kNumber, start)
	s := string(data[start:i])
	p.t.nodes[n].str = s
	// Without an exponent, a number of at most 308 integer digits is
	// below 1e308: it cannot overflow.
	if exp || intDigits > 308 {
		if _, err := strconv.ParseFloat(s, 64); err != nil && (p.deferred == nil || p.deferred.Offset > start) {
			p.deferred = &syntaxError{Code: CodeNumberRange, Offset: start, Pointer: p.pointer(), Arg: abbreviate(s)}
		}
	}
	return i
}

// key returns the key whose quote is at data[start], shared with earlier
// keys of the same text, and the offset past it.
func (p *parser) key(start int) (string, int) {
	data := p.data
	i := start + 1
	for i < len(data) && plain[data[i]] {
		i++
	}
	if i >= len(data) || data[i] != '"' || i-start > 64 {
		return p.str(start)
	}
	if k, ok := p.keys[string(data[start+1:i])]; ok {
		return k, i + 1
	}
	k := string(data[start+1 : i])
	if p.keys == nil {
		p.keys = make(map[string]string, 64)
	}
	if len(p.keys) < 1024 {
		p.keys[k] = k
	}
	return k, i + 1
}

// plain tells the bytes that stand for themselves in a string.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// str returns the contents of the string whose quote is at data[start] and
// the offset past it.
func (p *parser) str(start int) (string, int) {
	data := p.data
	i := start + 1
	for {
		for i < len(data) && plain[data[i]] {
			i++
		}
		if i >= len(data) {
			return "", p.eof()
		}
		switch c := data[i]; {
		case c == '"':
			return string(data[start+1 : i]), i + 1
		case c == '\\':
			return p.strEscaped(start, i)
		case c < 0x20:
			return "", p.fail(CodeControl, i, "")
		default:
			n := runeLen(data, i)
			if n < 0 {
				p.badUTF8(i)
				return "", -1
			}
			i += n
		}
	}
}

func (p *parser) strEscaped(start, i int) (string, int) {
	data := p.data
	buf := append(p.buf[:0], data[start+1:i]...)
	for {
		// data[i] is a backslash.
		if i+1 >= len(data) {
			return "", p.eof()
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
				return "", -1
			}
			buf = utf8.AppendRune(buf, r)
			i = j
		default:
			if i+1 < len(data) && data[i+1] >= 0x80 && p.badUTF8(i+1) {
				return "", -1
			}
			return "", p.fail(CodeEscape, i, char(data, i+1))
		}
		j := i
		for {
			for j < len(data) && plain[data[j]] {
				j++
			}
			if j >= len(data) || data[j] < 0x80 {
				break
			}
			n := runeLen(data, j)
			if n < 0 {
				p.badUTF8(j)
				return "", -1
			}
			j += n
		}
		buf = append(buf, data[i:j]...)
		if i = j; i >= len(data) {
			return "", p.eof()
		}
		switch c := data[i]; {
		case c == '"':
			p.buf = buf
			return string(buf), i + 1
		case c < 0x20:
			return "", p.fail(CodeControl, i, "")
		}
	}
}

func (p *parser) unicodeEscape(i int) (rune, int) {
	data := p.data
	r, ok := hex4(data, i+2)
	if !ok {
		for k := i + 2; k < i+6; k++ {
			if k >= len(data) {
				return 0, p.eof()
			}
			if unhex(data[k]) < 0 {
				break
			}
		}
		return 0, p.fail(CodeEscape, i, "u")
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
	return 0, p.fail(CodeSurrogate, i, string(data[i:j]))
}

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
	if 0xc2 <= c && c <= 0xdf && i+1 < len(data) && data[i+1]&0xc0 == 0x80 {
		return 2
	}
	r, n := utf8.DecodeRune(data[i:])
	if r == utf8.RuneError && n == 1 {
		return -1
	}
	return n
}

func (p *parser) fail(code Code, off int, arg string) int {
	p.err = &syntaxError{Code: code, Offset: off, Pointer: p.pointer(), Arg: arg}
	return -1
}

func (p *parser) eof() int { return p.fail(CodeEOF, len(p.data), "") }

// unexpected reports the character at data[i].
func (p *parser) unexpected(i int) int {
	if p.badUTF8(i) {
		return -1
	}
	return p.fail(CodeUnexpected, i, char(p.data, i))
}

// badUTF8 reports data[i] when it starts no valid UTF-8, and says so.
func (p *parser) badUTF8(i int) bool {
	if runeLen(p.data, i) > 0 {
		return false
	}
	p.fail(CodeUTF8, i, "0x"+strconv.FormatUint(uint64(p.data[i]), 16))
	return true
}

func (p *parser) pointer() string {
	var b strings.Builder
	for _, k := range p.path {
		if k == "" {
			break // between members: the container itself
		}
		b.WriteByte('/')
		b.WriteString(escapeToken(k))
	}
	return b.String()
}

// char returns the (valid) character at data[i], quoted.
func char(data []byte, i int) string {
	r, n := utf8.DecodeRune(data[i:])
	if r < ' ' || r == 0x7f {
		return "U+00" + string(hexDigits[r>>4]) + string(hexDigits[r&0xf])
	}
	return "'" + string(data[i:i+n]) + "'"
}

const hexDigits = "0123456789ABCDEF"

// Quote returns s in double quotes for a message, with quotes,
// backslashes and control characters escaped as in JSON and anything
// longer than 60 characters cut with an ellipsis. (strconv.Quote would
// link Unicode's tables of printable characters into the widget.)
func Quote(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		r := []rune(s)
		s = string(r[:50]) + "…"
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c < ' ' || c == 0x7f:
			b.WriteString(`\u00`)
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&0xf])
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// abbreviate shortens a long literal for a message.
func abbreviate(s string) string {
	if len(s) > 40 {
		return s[:20] + "…" + s[len(s)-10:]
	}
	return s
}

// escapeToken escapes a JSON pointer reference token (RFC 6901).
func escapeToken(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// locate returns the node the JSON pointer names, or -1.
func (t *tree) locate(ptr string) int32 {
	if len(t.nodes) == 0 || ptr != "" && ptr[0] != '/' {
		return -1
	}
	n := int32(0)
	if ptr == "" {
		return n
	}
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		nd := &t.nodes[n]
		switch nd.kind {
		case kObject:
			n = t.member(n, tok)
		case kArray:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= int(nd.n) || tok != strconv.Itoa(i) {
				return -1
			}
			for n = nd.first; i > 0; i-- {
				n = t.nodes[n].next
			}
		default:
			return -1
		}
		if n < 0 {
			return -1
		}
	}
	return n
}

// offsetOf returns where a person looks for node n: its key for a member
// of an object, else its first byte.
func (t *tree) offsetOf(n int32) int {
	if nd := &t.nodes[n]; nd.koff > 0 {
		return int(nd.koff)
	}
	return int(t.nodes[n].off)
}

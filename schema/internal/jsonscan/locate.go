package jsonscan

import (
	"cmp"
	"slices"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// Locate returns the byte offset of the start of the value named by the JSON
// pointer (RFC 6901, with ~0 and ~1 escapes) in data, and ok=false when there
// is no such value or data is malformed before it. For a pointer to an object
// member, the offset is that of the member's KEY (its opening quote), because
// that is where a human looks; when a key appears twice, the first member
// counts. The empty pointer names the root value.
//
// Locate takes time linear in len(data) and len(pointer), whatever the
// nesting, and never panics. It checks the syntax of what it skips only as
// far as it needs to find its way.
func Locate(data []byte, pointer string) (offset int, ok bool) {
	key, value, ok := locate(data, pointer)
	if key >= 0 {
		return key, ok
	}
	return value, ok
}

// locate returns the offsets of the key (-1 unless the value is an object
// member) and of the value that pointer names.
func locate(data []byte, pointer string) (key, value int, ok bool) {
	tokens, ok := splitPointer(pointer)
	if !ok {
		return -1, 0, false
	}
	i := skipSpace(data, 0)
	if i >= len(data) || !startsValue(data[i]) {
		return -1, 0, false
	}
	var buf []byte
	key = -1
	for _, tok := range tokens {
		switch data[i] {
		case '{':
			key, i, buf = findMember(data, i, tok, buf)
			if key < 0 {
				return -1, 0, false
			}
		case '[':
			if i = findElement(data, i, tok); i < 0 {
				return -1, 0, false
			}
			key = -1
		default:
			return -1, 0, false
		}
		if i >= len(data) || !startsValue(data[i]) {
			return -1, 0, false
		}
	}
	return key, i, true
}

// splitPointer splits a JSON pointer into its unescaped reference tokens.
func splitPointer(pointer string) ([]string, bool) {
	if pointer == "" {
		return nil, true
	}
	if pointer[0] != '/' {
		return nil, false
	}
	var tokens []string
	var tok []byte
	for i := 1; i <= len(pointer); i++ {
		if i == len(pointer) || pointer[i] == '/' {
			tokens = append(tokens, string(tok))
			tok = tok[:0]
			continue
		}
		c := pointer[i]
		if c == '~' {
			if i+1 >= len(pointer) {
				return nil, false
			}
			switch i++; pointer[i] {
			case '0':
				c = '~'
			case '1':
				c = '/'
			default:
				return nil, false
			}
		}
		tok = append(tok, c)
	}
	return tokens, true
}

func startsValue(c byte) bool {
	switch c {
	case '{', '[', '"', '-', 't', 'f', 'n':
		return true
	}
	return isDigit(c)
}

// findMember looks in the object whose '{' is at data[i] for the first member
// named name. It returns the offsets of its key and its value, or -1 and -1.
// buf is scratch space for unescaping keys.
func findMember(data []byte, i int, name string, buf []byte) (key, value int, _ []byte) {
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return -1, -1, buf
	}
	for i < len(data) && data[i] == '"' {
		key = i
		var k []byte
		if k, i, buf = decodeString(data, i, buf); i < 0 {
			break
		}
		if i = skipSpace(data, i); i >= len(data) || data[i] != ':' {
			break
		}
		i = skipSpace(data, i+1)
		if string(k) == name {
			return key, i, buf
		}
		if i = skipValue(data, i); i < 0 {
			break
		}
		if i = skipSpace(data, i); i >= len(data) || data[i] != ',' {
			break
		}
		i = skipSpace(data, i+1)
	}
	return -1, -1, buf
}

// findElement returns the offset of the element whose index is the token tok
// in the array whose '[' is at data[i], or -1.
func findElement(data []byte, i int, tok string) int {
	// RFC 6901: "0" or digits without a leading zero; "-" names no element.
	if tok == "" || len(tok) > 1 && tok[0] == '0' {
		return -1
	}
	n, err := strconv.ParseUint(tok, 10, 0)
	if err != nil || n > uint64(len(data)) {
		return -1
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == ']' {
		return -1
	}
	for ; n > 0; n-- {
		if i = skipValue(data, i); i < 0 {
			return -1
		}
		if i = skipSpace(data, i); i >= len(data) || data[i] != ',' {
			return -1
		}
		i = skipSpace(data, i+1)
	}
	if i >= len(data) {
		return -1
	}
	return i
}

// decodeString decodes the string whose opening quote is at data[i] into
// buf and returns it with the offset past the closing quote, or -1.
// Invalid UTF-8 and lone surrogates pass (as U+FFFD): names are only compared.
func decodeString(data []byte, i int, buf []byte) (s []byte, next int, _ []byte) {
	buf = buf[:0]
	for i++; i < len(data); {
		switch c := data[i]; {
		case c == '"':
			return buf, i + 1, buf
		case c < 0x20:
			return nil, -1, buf
		case c != '\\':
			buf = append(buf, c)
			i++
			continue
		}
		if i+1 >= len(data) {
			break
		}
		if c := data[i+1]; c != 'u' {
			if c = unescape[c]; c == 0 {
				break
			}
			buf = append(buf, c)
			i += 2
			continue
		}
		r, ok := hex4(data, i+2)
		if !ok {
			break
		}
		i += 6
		if utf16.IsSurrogate(r) && i+6 <= len(data) && data[i] == '\\' && data[i+1] == 'u' {
			if r2, ok := hex4(data, i+2); ok && utf16.DecodeRune(r, r2) != utf8.RuneError {
				r = utf16.DecodeRune(r, r2)
				i += 6
			}
		}
		buf = utf8.AppendRune(buf, r) // a lone surrogate becomes U+FFFD
	}
	return nil, -1, buf
}

// unescape maps the byte after a backslash to what it stands for, except u.
var unescape = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// skipValue returns the offset past the value that starts at data[i], or -1.
// It works with an explicit stack, so deep nesting cannot exhaust the
// goroutine stack.
func skipValue(data []byte, i int) int {
	var closers []byte // the bracket that closes each open container
	for {
		// A value starts at data[i].
		if i >= len(data) {
			return -1
		}
		switch c := data[i]; c {
		case '{', '[':
			closer := byte('}')
			if c == '[' {
				closer = ']'
			}
			if i = skipSpace(data, i+1); i < len(data) && data[i] == closer {
				i++
				break
			}
			closers = append(closers, closer)
			if c == '{' {
				if i = skipKey(data, i); i < 0 {
					return -1
				}
			}
			continue
		case '"':
			i = skipString(data, i)
		case 't':
			i = skipLiteral(data, i, "true")
		case 'f':
			i = skipLiteral(data, i, "false")
		case 'n':
			i = skipLiteral(data, i, "null")
		default:
			i = skipNumber(data, i)
		}
		if i < 0 {
			return -1
		}
		// After a value: close containers until a comma or the end.
		for {
			if len(closers) == 0 {
				return i
			}
			if i = skipSpace(data, i); i >= len(data) {
				return -1
			}
			top := closers[len(closers)-1]
			if data[i] == top {
				closers = closers[:len(closers)-1]
				i++
				continue
			}
			if data[i] != ',' {
				return -1
			}
			if i = skipSpace(data, i+1); top == '}' {
				if i = skipKey(data, i); i < 0 {
					return -1
				}
			}
			break
		}
	}
}

// skipKey skips the key at data[i], the colon after it and the whitespace
// around them, returning the offset of the member's value, or -1.
func skipKey(data []byte, i int) int {
	if i >= len(data) || data[i] != '"' {
		return -1
	}
	if i = skipString(data, i); i < 0 {
		return -1
	}
	if i = skipSpace(data, i); i >= len(data) || data[i] != ':' {
		return -1
	}
	return skipSpace(data, i+1)
}

// skipString returns the offset past the string whose quote is at data[i], or -1.
func skipString(data []byte, i int) int {
	for i++; i < len(data); i++ {
		switch c := data[i]; {
		case c == '"':
			return i + 1
		case c == '\\':
			i++
		case c < 0x20:
			return -1
		}
	}
	return -1
}

func skipLiteral(data []byte, i int, lit string) int {
	if len(data)-i >= len(lit) && string(data[i:i+len(lit)]) == lit {
		return i + len(lit)
	}
	return -1
}

// skipNumber skips the characters that can make up a number, at least one.
func skipNumber(data []byte, i int) int {
	start := i
	for i < len(data) && (isDigit(data[i]) || data[i] == '-' || data[i] == '+' || data[i] == '.' || data[i] == 'e' || data[i] == 'E') {
		i++
	}
	if i == start {
		return -1
	}
	return i
}

// Position converts a byte offset into a 1-based line and column. Lines are
// split at \n (a \r\n counts as one line break; a lone \r also ends a line);
// the column counts Unicode code points (runes) from the line start, 1-based,
// so "å" counts as one column, as does each byte that is not valid UTF-8.
// Offsets past the end clamp to the end, negative ones to 0.
func Position(data []byte, offset int) (line, col int) {
	offset = min(max(offset, 0), len(data))
	line, start := 1, 0
	for i := 0; i < offset; i++ {
		switch data[i] {
		case '\n':
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				continue // the \n ends the line
			}
		default:
			continue
		}
		line++
		start = i + 1
	}
	return line, utf8.RuneCount(data[start:offset]) + 1
}

// Positions returns the line and column of each offset, as [Position] does,
// in one pass over data: placing many offsets costs no more than placing the
// last.
func Positions(data []byte, offsets []int) (lines, cols []int) {
	order := make([]int, len(offsets))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(offsets[a], offsets[b]) })
	lines, cols = make([]int, len(offsets)), make([]int, len(offsets))
	line, i := 1, 0
	// runes is the number of whole runes of the line before counted.
	runes, counted := 0, 0
	for _, k := range order {
		offset := min(max(offsets[k], 0), len(data))
		for ; i < offset; i++ {
			switch data[i] {
			case '\n':
			case '\r':
				if i+1 < len(data) && data[i+1] == '\n' {
					continue
				}
			default:
				continue
			}
			line++
			runes, counted = 0, i+1
		}
		for counted < offset {
			n := 1
			if data[counted] >= utf8.RuneSelf {
				_, n = utf8.DecodeRune(data[counted:])
			}
			if counted+n > offset {
				break
			}
			counted += n
			runes++
		}
		// A rune cut by the offset counts as Position counts it.
		lines[k], cols[k] = line, runes+utf8.RuneCount(data[counted:offset])+1
	}
	return lines, cols
}

// Value returns the value that pointer names in data, parsed, reading no
// more of data than Locate does and the value itself. It reports false when
// there is no such value or it is malformed.
func Value(data []byte, pointer string) (any, bool) {
	_, off, ok := locate(data, pointer)
	if !ok {
		return nil, false
	}
	end := skipValue(data, off)
	if end < 0 {
		return nil, false
	}
	v, err := Parse(data[off:end], Limits{})
	return v, err == nil
}

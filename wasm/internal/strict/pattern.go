package strict

import (
	"errors"
	"math/bits"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// pattern is a compiled regular expression of the small language the
// schema's patterns use: literals, escaped punctuation, character classes
// with ranges and negation, groups, alternation and the quantifiers ?, *,
// + and {n,m}, anchored by ^ at the start and $ at the end or not at all.
// It matches like Go's regexp (RE2) on those: the tests compare them on
// every pattern of the schema and on fuzzed strings. (regexp itself would
// add about 100 kB to widget.wasm.) It runs as a Thompson NFA: linear in
// the input, whatever the input.
type pattern struct {
	prog  []inst
	start bool // anchored at the start (^)
	end   bool // anchored at the end ($)
	// closure[pc], for programs of at most 64 instructions (all of the
	// schema's), is the set of instructions reached from pc without
	// reading, as bits: the NFA then runs on one word per step.
	closure []uint64
}

// inst is one instruction of a pattern's program.
type inst struct {
	op   uint8 // opClass, opSplit, opJmp, opMatch
	x, y int   // split targets; jmp target in x
	cls  []rune
	neg  bool
}

const (
	opClass uint8 = iota
	opSplit
	opJmp
	opMatch
)

// compilePattern compiles src, or says why it cannot: the generator calls
// it on every pattern of the schema, so a pattern outside the language
// fails the generation, not the widget.
func compilePattern(src string) (*pattern, error) {
	p := &pattern{}
	s := src
	if strings.HasPrefix(s, "^") {
		p.start, s = true, s[1:]
	}
	if strings.HasSuffix(s, "$") && !strings.HasSuffix(s, `\$`) {
		p.end, s = true, s[:len(s)-1]
	}
	if (p.start || p.end) && topLevelAlternation(s) {
		// ^a|b$ is (^a)|(b$) in regexp: anchors do not apply to the whole.
		return nil, errors.New("pattern " + Quote(src) + ": anchors around an alternation: group it, ^(a|b)$")
	}
	c := &pcompiler{src: s}
	frag, err := c.alt()
	if err != nil {
		return nil, err
	}
	if c.pos != len(c.src) {
		return nil, errors.New("pattern " + Quote(src) + ": unsupported syntax at " + strconv.Itoa(c.pos))
	}
	p.prog = append(frag, inst{op: opMatch})
	if len(p.prog) <= 64 {
		p.closure = make([]uint64, len(p.prog)+1)
		for pc := range p.prog {
			var set []bool
			p.addThread(&set, pc)
			for i, on := range set {
				if on && (p.prog[i].op == opClass || p.prog[i].op == opMatch) {
					p.closure[pc] |= 1 << i
				}
			}
		}
	}
	return p, nil
}

// addThread adds pc and what it reaches without reading to set.
func (p *pattern) addThread(set *[]bool, pc int) {
	if *set == nil {
		*set = make([]bool, len(p.prog))
	}
	stack := []int{pc}
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if (*set)[pc] {
			continue
		}
		(*set)[pc] = true
		switch in := p.prog[pc]; in.op {
		case opJmp:
			stack = append(stack, in.x)
		case opSplit:
			stack = append(stack, in.y, in.x)
		}
	}
}

// topLevelAlternation reports whether s has a | outside groups and
// classes.
func topLevelAlternation(s string) bool {
	depth, class := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\':
			i++
		case class:
			class = c != ']'
		case c == '[':
			class = true
			if i+1 < len(s) && s[i+1] == ']' {
				i++
			}
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == '|' && depth == 0:
			return true
		}
	}
	return false
}

// pcompiler compiles by recursive descent into program fragments whose
// jumps are relative to the fragment's start until they are placed.
type pcompiler struct {
	src string
	pos int
}

func (c *pcompiler) peek() byte {
	if c.pos < len(c.src) {
		return c.src[c.pos]
	}
	return 0
}

// alt: seq ('|' seq)*
func (c *pcompiler) alt() ([]inst, error) {
	left, err := c.seq()
	if err != nil {
		return nil, err
	}
	for c.peek() == '|' {
		c.pos++
		right, err := c.seq()
		if err != nil {
			return nil, err
		}
		// split L1, L2; L1: left; jmp end; L2: right; end:
		out := []inst{{op: opSplit, x: 1, y: len(left) + 2}}
		out = append(out, shift(left, 1)...)
		out = append(out, inst{op: opJmp, x: len(left) + 2 + len(right)})
		out = append(out, shift(right, len(left)+2)...)
		left = out
	}
	return left, nil
}

// seq: (atom quantifier?)*
func (c *pcompiler) seq() ([]inst, error) {
	var out []inst
	for c.pos < len(c.src) && c.peek() != '|' && c.peek() != ')' {
		a, err := c.atom()
		if err != nil {
			return nil, err
		}
		a, err = c.quantify(a)
		if err != nil {
			return nil, err
		}
		out = append(out, shift(a, len(out))...)
	}
	return out, nil
}

func (c *pcompiler) atom() ([]inst, error) {
	switch ch := c.peek(); ch {
	case '(':
		c.pos++
		if strings.HasPrefix(c.src[c.pos:], "?") {
			return nil, errors.New("unsupported group syntax")
		}
		f, err := c.alt()
		if err != nil {
			return nil, err
		}
		if c.peek() != ')' {
			return nil, errors.New("missing )")
		}
		c.pos++
		return f, nil
	case '[':
		return c.class()
	case '\\':
		c.pos++
		r, ok := c.escaped()
		if !ok {
			return nil, errors.New("unsupported escape")
		}
		return []inst{{op: opClass, cls: []rune{r, r}}}, nil
	case '.':
		c.pos++
		// Go's . matches any character but \n.
		return []inst{{op: opClass, cls: []rune{'\n', '\n'}, neg: true}}, nil
	case '^', '$', '*', '+', '?', '{':
		return nil, errors.New("unsupported " + string(ch) + " here")
	default:
		r, n := utf8.DecodeRuneInString(c.src[c.pos:])
		c.pos += n
		return []inst{{op: opClass, cls: []rune{r, r}}}, nil
	}
}

// escaped reads the character after a backslash: only punctuation, which
// stands for itself.
func (c *pcompiler) escaped() (rune, bool) {
	if c.pos >= len(c.src) {
		return 0, false
	}
	ch := c.src[c.pos]
	if strings.IndexByte(`\.-^$*+?()[]{}|/`, ch) < 0 {
		return 0, false
	}
	c.pos++
	return rune(ch), true
}

func (c *pcompiler) class() ([]inst, error) {
	c.pos++ // [
	in := inst{op: opClass}
	if c.peek() == '^' {
		in.neg = true
		c.pos++
	}
	first := true
	for {
		if c.pos >= len(c.src) {
			return nil, errors.New("missing ]")
		}
		if c.peek() == ']' && !first {
			c.pos++
			return []inst{in}, nil
		}
		first = false
		lo, err := c.classChar()
		if err != nil {
			return nil, err
		}
		hi := lo
		if c.peek() == '-' && c.pos+1 < len(c.src) && c.src[c.pos+1] != ']' {
			c.pos++
			if hi, err = c.classChar(); err != nil {
				return nil, err
			}
			if hi < lo {
				return nil, errors.New("bad range")
			}
		}
		in.cls = append(in.cls, lo, hi)
	}
}

func (c *pcompiler) classChar() (rune, error) {
	if c.peek() == '\\' {
		c.pos++
		r, ok := c.escaped()
		if !ok {
			return 0, errors.New("unsupported escape in class")
		}
		return r, nil
	}
	if c.peek() == '[' {
		return 0, errors.New("unsupported [ in class")
	}
	r, n := utf8.DecodeRuneInString(c.src[c.pos:])
	c.pos += n
	return r, nil
}

// quantify applies a quantifier after an atom, if there is one.
func (c *pcompiler) quantify(a []inst) ([]inst, error) {
	lo, hi := 1, 1
	switch c.peek() {
	case '?':
		lo, hi = 0, 1
	case '*':
		lo, hi = 0, -1
	case '+':
		lo, hi = 1, -1
	case '{':
		end := strings.IndexByte(c.src[c.pos:], '}')
		if end < 0 {
			return nil, errors.New("missing }")
		}
		body := c.src[c.pos+1 : c.pos+end]
		a1, a2, comma := strings.Cut(body, ",")
		var err error
		if lo, err = strconv.Atoi(a1); err != nil || lo > 100 {
			return nil, errors.New("bad repetition")
		}
		hi = lo
		if comma {
			hi = -1
			if a2 != "" {
				if hi, err = strconv.Atoi(a2); err != nil || hi < lo || hi > 100 {
					return nil, errors.New("bad repetition")
				}
			}
		}
		c.pos += end
	default:
		return a, nil
	}
	c.pos++
	if q := c.peek(); q == '?' || q == '+' {
		return nil, errors.New("unsupported lazy or possessive quantifier")
	}
	var out []inst
	for range lo {
		out = append(out, shift(a, len(out))...)
	}
	if hi < 0 {
		// L: split body, end; body; jmp L; end:
		loop := []inst{{op: opSplit, x: 1, y: len(a) + 2}}
		loop = append(loop, shift(a, 1)...)
		loop = append(loop, inst{op: opJmp, x: 0})
		return append(out, shift(loop, len(out))...), nil
	}
	for range hi - lo {
		// split body, end; body; end:
		opt := []inst{{op: opSplit, x: 1, y: len(a) + 1}}
		opt = append(opt, shift(a, 1)...)
		out = append(out, shift(opt, len(out))...)
	}
	return out, nil
}

// shift returns a fragment whose jumps, relative to its start, are moved
// by n: the fragment placed n instructions into a larger one.
func shift(f []inst, n int) []inst {
	out := make([]inst, len(f))
	for i, in := range f {
		if in.op == opSplit || in.op == opJmp {
			in.x += n
			in.y += n
		}
		out[i] = in
	}
	return out
}

// matches reports whether the pattern matches s, as regexp.MatchString
// would.
func (p *pattern) matches(s string) bool {
	if p.closure == nil {
		return p.matchesSlow(s)
	}
	match := uint64(1) << (len(p.prog) - 1)
	cur := p.closure[0]
	if cur&match != 0 && (!p.end || s == "") {
		return true
	}
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
		var next uint64
		for set := cur; set != 0; set &= set - 1 {
			pc := bits.TrailingZeros64(set)
			if in := &p.prog[pc]; in.op == opClass && in.has(r) {
				next |= p.closure[pc+1]
			}
		}
		if !p.start {
			next |= p.closure[0]
		}
		if next&match != 0 && (!p.end || i == len(s)) {
			return true
		}
		if next == 0 {
			return false
		}
		cur = next
	}
	return false
}

// matchesSlow is matches for programs of more than 64 instructions.
func (p *pattern) matchesSlow(s string) bool {
	var cur, next []bool
	p.addThread(&cur, 0)
	last := len(p.prog) - 1
	if cur[last] && (!p.end || s == "") {
		return true
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		next = make([]bool, len(p.prog))
		any := false
		for pc, on := range cur {
			if on && p.prog[pc].op == opClass && p.prog[pc].has(r) {
				p.addThread(&next, pc+1)
				any = true
			}
		}
		if !p.start {
			p.addThread(&next, 0)
			any = true
		}
		if next[last] && (!p.end || i == len(s)) {
			return true
		}
		if !any {
			return false
		}
		cur = next
	}
	return false
}

func (in inst) has(r rune) bool {
	for k := 0; k+1 < len(in.cls); k += 2 {
		if in.cls[k] <= r && r <= in.cls[k+1] {
			return !in.neg
		}
	}
	return in.neg
}

// The formats the schema asserts, as the JSON Schema validator of package
// schema (santhosh-tekuri/jsonschema/v5) checks them.
var formats = map[string]func(string) bool{
	"date": isDate,
	"uri":  isURI,
}

// isDate is time.Parse("2006-01-02", s) == nil: four digits, two for a
// month 01–12, two for a day of that month.
func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 9} {
		if !isDigit(s[i]) {
			return false
		}
	}
	y := int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	m := int(s[5]-'0')*10 + int(s[6]-'0')
	d := int(s[8]-'0')*10 + int(s[9]-'0')
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m]
	if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}

// isURI is an absolute URL that net/url parses, whose host, if it holds a
// colon, is a bracketed IPv6 address without a zone.
func isURI(s string) bool {
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	if host := u.Hostname(); strings.IndexByte(host, ':') >= 0 {
		if strings.IndexByte(u.Host, '[') < 0 || strings.IndexByte(u.Host, ']') < 0 {
			return false
		}
		ip, err := netip.ParseAddr(host)
		if err != nil || ip.Zone() != "" {
			return false
		}
	}
	return u.IsAbs()
}

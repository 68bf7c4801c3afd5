// Package nfa compiles and runs the regular expressions of the format's
// JSON Schema (its patterns) without package regexp, which would add about
// 100 kB to widget.wasm. The generator of package strict compiles each
// pattern with Compile and writes the Program into Go source; the widget
// only runs them (Program.Match).
package nfa

import (
	"errors"
	"math/bits"
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
type Program struct {
	Insts []Inst
	Start bool // anchored at the start (^)
	End   bool // anchored at the end ($)
	// closure[pc], for programs of at most 64 instructions (all of the
	// schema's), is the set of instructions reached from pc without
	// reading, as bits: the NFA then runs on one word per step.
	Closure []uint64
}

// Inst is one instruction of a pattern's program.
type Inst struct {
	Op    uint8 // opClass, opSplit, opJmp, opMatch
	X, Y  int   // split targets; jmp target in x
	Class []rune
	Neg   bool
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
func Compile(src string) (*Program, error) {
	p := &Program{}
	s := src
	if strings.HasPrefix(s, "^") {
		p.Start, s = true, s[1:]
	}
	if strings.HasSuffix(s, "$") && !strings.HasSuffix(s, `\$`) {
		p.End, s = true, s[:len(s)-1]
	}
	if (p.Start || p.End) && topLevelAlternation(s) {
		// ^a|b$ is (^a)|(b$) in regexp: anchors do not apply to the whole.
		return nil, errors.New("pattern " + strconv.Quote(src) + ": anchors around an alternation: group it, ^(a|b)$")
	}
	c := &pcompiler{src: s}
	frag, err := c.alt()
	if err != nil {
		return nil, err
	}
	if c.pos != len(c.src) {
		return nil, errors.New("pattern " + strconv.Quote(src) + ": unsupported syntax at " + strconv.Itoa(c.pos))
	}
	p.Insts = append(frag, Inst{Op: opMatch})
	if len(p.Insts) <= 64 {
		p.Closure = make([]uint64, len(p.Insts)+1)
		for pc := range p.Insts {
			var set []bool
			p.addThread(&set, pc)
			for i, on := range set {
				if on && (p.Insts[i].Op == opClass || p.Insts[i].Op == opMatch) {
					p.Closure[pc] |= 1 << i
				}
			}
		}
	}
	return p, nil
}

// addThread adds pc and what it reaches without reading to set.
func (p *Program) addThread(set *[]bool, pc int) {
	if *set == nil {
		*set = make([]bool, len(p.Insts))
	}
	stack := []int{pc}
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if (*set)[pc] {
			continue
		}
		(*set)[pc] = true
		switch in := p.Insts[pc]; in.Op {
		case opJmp:
			stack = append(stack, in.X)
		case opSplit:
			stack = append(stack, in.Y, in.X)
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
func (c *pcompiler) alt() ([]Inst, error) {
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
		out := []Inst{{Op: opSplit, X: 1, Y: len(left) + 2}}
		out = append(out, shift(left, 1)...)
		out = append(out, Inst{Op: opJmp, X: len(left) + 2 + len(right)})
		out = append(out, shift(right, len(left)+2)...)
		left = out
	}
	return left, nil
}

// seq: (atom quantifier?)*
func (c *pcompiler) seq() ([]Inst, error) {
	var out []Inst
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

func (c *pcompiler) atom() ([]Inst, error) {
	switch ch := c.peek(); ch {
	case '(':
		c.pos++
		// (?:…) groups like (…): the programs capture nothing.
		if strings.HasPrefix(c.src[c.pos:], "?:") {
			c.pos += 2
		} else if strings.HasPrefix(c.src[c.pos:], "?") {
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
		return []Inst{{Op: opClass, Class: []rune{r, r}}}, nil
	case '.':
		c.pos++
		// Go's . matches any character but \n.
		return []Inst{{Op: opClass, Class: []rune{'\n', '\n'}, Neg: true}}, nil
	case '^', '$', '*', '+', '?', '{':
		return nil, errors.New("unsupported " + string(ch) + " here")
	default:
		r, n := utf8.DecodeRuneInString(c.src[c.pos:])
		c.pos += n
		return []Inst{{Op: opClass, Class: []rune{r, r}}}, nil
	}
}

// escaped reads the character after a backslash: punctuation, which
// stands for itself, or xHH, the character of code point HH.
func (c *pcompiler) escaped() (rune, bool) {
	if c.pos >= len(c.src) {
		return 0, false
	}
	ch := c.src[c.pos]
	if ch == 'x' && c.pos+3 <= len(c.src) {
		v, err := strconv.ParseUint(c.src[c.pos+1:c.pos+3], 16, 8)
		if err != nil {
			return 0, false
		}
		c.pos += 3
		return rune(v), true
	}
	if strings.IndexByte(`\.-^$*+?()[]{}|/`, ch) < 0 {
		return 0, false
	}
	c.pos++
	return rune(ch), true
}

func (c *pcompiler) class() ([]Inst, error) {
	c.pos++ // [
	in := Inst{Op: opClass}
	if c.peek() == '^' {
		in.Neg = true
		c.pos++
	}
	first := true
	for {
		if c.pos >= len(c.src) {
			return nil, errors.New("missing ]")
		}
		if c.peek() == ']' && !first {
			c.pos++
			return []Inst{in}, nil
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
		in.Class = append(in.Class, lo, hi)
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
func (c *pcompiler) quantify(a []Inst) ([]Inst, error) {
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
	var out []Inst
	for range lo {
		out = append(out, shift(a, len(out))...)
	}
	if hi < 0 {
		// L: split body, end; body; jmp L; end:
		loop := []Inst{{Op: opSplit, X: 1, Y: len(a) + 2}}
		loop = append(loop, shift(a, 1)...)
		loop = append(loop, Inst{Op: opJmp, X: 0})
		return append(out, shift(loop, len(out))...), nil
	}
	for range hi - lo {
		// split body, end; body; end:
		opt := []Inst{{Op: opSplit, X: 1, Y: len(a) + 1}}
		opt = append(opt, shift(a, 1)...)
		out = append(out, shift(opt, len(out))...)
	}
	return out, nil
}

// shift returns a fragment whose jumps, relative to its start, are moved
// by n: the fragment placed n instructions into a larger one.
func shift(f []Inst, n int) []Inst {
	out := make([]Inst, len(f))
	for i, in := range f {
		if in.Op == opSplit || in.Op == opJmp {
			in.X += n
			in.Y += n
		}
		out[i] = in
	}
	return out
}

// matches reports whether the pattern matches s, as regexp.MatchString
// would.
func (p *Program) Match(s string) bool {
	if p.Closure == nil {
		return p.matchSlow(s)
	}
	match := uint64(1) << (len(p.Insts) - 1)
	cur := p.Closure[0]
	if cur&match != 0 && (!p.End || s == "") {
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
			if in := &p.Insts[pc]; in.Op == opClass && in.has(r) {
				next |= p.Closure[pc+1]
			}
		}
		if !p.Start {
			next |= p.Closure[0]
		}
		if next&match != 0 && (!p.End || i == len(s)) {
			return true
		}
		if next == 0 {
			return false
		}
		cur = next
	}
	return false
}

// matchSlow is Match for programs of more than 64 instructions.
func (p *Program) matchSlow(s string) bool {
	var cur, next []bool
	p.addThread(&cur, 0)
	last := len(p.Insts) - 1
	if cur[last] && (!p.End || s == "") {
		return true
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		next = make([]bool, len(p.Insts))
		any := false
		for pc, on := range cur {
			if on && p.Insts[pc].Op == opClass && p.Insts[pc].has(r) {
				p.addThread(&next, pc+1)
				any = true
			}
		}
		if !p.Start {
			p.addThread(&next, 0)
			any = true
		}
		if next[last] && (!p.End || i == len(s)) {
			return true
		}
		if !any {
			return false
		}
		cur = next
	}
	return false
}

func (in Inst) has(r rune) bool {
	for k := 0; k+1 < len(in.Class); k += 2 {
		if in.Class[k] <= r && r <= in.Class[k+1] {
			return !in.Neg
		}
	}
	return in.Neg
}

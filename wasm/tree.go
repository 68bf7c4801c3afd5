//go:build js && wasm

package main

import (
	"net/url"
	"strings"
	"unicode/utf8"
)

// node is one element or text of a rendered view: what a view produces
// and the loader turns into DOM (see the package documentation, "The
// tree"). A node with an empty Tag is a text node holding Text. An
// element's Text is shown before its Kids. The zero node is an empty text.
type node struct {
	Tag   string            `json:"tag,omitempty"`
	Attrs map[string]string `json:"attrs,omitempty"`
	Text  string            `json:"text,omitempty"`
	Kids  []node            `json:"kids,omitempty"`
}

// The tree helpers are marked noinline: inlined at every call site of a
// view they cost about 40 kB of WebAssembly.

// h returns an element with kids; nil kids and empty texts are skipped.
//
//go:noinline
func h(tag string, kids ...node) node {
	n := node{Tag: tag}
	if len(kids) > 0 {
		n.Kids = make([]node, 0, len(kids))
	}
	for _, k := range kids {
		if k.Tag == "" && k.Text == "" {
			continue
		}
		n.Kids = append(n.Kids, k)
	}
	return n
}

// text returns a text node.
//
//go:noinline
func text(s string) node { return node{Text: s} }

// textEl returns an element holding only text.
//
//go:noinline
func textEl(tag, s string) node { return node{Tag: tag, Text: s} }

// attr returns n with attribute k set to v. It copies the attribute map,
// so nodes can be shared.
//
//go:noinline
func (n node) attr(k, v string) node {
	m := make(map[string]string, len(n.Attrs)+1)
	for a, b := range n.Attrs {
		m[a] = b
	}
	m[k] = v
	n.Attrs = m
	return n
}

// class returns n with its class attribute set.
//
//go:noinline
func (n node) class(c string) node { return n.attr("class", c) }

// link returns an a element to href with the label as its text, or, when
// href is not an absolute http(s) URL, a span with the label: a
// javascript:, data: or relative URL in the data is never made a link.
func link(href, label string) node {
	if label == "" {
		label = href
	}
	if !webURL(href) {
		return textEl("span", label)
	}
	return node{Tag: "a", Attrs: map[string]string{"href": href}, Text: label}
}

// webURL reports whether s is an absolute http or https URL with a host.
// The loader checks again with the browser's URL parser.
func webURL(s string) bool {
	if s == "" || strings.ContainsAny(s, " \t\r\n\x00") {
		return false
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return false
	}
	return u.Scheme == "http" || u.Scheme == "https"
}

// The tags and attributes a tree may hold; dom.js has the same lists.
var (
	allowedTags = set("a", "abbr", "article", "br", "button", "dd", "details",
		"div", "dl", "dt", "em", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
		"header", "li", "meter", "ol", "p", "progress", "section", "small",
		"span", "strong", "summary", "time", "ul")
	allowedAttrs = set("class", "id", "title", "lang", "dir", "role",
		"hidden", "tabindex", "part")
	// tagAttrs are attributes allowed on one tag only.
	tagAttrs = map[string]map[string]bool{
		"a":        set("href"),
		"details":  set("open"),
		"time":     set("datetime"),
		"progress": set("value", "max"),
		"meter":    set("value", "min", "max", "low", "high", "optimum"),
		"button":   set("disabled"),
		"svg":      set("viewBox", "width", "height"),
		"rect":     set("x", "y", "width", "height"),
		"line":     set("x1", "y1", "x2", "y2"),
		"polyline": set("points"),
		"text":     set("x", "y"),
	}
	// svgTags are the tags of a chart: allowed only inside an svg
	// element (dom.js creates them in the SVG namespace), and an svg
	// holds nothing else.
	svgTags = set("g", "rect", "line", "polyline", "text", "title", "desc")
)

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// attrAllowed reports whether an element tag may carry the attribute.
func attrAllowed(tag, name, value string) bool {
	switch {
	case allowedAttrs[name]:
		return name != "tabindex" || value == "0" || value == "-1"
	case tagAttrs[tag][name]:
		return name != "href" || webURL(value)
	case strings.HasPrefix(name, "data-"), strings.HasPrefix(name, "aria-"):
		return attrName(name[5:])
	}
	return false
}

// attrName reports whether s is a lower-case name of letters, digits and
// hyphens starting with a letter (the part after data- or aria-).
func attrName(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// visible reports whether n stays in the sanitised tree: a text that is
// not empty, or an element the allowlists allow where it stands (svg
// elements only inside svg, the others only outside).
func visible(n node, inSVG bool) bool {
	if n.Tag == "" {
		return n.Text != ""
	}
	return inSVG == svgTags[n.Tag] && (inSVG || allowedTags[n.Tag] || n.Tag == "svg")
}

// marshal returns the sanitised tree as the JSON view.render takes, with
// each element's attributes in name order (as encoding/json writes a map).
// It sanitises as it writes: elements and attributes that the allowlists
// do not allow are left out, with what they hold, and a link whose href
// is not an absolute http(s) URL becomes a span. It is the Go half of a
// double check: the loader applies the same rules to what it builds.
func marshal(n node) string {
	var b strings.Builder
	if !visible(n, false) {
		return "{}"
	}
	writeNode(&b, n, false)
	return b.String()
}

// writeNode writes n, which is visible where it stands (inSVG).
func writeNode(b *strings.Builder, n node, inSVG bool) {
	b.WriteByte('{')
	if n.Tag == "" {
		b.WriteString(`"text":`)
		writeString(b, n.Text)
		b.WriteByte('}')
		return
	}
	tag := n.Tag
	if tag == "a" && !webURL(n.Attrs["href"]) {
		tag = "span"
	}
	b.WriteString(`"tag":`)
	writeString(b, tag)
	var arr [8]string
	names := arr[:0]
	for k, v := range n.Attrs {
		if attrAllowed(tag, k, v) {
			names = append(names, k)
		}
	}
	if len(names) > 0 {
		for i := 1; i < len(names); i++ { // few attributes: insertion sort
			for j := i; j > 0 && names[j] < names[j-1]; j-- {
				names[j], names[j-1] = names[j-1], names[j]
			}
		}
		b.WriteString(`,"attrs":{`)
		for i, k := range names {
			if i > 0 {
				b.WriteByte(',')
			}
			writeString(b, k)
			b.WriteByte(':')
			writeString(b, n.Attrs[k])
		}
		b.WriteByte('}')
	}
	if n.Text != "" {
		b.WriteString(`,"text":`)
		writeString(b, n.Text)
	}
	inSVG = inSVG || n.Tag == "svg"
	first := true
	for _, k := range n.Kids {
		if !visible(k, inSVG) {
			continue
		}
		if first {
			b.WriteString(`,"kids":[`)
			first = false
		} else {
			b.WriteByte(',')
		}
		writeNode(b, k, inSVG)
	}
	if !first {
		b.WriteByte(']')
	}
	b.WriteByte('}')
}

const hexDigits = "0123456789abcdef"

// writeString writes s as a JSON string, escaped as encoding/json escapes
// it: quotes, backslashes, control characters, <, > and &, U+2028 and
// U+2029, and invalid UTF-8 as U+FFFD.
func writeString(b *strings.Builder, s string) {
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b.WriteString(s[start:i])
			switch c {
			case '"', '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			default:
				b.WriteString(`\u00`)
				b.WriteByte(hexDigits[c>>4])
				b.WriteByte(hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString(s[start:i])
			b.WriteString(`\ufffd`)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b.WriteString(s[start:i])
			b.WriteString(`\u202`)
			b.WriteByte(hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}

package app

import (
	"strings"
)

// Node is one element or text of the editor's view: what a screen renders
// and the loader turns into DOM (editor's dom.js patches the page to it).
// A node with an empty Tag is a text node holding Text; an element's Text
// comes before its Kids. The shape is the status widget's.
type Node struct {
	Tag   string            `json:"tag,omitempty"`
	Attrs map[string]string `json:"attrs,omitempty"`
	Text  string            `json:"text,omitempty"`
	Kids  []*Node           `json:"kids,omitempty"`
}

// el returns an element with the attributes given as name, value pairs and
// the kids; nil kids are skipped.
func el(tag string, attrs []string, kids ...*Node) *Node {
	n := &Node{Tag: tag}
	if len(attrs) > 0 {
		n.Attrs = make(map[string]string, len(attrs)/2)
		for i := 0; i+1 < len(attrs); i += 2 {
			n.Attrs[attrs[i]] = attrs[i+1]
		}
	}
	for _, k := range kids {
		if k != nil {
			n.Kids = append(n.Kids, k)
		}
	}
	return n
}

// a is shorthand for attribute pairs.
func a(pairs ...string) []string { return pairs }

// txt returns a text node.
func txt(s string) *Node { return &Node{Text: s} }

// tel returns an element holding text.
func tel(tag string, attrs []string, s string) *Node {
	n := el(tag, attrs)
	n.Text = s
	return n
}

// button returns a button that dispatches action with arg.
func button(label, action, arg string, attrs ...string) *Node {
	at := append([]string{"type", "button", "data-action", action}, attrs...)
	if arg != "" {
		at = append(at, "data-arg", arg)
	}
	return tel("button", at, label)
}

// set returns n with attribute k set to v.
func (n *Node) set(k, v string) *Node {
	if n.Attrs == nil {
		n.Attrs = map[string]string{}
	}
	n.Attrs[k] = v
	return n
}

// add appends kids.
func (n *Node) add(kids ...*Node) *Node {
	for _, k := range kids {
		if k != nil {
			n.Kids = append(n.Kids, k)
		}
	}
	return n
}

// Find returns the first node, in document order, whose attribute k is v.
func (n *Node) Find(k, v string) *Node {
	if n == nil {
		return nil
	}
	if n.Attrs[k] == v {
		return n
	}
	for _, c := range n.Kids {
		if f := c.Find(k, v); f != nil {
			return f
		}
	}
	return nil
}

// All returns every node with attribute k, in document order.
func (n *Node) All(k string) []*Node {
	var out []*Node
	var walk func(*Node)
	walk = func(n *Node) {
		if _, ok := n.Attrs[k]; ok {
			out = append(out, n)
		}
		for _, c := range n.Kids {
			walk(c)
		}
	}
	if n != nil {
		walk(n)
	}
	return out
}

// TextContent returns the text of n and its descendants.
func (n *Node) TextContent() string {
	var b strings.Builder
	var walk func(*Node)
	walk = func(n *Node) {
		b.WriteString(n.Text)
		for _, c := range n.Kids {
			walk(c)
		}
	}
	if n != nil {
		walk(n)
	}
	return b.String()
}

// domID makes a DOM id of a key: letters, digits and "-" only, so that it
// is valid in selectors and for/aria attributes.
func domID(prefix, key string) string {
	var b strings.Builder
	b.WriteString(prefix)
	for _, r := range key {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}

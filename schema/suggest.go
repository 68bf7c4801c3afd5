package schema

import (
	"strings"
	"unicode/utf8"
)

// closest returns the name of known that name is most likely a misspelling
// of: the same but for case, or within a few edits (a letter added, left
// out, changed, or two letters swapped), the fewer the shorter the name. It
// reports false when none is that close.
func closest(name string, known []string) (string, bool) {
	n := utf8.RuneCountInString(name)
	if n > 64 {
		return "", false
	}
	a := []rune(strings.ToLower(name))
	var rows [3][]int
	best, bestDist := "", -1
	for _, k := range known {
		allowed := allowedEdits(k)
		if diff := n - utf8.RuneCountInString(k); diff > allowed || -diff > allowed {
			continue // more insertions or deletions than allowed
		}
		d := editDistance(a, []rune(strings.ToLower(k)), &rows)
		if d > allowed {
			continue
		}
		if bestDist < 0 || d < bestDist || d == bestDist && k < best {
			best, bestDist = k, d
		}
	}
	return best, bestDist >= 0
}

// allowedEdits is how far a misspelling of name may be from it: one edit
// in a short name, two in a longer one, three in a long one.
func allowedEdits(name string) int {
	switch n := utf8.RuneCountInString(name); {
	case n <= 4:
		return 1
	case n <= 10:
		return 2
	default:
		return 3
	}
}

// editDistance is the optimal string alignment distance between a and b:
// the fewest insertions, deletions, substitutions and swaps of adjacent
// runes that turn one into the other. rows is scratch space.
func editDistance(a, b []rune, rows *[3][]int) int {
	for i := range rows {
		if cap(rows[i]) < len(b)+1 {
			rows[i] = make([]int, len(b)+1)
		}
		rows[i] = rows[i][:len(b)+1]
	}
	// Three rows of the table: two before the current one, for swaps.
	prev2, prev, cur := rows[0], rows[1], rows[2]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

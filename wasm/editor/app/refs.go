package app

import (
	"strconv"
	"strings"
)

// A reference field (an id, or a list of ids) is filled by choosing from a
// list, never by typing an id. listOf says which list: by the property's
// name, or, where a name means different things in different places
// (parentId), by the definition that holds it.
var refByHolder = map[string]string{
	"party.parentId": "parties",
	"place.parentId": "places",
	"theme.parentId": "themes",
}

var refByName = map[string]string{
	"partyIds": "parties", "partyId": "parties", "givenBy": "parties", "leadIds": "parties",
	"partnerIds": "parties", "reportedBy": "parties", "publisherId": "parties", "servesIds": "parties",
	"placeIds": "places", "placeId": "places",
	"themeIds":  "themes",
	"sourceIds": "sources", "sourceId": "sources",
	"personId": "people", "personIds": "people",
	"agreementId": "agreements", "actionPlanId": "actionPlans", "citizenPromiseId": "citizenPromises",
	"promiseIds": "promises", "basisIds": "basis",
	"activityId": "activities", "activityIds": "activities",
	"targetId": "targets",
}

// listOf returns the list a reference property chooses from, or "".
func listOf(holder, prop string) string {
	if l, ok := refByHolder[holder+"."+prop]; ok {
		return l
	}
	return refByName[prop]
}

// option is one entry of a list of references.
type option struct {
	id, label string
}

// topLists are the lists of the document itself.
var topLists = map[string]string{
	"parties": "/document/parties", "people": "/document/people", "places": "/document/places",
	"themes": "/document/themes", "sources": "/document/sources", "agreements": "/document/agreements",
	"actionPlans": "/document/actionPlans", "citizenPromises": "/document/citizenPromises",
}

// options returns the entries a reference at ptr may choose from.
func (e *Editor) options(list, ptr string) []option {
	var items []any
	var labelOf func(map[string]any) string = e.entityLabel
	switch list {
	case "promises", "basis":
		if cp := enclosing(ptr, "/document/citizenPromises/", "/document/actionPlans/"); cp != "" {
			v, _ := get(e.data, cp+"/"+list)
			items, _ = v.([]any)
		}
	case "activities":
		items = e.subjectActivities(ptr)
	case "targets":
		items = e.updateTargets(ptr)
		labelOf = e.targetLabel
	default:
		v, _ := get(e.data, topLists[list])
		items, _ = v.([]any)
	}
	var out []option
	for _, it := range items {
		m, _ := it.(map[string]any)
		if id := str(m["id"]); id != "" {
			out = append(out, option{id: id, label: labelOf(m)})
		}
	}
	return out
}

// enclosing returns the pointer of the citizen promise (or action plan)
// that ptr lies in: the prefix and its index.
func enclosing(ptr string, prefixes ...string) string {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(ptr, p); ok {
			i, _, _ := strings.Cut(rest, "/")
			if _, err := strconv.Atoi(i); err == nil {
				return p + i
			}
		}
	}
	return ""
}

// reportOf returns the pointer of the report that ptr lies in, or "".
func reportOf(ptr string) string { return enclosing(ptr, "/reports/") }

// subjectActivities returns the activities of what the report at ptr
// follows up.
func (e *Editor) subjectActivities(ptr string) []any {
	r := reportOf(ptr)
	if r == "" {
		return nil
	}
	rep, _ := get(e.data, r)
	m, _ := rep.(map[string]any)
	var out []any
	collect := func(list, idKey, id string) {
		v, _ := get(e.data, "/document/"+list)
		all, _ := v.([]any)
		for _, x := range all {
			c, _ := x.(map[string]any)
			if id != "" && (str(c[idKey]) == id) {
				acts, _ := c["activities"].([]any)
				out = append(out, acts...)
			}
		}
	}
	switch {
	case str(m["citizenPromiseId"]) != "":
		collect("citizenPromises", "id", str(m["citizenPromiseId"]))
	case str(m["actionPlanId"]) != "":
		collect("actionPlans", "id", str(m["actionPlanId"]))
	case str(m["agreementId"]) != "":
		collect("citizenPromises", "agreementId", str(m["agreementId"]))
		collect("actionPlans", "agreementId", str(m["agreementId"]))
	}
	return out
}

// updateTargets returns the targets of the activity of the update that ptr
// lies in, or, outside an update, of every activity of the report's
// subject.
func (e *Editor) updateTargets(ptr string) []any {
	acts := e.subjectActivities(ptr)
	u := enclosing(strings.TrimPrefix(ptr, reportOf(ptr)), "/updates/")
	var want string
	if u != "" {
		v, _ := get(e.data, reportOf(ptr)+u+"/activityId")
		want = str(v)
	}
	var out []any
	for _, x := range acts {
		a, _ := x.(map[string]any)
		if want != "" && str(a["id"]) != want {
			continue
		}
		ts, _ := a["targets"].([]any)
		out = append(out, ts...)
	}
	return out
}

// entityLabel names an entity for lists: its name, title or text.
func (e *Editor) entityLabel(m map[string]any) string {
	for _, k := range []string{"name", "title", "text", "description"} {
		if v, ok := m[k]; ok {
			if s, ok := v.(string); ok && s != "" {
				return s
			}
			if s := textIn(v, e.lang); s != "" {
				return short(s, 90)
			}
		}
	}
	if id := str(m["id"]); id != "" {
		return e.w(wUnnamed) + " (" + id[:min(8, len(id))] + "…)"
	}
	return e.w(wUnnamed)
}

// targetLabel names a target: its description, else its kind and value.
func (e *Editor) targetLabel(m map[string]any) string {
	if s := textIn(m["description"], e.lang); s != "" {
		return short(s, 90)
	}
	s := e.enumLabel("kind", str(m["kind"]))
	if v := str(m["value"]); v != "" {
		s += " " + v
	}
	if u := textIn(m["unit"], e.lang); u != "" {
		s += " " + u
	}
	return s
}

// short cuts s to at most n runes, with an ellipsis.
func short(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

package app

import (
	"strconv"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// statusSymbols tell a status without colour.
var statusSymbols = map[followup.Status]string{
	followup.NotStarted: "○", followup.OnTrack: "◔", followup.AtRisk: "⚠", followup.Behind: "⚠",
	followup.Achieved: "✔", followup.PartlyAchieved: "◑", followup.NotAchieved: "✘", followup.AwaitingReport: "…", followup.NotReported: "?",
	followup.Unassessable: "–", followup.Withdrawn: "⊘",
}

// previewView shows the statuses of the open bundle at a date, by the same
// followup.Evaluate as the widget and the report command.
func (e *Editor) previewView() *Node {
	sec := el("section", a("aria-labelledby", "preview-h", "class", "preview"),
		tel("h2", a("id", "preview-h"), e.w(wPreview)))
	at, err := promise.ParseDate(e.at)
	in := el("input", a("type", "text", "id", "preview-at", "data-bind", "at:", "value", e.at, "data-key", "preview-at", "aria-describedby", "preview-at-hint"))
	row := el("div", a("class", "row"),
		tel("label", a("for", "preview-at"), e.w(wAt)), in,
		tel("span", a("class", "hint", "id", "preview-at-hint"), e.w(wDateHint)),
		button(e.w(wShowStatus), "preview-at", "", "data-key", "preview-show"))
	sec.add(row)
	if err != nil {
		in.set("aria-invalid", "true")
		sec.add(tel("p", a("class", "problem", "role", "alert"), err.Error()))
		return sec
	}
	if e.bundle == nil {
		sec.add(tel("p", nil, e.w(wNoPreview)))
		return sec
	}
	ev := followup.Evaluate(e.bundle, at)
	doc := &e.bundle.Document
	out := el("div", a("class", "statuses", "data-at", at.String()))
	for i := range doc.CitizenPromises {
		cp := &doc.CitizenPromises[i]
		st := ev.CitizenPromise(cp.ID)
		if st == nil {
			continue
		}
		out.add(e.cpStatus(cp.Title.In(e.lang), cp.ID.String(), st, cp.Promises, cp.Activities, at))
	}
	for i := range doc.ActionPlans {
		ap := &doc.ActionPlans[i]
		for j := range ev.ActionPlans {
			if ev.ActionPlans[j].ID == ap.ID {
				out.add(e.cpStatus(ap.Title.In(e.lang), ap.ID.String(), &ev.ActionPlans[j], nil, ap.Activities, at))
			}
		}
	}
	return sec.add(out)
}

func (e *Editor) statusChip(s followup.Status) *Node {
	return tel("span", a("class", "status status-"+s.String(), "data-status", s.String()), statusSymbols[s]+" "+s.Label(e.lang))
}

func (e *Editor) cpStatus(title, id string, st *followup.CitizenPromiseStatus, promises []promise.Promise, acts []promise.Activity, at promise.Date) *Node {
	hid := domID("cp-", id)
	sec := el("section", a("class", "cp-status", "data-id", id, "data-status", st.Status.String(), "aria-labelledby", hid),
		tel("h3", a("id", hid), title),
		el("p", nil, e.statusChip(st.Status), txt(" "+st.Reason.In(e.lang))))
	counts := el("ul", a("class", "counts"))
	for _, c := range st.Counts {
		counts.add(tel("li", nil, c.Status.Label(e.lang)+": "+strconv.Itoa(c.Count)))
	}
	sec.add(counts)
	text := map[string]string{}
	for _, a := range acts {
		text[a.ID.String()] = a.Text.In(e.lang)
	}
	activity := func(aid string) *Node {
		var as *followup.ActivityStatus
		for i := range st.Activities {
			if st.Activities[i].ID.String() == aid {
				as = &st.Activities[i]
			}
		}
		if as == nil {
			return nil
		}
		li := el("li", a("class", "activity", "data-id", aid, "data-status", as.Status.String()),
			e.statusChip(as.Status), txt(" "+text[aid]))
		if n := as.Numbers.In(e.lang); n != "" {
			li.add(tel("p", a("class", "numbers"), n))
		}
		return li.add(tel("p", a("class", "reason"), as.Reason.In(e.lang)))
	}
	shown := map[string]bool{}
	list := el("ul", a("class", "promises"))
	for _, p := range promises {
		ps := st.Promise(p.ID)
		if ps == nil {
			continue
		}
		pl := el("li", a("class", "promise", "data-id", p.ID.String(), "data-status", ps.Status.String()),
			e.statusChip(ps.Status), txt(" "+p.Text.In(e.lang)))
		al := el("ul", nil)
		for _, aid := range ps.Activities {
			shown[aid.String()] = true
			al.add(activity(aid.String()))
		}
		list.add(pl.add(al))
	}
	rest := el("ul", nil)
	for _, a := range acts {
		if !shown[a.ID.String()] {
			rest.add(activity(a.ID.String()))
		}
	}
	if len(rest.Kids) > 0 {
		list.add(el("li", a("class", "promise"), rest))
	}
	return sec.add(list)
}

package view

import (
	"strconv"

	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// Chart is the history of an activity (or a promise, or a section) drawn
// as a small bar chart: one bar per entry of the history (a reporting
// period, or a run of periods that ended with the same outcome, which the
// entry's text says), as high as the share done at its end, marked with the
// status's symbol above it and its number below; a line joins the tops. The geometry is in
// the units of an SVG viewBox of W × H. Both layouts draw it from here:
// the report as server-side SVG, the widget with its DOM builder.
type Chart struct {
	W, H int
	// Title names the chart; Desc says in words what it shows, period by
	// period (the text alternative).
	Title, Desc string
	// Base is the y of the axis; Top the y of 100 %.
	Base, Top int
	Bars      []Bar
	// Line is the polyline through the tops of the bars: "x,y x,y …".
	Line string
}

// Bar is one period of a Chart.
type Bar struct {
	_          noCompare
	X, Y, W, H int
	// SymbolX and SymbolY place the status's symbol, LabelY the period's
	// number (1, 2, …: the table beside the chart names the periods).
	SymbolX, SymbolY, LabelY int
	Label                    string
	Point
}

// Chart geometry, in viewBox units.
const (
	chartPad   = 8
	chartBar   = 28
	chartGap   = 14
	chartTop   = 22
	chartPlot  = 60
	chartBelow = 18
)

// ChartOf returns the chart of a history, or nil when it has no period.
func ChartOf(h []Point, lang string) *Chart {
	if len(h) == 0 {
		return nil
	}
	c := &Chart{
		W:     2*chartPad + len(h)*chartBar + (len(h)-1)*chartGap,
		H:     chartTop + chartPlot + chartBelow,
		Top:   chartTop,
		Base:  chartTop + chartPlot,
		Title: words.Key("view.chartTitle").In(lang),
	}
	var desc words.List
	for i, p := range h {
		x := chartPad + i*(chartBar+chartGap)
		hgt := p.Progress * chartPlot / 100
		if hgt < 2 {
			hgt = 2 // a sliver, so that a period with nothing done still shows
		}
		b := Bar{X: x, Y: c.Base - hgt, W: chartBar, H: hgt, SymbolX: x + chartBar/2, SymbolY: c.Base - hgt - 5,
			LabelY: c.Base + 14, Label: strconv.Itoa(i + 1), Point: p}
		c.Bars = append(c.Bars, b)
		if i > 0 {
			c.Line += " "
		}
		c.Line += strconv.Itoa(b.SymbolX) + "," + strconv.Itoa(b.Y)
		desc = append(desc, words.M("view.chartPoint", p.Period, p.Status.Label, words.Share(float64(p.Progress)/100)))
	}
	c.Desc = string(desc.AppendIn(nil, lang)) + "."
	return c
}

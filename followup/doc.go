// Package followup holds follow-up reports (uppföljningar) of citizen
// promises and the rules that derive an explainable status for each
// activity, promise and citizen promise at a date.
package followup

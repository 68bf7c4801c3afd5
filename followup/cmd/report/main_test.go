package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const strangnas2019 = "../../../examples/data/bundles/strangnas-2019.json"

// The activities of Strängnäs 2019, by the start of their id.
const (
	grannsamverkan = "01a2013e-d989-7110"
	batsamverkan   = "01a2013e-d989-71f9"
	lokaler        = "01a2013e-d989-72f8"
	vandringar     = "01a2013e-d989-740c"
	trafik         = "01a2013e-d989-74e9"
	moped          = "01a2013e-d989-75e1"
	rad            = "01a2013e-d989-7650"
)

type activityJSON struct {
	ID       string            `json:"id"`
	Status   string            `json:"status"`
	Reason   map[string]string `json:"reason"`
	Achieved *float64          `json:"achieved"`
	Target   *float64          `json:"target"`
	Expected *float64          `json:"expected"`
}

type evaluationJSON struct {
	At              string `json:"at"`
	CitizenPromises []struct {
		ID         string            `json:"id"`
		Status     string            `json:"status"`
		Reason     map[string]string `json:"reason"`
		Promises   []activityJSON    `json:"promises"`
		Activities []activityJSON    `json:"activities"`
	} `json:"citizenPromises"`
}

func evaluate(t *testing.T, at string, files ...string) (evaluationJSON, map[string]activityJSON) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"-at", at, "-format", "json"}, files...), nil, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	var ev evaluationJSON
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &ev))
	require.Len(t, ev.CitizenPromises, 1)
	byID := map[string]activityJSON{}
	for _, a := range ev.CitizenPromises[0].Activities {
		byID[a.ID[:18]] = a
	}
	require.Len(t, byID, 7)
	return ev, byID
}

// At the end of January 2020 the real follow-up of 2020-01-28 is known:
// every activity with a count in it is achieved, with the real numbers.
func TestStrangnas2019AfterTheFinalReport(t *testing.T) {
	ev, a := evaluate(t, "2020-01-31", strangnas2019)
	for _, tc := range []struct {
		id               string
		achieved, target float64
		reason           string
	}{
		{grannsamverkan, 20, 8, "20 av minst 8"},
		{batsamverkan, 3, 2, "3 av 2"},
		{vandringar, 4, 4, "4 av minst 4"},
	} {
		got := a[tc.id]
		assert.Equal(t, "achieved", got.Status, tc.id)
		require.NotNil(t, got.Achieved, tc.id)
		require.NotNil(t, got.Target, tc.id)
		assert.Equal(t, tc.achieved, *got.Achieved, tc.id)
		assert.Equal(t, tc.target, *got.Target, tc.id)
		assert.Contains(t, got.Reason["sv"], tc.reason)
		assert.NotEmpty(t, got.Reason["en"])
	}
	// The two official pages disagree (5 walks, then 4): both are shown.
	assert.Contains(t, a[vandringar].Reason["sv"], "5 (Strängnäs kommun, 2019-12-17)")
	assert.Contains(t, a[vandringar].Reason["sv"], "4 (Strängnäs kommun, 2020-01-28)")
	// 303 traffic controls with no number promised, and the council
	// "according to plan".
	assert.Equal(t, "cannot_be_assessed", a[trafik].Status)
	assert.Contains(t, a[trafik].Reason["sv"], "303 trafikkontroller")
	assert.Equal(t, "achieved", a[rad].Status)
	assert.Contains(t, a[rad].Reason["sv"], "enligt plan")
	// The follow-up says a moped operation was done, with no number.
	assert.Equal(t, "cannot_be_assessed", a[moped].Status)
	assert.Equal(t, "2020-01-31", ev.At)
	assert.NotEmpty(t, ev.CitizenPromises[0].Status)
	for _, p := range ev.CitizenPromises[0].Promises {
		assert.NotEmpty(t, p.Status)
		assert.NotEmpty(t, p.Reason["sv"])
		assert.NotEmpty(t, p.Reason["en"])
	}
}

// In September 2019 the interim reports are known, and the statuses follow
// the pace rules: N × the elapsed share of the year is expected by the end
// of the period last reported (2019-08-31, 243 of 365 days).
func TestStrangnas2019InSeptember(t *testing.T) {
	_, a := evaluate(t, "2019-09-20", strangnas2019)
	for _, tc := range []struct {
		id                 string
		status             string
		achieved, expected float64
	}{
		{grannsamverkan, "on_track", 7, 8 * 243.0 / 365}, // 131 % of the pace
		{batsamverkan, "at_risk", 1, 2 * 243.0 / 365},    // 75 %
		{vandringar, "at_risk", 2, 4 * 243.0 / 365},      // 75 %
	} {
		got := a[tc.id]
		assert.Equal(t, tc.status, got.Status, tc.id)
		require.NotNil(t, got.Achieved, tc.id)
		require.NotNil(t, got.Expected, tc.id)
		assert.Equal(t, tc.achieved, *got.Achieved, tc.id)
		assert.InDelta(t, tc.expected, *got.Expected, 0.01, tc.id)
	}
	assert.Equal(t, "on_track", a[rad].Status)
	assert.Equal(t, "on_track", a[lokaler].Status)
}

func TestFormats(t *testing.T) {
	for _, tc := range []struct{ format, lang, want string }{
		{"text", "sv", "20 av minst 8 områden"},
		{"text", "en", "20 of at least 8 areas"},
		{"markdown", "sv", "# Uppföljning: Medborgarlöfte 2019"},
		{"html", "en", "<html"},
	} {
		var stdout, stderr bytes.Buffer
		code := run([]string{"-at", "2020-01-31", "-lang", tc.lang, "-format", tc.format, strangnas2019}, nil, &stdout, &stderr)
		require.Equal(t, 0, code, stderr.String())
		assert.Contains(t, stdout.String(), tc.want, tc.format)
	}
}

// A promise document and reports given as separate files make one bundle.
func TestSeparateReportFiles(t *testing.T) {
	data, err := os.ReadFile(strangnas2019)
	require.NoError(t, err)
	var bundle map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(data, &bundle))
	var reports []json.RawMessage
	require.NoError(t, json.Unmarshal(bundle["reports"], &reports))
	dir := t.TempDir()
	files := []string{filepath.Join(dir, "document.json")}
	require.NoError(t, os.WriteFile(files[0], bundle["document"], 0o600))
	for i, r := range reports {
		name := filepath.Join(dir, "report"+string(rune('a'+i))+".json")
		require.NoError(t, os.WriteFile(name, r, 0o600))
		files = append(files, name)
	}
	_, a := evaluate(t, "2020-01-31", files...)
	assert.Equal(t, "achieved", a[grannsamverkan].Status)

	// The same report twice is refused.
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"-at", "2020-01-31"}, append(files, files[1])...), nil, &stdout, &stderr)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr.String(), "given twice")
}

func TestInvalidInput(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte("{\n  \"$schema\": \"https://medborgarlofte.se/schema/1/bundle.schema.json\",\n  \"schemaVersion\": \"1.0\",\n  \"document\": 7\n}\n"), 0o600))
	var stdout, stderr bytes.Buffer
	code := run([]string{"-at", "2020-01-31", "-lang", "en", bad}, nil, &stdout, &stderr)
	assert.Equal(t, 1, code)
	assert.Empty(t, stdout.String(), "nothing is evaluated")
	assert.Contains(t, stderr.String(), bad+":4:3: /document: expected an object")
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{
		{},
		{strangnas2019},
		{"-at", "2019-02-30", strangnas2019},
		{"-at", "2020-01-31", "-lang", "fi", strangnas2019},
		{"-at", "2020-01-31", "-format", "pdf", strangnas2019},
		{"-at", "2020-01-31"},
		{"-at", "2020-01-31", "no-such-file.json"},
		{"-at", "2020-01-31", strangnas2019, strangnas2019},
	} {
		var stdout, stderr bytes.Buffer
		code := run(args, strings.NewReader(""), &stdout, &stderr)
		assert.Equal(t, 2, code, "%v: %s", args, stderr.String())
		assert.NotEmpty(t, stderr.String(), "%v", args)
	}
}

// A promise whose one activity is assessed partly achieved at the end is
// partly achieved too, not "not achieved" for want of a number.
func TestPartlyAchievedByAssessmentRollsUp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"-at", "2024-02-15", "-format", "json", "../../../examples/data/bundles/strangnas-2022-2023.json"}, nil, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	var ev evaluationJSON
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &ev))
	require.Len(t, ev.CitizenPromises, 1)
	status := map[string]string{}
	for _, p := range append(ev.CitizenPromises[0].Promises, ev.CitizenPromises[0].Activities...) {
		status[p.ID] = p.Status
	}
	assert.Equal(t, "partly_achieved", status["01a20140-e0e7-7442-a064-03006f6ba0f5"], "the activity, by assessment")
	assert.Equal(t, "partly_achieved", status["01a20140-e0e6-7d75-82db-ecdfa57b43f0"], "its promise")
	assert.Equal(t, "partly_achieved", ev.CitizenPromises[0].Status)
}

// TestViewIsStated: the text and JSON outputs say which reports counted,
// and the two views differ on the last day of 2019, before the final
// report of 2020-01-28 was published.
func TestViewIsStated(t *testing.T) {
	out := func(args ...string) string {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"-at", "2019-12-31"}, append(args, strangnas2019)...), nil, &stdout, &stderr)
		require.Equal(t, 0, code, stderr.String())
		return stdout.String()
	}
	assert.Contains(t, out("-lang", "en"), "Status as of 2019-12-31, for the time up to then (with reports published later)")
	assert.Contains(t, out("-lang", "en", "-view", "asKnown"), "Status as of 2019-12-31, as known that day")
	assert.Contains(t, out("-lang", "sv"), "för tiden fram till dess (med rapporter som publicerats senare)")
	var period, known struct {
		View            string `json:"view"`
		CitizenPromises []struct {
			Activities []struct {
				Status string `json:"status"`
			} `json:"activities"`
		} `json:"citizenPromises"`
	}
	require.NoError(t, json.Unmarshal([]byte(out("-format", "json")), &period))
	require.NoError(t, json.Unmarshal([]byte(out("-format", "json", "-view", "asKnown")), &known))
	assert.Equal(t, "period", period.View)
	assert.Equal(t, "asKnown", known.View)
	require.Len(t, period.CitizenPromises, 1)
	require.Len(t, known.CitizenPromises, 1)
	// The moped operations: the final report says "done" (period view);
	// on 2019-12-31 nothing had been published about them (as known).
	assert.NotEqual(t, period.CitizenPromises[0].Activities, known.CitizenPromises[0].Activities)
}

// TestAssessmentShownWhileAwaited: the party's own assessment is shown in
// the text output also when the rules' status (awaiting a report) stands
// instead of it.
func TestAssessmentShownWhileAwaited(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"-at", "2022-05-31", "-lang", "en", "../../../examples/data/bundles/strangnas-2022-2023.json"}, nil, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	assert.Contains(t, stdout.String(), "Assessment (Strängnäs Municipality and Eskilstuna/Strängnäs local police area, 2022-05-20): “On track”.")
}

// TestReportTextsInEveryFormat: a report's own summary and notes appear in
// every output format.
func TestReportTextsInEveryFormat(t *testing.T) {
	for _, format := range []string{"text", "json", "markdown", "html"} {
		var stdout, stderr bytes.Buffer
		code := run([]string{"-at", "2020-01-31", "-lang", "en", "-format", format, strangnas2019}, nil, &stdout, &stderr)
		require.Equal(t, 0, code, stderr.String())
		out := stdout.String()
		assert.Contains(t, out, "In February 2019 the police and Strängnäs kommun signed a citizen promise for the year", format)
		assert.Contains(t, out, "Published by Strängnäs kommun on strangnas.se.", format)
	}
}

// TestAtMistake: a malformed -at says how to write it, without the name of
// an internal package.
func TestAtMistake(t *testing.T) {
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 2, run([]string{"-at", "2019-2-8", strangnas2019}, nil, &stdout, &stderr))
	assert.Equal(t, "report: -at \"2019-2-8\" is not a date: write it YYYY-MM-DD, e.g. 2020-01-31\n", stderr.String())
}

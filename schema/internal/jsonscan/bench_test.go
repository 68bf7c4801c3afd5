package jsonscan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
)

// benchDoc is a realistic document of about 2 MB: an export of municipal
// cases with Swedish text, UUIDs, dates, amounts, nested objects and arrays,
// indented as people's tools write it.
var benchDoc = sync.OnceValue(func() []byte { return genDocument(2 << 20) })

var (
	words = strings.Fields(`ärende gäller ansökan om bygglov för tillbyggnad av
		enbostadshus på fastigheten Åkerö och nämnden beslutar att bevilja avslå
		återremittera förskola skolskjuts äldreomsorg hemtjänst färdtjänst
		detaljplan överklagande länsstyrelsen förvaltningsrätten miljö- och
		hälsoskyddsnämnden kommunstyrelsen yttrande remiss medborgarförslag
		gång- och cykelväg Västerås Örebro Göteborg Malmö Luleå Umeå Växjö
		räddningstjänst vattenförsörjning avgift taxa överenskommelse`)
	statuses = []string{"inkommet", "under handläggning", "beslutat", "avslutat", "överklagat"}
	units    = []string{"Samhällsbyggnad", "Barn- och utbildning", "Socialförvaltningen", "Kultur och fritid", "Miljöförvaltningen"}
	names    = []string{"Åsa Öberg", "Björn Ängström", "Märta Lindqvist", "Göran Åkesson", "Linnéa Sjöström", "Ebba Håkansson"}
)

func genDocument(size int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	text := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = words[r.IntN(len(words))]
		}
		s := strings.Join(ws, " ")
		if r.IntN(10) == 0 {
			s += "\nCitat: \"" + words[r.IntN(len(words))] + "\"\t(se bilaga)"
		}
		return s
	}
	uuid := func() string {
		return fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", r.Uint32(), r.IntN(1<<16), r.IntN(1<<12), 0x8000|r.IntN(1<<14), r.Uint64()&(1<<48-1))
	}
	date := func() string {
		return fmt.Sprintf("2024-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28))
	}
	record := func(n int) map[string]any {
		decisions := make([]any, r.IntN(4))
		for i := range decisions {
			decisions[i] = map[string]any{
				"datum":      date() + fmt.Sprintf("T%02d:%02d:00+02:00", 8+r.IntN(9), r.IntN(60)),
				"typ":        statuses[r.IntN(len(statuses))],
				"paragraf":   fmt.Sprintf("§ %d", 1+r.IntN(300)),
				"motivering": text(8 + r.IntN(20)),
			}
		}
		tags := make([]any, 1+r.IntN(4))
		for i := range tags {
			tags[i] = words[r.IntN(len(words))]
		}
		return map[string]any{
			"id":           uuid(),
			"diarienummer": fmt.Sprintf("KS %d/%04d", 2020+r.IntN(5), n),
			"rubrik":       text(3 + r.IntN(6)),
			"beskrivning":  text(10 + r.IntN(30)),
			"status":       statuses[r.IntN(len(statuses))],
			"registrerad":  date(),
			"belopp":       float64(r.IntN(10_000_000)) / 100,
			"antal":        r.IntN(1000),
			"sekretess":    r.IntN(5) == 0,
			"bilagor":      nil,
			"handläggare": map[string]any{
				"id":    uuid(),
				"namn":  names[r.IntN(len(names))],
				"enhet": units[r.IntN(len(units))],
				"epost": fmt.Sprintf("handlaggare%d@kommun.se", r.IntN(500)),
			},
			"koordinater": []any{59 + r.Float64(), 15 + r.Float64()},
			"beslut":      decisions,
			"taggar":      tags,
		}
	}
	var cases []any
	doc := map[string]any{
		"schemaVersion": "1.4.0",
		"kommun":        map[string]any{"kod": "1980", "namn": "Västerås"},
		"skapad":        "2024-06-30T23:59:59+02:00",
		"ärenden":       nil,
	}
	// Records are indented by four more spaces in the document than alone.
	for n, total := 0, 0; total < size; n++ {
		rec := record(n)
		b := encode(rec)
		total += len(b) + 4*bytes.Count(b, []byte("\n"))
		cases = append(cases, rec)
	}
	doc["ärenden"] = cases
	return encode(doc)
}

func encode(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func BenchmarkParse(b *testing.B) {
	data := benchDoc()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data, Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStdlibUnmarshalAny(b *testing.B) {
	data := benchDoc()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d := json.NewDecoder(bytes.NewReader(data))
		d.UseNumber()
		var v any
		if err := d.Decode(&v); err != nil {
			b.Fatal(err)
		}
	}
}

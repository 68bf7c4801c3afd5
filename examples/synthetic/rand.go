package synthetic

import (
	"encoding/binary"
	"math/rand/v2"
	"time"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// source is the generator's only source of randomness: a PCG, so that a
// seed gives the same data on every platform and Go version.
type source struct {
	r *rand.Rand
}

func newSource(seed1, seed2 uint64) *source {
	return &source{r: rand.New(rand.NewPCG(seed1, seed2))}
}

// child returns a new independent source seeded from s, for one bundle.
func (s *source) child() *source { return newSource(s.r.Uint64(), s.r.Uint64()) }

// id returns a UUID shaped like a version 7 UUID (RFC 9562) whose
// timestamp is a random moment of day d (UTC) and whose other bits come
// from s. uuid.NewV7 would read the clock and break determinism.
func (s *source) id(d promise.Date) uuid.UUID {
	ms := uint64(d.Time().UnixMilli()) + s.r.Uint64N(uint64(24*time.Hour/time.Millisecond))
	var u uuid.UUID
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], ms)
	copy(u[0:6], b[2:8])
	binary.BigEndian.PutUint64(b[:], s.r.Uint64())
	copy(u[6:14], b[:])
	binary.BigEndian.PutUint16(u[14:16], uint16(s.r.Uint32()))
	u[6] = 0x70 | u[6]&0x0f // version 7
	u[8] = 0x80 | u[8]&0x3f // variant 10 (RFC 9562)
	return u
}

// between returns a uniform integer in [lo, hi].
func (s *source) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + s.r.IntN(hi-lo+1)
}

// chance reports true with probability p.
func (s *source) chance(p float64) bool { return s.r.Float64() < p }

// float returns a uniform float in [lo, hi).
func (s *source) float(lo, hi float64) float64 { return lo + (hi-lo)*s.r.Float64() }

// day returns a uniform date in p (which must be closed).
func (s *source) day(p promise.Period) promise.Date {
	return p.Start.AddDays(s.r.IntN(p.Days()))
}

// pick returns a uniform element of xs, which must not be empty.
func pick[T any](s *source, xs []T) T { return xs[s.r.IntN(len(xs))] }

// choose returns n distinct elements of xs in random order (all of them
// when n ≥ len(xs)).
func choose[T any](s *source, xs []T, n int) []T {
	c := append([]T(nil), xs...)
	s.r.Shuffle(len(c), func(i, j int) { c[i], c[j] = c[j], c[i] })
	return c[:min(n, len(c))]
}

// weighted returns an index into ws with probability proportional to its
// weight.
func (s *source) weighted(ws []int) int {
	total := 0
	for _, w := range ws {
		total += w
	}
	n := s.r.IntN(total)
	for i, w := range ws {
		if n < w {
			return i
		}
		n -= w
	}
	return len(ws) - 1
}

// date returns y-m-d; the generator only builds dates that exist.
func date(y int, m time.Month, d int) promise.Date {
	t, err := promise.NewDate(y, m, d)
	if err != nil {
		panic(err)
	}
	return t
}

// yearPeriod is the calendar years from y to y+n-1.
func yearPeriod(y, n int) promise.Period {
	return promise.Period{Start: date(y, time.January, 1), End: date(y+n-1, time.December, 31)}
}

// maxDate and minDate return the later and the earlier of two dates.
func maxDate(a, b promise.Date) promise.Date {
	if a.After(b) {
		return a
	}
	return b
}

func minDate(a, b promise.Date) promise.Date {
	if a.Before(b) {
		return a
	}
	return b
}

// overlap returns the common part of two closed periods and whether there
// is one.
func overlap(p, q promise.Period) (promise.Period, bool) {
	o := promise.Period{Start: maxDate(p.Start, q.Start), End: minDate(p.End, q.End)}
	return o, !o.End.Before(o.Start)
}

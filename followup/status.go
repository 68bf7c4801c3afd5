package followup

import "fmt"

// Status is the state of an activity, a promise or a citizen promise at a
// date. The zero Status is [NotStarted].
type Status uint8

// The statuses, with their stable tokens.
const (
	NotStarted     Status = iota // not_started: the window has not begun
	OnTrack                      // on_track
	AtRisk                       // at_risk
	Behind                       // behind
	Achieved                     // achieved
	PartlyAchieved               // partly_achieved
	NotAchieved                  // not_achieved
	AwaitingReport               // awaiting_report: nothing reported yet, or the period has ended and its report is not yet due
	NotReported                  // not_reported: a reporting period ended without a report
	Unassessable                 // cannot_be_assessed
	Withdrawn                    // withdrawn
	numStatuses
)

var statusTokens = [numStatuses]string{
	"not_started", "on_track", "at_risk", "behind", "achieved",
	"partly_achieved", "not_achieved", "awaiting_report", "not_reported", "cannot_be_assessed", "withdrawn",
}

// Statuses lists every status in order.
func Statuses() []Status {
	s := make([]Status, numStatuses)
	for i := range s {
		s[i] = Status(i)
	}
	return s
}

// String returns the status's snake_case token, or "Status(N)" for a value
// that is no status.
func (s Status) String() string {
	if s < numStatuses {
		return statusTokens[s]
	}
	return fmt.Sprintf("Status(%d)", uint8(s))
}

// ParseStatus returns the status with the given token.
func ParseStatus(token string) (Status, error) {
	for i, t := range statusTokens {
		if t == token {
			return Status(i), nil
		}
	}
	return 0, fmt.Errorf("followup: unknown status %q", token)
}

// MarshalText implements [encoding.TextMarshaler].
func (s Status) MarshalText() ([]byte, error) {
	if s >= numStatuses {
		return nil, fmt.Errorf("followup: cannot encode %v", s)
	}
	return []byte(statusTokens[s]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Status) UnmarshalText(b []byte) error {
	v, err := ParseStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

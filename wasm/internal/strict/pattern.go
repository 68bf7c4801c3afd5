package strict

import (
	"net/netip"
	"net/url"
	"strings"
)

// checkFormat reports whether s is of the format (formatDate,
// formatURI), as the JSON Schema validator of package schema
// (santhosh-tekuri/jsonschema/v5) checks it.
func checkFormat(format uint8, s string) bool {
	switch format {
	case formatDate:
		return isDate(s)
	case formatURI:
		return isURI(s)
	}
	return true
}

// isDate is time.Parse("2006-01-02", s) == nil: four digits, two for a
// month 01–12, two for a day of that month.
func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 9} {
		if !isDigit(s[i]) {
			return false
		}
	}
	y := int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	m := int(s[5]-'0')*10 + int(s[6]-'0')
	d := int(s[8]-'0')*10 + int(s[9]-'0')
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m]
	if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}

// isURI is an absolute URL that net/url parses, whose host, if it holds a
// colon, is a bracketed IPv6 address without a zone.
func isURI(s string) bool {
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	if host := u.Hostname(); strings.IndexByte(host, ':') >= 0 {
		if strings.IndexByte(u.Host, '[') < 0 || strings.IndexByte(u.Host, ']') < 0 {
			return false
		}
		ip, err := netip.ParseAddr(host)
		if err != nil || ip.Zone() != "" {
			return false
		}
	}
	return u.IsAbs()
}

package pdfsign

import (
	"crypto/x509"
	"encoding/asn1"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// DistinguishedName writes a DER-encoded X.509 Name as an RFC 4514 string
// ("E=ana@example.org,CN=Ana,O=Auditores,C=CO": the last RDN first), with
// the emailAddress attribute labelled E= as certificate viewers do.
// pkix.Name.String would print that attribute as an OID and a hex dump.
// Attributes without a label print as their OID and "#" plus the hex of
// their DER value, as RFC 4514 says.
func DistinguishedName(raw []byte) string {
	var seq []atvSET
	rest, err := asn1.Unmarshal(raw, &seq)
	if err != nil || len(rest) > 0 {
		return "#" + hex.EncodeToString(raw)
	}
	parts := make([]string, 0, len(seq))
	for i := len(seq) - 1; i >= 0; i-- {
		var rdn []string
		for _, a := range seq[i] {
			rdn = append(rdn, formatATV(a))
		}
		parts = append(parts, strings.Join(rdn, "+"))
	}
	return strings.Join(parts, ",")
}

// subjectOf is the RFC 4514 subject of c, "" for nil.
func subjectOf(c *x509.Certificate) string {
	if c == nil {
		return ""
	}
	return DistinguishedName(c.RawSubject)
}

// atv is an AttributeTypeAndValue whose value is kept raw, so any string
// type can be read; the type name ends in SET so encoding/asn1 reads a SET.
type atv struct {
	Type  asn1.ObjectIdentifier
	Value asn1.RawValue
}

type atvSET []atv

var dnLabels = map[string]string{
	"2.5.4.3": "CN", "2.5.4.4": "SN", "2.5.4.5": "SERIALNUMBER", "2.5.4.6": "C", "2.5.4.7": "L",
	"2.5.4.8": "ST", "2.5.4.9": "STREET", "2.5.4.10": "O", "2.5.4.11": "OU", "2.5.4.12": "T",
	"2.5.4.42": "GN", "2.5.4.97": "organizationIdentifier", "1.2.840.113549.1.9.1": "E",
	"0.9.2342.19200300.100.1.25": "DC", "0.9.2342.19200300.100.1.1": "UID",
}

func formatATV(a atv) string {
	label, known := dnLabels[a.Type.String()]
	s, ok := dnString(a.Value)
	if !known || !ok {
		if !known {
			label = a.Type.String()
		}
		return label + "=#" + hex.EncodeToString(a.Value.FullBytes)
	}
	return label + "=" + escapeDN(s)
}

// dnString decodes the string types names use.
func dnString(v asn1.RawValue) (string, bool) {
	if v.Class != asn1.ClassUniversal {
		return "", false
	}
	switch v.Tag {
	case asn1.TagPrintableString, asn1.TagIA5String, asn1.TagNumericString:
		return string(v.Bytes), isASCII(v.Bytes)
	case asn1.TagUTF8String:
		return string(v.Bytes), utf8.Valid(v.Bytes)
	case asn1.TagT61String:
		r := make([]rune, len(v.Bytes))
		for i, c := range v.Bytes {
			r[i] = rune(c)
		}
		return string(r), true
	case asn1.TagBMPString:
		if len(v.Bytes)%2 != 0 {
			return "", false
		}
		u := make([]uint16, len(v.Bytes)/2)
		for i := range u {
			u[i] = uint16(v.Bytes[2*i])<<8 | uint16(v.Bytes[2*i+1])
		}
		return string(utf16.Decode(u)), true
	}
	return "", false
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// escapeDN escapes a value per RFC 4514 §2.4.
func escapeDN(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == ',' || r == '+' || r == '"' || r == '\\' || r == '<' || r == '>' || r == ';':
			b.WriteByte('\\')
			b.WriteRune(r)
		case (r == '#' || r == ' ') && i == 0, r == ' ' && i == len(s)-1:
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\%02X", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

package identity

import (
	"errors"
	"testing"
)

// TestCheckSubjectIsTyped: the name and e-mail rules of Create come back
// as data, so a form can say which field is wrong in its own words.
func TestCheckSubjectIsTyped(t *testing.T) {
	for _, tt := range []struct{ name, email, field string }{
		{"", "", "name"},
		{"   ", "ana@example.org", "name"},
		{"Ana", "ana(at)example.org", "email"},
		{"Ana", "añá@example.org", "email"},
		{"Ana María Restrepo Gómez", "", ""},
		{"Ana", " ana@example.org ", ""},
	} {
		err := CheckSubject(tt.name, tt.email)
		var se *SubjectError
		switch {
		case tt.field == "" && err != nil:
			t.Errorf("CheckSubject(%q, %q) = %v, want nil", tt.name, tt.email, err)
		case tt.field != "" && (!errors.As(err, &se) || se.Field != tt.field):
			t.Errorf("CheckSubject(%q, %q) = %v, want a SubjectError on %s", tt.name, tt.email, err, tt.field)
		}
	}
	if _, err := Create(t.TempDir(), "Ana", "not an address", ""); !errors.As(err, new(*SubjectError)) {
		t.Errorf("Create with a bad e-mail: %v, want a SubjectError", err)
	}
}

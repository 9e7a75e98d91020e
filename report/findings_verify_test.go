package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/pdfsign"
	"github.com/assay-dev/assay/report/pdfsign/pdfsigntest"
)

// renderSignedWith renders the fixture with the given findings.json (nil:
// the real one) and signs it.
func renderSignedWith(t *testing.T, findings func([]byte) []byte) []byte {
	t.Helper()
	return renderSignedAuditWith(t, nil, findings)
}

// renderSignedAuditWith is renderSignedWith of the fixture as edit (nil:
// none) leaves it.
func renderSignedAuditWith(t *testing.T, edit func(*audit.Audit) *audit.Audit, findings func([]byte) []byte) []byte {
	t.Helper()
	cat := testCatalog(6)
	a, imgs := testAudit(t, cat, 3, 320)
	if edit != nil {
		a = edit(a)
	}
	data, _ := AuditJSON(a)
	real, err := Findings(a, cat, FindingsOptions{Language: "en"}).JSON()
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := Render(a, cat, imgs, RenderOptions{Now: fixtureNow, AuditJSON: data, FindingsJSON: findings(real),
		Signer: SignerFromCert("", newTestSigner(t).cert)})
	if err != nil {
		t.Fatal(err)
	}
	return signFixture(t, pdf)
}

// The signed report carries findings.json, the same bytes export --format
// json writes, and verify accepts it.
func TestSignedFindingsJSONIsTheExportedOne(t *testing.T) {
	cat := testCatalog(6)
	a, _ := testAudit(t, cat, 3, 320)
	want, _ := Findings(a, cat, FindingsOptions{Language: "en"}).JSON()
	pdf := renderSignedWith(t, func(b []byte) []byte { return nil }) // nil: Render makes its own
	files, err := pdfsign.Attachments(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(files[FindingsAttachmentName], want) {
		t.Errorf("attached findings.json differs from the exported data")
	}
	if v := Verify(pdf); !v.Valid {
		t.Errorf("verify refuses the report: %+v", v.Problems)
	}
}

// A findings.json that says something else than the signed audit.json is
// refused even though the signature covers it: a certification body's
// system would load it.
func TestSignedFindingsThatDisagreeAreRefused(t *testing.T) {
	cases := map[string]struct {
		edit func([]byte) []byte
		kind Kind
		name string
	}{
		"a verdict changed": {func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"verdict": "minor"`), []byte(`"verdict": "conforms"`), 1)
		}, KindFindingsMismatch, "2.2"},
		"another audit": {func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"id": "2026-11-20-coop-la-esperanza-7f3a"`), []byte(`"id": "2026-11-20-coop-la-esperanza-0000"`), 1)
		}, KindFindingsMismatch, "audit.id"},
		"not findings data": {func([]byte) []byte { return []byte(`{"hello": "world"}`) }, KindFindingsBad, ""},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			pdf := renderSignedWith(t, c.edit)
			v := Verify(pdf)
			if v.Valid {
				t.Fatal("verify accepted it")
			}
			found := false
			for _, p := range v.Problems {
				found = found || p.Kind == c.kind && (c.name == "" || p.Name == c.name)
			}
			if !found {
				t.Errorf("problems %+v lack %s %s", v.Problems, c.kind, c.name)
			}
		})
	}
}

// The previous audit's corrective actions in the signed findings.json are
// checked like the findings: exactly what the signed audit.json derives.
func TestSignedPreviousCorrectiveActionsAreChecked(t *testing.T) {
	surveillance := func(a *audit.Audit) *audit.Audit { return withPreviousActions(t, a) }
	pdf := renderSignedAuditWith(t, surveillance, func([]byte) []byte { return nil })
	if v := Verify(pdf); !v.Valid {
		t.Fatalf("verify refuses a surveillance report: %+v", v.Problems)
	}
	if !bytes.Contains(mustAttachment(t, pdf, FindingsAttachmentName), []byte(`"status": "not_closed"`)) {
		t.Fatal("the attached findings lack the corrective actions")
	}
	// A report made before the key existed is still accepted.
	older := renderSignedAuditWith(t, surveillance, func(b []byte) []byte {
		var d FindingsData
		if err := json.Unmarshal(b, &d); err != nil {
			t.Fatal(err)
		}
		d.PreviousCorrectiveActions = nil
		out, _ := d.JSON()
		return out
	})
	if v := Verify(older); !v.Valid {
		t.Errorf("verify refuses findings without the key: %+v", v.Problems)
	}
	cases := map[string]struct {
		edit  func(*audit.Audit) *audit.Audit
		forge func([]byte) []byte
		name  string
	}{
		"a status changed": {surveillance, func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"status": "not_closed"`), []byte(`"status": "closed"`), 1)
		}, "previous_corrective_actions 2.2"},
		"an escalation dropped": {surveillance, func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"counts_as": "major"`), []byte(`"counts_as": null`), 1)
		}, "previous_corrective_actions 2.2"},
		"evidence notes changed": {surveillance, func(b []byte) []byte {
			return bytes.Replace(b, []byte(`Retorta instalada`), []byte(`Retorta comprada`), 1)
		}, "previous_corrective_actions 5.2"},
		"another previous report": {surveillance, func(b []byte) []byte {
			return bytes.ReplaceAll(b, []byte(`1b2c-r1"`), []byte(`1b2c-r2"`))
		}, "previous_corrective_actions 1.2"},
		"an action dropped": {surveillance, func(b []byte) []byte {
			var d FindingsData
			json.Unmarshal(b, &d)
			d.PreviousCorrectiveActions = d.PreviousCorrectiveActions[:2]
			out, _ := d.JSON()
			return out
		}, "previous_corrective_actions"},
		"actions on an initial audit": {nil, func(b []byte) []byte {
			var d FindingsData
			json.Unmarshal(b, &d)
			d.PreviousCorrectiveActions = []PreviousCARecord{}
			out, _ := d.JSON()
			return out
		}, "previous_corrective_actions"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			forged := renderSignedAuditWith(t, c.edit, c.forge)
			v := Verify(forged)
			if v.Valid {
				t.Fatal("verify accepted it")
			}
			found := false
			for _, p := range v.Problems {
				found = found || p.Kind == KindFindingsMismatch && p.Name == c.name
			}
			if !found {
				t.Errorf("problems %+v lack %s %s", v.Problems, KindFindingsMismatch, c.name)
			}
		})
	}
}

// A revision after signing that replaces findings.json is named as such.
func TestRevisionReplacingFindingsJSONIsNamed(t *testing.T) {
	pdf := renderSignedWith(t, func(b []byte) []byte { return b })
	k := pdfsigntest.NewKit(t, pdf)
	cat := k.Catalog(t)
	tree := cat["Names"].(types.Dict)["EmbeddedFiles"].(types.Dict)
	arr := tree["Names"].(types.Array)
	specNr := -1
	for i := 0; i+1 < len(arr); i += 2 {
		if s, _ := types.StringOrHexLiteral(arr[i]); s != nil && *s == FindingsAttachmentName {
			specNr = arr[i+1].(types.IndirectRef).ObjectNumber.Value()
		}
	}
	if specNr < 0 {
		t.Fatalf("no %s in the name tree %v", FindingsAttachmentName, arr)
	}
	spec := k.Dict(t, specNr)
	ef := spec["EF"].(types.Dict).Clone().(types.Dict)
	size := k.Size()
	forged := bytes.Replace(mustAttachment(t, pdf, FindingsAttachmentName), []byte(`"verdict": "major"`), []byte(`"verdict": "conforms"`), 1)
	ef["F"], ef["UF"] = *types.NewIndirectRef(size, 0), *types.NewIndirectRef(size, 0)
	spec["EF"] = ef
	tampered := k.Append(pdfsigntest.Update{Objs: []pdfsigntest.Obj{
		{Nr: specNr, Body: spec.PDFString()},
		{Nr: size, Body: pdfsigntest.Stream(fmt.Sprintf(" /Type /EmbeddedFile /Params <</Size %d>>", len(forged)), forged)},
	}})
	v := Verify(tampered)
	if v.Valid || !hasKind(v.Problems, KindRevReplacesFindings) {
		t.Errorf("problems %+v lack %s", v.Problems, KindRevReplacesFindings)
	}
	// What verify reads is what was signed, not the replacement.
	if !strings.Contains(string(mustAttachment(t, pdf, FindingsAttachmentName)), `"verdict": "major"`) {
		t.Error("the signed findings lost their major non-conformity")
	}
}

func mustAttachment(t *testing.T, pdf []byte, name string) []byte {
	t.Helper()
	files, err := pdfsign.Attachments(pdf)
	if err != nil || files[name] == nil {
		t.Fatalf("%s: %v", name, err)
	}
	return files[name]
}

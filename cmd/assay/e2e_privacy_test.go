package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPrivateNamesNeverLeaveTheLaptop: a real name entered as private (the
// demo's own, and one added with 'interviews add --name') is in the audit's
// private folder and nowhere a report or a script reads: not in the signed
// report's text (English or Spanish), not in any file attached to it, not
// in audit.json, not in 'interviews list --json' or 'list --json', nor in
// 'show --json' or 'export --format json', nor in next year's audit made
// from the signed report ('new --from', which carries pseudonyms and roles
// only). The
// report shows the interviews by pseudonym instead, with the scope, the
// sample planned and taken, the auditee's word and the decision block.
func TestPrivateNamesNeverLeaveTheLaptop(t *testing.T) {
	requireTool(t, "pdftotext")
	requireTool(t, "pdfdetach")
	home := t.TempDir()
	id := strings.TrimSpace(mustAssay(t, home, "demo").stdout)
	mustAssay(t, home, "interviews", "add", id, "--role", "Minero asociado", "--gender", "man", "--site", "Mina San Juan",
		"--name", privateName, "--contact", "+57 300 555 0199")

	var reg []map[string]any
	if err := json.Unmarshal([]byte(mustAssay(t, home, "interviews", "list", id, "--json", "--include-private").stdout), &reg); err != nil {
		t.Fatal(err)
	}
	var secrets []string
	for _, iv := range reg {
		for _, k := range []string{"name", "contact"} {
			if s, _ := iv[k].(string); len(s) >= 6 {
				secrets = append(secrets, s)
			}
		}
	}
	if len(secrets) < 12 || !strings.Contains(strings.Join(secrets, "|"), privateName) {
		t.Fatalf("expected the demo's private names and %q, got %q", privateName, secrets)
	}

	mustAssay(t, home, "keys", "create", "--name", "Ana María Restrepo Gómez")
	mustAssay(t, home, "finalize", id)
	dir := t.TempDir()
	en, es := filepath.Join(dir, "report.pdf"), filepath.Join(dir, "informe.pdf")
	mustAssay(t, home, "export", id, "-o", en)
	mustAssay(t, home, "export", id, "--lang", "es", "-o", es)

	places := map[string]string{}
	for name, pdf := range map[string]string{"English report text": en, "Spanish report text": es} {
		text, code := tool(t, "pdftotext", "-enc", "UTF-8", pdf, "-")
		if code != 0 {
			t.Fatalf("pdftotext %s: exit %d", pdf, code)
		}
		places[name] = text
	}
	attached := filepath.Join(dir, "attached")
	if err := os.Mkdir(attached, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, code := tool(t, "pdfdetach", "-saveall", "-o", attached, en); code != 0 {
		t.Fatalf("pdfdetach: %s", out)
	}
	files, _ := os.ReadDir(attached)
	if len(files) == 0 {
		t.Fatal("pdfdetach saved no attachment")
	}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(attached, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		places["attached "+f.Name()] = string(data)
	}
	data, err := os.ReadFile(filepath.Join(home, "audits", id, "audit.json"))
	if err != nil {
		t.Fatal(err)
	}
	places["audit.json"] = string(data)
	places["interviews list --json"] = mustAssay(t, home, "interviews", "list", id, "--json").stdout
	places["interviews list"] = mustAssay(t, home, "interviews", "list", id).stdout
	places["list --json"] = mustAssay(t, home, "list", "--json").stdout
	places["show --json"] = mustAssay(t, home, "show", id, "--json").stdout
	mustAssay(t, home, "export", id, "--format", "json", "-o", filepath.Join(dir, "findings.json"))
	b, err := os.ReadFile(filepath.Join(dir, "findings.json"))
	if err != nil {
		t.Fatal(err)
	}
	places["export --format json"] = string(b)
	// Next year's audit from the signed report, on another laptop: the
	// pseudonyms and roles carry over to follow up, never a name.
	next := t.TempDir()
	nid := strings.TrimSpace(mustAssay(t, next, "new", "--from", en, "--type", "surveillance").stdout)
	data, err = os.ReadFile(filepath.Join(next, "audits", nid, "audit.json"))
	if err != nil {
		t.Fatal(err)
	}
	places["next year's audit.json"] = string(data)
	if !strings.Contains(string(data), `"pseudonym": "I-07"`) {
		t.Error("next year's audit does not carry the interview register's pseudonyms over")
	}
	places["next year's show --json"] = mustAssay(t, next, "show", nid, "--json").stdout
	places["next year's interviews list"] = mustAssay(t, next, "interviews", "list", nid, "--json", "--include-private").stdout
	if _, err := os.Stat(filepath.Join(next, "audits", nid, "private")); err == nil {
		t.Error("next year's audit has a private folder: names were carried over")
	}
	for where, text := range places {
		for _, s := range secrets {
			if strings.Contains(text, s) {
				t.Errorf("private %q found in %s", s, where)
			}
		}
	}

	// What the report says instead.
	flat := strings.Join(strings.Fields(places["English report text"]), " ")
	for _, want := range []string{"Audit plan and scope", "The FSP's three mines", "Not covered, and why", "Interview register", "I-07",
		"I-15", "Miners interviewed 86 10 10", "Mines visited 3 3 2", "The auditee's acknowledgement",
		"María Eugenia Ospina Vélez, Representante legal, for the ASMO", "accepts the findings, with comments",
		"Aceptamos los hallazgos", "Certification body decision", "Certified with conditions"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the English report lacks %q", want)
		}
	}
	flat = strings.Join(strings.Fields(places["Spanish report text"]), " ")
	for _, want := range []string{"Plan y alcance de la auditoría", "Registro de entrevistas", "Mineros entrevistados 86 10 10",
		"Respuesta de la organización auditada", "Decisión del organismo de certificación"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the Spanish report lacks %q", want)
		}
	}
	if r := mustAssay(t, home, "verify", en); !strings.Contains(r.stdout, "valid, unchanged since signed") {
		t.Errorf("verify: %s", r.stdout)
	}
}

package audit

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// What the inspector writes about an evidence file: a caption (what the
// picture shows, printed under it in the report and in the evidence index)
// and, per plausibility mark, a justification. Both are edits of the audit
// like any other: refused once it is finalized, saved by the caller.

// Limits of what is typed about one file. A caption is a line under a
// picture; a justification a sentence or two. Longer text belongs in the
// finding's notes.
const (
	MaxCaptionRunes       = 300
	MaxJustificationRunes = 1000
)

// EvidenceEditProblem says why an edit of an evidence file's caption or
// justification was refused.
type EvidenceEditProblem int

// Why such an edit failed.
const (
	// EvidenceNotFound: no evidence file in the audit matches Ref.
	EvidenceNotFound EvidenceEditProblem = iota + 1
	// EvidenceAmbiguous: Ref matches several files (Candidates: their
	// SHA-256 and name).
	EvidenceAmbiguous
	// EvidenceTextTooLong: the caption or justification has more than Max
	// characters.
	EvidenceTextTooLong
	// EvidenceFlagUnknown: Flag is not a plausibility mark's code.
	EvidenceFlagUnknown
	// EvidenceReadOnly: the audit is finalized; amend it first.
	EvidenceReadOnly
)

// EvidenceEditError is a refused caption or justification, as data for
// each surface to word.
type EvidenceEditError struct {
	Kind       EvidenceEditProblem
	Ref        string   // what was asked for: a SHA-256, a prefix, a name
	Candidates []string // EvidenceAmbiguous: "sha256 name" of each match
	Max        int      // EvidenceTextTooLong
	Flag       EvidenceFlagKind
}

// Error is for programmers and logs; surfaces word Kind themselves.
func (e *EvidenceEditError) Error() string {
	switch e.Kind {
	case EvidenceNotFound:
		return fmt.Sprintf(msgEvidenceUnknown, e.Ref)
	case EvidenceAmbiguous:
		return fmt.Sprintf("evidence %q matches %d files: %s", e.Ref, len(e.Candidates), strings.Join(e.Candidates, "; "))
	case EvidenceTextTooLong:
		return fmt.Sprintf("text longer than %d characters", e.Max)
	case EvidenceFlagUnknown:
		return fmt.Sprintf("unknown plausibility mark %q", string(e.Flag))
	case EvidenceReadOnly:
		return msgFinalized
	}
	return "evidence edit refused"
}

// minSHAPrefix is the shortest digest prefix accepted for a file: shorter
// ones match by accident.
const minSHAPrefix = 6

// FindEvidence returns the evidence file ref names: its SHA-256, a prefix
// of at least six hex digits of it, or else its file name (exact, or
// without regard to case). Several matches are an *EvidenceEditError that
// lists them, as no match is.
func FindEvidence(a *Audit, ref string) (*Evidence, error) {
	ref = strings.TrimSpace(ref)
	if a == nil || ref == "" {
		return nil, &EvidenceEditError{Kind: EvidenceNotFound, Ref: ref}
	}
	var hits []*Evidence
	collect := func(match func(*Evidence) bool) {
		for i := range a.Evidence {
			ev := &a.Evidence[i]
			if !match(ev) {
				continue
			}
			dup := false
			for _, h := range hits {
				dup = dup || h.SHA256 == ev.SHA256
			}
			if !dup {
				hits = append(hits, ev)
			}
		}
	}
	low := strings.ToLower(ref)
	if len(low) >= minSHAPrefix && isHex(low) {
		collect(func(ev *Evidence) bool { return strings.HasPrefix(ev.SHA256, low) })
	}
	if len(hits) == 0 {
		collect(func(ev *Evidence) bool { return ev.Name == ref })
	}
	if len(hits) == 0 {
		collect(func(ev *Evidence) bool { return strings.EqualFold(ev.Name, ref) })
	}
	switch len(hits) {
	case 0:
		return nil, &EvidenceEditError{Kind: EvidenceNotFound, Ref: ref}
	case 1:
		return hits[0], nil
	}
	e := &EvidenceEditError{Kind: EvidenceAmbiguous, Ref: ref}
	for _, h := range hits {
		e.Candidates = append(e.Candidates, h.SHA256+" "+h.Name)
	}
	return nil, e
}

func isHex(s string) bool {
	for _, r := range s {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f') {
			return false
		}
	}
	return true
}

// cleanLine makes typed text one tidy line: no control characters,
// line breaks as spaces, runs of spaces as one.
func cleanLine(s string) string {
	return strings.Join(strings.Fields(Sanitize(s)), " ")
}

// SetCaption sets the caption of the evidence file ref names (see
// FindEvidence) in a; an empty text removes it. Every entry of the same
// file gets it. The caller saves a.
func (h *Handle) SetCaption(a *Audit, ref, text string) (*Evidence, error) {
	if err := h.checkOwn(a); err != nil {
		return nil, err
	}
	return SetCaption(a, ref, text)
}

// Justify records why the evidence file ref names is kept despite the
// plausibility mark kind; an empty text removes the justification. The
// mark itself stays: the report prints both. The caller saves a.
func (h *Handle) Justify(a *Audit, ref string, kind EvidenceFlagKind, text string) (*Evidence, error) {
	if err := h.checkOwn(a); err != nil {
		return nil, err
	}
	return Justify(a, ref, kind, text)
}

// SetCaption is Handle.SetCaption for a caller that holds a but no handle
// of its own to check it against (the TUI, whose handle is an interface).
// It touches nothing but a.
func SetCaption(a *Audit, ref, text string) (*Evidence, error) {
	if a != nil && !a.Editable() {
		return nil, &EvidenceEditError{Kind: EvidenceReadOnly, Ref: ref}
	}
	ev, err := FindEvidence(a, ref)
	if err != nil {
		return nil, err
	}
	text = cleanLine(text)
	if utf8.RuneCountInString(text) > MaxCaptionRunes {
		return nil, &EvidenceEditError{Kind: EvidenceTextTooLong, Ref: ref, Max: MaxCaptionRunes}
	}
	for i := range a.Evidence {
		if a.Evidence[i].SHA256 == ev.SHA256 {
			a.Evidence[i].Caption = text
		}
	}
	return ev, nil
}

// Justify is Handle.Justify without a handle (see SetCaption).
func Justify(a *Audit, ref string, kind EvidenceFlagKind, text string) (*Evidence, error) {
	if a != nil && !a.Editable() {
		return nil, &EvidenceEditError{Kind: EvidenceReadOnly, Ref: ref, Flag: kind}
	}
	if !kind.Known() {
		return nil, &EvidenceEditError{Kind: EvidenceFlagUnknown, Ref: ref, Flag: kind}
	}
	ev, err := FindEvidence(a, ref)
	if err != nil {
		return nil, err
	}
	text = strings.TrimSpace(Sanitize(text))
	if utf8.RuneCountInString(text) > MaxJustificationRunes {
		return nil, &EvidenceEditError{Kind: EvidenceTextTooLong, Ref: ref, Max: MaxJustificationRunes, Flag: kind}
	}
	for i := range a.Evidence {
		e := &a.Evidence[i]
		if e.SHA256 != ev.SHA256 {
			continue
		}
		if text == "" {
			delete(e.Justifications, kind)
			if len(e.Justifications) == 0 {
				e.Justifications = nil
			}
			continue
		}
		if e.Justifications == nil {
			e.Justifications = map[EvidenceFlagKind]string{}
		}
		e.Justifications[kind] = text
	}
	return ev, nil
}

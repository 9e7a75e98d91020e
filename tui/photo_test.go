package tui

import (
	"errors"
	"strings"
	"testing"

	"github.com/assay-dev/assay/audit"
)

const photoSHA = "5f2b8c1e9a0d4c3b7e6f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d"

// storedPhoto is what StoreEvidence returns for a phone photo: copied,
// hashed, EXIF read, the report image still to make.
func storedPhoto() evidenceStoredMsg {
	return evidenceStoredMsg{id: "a1", reqID: "1.1", path: "/fotos/IMG_2041.jpg",
		ev: &audit.Evidence{SHA256: photoSHA, Name: "IMG_2041.jpg", MediaType: "image/jpeg", Orientation: 6}}
}

// A photo is attached (and shown) at once; its report image is made
// afterwards, with a mark on it meanwhile, and recorded when done.
func TestPhotoAttachesAtOnceAndIsPreparedAfter(t *testing.T) {
	d, st := openWalk(t, 100, 24)
	nm, derive := d.m.Update(storedPhoto())
	d.m = nm.(Model)
	v := d.view()
	if !strings.Contains(v, "IMG_2041.jpg (⧗ preparing photo…)") {
		t.Fatalf("attached photo not shown as being prepared:\n%s", v)
	}
	if ev, ok := d.m.s.a.EvidenceBySHA(photoSHA); !ok || ev.Derived != "" {
		t.Fatalf("evidence in the audit: %+v %v", ev, ok)
	}
	d.run(derive)
	if v := d.view(); strings.Contains(v, "preparing") || !strings.Contains(v, "IMG_2041.jpg") {
		t.Errorf("after preparing:\n%s", v)
	}
	d.fire()
	ev, ok := st.saved("a1").EvidenceBySHA(photoSHA)
	if !ok || ev.Derived != photoSHA+".report.jpg" {
		t.Errorf("saved evidence %+v: report image not recorded", ev)
	}
}

// A photo too large for the report stays attached and the inspector is
// told why, with its size.
func TestPhotoTooLargeToPrepareIsSaid(t *testing.T) {
	d, st := openWalk(t, 120, 24)
	st.deriveErr = &audit.ImageTooLargeError{Width: 10950, Height: 10950, MaxPixels: 52428800}
	d.send(storedPhoto())
	v := d.view()
	if !strings.Contains(v, "IMG_2041.jpg is attached, but at 10950×10950 pixels it is too large") {
		t.Errorf("too-large photo not explained:\n%s", v)
	}
	if strings.Contains(v, "preparing") {
		t.Errorf("still marked as being prepared:\n%s", v)
	}
	d.fire()
	if ev, ok := st.saved("a1").EvidenceBySHA(photoSHA); !ok || ev.Derived != "" {
		t.Errorf("saved evidence %+v %v", ev, ok)
	}
	st.deriveErr = errors.New("unexpected EOF")
	d.send(evidenceDerivedMsg{id: "a1", sha: photoSHA, err: st.deriveErr})
	if v := d.view(); !strings.Contains(v, "report image could not be made: unexpected EOF") {
		t.Errorf("failed preparation not explained:\n%s", v)
	}
}

// A result for another audit (the inspector opened another meanwhile) is
// dropped.
func TestPhotoPreparedForAnotherAuditIgnored(t *testing.T) {
	d, _ := openWalk(t, 100, 24)
	d.send(storedPhoto())
	rev := d.m.s.rev
	d.send(evidenceDerivedMsg{id: "other", sha: photoSHA, name: photoSHA + ".report.jpg"})
	if d.m.s.rev != rev {
		t.Error("a result for another audit changed this one")
	}
}

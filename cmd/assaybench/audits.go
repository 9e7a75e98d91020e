package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report"
	"github.com/assay-dev/assay/report/identity"
	"github.com/assay-dev/assay/standards"
)

// openStore opens the store of a bench home with the built-in catalogs.
// fsync is off while building fixtures: it is the disk's cost, and not
// what is measured.
func openStore(home string) (*audit.Store, *standards.Catalog, error) {
	cats := standards.NewSet(standards.Builtin()...)
	s, err := audit.OpenStore(home, cats)
	if err != nil {
		return nil, nil, err
	}
	return s, cats.Default(), nil
}

// demoWithPhotos creates the demo audit (two photos) plus distinct
// 2000×1500 photos up to n in all, each linked to an assessed requirement,
// and returns its id. The audit is left a draft.
func demoWithPhotos(home string, n int) (string, error) {
	s, cat, err := openStore(home)
	if err != nil {
		return "", err
	}
	s.NoSync = true
	id, err := audit.CreateDemo(s, cat, time.Now())
	if err != nil {
		return "", err
	}
	h, err := s.Open(id)
	if err != nil {
		return "", err
	}
	defer h.Close()
	a := h.Audit()
	var reqs []string
	for rid, f := range a.Findings {
		if f != nil && f.Verdict != audit.Open {
			reqs = append(reqs, rid)
		}
	}
	slices.Sort(reqs)
	extra := n - len(a.Evidence)
	if extra <= 0 {
		return id, nil
	}
	src := filepath.Join(filepath.Dir(home), "photos")
	if err := os.MkdirAll(src, 0o755); err != nil {
		return "", err
	}
	evs := make([]*audit.Evidence, extra)
	errs := make([]error, extra)
	var wg sync.WaitGroup
	next := make(chan int)
	for range 2 {
		wg.Go(func() {
			for i := range next {
				evs[i], errs[i] = makePhoto(h, src, i)
			}
		})
	}
	for i := range extra {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, ev := range evs {
		if errs[i] != nil {
			return "", errs[i]
		}
		if _, err := h.AttachEvidence(a, *ev, reqs[i%len(reqs)]); err != nil {
			return "", err
		}
	}
	return id, h.Save(a)
}

// makePhoto writes photo i and stores it as evidence with its report-ready
// image, as the UI does in the background after attaching.
func makePhoto(h *audit.Handle, dir string, i int) (*audit.Evidence, error) {
	data, err := photoJPEG(photo(2000, 1500, uint64(1000+i)), 1)
	if err != nil {
		return nil, err
	}
	p := filepath.Join(dir, fmt.Sprintf("IMG_%04d.jpg", i))
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return nil, err
	}
	ev, err := h.StoreEvidence(p)
	if err != nil {
		return nil, err
	}
	ev.Derived, err = h.DeriveEvidence(*ev)
	return ev, err
}

// finalizeWithKey finalizes the audit and creates a signing identity, so
// that it can be exported signed.
func finalizeWithKey(home, id string) error {
	s, cat, err := openStore(home)
	if err != nil {
		return err
	}
	h, err := s.Open(id)
	if err != nil {
		return err
	}
	defer h.Close()
	a := h.Audit()
	ident, err := identity.Create(home, "Ana María Restrepo Gómez", "ana@example.org", "Auditores Andinos SAS")
	if err != nil {
		return err
	}
	if err := audit.Finalize(a, cat, report.SignerRecord(ident.Cert), time.Now()); err != nil {
		return err
	}
	return h.Save(a)
}

// manyAudits fills a home with n audits: the demo and copies of it under
// other ids (without photos, which a listing never reads).
func manyAudits(home string, n int) error {
	s, cat, err := openStore(home)
	if err != nil {
		return err
	}
	s.NoSync = true
	id, err := audit.CreateDemo(s, cat, time.Now())
	if err != nil {
		return err
	}
	a, err := s.Load(id)
	if err != nil {
		return err
	}
	for i := 1; i < n; i++ {
		c := *a
		c.ID = fmt.Sprintf("%s-%03d", id, i)
		c.Evidence = nil
		h, err := s.Create(&c)
		if err != nil {
			return err
		}
		h.Close()
	}
	return nil
}

package report

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/gif" // decoders for pictures that are not JPEG
	"image/jpeg"
	_ "image/png"
	"io/fs"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"

	"github.com/assay-dev/assay/standards/safefile"
)

// StoreEvidence reads report pictures for one audit from the store: the
// derived, report-ready JPEG (made now if the UI had not made it yet), else
// the original file.
type StoreEvidence struct {
	Store *audit.Store
	ID    string // audit id
}

// Image implements EvidenceSource.
func (s StoreEvidence) Image(ev *audit.Evidence) ([]byte, bool, error) {
	p, err := s.Store.DerivedImage(s.ID, ev)
	if p != "" {
		data, err := safefile.ReadFile(p, safefile.LimitAudit)
		if err == nil {
			return data, true, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, false, err
		}
	}
	var tooLarge *audit.ImageTooLargeError
	if errors.As(err, &tooLarge) {
		// Decoding the original here would take the memory the
		// report-ready copy was refused for.
		return nil, false, err
	}
	if !isPicture(ev.MediaType) {
		return nil, false, nil
	}
	data, err := safefile.ReadFile(s.Store.EvidencePath(s.ID, ev.SHA256), safefile.LimitAudit)
	return data, false, err
}

// Picture grid: two per row, each fitted into a box of this size.
const (
	figGap  = 6.0
	figW    = (contentW - figGap) / 2
	figMaxH = 66.0
)

// evidence draws the evidence index and the photographs.
func (d *doc) evidence(a *audit.Audit, src EvidenceSource, figs map[string]int, problems map[string]string) {
	p := d.pdf
	d.h1(d.t("evidence_title", nil))
	if len(a.Evidence) == 0 {
		d.para(d.t("evidence_none", nil), contentW, lineH)
		return
	}
	gpsLabel := d.t("col_gps", nil)
	cols := []column{{title: "#", w: 8, align: "R"}, {title: d.t("col_file", nil), w: 40}, {title: d.t("col_sha256", nil), w: 55},
		{title: d.t("col_size", nil), w: 15, align: "R"}, {title: d.t("col_taken", nil), w: 26}, {title: gpsLabel, w: 30}}
	var rows [][]cell
	for i, ev := range a.Evidence {
		name := ev.Name
		if len(ev.Aliases) > 0 {
			// One file attached under several names: each is one the
			// inspector's notes may use.
			name += "\n" + d.t("evidence_aliases", i18n.Args{"Names": strings.Join(ev.Aliases, ", ")})
		}
		if n, ok := figs[ev.SHA256]; ok {
			name += "\n" + d.t("figure_ref", i18n.Args{"N": n})
		}
		if why, ok := problems[ev.SHA256]; ok {
			name += "\n" + d.t("evidence_mark", i18n.Args{"Reason": why})
		}
		taken := ""
		if !ev.Captured.IsZero() {
			taken = ev.Captured.Format("2006-01-02 15:04")
		}
		gps := ""
		if ev.GPS != nil {
			gps = fmt.Sprintf("%.5f,\n%.5f", ev.GPS.Lat, ev.GPS.Lon)
		}
		rows = append(rows, []cell{
			{text: d.l.Int(i + 1)}, {text: name}, {text: ev.SHA256, mono: true},
			{text: d.humanSize(ev.Size)}, {text: orDash(taken)}, {text: orDash(gps)},
		})
	}
	d.table(cols, rows)

	var pics []*audit.Evidence
	for i := range a.Evidence {
		if _, ok := figs[a.Evidence[i].SHA256]; ok {
			pics = append(pics, &a.Evidence[i])
		}
	}
	if len(pics) == 0 {
		return
	}
	d.h2(d.t("photos_title", nil))
	for i := 0; i < len(pics); i += 2 {
		row := pics[i:min(i+2, len(pics))]
		type placed struct {
			img     *pic
			w, h    float64
			caption []string
			nCap    int // caption lines; the rest is muted metadata
		}
		var cells []placed
		imgH, capH := 0.0, 0.0
		for _, ev := range row {
			pc := d.loadPicture(src, ev)
			w, h := figW, figMaxH
			if pc.err == "" {
				w, h = fitBox(pc.dispW, pc.dispH, figW, figMaxH)
			} else {
				h = 24
			}
			cap := d.t("caption", i18n.Args{"N": figs[ev.SHA256], "Name": ev.Name})
			if ev.Caption != "" {
				cap += " — " + ev.Caption
			}
			d.font("", 7.8, colText)
			lines := wrap(p, cap, figW)
			nCap := len(lines)
			var meta []string
			if len(ev.Requirements) > 0 {
				meta = append(meta, d.t("for_requirements", i18n.Args{"IDs": strings.Join(ev.Requirements, ", ")}))
			}
			if !ev.Captured.IsZero() {
				meta = append(meta, d.t("col_taken", nil)+": "+ev.Captured.Format("2006-01-02 15:04"))
			}
			if ev.GPS != nil {
				meta = append(meta, fmt.Sprintf("%s: %.5f, %.5f", gpsLabel, ev.GPS.Lat, ev.GPS.Lon))
			}
			if len(meta) > 0 {
				lines = append(lines, wrap(p, strings.Join(meta, " · "), figW)...)
			}
			cells = append(cells, placed{pc, w, h, lines, nCap})
			imgH = max(imgH, h)
			capH = max(capH, float64(len(lines))*3.6)
		}
		rowH := imgH + 2 + capH
		d.room(rowH + 4)
		y := d.y()
		for j, c := range cells {
			x := marginL + float64(j)*(figW+figGap)
			d.drawPicture(c.img, x+(figW-c.w)/2, y, c.w, c.h)
			d.font("", 7.8, colText)
			for k, l := range c.caption {
				if k == c.nCap {
					d.text(colMuted)
				}
				p.SetXY(x, y+imgH+2+float64(k)*3.6)
				p.CellFormat(figW, 3.6, l, "", 0, "L", false, 0, "")
			}
		}
		p.SetXY(marginL, y+rowH+5)
	}
	d.body()
}

// pic is a picture ready to place, or why it cannot be.
type pic struct {
	name         string // gofpdf image name
	imgType      string // "JPG" or "PNG"
	dispW, dispH float64
	rotate       float64 // degrees counter-clockwise applied when drawing
	err          string
}

// loadPicture registers the evidence picture with gofpdf. Anything wrong
// with the file gives a placeholder, never a failed report: gofpdf's error
// state is sticky, so images are checked before gofpdf sees them.
func (d *doc) loadPicture(src EvidenceSource, ev *audit.Evidence) *pic {
	pc := &pic{name: "ev-" + ev.SHA256}
	if src == nil {
		pc.err = d.t("image_missing", nil)
		return pc
	}
	data, upright, err := src.Image(ev)
	if err != nil || len(data) == 0 {
		pc.err = d.t("image_missing", nil)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			pc.err = d.t("image_unreadable", i18n.Args{"Name": ev.Name})
		}
		return pc
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		pc.err = d.t("image_unreadable", i18n.Args{"Name": ev.Name})
		return pc
	}
	// JPEG in RGB or grey passes straight through (no decode, fast);
	// anything else is decoded and re-encoded as a JPEG.
	if format != "jpeg" || (cfg.ColorModel != color.YCbCrModel && cfg.ColorModel != color.GrayModel) {
		img, _, err := image.Decode(bytes.NewReader(data))
		if err != nil {
			pc.err = d.t("image_unreadable", i18n.Args{"Name": ev.Name})
			return pc
		}
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
			pc.err = d.t("image_unreadable", i18n.Args{"Name": ev.Name})
			return pc
		}
		data = buf.Bytes()
		cfg.Width, cfg.Height = img.Bounds().Dx(), img.Bounds().Dy()
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		pc.err = d.t("image_unreadable", i18n.Args{"Name": ev.Name})
		return pc
	}
	pc.imgType = "JPG"
	pc.dispW, pc.dispH = float64(cfg.Width), float64(cfg.Height)
	if !upright {
		// The original still carries its EXIF orientation: turn it when
		// drawing. Mirrored orientations (2, 4, 5, 7) are rare from cameras
		// and are drawn with their rotation only.
		switch ev.Orientation {
		case 3, 4:
			pc.rotate = 180
		case 6, 5:
			pc.rotate = -90
		case 8, 7:
			pc.rotate = 90
		}
		if pc.rotate == 90 || pc.rotate == -90 {
			pc.dispW, pc.dispH = pc.dispH, pc.dispW
		}
	}
	if d.pdf.GetImageInfo(pc.name) == nil {
		d.pdf.RegisterImageOptionsReader(pc.name, gofpdf.ImageOptions{ImageType: pc.imgType}, bytes.NewReader(data))
		d.imageBytes += len(data)
		if d.pdf.Err() {
			// Cannot happen after the checks above; do not hide it if it does.
			return pc
		}
	}
	return pc
}

// drawPicture places a registered picture (or its placeholder) in w×h.
func (d *doc) drawPicture(pc *pic, x, y, w, h float64) {
	p := d.pdf
	if pc.err != "" {
		d.fill(colBoxBg)
		d.draw(colRule)
		p.Rect(x, y, w, h, "FD")
		d.font("I", 8, colMuted)
		p.SetXY(x+3, y+h/2-2)
		p.CellFormat(w-6, 4, fitText(p, pc.err, w-6), "", 0, "C", false, 0, "")
		return
	}
	opt := gofpdf.ImageOptions{ImageType: pc.imgType}
	if pc.rotate == 0 {
		p.ImageOptions(pc.name, x, y, w, h, false, opt, 0, "")
	} else {
		// Draw the stored (unrotated) image centred, then turn it about the
		// centre of its box.
		cx, cy := x+w/2, y+h/2
		iw, ih := w, h
		if pc.rotate != 180 {
			iw, ih = h, w
		}
		p.TransformBegin()
		p.TransformRotate(pc.rotate, cx, cy)
		p.ImageOptions(pc.name, cx-iw/2, cy-ih/2, iw, ih, false, opt, 0, "")
		p.TransformEnd()
	}
	d.draw(colRule)
	p.SetLineWidth(0.2)
	p.Rect(x, y, w, h, "D")
}

// fitBox scales w×h to fit in maxW×maxH, keeping the aspect ratio.
func fitBox(w, h, maxW, maxH float64) (float64, float64) {
	s := min(maxW/w, maxH/h)
	return w * s, h * s
}

func (d *doc) humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return d.t("size_mb", i18n.Args{"N": d.l.Decimal(float64(n)/(1<<20), 1)})
	case n >= 1<<10:
		return d.t("size_kb", i18n.Args{"N": d.l.Decimal(float64(n)/(1<<10), 0)})
	default:
		return d.t("size_b", i18n.Args{"N": d.l.Int(int(n))})
	}
}

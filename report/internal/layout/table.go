package layout

// Cell is one table cell.
type Cell struct {
	Text  string
	Bold  bool
	Mono  bool
	Color *RGB // nil: Text
}

// Column describes a table column: its title, width (mm) and alignment
// ("L", the default, "C" or "R").
type Column struct {
	Title string
	W     float64
	Align string
}

// Table draws a table with a header row that is repeated on every page the
// table spans; a row too tall for a page is split across pages.
func (d *Doc) Table(cols []Column, rows [][]Cell) {
	p := d.pdf
	headH := TableLineH + 2*CellPadY
	drawHead := func() {
		y := d.Y()
		d.Fill(HeadBg)
		p.Rect(MarginL, y, ContentW, headH, "F")
		d.Font("B", TableSize, Accent)
		x := MarginL
		for _, c := range cols {
			p.SetXY(x+CellPadX, y+CellPadY)
			p.CellFormat(c.W-2*CellPadX, TableLineH, d.FitText(c.Title, c.W-2*CellPadX), "", 0, align(c.Align), false, 0, "")
			x += c.W
		}
		p.SetXY(MarginL, y+headH)
	}
	setFont := func(c Cell) {
		style := ""
		if c.Bold {
			style = "B"
		}
		if c.Mono {
			p.SetFont(FontMono, "", TableSize-0.8)
		} else {
			p.SetFont(FontSans, style, TableSize)
		}
		if c.Color != nil {
			d.Text(*c.Color)
		} else {
			d.Text(Text)
		}
	}
	fullPage := int((PageBottom - MarginTop - headH - 2*CellPadY) / TableLineH)
	// The header never stands alone at the foot of a page.
	d.Room(headH + MinRowLines*TableLineH + 2*CellPadY)
	drawHead()
	for ri, row := range rows {
		lines := make([][]string, len(cols))
		n := 1
		for i := range cols {
			if i >= len(row) {
				continue
			}
			setFont(row[i])
			lines[i] = d.Wrap(row[i].Text, cols[i].W-2*CellPadX)
			n = max(n, len(lines[i]))
		}
		for start := 0; start < n; {
			avail := int((PageBottom - d.Y() - 2*CellPadY) / TableLineH)
			left := n - start
			// Keep a row whole when it fits on a fresh page; split only rows
			// taller than a page, and never leave a sliver at the bottom.
			if (start == 0 && avail < left && left <= fullPage) || avail < min(MinRowLines, left) {
				p.AddPage()
				drawHead()
				continue
			}
			end := min(n, start+avail)
			h := float64(end-start)*TableLineH + 2*CellPadY
			y := d.Y()
			if ri%2 == 1 {
				d.Fill(Zebra)
				p.Rect(MarginL, y, ContentW, h, "F")
			}
			x := MarginL
			for i, c := range cols {
				if i < len(row) {
					setFont(row[i])
					for li := start; li < end && li < len(lines[i]); li++ {
						p.SetXY(x+CellPadX, y+CellPadY+float64(li-start)*TableLineH)
						p.CellFormat(c.W-2*CellPadX, TableLineH, lines[i][li], "", 0, align(c.Align), false, 0, "")
					}
				}
				x += c.W
			}
			d.Draw(Rule)
			p.SetLineWidth(0.15)
			p.Line(MarginL, y+h, MarginL+ContentW, y+h)
			p.SetXY(MarginL, y+h)
			start = end
		}
	}
	d.Gap(2)
	d.Body()
}

func align(a string) string {
	if a == "" {
		return "L"
	}
	return a
}

package server

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strings"
	"time"

	"dyad/store"
)

// Chart geometry, in SVG user units (the chart scales to its container's width).
const (
	chartW, chartH            = 800, 280
	padL, padR, padT, padB    = 52, 52, 16, 40
	maxFilledBuckets          = 2000
	goldsteinMin, goldsteinMx = -10.0, 10.0
)

// fillBuckets inserts empty buckets between the first and the last, so that time runs evenly
// along the axis (unless there would be more than maxFilledBuckets).
func fillBuckets(bs []store.Bucket, by store.Interval) []store.Bucket {
	if len(bs) < 2 {
		return bs
	}
	first, err1 := time.Parse("2006-01-02", bs[0].Start)
	last, err2 := time.Parse("2006-01-02", bs[len(bs)-1].Start)
	if err1 != nil || err2 != nil {
		return bs
	}
	step := func(t time.Time) time.Time {
		switch by {
		case store.Week:
			return t.AddDate(0, 0, 7)
		case store.Month:
			return t.AddDate(0, 1, 0)
		}
		return t.AddDate(0, 0, 1)
	}
	n := 0
	for t := first; !t.After(last); t = step(t) {
		if n++; n > maxFilledBuckets {
			return bs
		}
	}
	have := make(map[string]store.Bucket, len(bs))
	for _, b := range bs {
		have[b.Start] = b
	}
	out := make([]store.Bucket, 0, n)
	for t := first; !t.After(last); t = step(t) {
		k := t.Format("2006-01-02")
		if b, ok := have[k]; ok {
			out = append(out, b)
		} else {
			out = append(out, store.Bucket{Start: k})
		}
	}
	return out
}

// niceMax returns the top of the count axis: at least m, and four times a round step (1, 2 or 5
// times a power of ten), so that the four grid lines fall on whole numbers.
func niceMax(m int) int {
	need := max(1, (m+3)/4)
	for p := 1; ; p *= 10 {
		for _, f := range []int{1, 2, 5} {
			if f*p >= need {
				return 4 * f * p
			}
		}
	}
}

// timelineSVG draws the buckets as stacked bars of events by QuadClass (left axis: counts) and a
// line of the mean Goldstein score (right axis, -10 to +10), with a <title> on every bar for its
// numbers. It is plain SVG markup, with no script and no external reference.
func timelineSVG(bs []store.Bucket, by store.Interval) template.HTML {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-label="Events by QuadClass and mean Goldstein score per %s" xmlns="http://www.w3.org/2000/svg">`, chartW, chartH, by)
	if len(bs) == 0 {
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" class="empty">No dated events</text></svg>`, chartW/2, chartH/2)
		return template.HTML(b.String())
	}
	plotW, plotH := float64(chartW-padL-padR), float64(chartH-padT-padB)
	top := 0
	for _, x := range bs {
		top = max(top, x.Events)
	}
	top = niceMax(top)
	y := func(n float64) float64 { return padT + plotH - n/float64(top)*plotH }
	gy := func(g float64) float64 {
		return padT + plotH - (g-goldsteinMin)/(goldsteinMx-goldsteinMin)*plotH
	}
	// grid and axes
	for i := 0; i <= 4; i++ {
		v := float64(top) * float64(i) / 4
		yy := y(v)
		fmt.Fprintf(&b, `<line class="grid" x1="%d" x2="%d" y1="%.1f" y2="%.1f"/>`, padL, chartW-padR, yy, yy)
		fmt.Fprintf(&b, `<text class="axis" x="%d" y="%.1f" text-anchor="end">%s</text>`, padL-6, yy+4, trimFloat(v))
		g := goldsteinMin + (goldsteinMx-goldsteinMin)*float64(i)/4
		fmt.Fprintf(&b, `<text class="axis gold" x="%d" y="%.1f" text-anchor="end">%+g</text>`, chartW-4, gy(g)+4, g)
	}
	fmt.Fprintf(&b, `<line class="zero" x1="%d" x2="%d" y1="%.1f" y2="%.1f"/>`, padL, chartW-padR, gy(0), gy(0))
	slot := plotW / float64(len(bs))
	bw := math.Min(slot, 80)
	gap := math.Min(2, bw*0.15)
	labelEvery := int(math.Ceil(float64(len(bs)) / 8))
	var line [][2]float64
	for i, x := range bs {
		x0 := padL + float64(i)*slot + (slot-bw)/2
		base := 0.0
		fmt.Fprintf(&b, `<g class="bar"><title>%s: %d events (%d verbal cooperation, %d material cooperation, %d verbal conflict, %d material conflict), mean Goldstein %.2f</title>`,
			html.EscapeString(x.Start), x.Events, x.Quad[1], x.Quad[2], x.Quad[3], x.Quad[4], x.Goldstein)
		for q := 1; q <= 4; q++ {
			n := float64(x.Quad[q])
			if n == 0 {
				continue
			}
			fmt.Fprintf(&b, `<rect class="q%d" x="%.2f" y="%.2f" width="%.2f" height="%.2f"/>`, q, x0+gap/2, y(base+n), bw-gap, y(base)-y(base+n))
			base += n
		}
		if n := float64(x.Quad[0]); n > 0 {
			fmt.Fprintf(&b, `<rect class="q0" x="%.2f" y="%.2f" width="%.2f" height="%.2f"/>`, x0+gap/2, y(base+n), bw-gap, y(base)-y(base+n))
		}
		// an invisible full-height rect so that the tooltip shows over the whole column
		fmt.Fprintf(&b, `<rect class="hit" x="%.2f" y="%d" width="%.2f" height="%.0f"/></g>`, x0, padT, bw, plotH)
		if x.Events > 0 {
			line = append(line, [2]float64{x0 + bw/2, gy(x.Goldstein)})
		}
		if i%labelEvery == 0 {
			cls := "axis"
			if labels := (len(bs) + labelEvery - 1) / labelEvery; labels > 4 && (i/labelEvery)%2 == 1 {
				cls = "axis alt" // hidden on phones, where the labels are larger
			}
			fmt.Fprintf(&b, `<text class="%s" x="%.1f" y="%d" text-anchor="middle">%s</text>`, cls, x0+bw/2, chartH-padB+22, html.EscapeString(bucketLabel(x.Start, by)))
		}
	}
	if len(line) > 1 {
		b.WriteString(`<polyline class="goldstein" points="`)
		for i, p := range line {
			if i > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%.2f,%.2f", p[0], p[1])
		}
		b.WriteString(`"/>`)
	}
	for _, p := range line {
		fmt.Fprintf(&b, `<circle class="goldstein-dot" cx="%.2f" cy="%.2f" r="3"/>`, p[0], p[1])
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// bucketLabel shortens a bucket start for the axis: "2022-05" for months, the date otherwise.
func bucketLabel(start string, by store.Interval) string {
	if by == store.Month && len(start) >= 7 {
		return start[:7]
	}
	return start
}

func trimFloat(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.1f", v)
}

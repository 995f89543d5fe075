package report

import (
	"bytes"
	"fmt"
	"html/template"
	"image/color"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"lekradar/analysis"
)

// Chart is one server-rendered chart of a report.
type Chart struct {
	ID    string
	Title string
	plot  *plot.Plot
	w, h  vg.Length
}

// SVG returns the chart as an inline <svg> element (without the XML
// prolog), ready for an HTML page.
func (c *Chart) SVG() (template.HTML, error) {
	var buf bytes.Buffer
	if err := c.write(&buf, "svg"); err != nil {
		return "", err
	}
	s := buf.String()
	if i := strings.Index(s, "<svg"); i > 0 {
		s = s[i:]
	}
	// A Content-Security-Policy without 'unsafe-inline' in style-src blocks
	// style attributes, which would leave the charts black: the same
	// properties as SVG presentation attributes are not styles and pass.
	s = presentationAttributes(s)
	// The SVG is built by gonum/plot from numbers and codebook labels,
	// which svgo escapes; it carries no script and no external reference.
	return template.HTML(s), nil
}

// PNG writes the chart as a PNG image.
func (c *Chart) PNG(w io.Writer) error { return c.write(w, "png") }

func (c *Chart) write(w io.Writer, format string) error {
	wt, err := c.plot.WriterTo(c.w, c.h, format)
	if err != nil {
		return fmt.Errorf("render chart %s as %s: %w", c.ID, format, err)
	}
	if _, err := wt.WriteTo(w); err != nil {
		return fmt.Errorf("write chart %s: %w", c.ID, err)
	}
	return nil
}

var (
	barColor   = color.RGBA{R: 0x1f, G: 0x4e, B: 0x79, A: 0xff}
	errorColor = color.RGBA{R: 0xc0, G: 0x39, B: 0x2b, A: 0xff}
	refColor   = color.Gray{Y: 0x80}
)

// errPoints are points with horizontal error bars.
type errPoints struct {
	plotter.XYs
	plotter.XErrors
}

// Charts builds the report's charts in the order the HTML page shows them.
// Charts without data are left out.
func Charts(r *analysis.Report) ([]*Chart, error) {
	lang := r.Lang
	var out []*Chart
	add := func(c *Chart, err error) error {
		if err != nil {
			return err
		}
		if c != nil {
			out = append(out, c)
		}
		return nil
	}
	if err := add(unitRateChart(r, lang)); err != nil {
		return nil, err
	}
	if err := add(rankForestChart(r, lang)); err != nil {
		return nil, err
	}
	if err := add(trendChart(r, lang)); err != nil {
		return nil, err
	}
	for _, id := range []string{"recipient", "initiative", "info_type", "source_system", "suspicion_outcome", "disciplinary_measure"} {
		if d := r.Distribution(id); d != nil {
			if err := add(distributionChart("dist_"+id, *d)); err != nil {
				return nil, err
			}
		}
	}
	if err := add(distributionChart("spots_area", r.Hotspots.ByArea)); err != nil {
		return nil, err
	}
	if err := add(refutationChart(r, lang)); err != nil {
		return nil, err
	}
	if err := add(detectionRateChart(r, lang)); err != nil {
		return nil, err
	}
	return out, nil
}

// ChartByID returns one chart of the report, for PNG output.
func ChartByID(r *analysis.Report, id string) (*Chart, error) {
	charts, err := Charts(r)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, c := range charts {
		if c.ID == id {
			return c, nil
		}
		ids = append(ids, c.ID)
	}
	return nil, fmt.Errorf("report has no chart %q (charts: %s)", id, strings.Join(ids, ", "))
}

func newPlot(title, xLabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = xLabel
	p.X.Min = 0
	return p
}

// horizontalBars draws values with optional intervals as horizontal bars,
// first row at the top.
func horizontalBars(p *plot.Plot, labels []string, values []float64, lo, hi []float64) error {
	n := len(values)
	rev := func(i int) int { return n - 1 - i }
	vals := make(plotter.Values, n)
	names := make([]string, n)
	for i := range values {
		vals[rev(i)] = values[i]
		names[rev(i)] = labels[i]
	}
	bars, err := plotter.NewBarChart(vals, vg.Points(9))
	if err != nil {
		return err
	}
	bars.Horizontal = true
	p.X.Max = slices.Max(values) * 1.05
	bars.Color = barColor
	bars.LineStyle.Width = 0
	p.Add(bars)
	if lo != nil {
		pts := errPoints{XYs: make(plotter.XYs, n), XErrors: make(plotter.XErrors, n)}
		for i := range values {
			j := rev(i)
			pts.XYs[j] = plotter.XY{X: values[i], Y: float64(j)}
			pts.XErrors[j].Low = values[i] - lo[i]
			pts.XErrors[j].High = hi[i] - values[i]
		}
		eb, err := plotter.NewXErrorBars(pts)
		if err != nil {
			return err
		}
		eb.Color = errorColor
		eb.CapWidth = vg.Points(4)
		p.Add(eb)
		// Leave room for the caps of the widest interval.
		p.X.Max = math.Max(p.X.Max, slices.Max(hi)*1.05)
	}
	p.NominalY(names...)
	return nil
}

func chartHeight(rows int) vg.Length { return vg.Points(float64(70 + 16*rows)) }

func unitRateChart(r *analysis.Report, lang string) (*Chart, error) {
	rows := r.UnitRates.Rows
	if len(rows) == 0 {
		return nil, nil
	}
	title := tr(lang, "chart_unit_rates")
	p := newPlot(title, tr(lang, "rate_axis"))
	var labels []string
	var v, lo, hi []float64
	for _, u := range rows {
		labels = append(labels, u.Label)
		v = append(v, u.Rate)
		lo = append(lo, u.CI.Lo)
		hi = append(hi, u.CI.Hi)
	}
	if err := horizontalBars(p, labels, v, lo, hi); err != nil {
		return nil, err
	}
	// The overall rate as a reference line.
	if line, err := plotter.NewLine(plotter.XYs{{X: r.UnitRates.Total.Rate, Y: -0.5}, {X: r.UnitRates.Total.Rate, Y: float64(len(rows)) - 0.5}}); err == nil {
		line.Color = refColor
		line.Dashes = []vg.Length{vg.Points(3), vg.Points(3)}
		p.Add(line)
	}
	return &Chart{ID: "unit_rates", Title: title, plot: p, w: vg.Points(560), h: chartHeight(len(rows))}, nil
}

func rankForestChart(r *analysis.Report, lang string) (*Chart, error) {
	var labels []string
	var v, lo, hi []float64
	for _, row := range r.Ranks.Rows {
		if row.RR == nil {
			continue
		}
		labels = append(labels, row.Label)
		v = append(v, row.RR.RR)
		lo = append(lo, row.RR.CI.Lo)
		hi = append(hi, row.RR.CI.Hi)
	}
	if len(v) == 0 {
		return nil, nil
	}
	title := tr(lang, "chart_rank_rr")
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = tr(lang, "rr_axis")
	p.X.Scale = plot.LogScale{}
	n := len(v)
	pts := errPoints{XYs: make(plotter.XYs, n), XErrors: make(plotter.XErrors, n)}
	names := make([]string, n)
	minX, maxX := 1.0, 1.0
	for i := range v {
		j := n - 1 - i
		names[j] = labels[i]
		pts.XYs[j] = plotter.XY{X: v[i], Y: float64(j)}
		pts.XErrors[j].Low = v[i] - lo[i]
		pts.XErrors[j].High = hi[i] - v[i]
		minX, maxX = math.Min(minX, lo[i]), math.Max(maxX, hi[i])
	}
	sc, err := plotter.NewScatter(pts.XYs)
	if err != nil {
		return nil, err
	}
	sc.Color = barColor
	sc.Radius = vg.Points(3.5)
	eb, err := plotter.NewXErrorBars(pts)
	if err != nil {
		return nil, err
	}
	eb.Color = barColor
	line, err := plotter.NewLine(plotter.XYs{{X: 1, Y: -0.5}, {X: 1, Y: float64(n) - 0.5}})
	if err != nil {
		return nil, err
	}
	line.Color = refColor
	line.Dashes = []vg.Length{vg.Points(3), vg.Points(3)}
	p.Add(line, eb, sc)
	p.X.Min, p.X.Max = minX*0.8, maxX*1.25
	// Log ticks of gonum label only powers of ten; risk ratios want 0.5, 2.
	var ticks []plot.Tick
	for _, v := range []float64{0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 4, 5, 10, 20} {
		if v >= p.X.Min && v <= p.X.Max {
			ticks = append(ticks, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', -1, 64)})
		}
	}
	p.X.Tick.Marker = plot.ConstantTicks(ticks)
	p.NominalY(names...)
	return &Chart{ID: "rank_rr", Title: title, plot: p, w: vg.Points(560), h: chartHeight(n)}, nil
}

func trendChart(r *analysis.Report, lang string) (*Chart, error) {
	m := r.Trends.Monthly
	if len(m) < 2 {
		return nil, nil
	}
	title := tr(lang, "chart_trend")
	p := plot.New()
	p.Title.Text = title
	p.Y.Label.Text = tr(lang, "dossiers")
	p.Y.Min = 0
	all := make(plotter.XYs, len(m))
	conf := make(plotter.XYs, len(m))
	var ticks []plot.Tick
	for i, tp := range m {
		all[i] = plotter.XY{X: float64(i), Y: float64(tp.Dossiers)}
		conf[i] = plotter.XY{X: float64(i), Y: float64(tp.Confirmed)}
		label := ""
		if i%3 == 0 {
			label = tp.Period
		}
		ticks = append(ticks, plot.Tick{Value: float64(i), Label: label})
	}
	l1, err := plotter.NewLine(all)
	if err != nil {
		return nil, err
	}
	l1.Color = barColor
	l1.Width = vg.Points(1.5)
	l2, err := plotter.NewLine(conf)
	if err != nil {
		return nil, err
	}
	l2.Color = errorColor
	l2.Dashes = []vg.Length{vg.Points(4), vg.Points(2)}
	p.Add(l1, l2)
	p.Legend.Add(tr(lang, "dossiers"), l1)
	p.Legend.Add(tr(lang, "confirmed"), l2)
	p.Legend.Top = true
	p.Legend.Left = true
	// Headroom so that the legend does not cover the lines.
	peak := 0.0
	for _, tp := range m {
		peak = math.Max(peak, float64(tp.Dossiers))
	}
	p.Y.Max = peak * 1.3
	p.Y.Tick.Marker = wholeTicks{}
	p.X.Tick.Marker = plot.ConstantTicks(ticks)
	return &Chart{ID: "trend_monthly", Title: title, plot: p, w: vg.Points(560), h: vg.Points(260)}, nil
}

func distributionChart(id string, d analysis.Distribution) (*Chart, error) {
	var labels []string
	var v []float64
	for _, row := range d.Rows {
		if row.Count == 0 {
			continue
		}
		labels = append(labels, row.Label)
		v = append(v, float64(row.Count))
	}
	if len(v) == 0 {
		return nil, nil
	}
	p := newPlot(d.Label, "")
	if err := horizontalBars(p, labels, v, nil, nil); err != nil {
		return nil, err
	}
	return &Chart{ID: id, Title: d.Label, plot: p, w: vg.Points(520), h: chartHeight(len(v))}, nil
}

// refutationChart shows the refutation rate per group with its interval,
// for the groups that are not suppressed.
func refutationChart(r *analysis.Report, lang string) (*Chart, error) {
	var labels []string
	var v, lo, hi []float64
	for _, a := range r.Fairness.Attributes {
		for _, row := range a.Refutation.Rows {
			if row.Rate == nil || row.CI == nil {
				continue
			}
			labels = append(labels, a.Label+": "+row.Label)
			v = append(v, *row.Rate)
			lo = append(lo, row.CI.Lo)
			hi = append(hi, row.CI.Hi)
		}
	}
	if len(v) == 0 {
		return nil, nil
	}
	title := tr(lang, "chart_refutation")
	p := newPlot(title, tr(lang, "refutation_axis"))
	if err := horizontalBars(p, labels, v, lo, hi); err != nil {
		return nil, err
	}
	// The overall refutation rate as a reference line.
	if len(r.Fairness.Attributes) > 0 && r.Fairness.Attributes[0].Refutation.Rate != nil {
		overall := *r.Fairness.Attributes[0].Refutation.Rate
		if line, err := plotter.NewLine(plotter.XYs{{X: overall, Y: -0.5}, {X: overall, Y: float64(len(v)) - 0.5}}); err == nil {
			line.Color = refColor
			line.Dashes = []vg.Length{vg.Points(3), vg.Points(3)}
			p.Add(line)
		}
	}
	return &Chart{ID: "fairness_refutation", Title: title, plot: p, w: vg.Points(600), h: chartHeight(len(v))}, nil
}

// detectionRateChart shows alerts per 1,000 employees per group with the
// exact interval, for the groups that are not suppressed.
func detectionRateChart(r *analysis.Report, lang string) (*Chart, error) {
	var labels []string
	var v, lo, hi []float64
	for _, a := range r.Fairness.Detection.Attributes {
		for _, row := range a.Rates.Rows {
			if row.Rate == nil || row.CI == nil {
				continue
			}
			labels = append(labels, a.Label+": "+row.Label)
			v = append(v, *row.Rate)
			lo = append(lo, row.CI.Lo)
			hi = append(hi, row.CI.Hi)
		}
	}
	if len(v) == 0 {
		return nil, nil
	}
	title := tr(lang, "chart_detection_rates")
	p := newPlot(title, tr(lang, "alerts_axis"))
	if err := horizontalBars(p, labels, v, lo, hi); err != nil {
		return nil, err
	}
	return &Chart{ID: "detection_rates", Title: title, plot: p, w: vg.Points(600), h: chartHeight(len(v))}, nil
}

// wholeTicks are gonum's default ticks labelled without decimals: the
// charts count dossiers.
type wholeTicks struct{}

func (wholeTicks) Ticks(min, max float64) []plot.Tick {
	ticks := plot.DefaultTicks{}.Ticks(min, max)
	for i := range ticks {
		if ticks[i].Label != "" {
			ticks[i].Label = strconv.FormatFloat(ticks[i].Value, 'f', -1, 64)
		}
	}
	return ticks
}

var styleAttr = regexp.MustCompile(`style="([^"]*)"`)

// presentationAttributes rewrites every style="a:b;c:d" attribute of an SVG
// document as the presentation attributes a="b" c="d". gonum/plot writes
// only properties that exist as presentation attributes (fill, stroke,
// stroke-width, stroke-dasharray, font-*).
func presentationAttributes(svg string) string {
	return styleAttr.ReplaceAllStringFunc(svg, func(m string) string {
		decls := styleAttr.FindStringSubmatch(m)[1]
		var b strings.Builder
		for _, d := range strings.Split(decls, ";") {
			name, value, ok := strings.Cut(d, ":")
			name, value = strings.TrimSpace(name), strings.TrimSpace(value)
			if !ok || name == "" {
				continue
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(name + `="` + strings.ReplaceAll(value, `"`, "&quot;") + `"`)
		}
		return b.String()
	})
}

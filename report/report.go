// Package report renders an analysis.Report as JSON (stable field names),
// Markdown, or a self-contained HTML page with inline SVG charts drawn
// server-side by gonum/plot. Dutch by default; the report's Lang decides.
// The web workbench can reuse the same templates and charts.
package report

import (
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	texttemplate "text/template"

	"lekradar/analysis"
	"lekradar/stats"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

// Formats lists the output formats of Render.
var Formats = []string{"html", "md", "json"}

// Render writes the report in format (html, md or json).
func Render(w io.Writer, r *analysis.Report, format string) error {
	switch format {
	case "json":
		return JSON(w, r)
	case "md":
		return Markdown(w, r)
	case "html":
		return HTML(w, r)
	}
	return fmt.Errorf("report format %q is not supported (allowed: %s)", format, strings.Join(Formats, ", "))
}

// JSON writes the report model as indented JSON.
func JSON(w io.Writer, r *analysis.Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("write report as JSON: %w", err)
	}
	return nil
}

// page is what the templates see.
type page struct {
	*analysis.Report
	Charts map[string]template.HTML
}

// Markdown writes the report as Markdown.
func Markdown(w io.Writer, r *analysis.Report) error {
	t, err := texttemplate.New("report.md.tmpl").Funcs(texttemplate.FuncMap(funcs(r.Lang, true))).ParseFS(templateFS, "templates/report.md.tmpl")
	if err != nil {
		return fmt.Errorf("parse Markdown template: %w", err)
	}
	if err := t.Execute(w, page{Report: r}); err != nil {
		return fmt.Errorf("render Markdown report: %w", err)
	}
	return nil
}

// HTML writes the report as one self-contained HTML page: inline CSS and
// SVG, no script, no external resource.
func HTML(w io.Writer, r *analysis.Report) error {
	return renderHTML(w, r, "report.html.tmpl")
}

// Fragment writes the report's body only — the same sections, tables and
// inline SVG charts as HTML, without <html>, <head> or inline CSS — for a
// page of the web workbench to embed. The charts carry no style attributes
// (see Chart.SVG), so they render under a Content-Security-Policy without
// 'unsafe-inline'; the embedding page supplies the CSS of its classes.
func Fragment(w io.Writer, r *analysis.Report) error {
	return renderHTML(w, r, "body")
}

func renderHTML(w io.Writer, r *analysis.Report, name string) error {
	charts, err := Charts(r)
	if err != nil {
		return fmt.Errorf("render charts: %w", err)
	}
	pg := page{Report: r, Charts: map[string]template.HTML{}}
	for _, c := range charts {
		svg, err := c.SVG()
		if err != nil {
			return err
		}
		pg.Charts[c.ID] = svg
	}
	t, err := template.New("report.html.tmpl").Funcs(funcs(r.Lang, false)).ParseFS(templateFS, "templates/report.html.tmpl", "templates/report_body.html.tmpl")
	if err != nil {
		return fmt.Errorf("parse HTML template: %w", err)
	}
	if err := t.ExecuteTemplate(w, name, pg); err != nil {
		return fmt.Errorf("render HTML report: %w", err)
	}
	return nil
}

// funcs are the template helpers; md escapes table cells for Markdown.
func funcs(lang string, md bool) map[string]any {
	cell := func(s string) string {
		if md {
			return strings.ReplaceAll(s, "|", `\|`)
		}
		return s
	}
	return map[string]any{
		"t":    func(key string) string { return tr(lang, key) },
		"text": func(t analysis.Text) string { return t.In(lang) },
		"cell": cell,
		"num":  func(x float64, d int) string { return fmtNum(lang, x, d) },
		"pct": func(x any) string {
			switch v := x.(type) {
			case float64:
				return fmtNum(lang, 100*v, 1) + "%"
			case *float64:
				if v == nil {
					return "–"
				}
				return fmtNum(lang, 100**v, 1) + "%"
			}
			return "–"
		},
		"ci": func(iv any, scale float64, d int) string {
			switch v := iv.(type) {
			case stats.Interval:
				return fmtNum(lang, v.Lo*scale, d) + "–" + fmtNum(lang, v.Hi*scale, d)
			case *stats.Interval:
				if v == nil {
					return "–"
				}
				return fmtNum(lang, v.Lo*scale, d) + "–" + fmtNum(lang, v.Hi*scale, d)
			}
			return "–"
		},
		"p": func(x any) string {
			var v float64
			switch p := x.(type) {
			case float64:
				v = p
			case *float64:
				if p == nil {
					return "–"
				}
				v = *p
			default:
				return "–"
			}
			if v < 0.001 {
				return "< " + fmtNum(lang, 0.001, 3)
			}
			return fmtNum(lang, v, 3)
		},
		// peq is a p-value after "p" in a sentence: "= 0.012" or "< 0.001".
		"peq": func(v float64) string {
			if v < 0.001 {
				return "< " + fmtNum(lang, 0.001, 3)
			}
			return "= " + fmtNum(lang, v, 3)
		},
		"rr": func(rr *stats.RiskRatio) string {
			if rr == nil {
				return "–"
			}
			return fmtNum(lang, rr.RR, 2) + " (" + fmtNum(lang, rr.CI.Lo, 2) + "–" + fmtNum(lang, rr.CI.Hi, 2) + ")"
		},
		"base": func(b string) string { return tr(lang, "base_"+b) },
		"add":  func(a, b int) int { return a + b },
		"deref": func(x *float64) float64 {
			if x == nil {
				return 0
			}
			return *x
		},
		"lowShare": func(x *float64) bool { return x != nil && *x < 0.8 },
		"spotDists": func(h analysis.Hotspots) []analysis.Distribution {
			return []analysis.Distribution{h.ByArea, h.ByUnit, h.ByTeamKind, h.BySystem, h.ByStatus}
		},
		"yes": func(b bool) string { return tr(lang, strconv.FormatBool(b)) },
	}
}

func fmtNum(lang string, x float64, decimals int) string {
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	if lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

package http

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"

	"lekradar"
)

// parseTemplates parses each page together with the one layout.
func (s *Server) parseTemplates() (map[string]*template.Template, error) {
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if name == "layout" {
			continue
		}
		t, err := template.New("layout.html").ParseFS(templateFS, "templates/layout.html", f)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", f, err)
		}
		pages[name] = t
	}
	return pages, nil
}

// page is what every template gets: the request's language, user, CSRF
// token and navigation, helpers for texts and codebook labels, and the
// page's own Data.
type page struct {
	Lang  string
	Title string // message key
	User  *lekradar.User
	CSRF  string
	Path  string
	// Heading follows the title in the page's <h1> (a registration
	// number, for instance); pages' data may supply it.
	Heading string
	Nav     []navLink
	Data    any

	s *Server
}

type navLink struct {
	Path, Key string
	Active    bool
}

// T returns the text of a message key in the page's language.
func (p *page) T(key string) string { return p.s.catalog.text(p.Lang, key) }

// Tf formats the text of a message key with arguments.
func (p *page) Tf(key string, args ...any) string {
	return fmt.Sprintf(p.s.catalog.text(p.Lang, key), args...)
}

// Label returns a code's label from the codebook in the page's language.
func (p *page) Label(field, code string) string {
	if code == "" {
		return ""
	}
	return p.s.cb.Label(field, code, p.Lang)
}

// FieldLabel returns the name of a codebook field in the page's language.
func (p *page) FieldLabel(field string) string {
	if l := p.s.cb.Field(field); l != nil {
		return l.Label(p.Lang)
	}
	return field
}

// TriLabel is the text of an optional yes/no: yes, no or unknown.
func (p *page) TriLabel(b *bool) string {
	switch {
	case b == nil:
		return p.T("common.unknown")
	case *b:
		return p.T("common.yes")
	}
	return p.T("common.no")
}

// TriOptions are the choices of an optional yes/no <select>.
func (p *page) TriOptions(b *bool) []option {
	v := triString(b)
	return []option{
		{Code: "", Label: p.T("common.unknown"), Selected: v == ""},
		{Code: "true", Label: p.T("common.yes"), Selected: v == "true"},
		{Code: "false", Label: p.T("common.no"), Selected: v == "false"},
	}
}

// selectField is a <select> of a codebook field with its error.
type selectField struct {
	Name, Empty, Error string
	Options            []option
}

// Sel builds the <select> named name (a form path) of a codebook field,
// with an empty choice ("unknown" or "choose") and the field's error.
func (p *page) Sel(name, field, value, err string) selectField {
	return selectField{Name: name, Empty: p.T("common.none"), Error: err, Options: p.Options(field, value)}
}

// TriSel builds the <select> of an optional yes/no.
func (p *page) TriSel(name string, b *bool, err string) selectField {
	return selectField{Name: name, Error: err, Options: p.TriOptions(b)}
}

// Row joins a list name, a row number and a field into a form path.
func (p *page) Row(list string, i int, field string) string {
	return fmt.Sprintf("%s[%d].%s", list, i, field)
}

// option is one choice of a <select>.
type option struct {
	Code, Label string
	Selected    bool
}

// Options lists the allowed codes of a codebook field with their labels
// for a <select>. A stored value that is no longer allowed (a retired
// code) stays selectable so that editing does not silently change it.
func (p *page) Options(field, selected string) []option {
	l := p.s.cb.Field(field)
	if l == nil {
		return nil
	}
	var out []option
	if _, known := l.Lookup(selected); selected != "" && !known {
		// An invalid submitted value stays visible next to its error.
		out = append(out, option{Code: selected, Label: selected, Selected: true})
	}
	for _, c := range l.Codes {
		if c.Retired && c.Code != selected {
			continue
		}
		out = append(out, option{Code: c.Code, Label: c.Label(p.Lang), Selected: c.Code == selected})
	}
	return out
}

// LangSwitch returns the link that switches to the other language and back
// to this page (its path only: never a query string).
func (p *page) LangSwitch() string {
	other := "en"
	if p.Lang == "en" {
		other = "nl"
	}
	return "/lang?set=" + other + "&next=" + url.QueryEscape(p.Path)
}

// OtherLang is the language the switch offers.
func (p *page) OtherLang() string {
	if p.Lang == "en" {
		return "nl"
	}
	return "en"
}

func (s *Server) newPage(r *http.Request, title string, data any) *page {
	st := stateOf(r)
	p := &page{Lang: st.lang, Title: title, User: st.user, CSRF: csrfToken(st.session), Path: r.URL.Path, Data: data, s: s}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		// A re-rendered form's URL takes POST only: switch back to the start.
		p.Path = "/"
	}
	if h, ok := data.(interface{ Heading() string }); ok {
		p.Heading = h.Heading()
	}
	if st.user != nil {
		for _, n := range navItems {
			if n.Show(st.user) {
				p.Nav = append(p.Nav, navLink{Path: n.Path, Key: n.Key, Active: strings.HasPrefix(r.URL.Path, n.Path)})
			}
		}
	}
	return p
}

// render writes a page with a status. It renders into a buffer first so
// that a template error becomes a clean 500, not half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name, title string, data any) {
	t, ok := s.pages[name]
	if !ok {
		s.log.Error("render: no such template", "template", name)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout.html", s.newPage(r, title, data)); err != nil {
		s.log.Error("render template", "template", name, "error", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// errorData is the data of the error page.
type errorData struct {
	Status  int
	Message string // message key
}

func (s *Server) renderError(w http.ResponseWriter, r *http.Request, status int, key string) {
	s.render(w, r, status, "error", "error.title", errorData{Status: status, Message: key})
}

func (s *Server) handleNotFound(w http.ResponseWriter, r *http.Request) {
	s.renderError(w, r, http.StatusNotFound, "error.notfound")
}

// fail answers a store error: a dossier one may not see is ENOTFOUND in the
// store and 404 here, exactly as one that does not exist. Internal details
// go to the log (without personal data: only the route), never to the page.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch lekradar.ErrorCode(err) {
	case lekradar.ENOTFOUND:
		s.renderError(w, r, http.StatusNotFound, "error.notfound")
	case lekradar.EFORBIDDEN:
		s.renderError(w, r, http.StatusForbidden, "error.forbidden")
	case lekradar.EUNAUTHORIZED:
		http.Redirect(w, r, "/login", http.StatusSeeOther)
	case lekradar.EINVALID, lekradar.ECONFLICT:
		s.renderError(w, r, http.StatusBadRequest, "error.invalid")
	default:
		s.log.Error("request failed", "route", stateOf(r).pattern, "code", lekradar.ErrorCode(err), "error", err)
		s.renderError(w, r, http.StatusInternalServerError, "error.internal")
	}
}

package http

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// Languages of the user interface; the first is the default.
var languages = []string{"nl", "en"}

// langCookie holds the chosen language.
const langCookie = "lang"

// catalog maps language → message key → text. Templates hold only keys;
// every text is in messages/<lang>.json.
type catalog map[string]map[string]string

func loadCatalog() (catalog, error) {
	c := catalog{}
	for _, lang := range languages {
		b, err := messageFS.ReadFile("messages/" + lang + ".json")
		if err != nil {
			return nil, fmt.Errorf("message catalogue %s: %w", lang, err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("message catalogue messages/%s.json: %w", lang, err)
		}
		c[lang] = m
	}
	// Every key must exist in every language, so that no page shows a key.
	for _, lang := range languages {
		for k := range c[lang] {
			for _, other := range languages {
				if _, ok := c[other][k]; !ok {
					return nil, fmt.Errorf("message catalogue messages/%s.json: key %q is missing (it is in %s.json)", other, k, lang)
				}
			}
		}
	}
	return c, nil
}

// text returns the message of key in lang; an unknown key shows itself,
// which the tests rule out for every key the templates use.
func (c catalog) text(lang, key string) string {
	if s, ok := c[lang][key]; ok {
		return s
	}
	return key
}

// languageOf returns the language of the request's cookie, Dutch by default.
func languageOf(r *http.Request) string {
	if c, err := r.Cookie(langCookie); err == nil && c.Value == "en" {
		return "en"
	}
	return "nl"
}

// handleLanguage is the language switch: /lang?set=en&next=/dossiers sets
// the cookie and goes back to the page (a local path only).
func (s *Server) handleLanguage(w http.ResponseWriter, r *http.Request) {
	lang := r.URL.Query().Get("set")
	if lang != "en" {
		lang = "nl"
	}
	http.SetCookie(w, &http.Cookie{Name: langCookie, Value: lang, Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, Secure: s.cfg.SecureCookies, SameSite: http.SameSiteLaxMode})
	next := r.URL.Query().Get("next")
	if !isLocalPath(next) {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// isLocalPath accepts a path on this site only: "/x", not "//host" or
// "/\host", which browsers treat as another site.
func isLocalPath(p string) bool {
	return strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "//") && !strings.HasPrefix(p, "/\\") && !strings.ContainsAny(p, "\r\n")
}

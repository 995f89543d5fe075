package http

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"lekradar"
)

// contentSecurityPolicy allows only the workbench's own style sheet and
// images: no scripts, no frames, no forms to elsewhere.
const contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// securityHeaders sets the headers every response carries, error pages
// included. Pages may hold personal data, so nothing but the static files
// may be cached.
func (s *Server) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if s.cfg.HSTS {
			h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		}
		if strings.HasPrefix(r.URL.Path, "/static/") {
			h.Set("Cache-Control", "public, max-age=3600")
		} else {
			h.Set("Cache-Control", "no-store")
			h.Set("Pragma", "no-cache")
		}
		next.ServeHTTP(w, r)
	})
}

// requestState travels in the request context: the outer middleware
// creates it, inner ones fill it in.
type requestState struct {
	pattern string // route pattern, for the access log
	user    *lekradar.User
	session *lekradar.Session
	token   string // the session cookie's token, for logout
	lang    string
}

type stateKey struct{}

func stateOf(r *http.Request) *requestState {
	if st, ok := r.Context().Value(stateKey{}).(*requestState); ok {
		return st
	}
	return &requestState{lang: "nl"}
}

// statusRecorder remembers the status code for the access log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (rec *statusRecorder) WriteHeader(code int) {
	if rec.status == 0 {
		rec.status = code
	}
	rec.ResponseWriter.WriteHeader(code)
}

func (rec *statusRecorder) Write(b []byte) (int, error) {
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	return rec.ResponseWriter.Write(b)
}

// accessLog logs method, route pattern, status and duration. Never the
// URL's query or the user: queries and ids may identify people.
func (s *Server) accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		st := &requestState{lang: languageOf(r)}
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), stateKey{}, st)))
		pattern := st.pattern
		if pattern == "" {
			pattern = "(unmatched)"
		}
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		level := slog.LevelInfo
		if rec.status >= 500 {
			level = slog.LevelError
		}
		s.log.LogAttrs(r.Context(), level, "http request",
			slog.String("method", r.Method), slog.String("route", pattern),
			slog.Int("status", rec.status), slog.Duration("duration", time.Since(start)))
	})
}

// sessionCookieName is the cookie of the session token; with Secure
// cookies it carries the __Host- prefix, which browsers accept only from
// a secure origin, for path /, without a Domain.
func (s *Server) sessionCookieName() string {
	if s.cfg.SecureCookies {
		return "__Host-lekradar_session"
	}
	return "lekradar_session"
}

func (s *Server) setSessionCookie(w http.ResponseWriter, token string, maxAge int) {
	http.SetCookie(w, &http.Cookie{
		Name:     s.sessionCookieName(),
		Value:    token,
		Path:     "/",
		MaxAge:   maxAge,
		HttpOnly: true,
		Secure:   s.cfg.SecureCookies,
		SameSite: http.SameSiteStrictMode,
	})
}

// authenticate finds the session of the request's cookie and puts its
// account in the context as the acting user of every store call.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := stateOf(r)
		c, err := r.Cookie(s.sessionCookieName())
		if err != nil || c.Value == "" || strings.HasPrefix(r.URL.Path, "/static/") {
			next.ServeHTTP(w, r)
			return
		}
		sess, u, err := s.store.FindSession(r.Context(), c.Value)
		if err != nil {
			if lekradar.ErrorCode(err) != lekradar.ENOTFOUND {
				s.log.Error("find session", "error", err)
			}
			s.setSessionCookie(w, "", -1)
			next.ServeHTTP(w, r)
			return
		}
		now := s.cfg.Now()
		// Touch at most once a minute: a write per page view is not needed
		// for a sliding timeout of minutes.
		if now.Sub(sess.LastSeenAt) > time.Minute {
			if err := s.store.TouchSession(r.Context(), sess.ID, now.Add(s.cfg.SessionIdle)); err != nil {
				s.log.Error("touch session", "error", err)
			}
		}
		st.user, st.session, st.token = u, sess, c.Value
		next.ServeHTTP(w, r.WithContext(lekradar.NewContextWithUser(r.Context(), u)))
	})
}

// handle registers a route: it records the pattern for the access log,
// sends anonymous visitors to the login page, refuses roles the route
// does not admit with 403, and checks the CSRF token of every logged-in
// POST.
func (s *Server) handle(mux *http.ServeMux, pattern string, allow func(*lekradar.User) bool, h http.HandlerFunc) {
	public := allow == nil || isAnyone(allow)
	mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		st := stateOf(r)
		st.pattern = r.Pattern
		if !public {
			if st.user == nil {
				http.Redirect(w, r, "/login", http.StatusSeeOther)
				return
			}
			if !allow(st.user) {
				s.renderError(w, r, http.StatusForbidden, "error.forbidden")
				return
			}
		}
		if r.Method == http.MethodPost {
			r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
			if err := r.ParseForm(); err != nil {
				s.renderError(w, r, http.StatusBadRequest, "error.invalid")
				return
			}
		}
		if r.Method == http.MethodPost && st.session != nil && !s.validCSRF(r, st.session) {
			s.renderError(w, r, http.StatusForbidden, "error.csrf")
			return
		}
		h(w, r)
	})
}

// maxFormBytes bounds a form submission; the largest, a dossier edit, is a
// few kilobytes.
const maxFormBytes = 1 << 20

// isAnyone reports whether allow admits anonymous visitors.
func isAnyone(allow func(*lekradar.User) bool) bool { return allow(nil) }

// csrfToken is the session's form token: an HMAC of the session id under
// the session's random secret, so that it needs no storage of its own.
func csrfToken(sess *lekradar.Session) string {
	if sess == nil {
		return ""
	}
	m := hmac.New(sha256.New, []byte(sess.CSRFSecret))
	m.Write([]byte("lekradar-csrf:"))
	m.Write([]byte(lekradar.HashSecretToken(sess.CSRFSecret)))
	return hex.EncodeToString(m.Sum(nil))
}

// validCSRF checks the form's token in constant time. It backs up the
// Cross-Origin Protection middleware, which relies on browser headers.
func (s *Server) validCSRF(r *http.Request, sess *lekradar.Session) bool {
	got := r.PostFormValue("csrf_token")
	want := csrfToken(sess)
	return got != "" && hmac.Equal([]byte(got), []byte(want))
}

// clientIP is the address login throttling counts under.
func (s *Server) clientIP(r *http.Request) string {
	if s.cfg.TrustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			parts := strings.Split(xff, ",")
			if ip := strings.TrimSpace(parts[len(parts)-1]); net.ParseIP(ip) != nil {
				return ip
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

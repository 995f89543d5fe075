// Package http serves the VIK workbench: server-rendered HTML pages over the
// lekradar store. Every handler runs the store with the logged-in user in
// the context, so the store's need-to-know rules and audit trail apply to
// every page; this package adds sessions, CSRF protection, login
// throttling, security headers and the Dutch/English user interface.
package http

import (
	"context"
	"embed"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"lekradar"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

//go:embed messages/*.json
var messageFS embed.FS

// Store is what the workbench needs of the storage layer;
// *sqlstore.Store implements it.
type Store interface {
	lekradar.AuthService
	lekradar.DossierService
	lekradar.VulnerableSpotService
}

// Config holds the workbench's settings. Zero values take the defaults
// of DefaultConfig.
type Config struct {
	// Codebook supplies the codes and labels of every coded field.
	Codebook *lekradar.Codebook
	// Policy must be the store's access policy: it decides who is shown
	// the reporter identity field.
	Policy lekradar.AccessPolicy

	// SecureCookies marks the session cookie Secure and gives it the
	// __Host- prefix: set it when serving TLS or behind a TLS proxy.
	SecureCookies bool
	// HSTS sends Strict-Transport-Security (only meaningful over TLS).
	HSTS bool
	// TrustProxy takes the client address for login throttling from the
	// last X-Forwarded-For entry, as set by a reverse proxy.
	TrustProxy bool

	// SessionIdle is the sliding session timeout.
	SessionIdle time.Duration

	// Login throttling: after MaxFailuresPerUser failed logins of one
	// username, or MaxFailuresPerIP from one address, within
	// ThrottleWindow, logins are refused (with the same message as a wrong
	// password) until the window has passed.
	MaxFailuresPerUser int
	MaxFailuresPerIP   int
	ThrottleWindow     time.Duration

	// Legal deadlines for reports: acknowledge within AcknowledgeDays of
	// receipt, give feedback within FeedbackMonths. A deadline within
	// DueSoonDays is listed as due soon.
	AcknowledgeDays int
	FeedbackMonths  int
	DueSoonDays     int

	// Logger receives the access log (method, route pattern, status,
	// duration) and errors; never personal data.
	Logger *slog.Logger
	// Now returns the current time; tests may replace it.
	Now func() time.Time
}

// DefaultConfig returns the defaults: 30-minute idle sessions, 5 failures
// per user and 20 per address in 15 minutes, acknowledgement within 7 days
// and feedback within 3 months.
func DefaultConfig() Config {
	return Config{
		Codebook:           lekradar.DefaultCodebook(),
		Policy:             lekradar.DefaultAccessPolicy(),
		SessionIdle:        30 * time.Minute,
		MaxFailuresPerUser: 5,
		MaxFailuresPerIP:   20,
		ThrottleWindow:     15 * time.Minute,
		AcknowledgeDays:    7,
		FeedbackMonths:     3,
		DueSoonDays:        7,
		Logger:             slog.Default(),
		Now:                time.Now,
	}
}

// Server is the workbench. Build it with New and serve Handler().
type Server struct {
	store   Store
	cfg     Config
	cb      *lekradar.Codebook
	log     *slog.Logger
	pages   map[string]*template.Template
	catalog catalog
	handler http.Handler
}

// New returns a workbench over store. It fails only when the embedded
// templates or message catalogues are broken.
func New(store Store, cfg Config) (*Server, error) {
	def := DefaultConfig()
	if cfg.Codebook == nil {
		cfg.Codebook = def.Codebook
	}
	if cfg.SessionIdle <= 0 {
		cfg.SessionIdle = def.SessionIdle
	}
	if cfg.MaxFailuresPerUser <= 0 {
		cfg.MaxFailuresPerUser = def.MaxFailuresPerUser
	}
	if cfg.MaxFailuresPerIP <= 0 {
		cfg.MaxFailuresPerIP = def.MaxFailuresPerIP
	}
	if cfg.ThrottleWindow <= 0 {
		cfg.ThrottleWindow = def.ThrottleWindow
	}
	if cfg.AcknowledgeDays <= 0 {
		cfg.AcknowledgeDays = def.AcknowledgeDays
	}
	if cfg.FeedbackMonths <= 0 {
		cfg.FeedbackMonths = def.FeedbackMonths
	}
	if cfg.DueSoonDays <= 0 {
		cfg.DueSoonDays = def.DueSoonDays
	}
	if cfg.Logger == nil {
		cfg.Logger = def.Logger
	}
	if cfg.Now == nil {
		cfg.Now = def.Now
	}
	s := &Server{store: store, cfg: cfg, cb: cfg.Codebook, log: cfg.Logger}
	var err error
	if s.catalog, err = loadCatalog(); err != nil {
		return nil, err
	}
	if s.pages, err = s.parseTemplates(); err != nil {
		return nil, err
	}
	s.handler = s.routes()
	return s, nil
}

// Handler returns the workbench's HTTP handler with all middleware.
func (s *Server) Handler() http.Handler { return s.handler }

// Cleanup removes expired sessions and login attempts older than the
// throttling window; run it now and then.
func (s *Server) Cleanup(ctx context.Context) error {
	if _, err := s.store.DeleteExpiredSessions(ctx); err != nil {
		return err
	}
	_, err := s.store.DeleteLoginAttempts(ctx, s.cfg.Now().Add(-2*s.cfg.ThrottleWindow))
	return err
}

// routes registers every page. Each route states who may use it; the store
// checks again with its own rules.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(staticFS, "static")
	files := http.StripPrefix("/static/", http.FileServerFS(static))
	mux.HandleFunc("GET /static/", func(w http.ResponseWriter, r *http.Request) {
		stateOf(r).pattern = r.Pattern
		if strings.HasSuffix(r.URL.Path, "/") { // no directory listings
			s.handleNotFound(w, r)
			return
		}
		files.ServeHTTP(w, r)
	})

	s.handle(mux, "GET /login", anyone, s.handleLoginForm)
	s.handle(mux, "POST /login", anyone, s.handleLogin)
	s.handle(mux, "POST /logout", loggedIn, s.handleLogout)
	s.handle(mux, "GET /lang", anyone, s.handleLanguage)
	s.handle(mux, "GET /{$}", loggedIn, s.handleHome)

	s.handle(mux, "GET /dossiers", registryReader, s.handleDossierList)
	s.handle(mux, "GET /dossiers/{id}", registryReader, s.handleDossierShow)
	s.handle(mux, "GET /dossiers/{id}/edit", registryWriter, s.handleDossierEditForm)
	s.handle(mux, "POST /dossiers/{id}/edit", registryWriter, s.handleDossierEdit)
	s.handle(mux, "POST /dossiers/{id}/phase", registryWriter, s.handlePhaseChange)
	s.handle(mux, "GET /intake", registryWriter, s.handleIntakeForm)
	s.handle(mux, "POST /intake", registryWriter, s.handleIntake)
	s.handle(mux, "GET /deadlines", registryReader, s.handleDeadlines)

	s.handle(mux, "GET /spots", spotReader, s.handleSpotList)
	s.handle(mux, "GET /spots/new", spotWriter, s.handleSpotNewForm)
	s.handle(mux, "POST /spots/new", spotWriter, s.handleSpotCreate)
	s.handle(mux, "GET /spots/{id}/edit", spotWriter, s.handleSpotEditForm)
	s.handle(mux, "POST /spots/{id}/edit", spotWriter, s.handleSpotEdit)

	s.alertRoutes(mux)
	s.logSearchRoutes(mux)
	s.reportRoutes(mux)

	mux.Handle("/api/", s.apiHandler())
	s.handle(mux, "/", anyone, s.handleNotFound)

	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		stateOf(r).pattern = "(cross-origin refused)"
		if r.URL.Path == "/api" || strings.HasPrefix(r.URL.Path, "/api/") {
			// The API answers in JSON, refusals included.
			s.apiError(w, r, http.StatusForbidden, lekradar.EFORBIDDEN, "cross-origin request refused", nil)
			return
		}
		s.renderError(w, r, http.StatusForbidden, "error.csrf")
	}))
	var h http.Handler = mux
	h = s.authenticate(h)
	h = cop.Handler(h)
	h = s.accessLog(h)
	h = s.securityHeaders(h)
	return h
}

// navItem is one entry of the navigation bar.
type navItem struct {
	Path string
	Key  string // message key of the label
	Show func(*lekradar.User) bool
}

// navItems lists the pages in the navigation; an entry is shown to the
// roles its route admits.
var navItems = []navItem{
	{"/dossiers", "nav.dossiers", registryReader},
	{"/intake", "nav.intake", registryWriter},
	{"/deadlines", "nav.deadlines", registryReader},
	{"/spots", "nav.spots", spotReader},
	{"/alerts", "nav.alerts", alertTriager},
	{"/logsearch", "nav.logsearch", lookupSearcher},
	{"/report", "nav.report", reportReader},
}

// Who may use a route.
func anyone(*lekradar.User) bool { return true }

func loggedIn(u *lekradar.User) bool { return u != nil }

// registryReader: department staff read their department's dossiers.
// Other roles have no dossier pages, even when added to a dossier as a
// member, because the registry pages list and search the registry.
func registryReader(u *lekradar.User) bool {
	return u != nil && lekradar.IsDepartmentStaff(u.Role)
}

// registryWriter: intake and investigators register and change dossiers.
func registryWriter(u *lekradar.User) bool {
	return u != nil && (u.Role == lekradar.RoleIntake || u.Role == lekradar.RoleInvestigator)
}

func spotReader(u *lekradar.User) bool { return u != nil && lekradar.CanReadVulnerableSpots(u) }

func spotWriter(u *lekradar.User) bool { return u != nil && lekradar.CanWriteVulnerableSpots(u) }

package http

import (
	"bytes"
	"context"
	"crypto/hmac"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"sort"
	"strings"

	"lekradar"
)

// The JSON API under /api/ mirrors the pages: the same roles per route
// (server.go's registryReader and friends), the same store calls with the
// caller as acting user, so need-to-know and the audit trail apply alike.
// Machines authenticate with `Authorization: Bearer <token>` (lekradar
// token add); a browser may use its session cookie, with the CSRF token of
// the session in the X-CSRF-Token header for unsafe methods.

//go:embed openapi.json
var openAPIDocument []byte

// Body limits: a dossier is a few kilobytes; an events batch may be large.
const (
	maxAPIBody    = 1 << 20
	maxEventsBody = 32 << 20
)

// apiRoute is one method and path of the API and who may call it.
type apiRoute struct {
	Method  string
	Pattern string // a net/http pattern path, such as /api/dossiers/{id}
	// allow decides by role; nil means public (no authentication).
	allow   func(*lekradar.User) bool
	handle  http.HandlerFunc
	maxBody int64
}

// apiRoutes lists every route of the API. The OpenAPI document must
// describe each one (api_test.go compares them).
func (s *Server) apiRoutes() []apiRoute {
	authed := func(u *lekradar.User) bool { return u != nil }
	return []apiRoute{
		{Method: "GET", Pattern: "/api/openapi.json", handle: s.apiOpenAPI},
		{Method: "GET", Pattern: "/api/me", allow: authed, handle: s.apiMe},

		{Method: "GET", Pattern: "/api/dossiers", allow: registryReader, handle: s.apiDossierList},
		{Method: "POST", Pattern: "/api/dossiers", allow: registryWriter, handle: s.apiDossierCreate},
		{Method: "GET", Pattern: "/api/dossiers/{id}", allow: registryReader, handle: s.apiDossierGet},
		{Method: "PUT", Pattern: "/api/dossiers/{id}", allow: registryWriter, handle: s.apiDossierReplace},
		{Method: "POST", Pattern: "/api/dossiers/{id}/reports", allow: registryWriter, handle: s.apiDossierIntake},

		{Method: "GET", Pattern: "/api/spots", allow: spotReader, handle: s.apiSpotList},
		{Method: "POST", Pattern: "/api/spots", allow: spotWriter, handle: s.apiSpotCreate},
		{Method: "GET", Pattern: "/api/spots/{id}", allow: spotReader, handle: s.apiSpotGet},
		{Method: "PUT", Pattern: "/api/spots/{id}", allow: spotWriter, handle: s.apiSpotReplace},

		{Method: "GET", Pattern: "/api/alerts", allow: apiAlertTriager, handle: s.apiAlertList},
		{Method: "GET", Pattern: "/api/alerts/{id}", allow: apiAlertTriager, handle: s.apiAlertGet},
		{Method: "POST", Pattern: "/api/alerts/{id}/actions", allow: apiAlertTriager, handle: s.apiAlertAct},
		{Method: "POST", Pattern: "/api/alerts/{id}/reveal", allow: apiAlertRevealer, handle: s.apiAlertReveal},

		{Method: "POST", Pattern: "/api/lookups/search", allow: apiLookupSearcher, handle: s.apiLookupSearch},
		{Method: "POST", Pattern: "/api/events", allow: eventWriter, handle: s.apiEvents, maxBody: maxEventsBody},
	}
}

func apiAlertTriager(u *lekradar.User) bool  { return u != nil && lekradar.CanTriageAlerts(u) }
func apiAlertRevealer(u *lekradar.User) bool { return u != nil && lekradar.CanRevealAlertEmployee(u) }
func apiLookupSearcher(u *lekradar.User) bool {
	return u != nil && lekradar.CanSearchLookups(u)
}

// eventWriter: ingest tokens only. The system actor never comes over HTTP.
func eventWriter(u *lekradar.User) bool {
	return u != nil && !u.IsSystem() && lekradar.CanWriteLookups(u)
}

// apiHandler serves /api/. Routes are grouped by path so that a wrong
// method answers 405 in JSON with an Allow header, and an unknown path 404
// in JSON, before any authentication: the route list is public (it is in
// the OpenAPI document).
func (s *Server) apiHandler() http.Handler {
	mux := http.NewServeMux()
	byPath := map[string][]apiRoute{}
	var paths []string
	for _, rt := range s.apiRoutes() {
		if _, ok := byPath[rt.Pattern]; !ok {
			paths = append(paths, rt.Pattern)
		}
		byPath[rt.Pattern] = append(byPath[rt.Pattern], rt)
	}
	for _, p := range paths {
		routes := byPath[p]
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			method := r.Method
			if method == http.MethodHead {
				method = http.MethodGet
			}
			var allowed []string
			for _, rt := range routes {
				if rt.Method == method {
					s.serveAPIRoute(w, r, rt)
					return
				}
				allowed = append(allowed, rt.Method)
			}
			stateOf(r).pattern = r.Method + " " + p
			w.Header().Set("Allow", strings.Join(allowed, ", "))
			s.apiError(w, r, http.StatusMethodNotAllowed, "method_not_allowed",
				fmt.Sprintf("method %s is not allowed here (allowed: %s)", r.Method, strings.Join(allowed, ", ")), nil)
		})
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		stateOf(r).pattern = "(api unmatched)"
		s.apiNotFound(w, r)
	})
	return mux
}

// serveAPIRoute authenticates, checks the role, the CSRF header of
// session calls and the body, then runs the route's handler with the caller
// as acting user.
func (s *Server) serveAPIRoute(w http.ResponseWriter, r *http.Request, rt apiRoute) {
	st := stateOf(r)
	st.pattern = rt.Method + " " + rt.Pattern
	if rt.allow == nil {
		rt.handle(w, r)
		return
	}
	u, viaSession, err := s.apiCaller(r)
	if err != nil {
		if lekradar.ErrorCode(err) != lekradar.EUNAUTHORIZED {
			s.apiFail(w, r, err)
			return
		}
		w.Header().Set("WWW-Authenticate", `Bearer realm="lekradar"`)
		s.apiError(w, r, http.StatusUnauthorized, lekradar.EUNAUTHORIZED, lekradar.ErrorMessage(err), nil)
		return
	}
	if !rt.allow(u) {
		s.apiError(w, r, http.StatusForbidden, lekradar.EFORBIDDEN, "your role may not use this endpoint", nil)
		return
	}
	unsafe := r.Method != http.MethodGet && r.Method != http.MethodHead
	if unsafe && viaSession && !s.validAPICSRF(r, st.session) {
		s.apiError(w, r, http.StatusForbidden, lekradar.EFORBIDDEN,
			"a call with the session cookie needs the session's CSRF token in the X-CSRF-Token header (GET /api/me gives it)", nil)
		return
	}
	if unsafe {
		limit := rt.maxBody
		if limit == 0 {
			limit = maxAPIBody
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
	}
	st.user = u
	rt.handle(w, r.WithContext(lekradar.NewContextWithUser(r.Context(), u)))
}

// apiCaller finds the caller: a bearer token when the request has an
// Authorization header (cookies are then ignored), else the session of the
// cookie. viaSession reports the latter.
func (s *Server) apiCaller(r *http.Request) (u *lekradar.User, viaSession bool, err error) {
	if h := r.Header.Get("Authorization"); h != "" {
		scheme, token, ok := strings.Cut(h, " ")
		token = strings.TrimSpace(token)
		if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
			return nil, false, lekradar.Errorf(lekradar.EUNAUTHORIZED, "the Authorization header must be \"Bearer <token>\"")
		}
		t, err := s.store.FindAPIToken(r.Context(), token)
		if lekradar.ErrorCode(err) == lekradar.ENOTFOUND {
			return nil, false, lekradar.Errorf(lekradar.EUNAUTHORIZED, "unknown or revoked API token")
		}
		if err != nil {
			return nil, false, err
		}
		u, err := s.tokenUser(r.Context(), t)
		return u, false, err
	}
	st := stateOf(r)
	if st.user == nil || st.session == nil {
		return nil, false, lekradar.Errorf(lekradar.EUNAUTHORIZED, "authentication required: an API token (Authorization: Bearer <token>) or a session")
	}
	return st.user, true, nil
}

// userByIDFinder is the part of lekradar.UserService that token
// authentication needs.
type userByIDFinder interface {
	FindUserByID(ctx context.Context, id int64) (*lekradar.User, error)
}

// tokenUser is the acting user of a token: the machine actor of an ingest
// token, or the account of a user token (read as the system, which the
// store audits as a read of that account: every token use leaves a trace).
func (s *Server) tokenUser(ctx context.Context, t *lekradar.APIToken) (*lekradar.User, error) {
	switch t.Scope {
	case lekradar.ScopeIngest:
		return lekradar.MachineActor(t.Name), nil
	case lekradar.ScopeUser:
		users, ok := s.store.(userByIDFinder)
		if !ok {
			return nil, lekradar.Errorf(lekradar.ENOTIMPLEMENTED, "this store has no user tokens")
		}
		sys := lekradar.NewContextWithUser(ctx, lekradar.SystemActor("api:token:"+t.Name))
		u, err := users.FindUserByID(sys, t.UserID)
		if lekradar.ErrorCode(err) == lekradar.ENOTFOUND || (err == nil && u.Disabled) {
			return nil, lekradar.Errorf(lekradar.EUNAUTHORIZED, "unknown or revoked API token")
		}
		if err != nil {
			return nil, err
		}
		u.PasswordHash, u.TOTPSecret = "", ""
		return u, nil
	}
	return nil, lekradar.Errorf(lekradar.EUNAUTHORIZED, "unknown or revoked API token")
}

// validAPICSRF checks the X-CSRF-Token header of a session call in
// constant time. Cross-Origin Protection (server.go) refuses cross-site
// browser requests already; the header also stops a plain HTML form, which
// cannot set headers, on browsers that send neither Sec-Fetch-Site nor
// Origin.
func (s *Server) validAPICSRF(r *http.Request, sess *lekradar.Session) bool {
	got := r.Header.Get("X-CSRF-Token")
	want := csrfToken(sess)
	return got != "" && want != "" && hmac.Equal([]byte(got), []byte(want))
}

// apiErrorBody is every error answer: {"error": {...}}.
type apiErrorBody struct {
	Error apiErrorDetail `json:"error"`
}

type apiErrorDetail struct {
	Code    string                `json:"code"`
	Message string                `json:"message"`
	Fields  []lekradar.FieldError `json:"fields,omitempty"`
}

// writeJSON answers v with status.
func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf) // ends the value with a newline
	enc.SetEscapeHTML(false)     // JSON with nosniff is never read as HTML
	err := enc.Encode(v)
	b := buf.Bytes()
	if err != nil {
		s.log.Error("encode API answer", "route", stateOf(r).pattern, "error", err)
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"code":"internal","message":"Internal error."}}` + "\n")
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(b)
	}
}

func (s *Server) apiError(w http.ResponseWriter, r *http.Request, status int, code, message string, fields []lekradar.FieldError) {
	s.writeJSON(w, r, status, apiErrorBody{apiErrorDetail{Code: code, Message: message, Fields: fields}})
}

// apiNotFound is the one answer for what does not exist and what the
// caller may not see.
func (s *Server) apiNotFound(w http.ResponseWriter, r *http.Request) {
	s.apiError(w, r, http.StatusNotFound, lekradar.ENOTFOUND, "not found", nil)
}

// apiFail answers a store error. ENOTFOUND always has the same body, so
// that a hidden dossier cannot be told from a missing one; internal details
// go to the log (route only), never to the client.
func (s *Server) apiFail(w http.ResponseWriter, r *http.Request, err error) {
	code := lekradar.ErrorCode(err)
	switch code {
	case lekradar.ENOTFOUND:
		s.apiNotFound(w, r)
	case lekradar.EFORBIDDEN:
		s.apiError(w, r, http.StatusForbidden, code, lekradar.ErrorMessage(err), nil)
	case lekradar.EUNAUTHORIZED:
		s.apiError(w, r, http.StatusUnauthorized, code, lekradar.ErrorMessage(err), nil)
	case lekradar.EINVALID:
		var fields []lekradar.FieldError
		if v, ok := asValidation(err); ok {
			fields = v.Fields
		}
		s.apiError(w, r, http.StatusUnprocessableEntity, code, lekradar.ErrorMessage(err), fields)
	case lekradar.ECONFLICT:
		s.apiError(w, r, http.StatusConflict, code, lekradar.ErrorMessage(err), nil)
	case lekradar.ENOTIMPLEMENTED:
		s.apiError(w, r, http.StatusNotImplemented, code, lekradar.ErrorMessage(err), nil)
	default:
		s.log.Error("API request failed", "route", stateOf(r).pattern, "code", code, "error", err)
		s.apiError(w, r, http.StatusInternalServerError, lekradar.EINTERNAL, "Internal error.", nil)
	}
}

// decodeJSON reads the request body into v: JSON only, one object in
// valid UTF-8, no key twice in an object, no unknown fields. A bad body
// answers 400 (413 when too large) naming the field by its JSON path and
// returns false.
func (s *Server) decodeJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	if ct := r.Header.Get("Content-Type"); !isJSONType(ct) {
		s.apiError(w, r, http.StatusUnsupportedMediaType, "unsupported_media_type",
			fmt.Sprintf("Content-Type %q is not application/json", ct), nil)
		return false
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		s.badJSON(w, r, err)
		return false
	}
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		s.badJSON(w, r, io.EOF)
		return false
	}
	// Every body of this API is one object; a null would decode to
	// nothing and pass for an empty object.
	if body[0] != '{' {
		s.badJSON(w, r, errors.New("the body must be a JSON object"))
		return false
	}
	if err := checkJSONText(body); err != nil {
		s.badJSON(w, r, err)
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	err = dec.Decode(v)
	if err == nil && dec.More() {
		err = errors.New("more than one JSON value in the body")
	}
	if err == nil {
		if _, terr := dec.Token(); terr != io.EOF {
			err = errors.New("trailing data after the JSON value")
		}
	}
	if err != nil {
		var syntax *json.SyntaxError
		if !errors.As(err, &syntax) {
			// A value that does not fit: name it by its JSON path.
			if fe := jsonErrorAt(body, reflect.TypeOf(v)); fe != nil {
				s.apiError(w, r, http.StatusBadRequest, "bad_json", "invalid JSON body: "+fe.Field+": "+fe.Message,
					[]lekradar.FieldError{*fe})
				return false
			}
		}
		var typeErr *json.UnmarshalTypeError
		if !errors.As(err, &typeErr) && !errors.As(err, &syntax) && jsonFieldError(err) == nil && !errors.Is(err, io.EOF) {
			// A value's own decoder (dates) does not say where it failed.
			err = fmt.Errorf("%w (the value ends at byte %d of the body)", err, dec.InputOffset())
		}
		s.badJSON(w, r, err)
		return false
	}
	return true
}

func isJSONType(ct string) bool {
	mt, _, _ := strings.Cut(ct, ";")
	return strings.EqualFold(strings.TrimSpace(mt), "application/json")
}

// badJSON answers a body that does not decode, naming the field (a JSON
// path) when the decoder knows it.
func (s *Server) badJSON(w http.ResponseWriter, r *http.Request, err error) {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		s.apiError(w, r, http.StatusRequestEntityTooLarge, "too_large",
			fmt.Sprintf("the body is larger than %d bytes", tooBig.Limit), nil)
		return
	}
	if errors.Is(err, io.EOF) {
		err = errors.New("the body is empty; a JSON value is required")
	}
	var fields []lekradar.FieldError
	if fe := jsonFieldError(err); fe != nil {
		fields = []lekradar.FieldError{*fe}
	}
	s.apiError(w, r, http.StatusBadRequest, "bad_json", "invalid JSON body: "+err.Error(), fields)
}

// jsonFieldError turns a decoding error into the field it is about, or nil.
func jsonFieldError(err error) *lekradar.FieldError {
	var textErr *jsonTextError
	if errors.As(err, &textErr) {
		return &lekradar.FieldError{Field: textErr.Field, Value: textErr.Value, Message: textErr.Message}
	}
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		field := typeErr.Field
		if field == "" {
			field = "(body)"
		}
		return &lekradar.FieldError{Field: field, Value: typeErr.Value,
			Message: "must be a JSON " + jsonKind(typeErr.Type)}
	}
	// encoding/json reports unknown fields only in its message.
	if msg := err.Error(); strings.HasPrefix(msg, "json: unknown field ") {
		name := strings.Trim(strings.TrimPrefix(msg, "json: unknown field "), `"`)
		return &lekradar.FieldError{Field: name, Message: "is not a field of this object"}
	}
	// Dates (lekradar.Date, time.Time) fail in their UnmarshalJSON; the
	// decoder does not say which field.
	return nil
}

func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Map, reflect.Struct:
		return "object"
	case reflect.Pointer:
		return jsonKind(t.Elem())
	}
	return t.String()
}

// apiOpenAPI serves the OpenAPI document; it is public so that clients can
// find out how to authenticate.
func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	if r.Method != http.MethodHead {
		w.Write(openAPIDocument)
	}
}

// apiMeAnswer describes the caller. CSRFToken is set for session callers,
// who send it back in X-CSRF-Token.
type apiMeAnswer struct {
	Username    string   `json:"username"`
	Role        string   `json:"role"`
	Department  string   `json:"department,omitempty"`
	Auth        string   `json:"auth"` // "token" or "session"
	CSRFToken   string   `json:"csrf_token,omitempty"`
	Permissions []string `json:"permissions"`
}

func (s *Server) apiMe(w http.ResponseWriter, r *http.Request) {
	u := lekradar.UserFromContext(r.Context())
	ans := apiMeAnswer{Username: u.Username, Role: u.Role, Department: u.Department, Auth: "token", Permissions: []string{}}
	if r.Header.Get("Authorization") == "" {
		ans.Auth, ans.CSRFToken = "session", csrfToken(stateOf(r).session)
	}
	seen := map[string]bool{}
	for _, rt := range s.apiRoutes() {
		if rt.allow != nil && rt.Pattern != "/api/me" && rt.allow(u) {
			key := rt.Method + " " + rt.Pattern
			if !seen[key] {
				seen[key] = true
				ans.Permissions = append(ans.Permissions, key)
			}
		}
	}
	sort.Strings(ans.Permissions)
	s.writeJSON(w, r, http.StatusOK, ans)
}

// listAnswer is a page of a list with the total count of matches.
type listAnswer[T any] struct {
	Items  []T `json:"items"`
	Total  int `json:"total"`
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
}

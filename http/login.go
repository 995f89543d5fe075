package http

import (
	"net/http"
	"strings"

	"lekradar"
	"lekradar/authn"
)

// loginData is the login form's state.
type loginData struct {
	Username string
	Failed   bool
}

func (s *Server) handleLoginForm(w http.ResponseWriter, r *http.Request) {
	if stateOf(r).user != nil {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	s.render(w, r, http.StatusOK, "login", "login.title", loginData{})
}

// handleLogin checks the password (and the TOTP code when the account has
// a second factor) and starts a session. A throttled login, an unknown
// account, a wrong password and a wrong code all get the same answer, so
// that the form tells an attacker nothing.
func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	username := strings.TrimSpace(r.PostFormValue("username"))
	password := r.PostFormValue("password")
	code := strings.TrimSpace(r.PostFormValue("code"))
	ip := s.clientIP(r)

	ok, err := s.checkLogin(r, username, password, code, ip)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !ok {
		if err := s.store.RecordLoginAttempt(ctx, lekradar.LoginAttempt{Username: username, IP: ip}); err != nil {
			s.fail(w, r, err)
			return
		}
		s.render(w, r, http.StatusUnauthorized, "login", "login.title", loginData{Username: username, Failed: true})
		return
	}
	u, err := s.store.FindUserForLogin(ctx, username)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.store.RecordLoginAttempt(ctx, lekradar.LoginAttempt{Username: username, IP: ip, Success: true}); err != nil {
		s.fail(w, r, err)
		return
	}
	// A fresh token on every login: no session fixation.
	if st := stateOf(r); st.token != "" {
		_ = s.store.DeleteSession(ctx, st.token)
	}
	_, token, err := s.store.CreateSession(ctx, u.ID, s.cfg.Now().Add(s.cfg.SessionIdle))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.setSessionCookie(w, token, 0)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// checkLogin decides a login. The throttle is checked first, but the
// password is hashed either way, so that timing does not tell a locked
// account from a wrong password.
func (s *Server) checkLogin(r *http.Request, username, password, code, ip string) (bool, error) {
	ctx := r.Context()
	since := s.cfg.Now().Add(-s.cfg.ThrottleWindow)
	userFails, err := s.store.LoginAttempts(ctx, lekradar.LoginKeyUser(username), since)
	if err != nil {
		return false, err
	}
	ipFails, err := s.store.LoginAttempts(ctx, lekradar.LoginKeyIP(ip), since)
	if err != nil {
		return false, err
	}
	throttled := userFails >= s.cfg.MaxFailuresPerUser || ipFails >= s.cfg.MaxFailuresPerIP

	u, err := s.store.FindUserForLogin(ctx, username)
	if lekradar.ErrorCode(err) == lekradar.ENOTFOUND || username == "" || password == "" {
		authn.VerifyDummy(password)
		return false, nil
	}
	if err != nil {
		return false, err
	}
	match, err := authn.VerifyPassword(u.PasswordHash, password)
	if err != nil {
		s.log.Error("verify password: stored hash unreadable", "user_id", u.ID)
		return false, nil
	}
	if !match || throttled {
		return false, nil
	}
	if u.HasTOTP() {
		step, ok := authn.VerifyTOTP(u.TOTPSecret, code, s.cfg.Now())
		if !ok {
			return false, nil
		}
		fresh, err := s.store.ConsumeTOTPStep(ctx, u.ID, step)
		if err != nil || !fresh {
			return false, err
		}
	}
	return true, nil
}

// handleHome is the start page: the account and the pages it may use.
func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "home", "home.title", nil)
}

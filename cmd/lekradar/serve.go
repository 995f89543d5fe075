package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/spf13/cobra"

	lekhttp "lekradar/http"
)

// serveOptions are the flags of lekradar serve.
type serveOptions struct {
	listen         string
	tlsCert        string
	tlsKey         string
	behindTLSProxy bool
}

func newServeCmd() *cobra.Command {
	var opts serveOptions
	cmd := &cobra.Command{
		Use:   "serve [--db …] [--listen 127.0.0.1:8080] [--tls-cert F --tls-key F] [--behind-tls-proxy]",
		Short: "Serve the VIK workbench (web pages) over the registry database",
		Long: `Serve the VIK workbench: dossiers, intake, phase changes, legal deadlines and
the register of vulnerable spots, for the accounts made with lekradar user add.

Without TLS the session cookie is not marked Secure: use that only on
127.0.0.1. With --tls-cert and --tls-key the server speaks HTTPS itself and
sends HSTS; with --behind-tls-proxy a reverse proxy terminates TLS (cookies
are Secure, and the client address for login throttling is taken from the
last X-Forwarded-For entry). Stops gracefully on SIGINT or SIGTERM.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			// The request contexts start without the command line's system
			// actor: every page acts as the logged-in account only.
			serveCtx := cmd.Context()
			store, err := openExistingStore(cmd)
			if err != nil {
				return err
			}
			defer store.Close()
			cfg := lekhttp.DefaultConfig()
			cfg.Codebook = store.Codebook()
			cfg.Policy = store.Policy
			cfg.Logger = slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil))
			return runServe(serveCtx, cmd, store, cfg, opts)
		},
	}
	cmd.Flags().StringVar(&opts.listen, "listen", "127.0.0.1:8080", "address to listen on")
	cmd.Flags().StringVar(&opts.tlsCert, "tls-cert", "", "TLS certificate file (PEM); with --tls-key serves HTTPS")
	cmd.Flags().StringVar(&opts.tlsKey, "tls-key", "", "TLS private key file (PEM)")
	cmd.Flags().BoolVar(&opts.behindTLSProxy, "behind-tls-proxy", false, "a reverse proxy terminates TLS: Secure cookies, client address from X-Forwarded-For")
	return cmd
}

// runServe serves until ctx ends, then shuts down gracefully.
func runServe(ctx context.Context, cmd *cobra.Command, store lekhttp.Store, cfg lekhttp.Config, opts serveOptions) error {
	useTLS := opts.tlsCert != "" || opts.tlsKey != ""
	if useTLS && (opts.tlsCert == "" || opts.tlsKey == "") {
		return fmt.Errorf("serve: --tls-cert and --tls-key go together (got cert %q, key %q)", opts.tlsCert, opts.tlsKey)
	}
	cfg.SecureCookies = useTLS || opts.behindTLSProxy
	cfg.HSTS = cfg.SecureCookies
	cfg.TrustProxy = opts.behindTLSProxy
	srv, err := lekhttp.New(store, cfg)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	ln, err := net.Listen("tcp", opts.listen)
	if err != nil {
		return fmt.Errorf("serve: listen on %s: %w", opts.listen, err)
	}
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return context.Background() },
	}
	scheme := "http"
	if useTLS {
		scheme = "https"
	}
	fmt.Fprintf(cmd.OutOrStdout(), "Serving the workbench at %s://%s/ (Ctrl-C to stop)\n", scheme, ln.Addr())

	go cleanupLoop(ctx, srv, cfg.Logger)
	errc := make(chan error, 1)
	go func() {
		if useTLS {
			errc <- hs.ServeTLS(ln, opts.tlsCert, opts.tlsKey)
		} else {
			errc <- hs.Serve(ln)
		}
	}()
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("serve: %w", err)
		}
		return nil
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	fmt.Fprintln(cmd.ErrOrStderr(), "workbench stopped")
	return nil
}

// cleanupLoop prunes expired sessions and old login attempts every
// quarter of an hour.
func cleanupLoop(ctx context.Context, srv *lekhttp.Server, log *slog.Logger) {
	t := time.NewTicker(15 * time.Minute)
	defer t.Stop()
	for {
		if err := srv.Cleanup(ctx); err != nil && ctx.Err() == nil {
			log.Error("cleanup sessions", "error", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"lekradar"
)

func newCodebookCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "codebook",
		Short: "Print the codebook: every coded field and its codes, with Dutch and English labels",
		Long: `Print the codebook embedded in this binary. Every coded field of a dossier
and of the register of vulnerable spots is validated against it.

--format md (the default) prints a Markdown table per field; --format json
prints the codebook itself, the same file the binary embeds.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cb := lekradar.DefaultCodebook()
			switch format {
			case "md":
				return writeCodebookMarkdown(cmd.OutOrStdout(), cb)
			case "json":
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(cb)
			default:
				return fmt.Errorf("flag --format: value %q is not a format (allowed: md, json)", format)
			}
		},
	}
	cmd.Flags().StringVar(&format, "format", "md", "output format: md or json")
	return cmd
}

// writeCodebookMarkdown prints one section per field: its name, both labels
// and a table of its codes.
func writeCodebookMarkdown(w io.Writer, cb *lekradar.Codebook) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# lekradar codebook, version %s\n\n", cb.Version)
	b.WriteString("Every coded field with its codes. Codes are stable identifiers; a retired code\n")
	b.WriteString("stays listed for old records and is refused for new values.\n")
	for _, f := range cb.Fields {
		fmt.Fprintf(&b, "\n## %s — %s / %s\n\n", f.Name, mdCell(f.NL), mdCell(f.EN))
		if f.Restricted {
			b.WriteString("Restricted: for aggregate fairness monitoring only, never shown per person.\n\n")
		}
		withAbbr := false
		for _, c := range f.Codes {
			withAbbr = withAbbr || c.Abbr != ""
		}
		if withAbbr {
			b.WriteString("| code | Nederlands | English | abbreviation |\n|---|---|---|---|\n")
		} else {
			b.WriteString("| code | Nederlands | English |\n|---|---|---|\n")
		}
		for _, c := range f.Codes {
			code := c.Code
			if c.Retired {
				code += " (retired)"
			}
			fmt.Fprintf(&b, "| %s | %s | %s |", mdCell(code), mdCell(c.NL), mdCell(c.EN))
			if withAbbr {
				fmt.Fprintf(&b, " %s |", mdCell(c.Abbr))
			}
			b.WriteByte('\n')
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdCell escapes text for a Markdown table cell.
func mdCell(s string) string {
	return strings.ReplaceAll(s, "|", `\|`)
}

package demo

import (
	"fmt"

	"lekradar"
)

// The synthetic free text is in Dutch, like the registry's users write it,
// and deliberately plain: no names, no places, no case details.

var infoPhrase = map[string]string{
	"persoonsgegevens":  "persoonsgegevens",
	"adresgegevens":     "adresgegevens",
	"voertuiggegevens":  "voertuiggegevens",
	"lopend_onderzoek":  "informatie uit een lopend onderzoek",
	"operationele_info": "informatie over geplande politieacties",
	"intern":            "interne politie-informatie",
	"beeldmateriaal":    "beeldmateriaal",
	"overig":            "politie-informatie",
}

var systemName = map[string]string{
	"bvh": "BVH", "bvi": "BVI", "summit": "Summit", "blueview": "BlueView", "brp": "de BRP",
	"rdw": "het RDW-register", "meos": "MEOS", "cie": "de CIE-registratie",
}

var recipientPhrase = map[string]string{
	"familie_partner": "een familielid of partner",
	"vriend_kennis":   "een vriend of kennis",
	"collega":         "een collega zonder taak in de zaak",
	"media":           "een journalist",
	"crimineel":       "een persoon uit het criminele milieu",
	"commercieel":     "een commerciële partij",
	"onbekend":        "een onbekende derde",
}

var channelIntro = map[string]string{
	"leidinggevende": "Een leidinggevende meldt",
	"collega":        "Een collega meldt",
	"vik_eigen":      "VIK stuit in een ander onderzoek op aanwijzingen",
	"meldpunt":       "Via het Landelijk Meldpunt Misstanden komt een melding binnen",
	"klokkenluider":  "Via de klokkenluidersregeling komt een melding binnen",
	"cie":            "De CIE ontvangt informatie",
	"extern_om":      "Het OM meldt",
	"burger":         "Een burger klaagt",
}

var teamPhrase = map[string]string{
	"basisteam": "een basisteam", "wijkteam": "een wijkteam", "noodhulp": "de noodhulp",
	"recherche": "de recherche", "intake_service": "de intake en service",
	"meldkamer": "de meldkamer", "informatie_analyse": "informatie en analyse",
	"specialistisch": "een specialistisch team", "ondersteuning": "een ondersteunende afdeling",
	"staf": "een staf",
}

// where names the system of an item in a sentence.
func where(it lekradar.LeakedItem) string {
	if n, ok := systemName[it.SourceSystem]; ok {
		return n
	}
	return "politiesystemen"
}

var sourceName = map[string]string{
	"bvh": "BVH", "bvi": "BVI", "summit": "Summit", "blueview": "BlueView", "brp": "BRP",
	"rdw": "RDW", "meos": "MEOS", "cie": "CIE-registratie",
}

func itemDescription(it lekradar.LeakedItem) string {
	switch it.SourceSystem {
	case "mondeling":
		return "Mondeling gedeeld: " + infoPhrase[it.InfoType] + "."
	case "email":
		return "Per e-mail gedeeld: " + infoPhrase[it.InfoType] + "."
	case "overig":
		return "Overige bron: " + infoPhrase[it.InfoType] + "."
	}
	return "Bron " + sourceName[it.SourceSystem] + ": " + infoPhrase[it.InfoType] + "."
}

// allegationClause describes the suspected act without a subject.
func allegationClause(d *lekradar.Dossier, recipient string) string {
	if len(d.Items) == 0 {
		return "vertrouwelijke informatie heeft gelekt"
	}
	first := d.Items[0]
	last := d.Items[len(d.Items)-1]
	switch d.Allegation {
	case "raadplegen":
		return fmt.Sprintf("zonder werkgerelateerde reden %s heeft geraadpleegd in %s", infoPhrase[first.InfoType], where(first))
	case "verstrekken":
		return fmt.Sprintf("%s heeft verstrekt aan %s", infoPhrase[last.InfoType], recipientPhrase[recipient])
	default:
		return fmt.Sprintf("%s heeft geraadpleegd in %s en heeft gedeeld met %s", infoPhrase[first.InfoType], where(first), recipientPhrase[recipient])
	}
}

func reportSummary(dr *draft, channel string, first bool) string {
	subject := "een medewerker"
	if dr.suspect != nil {
		subject = "een medewerker van " + teamPhrase[dr.suspect.team]
	}
	s := fmt.Sprintf("%s dat %s %s.", channelIntro[channel], subject, allegationClause(dr.d, dr.recipient))
	if !first {
		s = "Aanvullende melding. " + s
	}
	return s
}

func dossierSummary(dr *draft) string {
	what := map[string]string{
		"raadplegen":  "onrechtmatig raadplegen",
		"verstrekken": "onrechtmatig verstrekken",
		"beide":       "onrechtmatig raadplegen en verstrekken",
	}[dr.d.Allegation]
	s := fmt.Sprintf("Synthetisch demodossier. Vermoeden van %s van politie-informatie", what)
	if dr.disclosure {
		s += " aan " + recipientPhrase[dr.recipient]
	}
	s += "."
	if dr.unknown {
		s += " De betrokken medewerker is niet geïdentificeerd."
	}
	return s
}

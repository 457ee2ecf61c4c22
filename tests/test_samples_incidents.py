"""The demo corpus (samples/, invented articles in English, French and German) tells three incidents;
cybertrack must find the same three, each with every article that reports it."""

from __future__ import annotations

from pathlib import Path

from cybertrack.export.json_export import target_names

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _incidents_by_documents(cli) -> dict[frozenset[str], dict]:
    sources = [str(p) for p in sorted(SAMPLES.iterdir()) if p.suffix in {".txt", ".html"}]
    assert cli("ingest", *sources).exit_code == 0
    return {frozenset(Path(d).name for d in i["documents"]): i for i in cli.export()["incidents"]}


def test_the_three_sample_incidents_are_found_and_merged_across_languages(cli):
    found = _incidents_by_documents(cli)
    interior = found[frozenset({"01_interior-ministry-apt29.en.txt", "04_attributions-veldmark.fr.txt"})]
    railway = found[frozenset({"02_railway-wiper-sandworm.en.txt", "04_attributions-veldmark.fr.txt",
                               "05_bahn-angriff-ermittlungen.de.txt"})]
    assert frozenset({"03_port-ddos-hijacked-accounts.en.html"}) in found
    assert len(found) == 3
    assert interior["first_seen"] == "2022-11"
    assert "APT29" in [a["name"] for a in interior["actors"]]
    assert "Sandworm" in [a["name"] for a in railway["actors"]]
    assert "wiper" in railway["types"]


def test_each_sample_claim_cites_a_sentence_of_its_document(cli):
    _incidents_by_documents(cli)
    export = cli.export()
    texts = {d["id"]: d["text"] for d in export["documents"]}
    claims = [c for i in export["incidents"] for c in i["claims"]]
    assert any(c["claimant"] == "Tomas Brandl" and c["hedged"] for c in claims)
    for claim in claims:
        start, end = claim["offsets"]
        assert texts[claim["document"]][start:end] == claim["evidence"]


def test_each_merge_keeps_why_and_the_cli_explains_it(cli):
    found = _incidents_by_documents(cli)
    railway = found[frozenset({"02_railway-wiper-sandworm.en.txt", "04_attributions-veldmark.fr.txt",
                               "05_bahn-angriff-ermittlungen.de.txt"})]
    links = railway["links"]
    assert len(links) == len(railway["documents"]) - 1  # every report after the first says why it joined
    german = next(link for link in links if link["document"].endswith("05_bahn-angriff-ermittlungen.de.txt"))
    assert german["by"] == "rules" and "org:vnr" in german["victims"] and "Sandworm" in german["actors"]
    assert all(Path(d).name in {Path(x).name for x in railway["documents"]} for d in german["joined"])
    shown = cli("incidents", "--explain", railway["id"])
    assert shown.exit_code == 0
    assert "05_bahn-angriff-ermittlungen.de.txt joined" in shown.output and "victim org:vnr" in shown.output
    assert shown.output.count("\n") < 20  # that incident alone
    unknown = cli("incidents", "--explain", "inc-nothing")
    assert unknown.exit_code == 1 and "no incident 'inc-nothing'" in unknown.output


def test_each_victim_and_actor_says_which_reports_name_it(cli):
    found = _incidents_by_documents(cli)
    for incident in found.values():
        documents = set(incident["documents"])
        for fact in incident["victims"] + incident["actors"]:
            assert fact["reports"] and set(fact["reports"]) <= documents, fact
    railway = found[frozenset({"02_railway-wiper-sandworm.en.txt", "04_attributions-veldmark.fr.txt",
                               "05_bahn-angriff-ermittlungen.de.txt"})]
    sandworm = next(a for a in railway["actors"] if a["name"] == "Sandworm")
    assert any(d.endswith("05_bahn-angriff-ermittlungen.de.txt") for d in sandworm["reports"])


def _claims_by_incident(cli) -> tuple[dict, dict, dict]:
    found = _incidents_by_documents(cli)
    interior = found[frozenset({"01_interior-ministry-apt29.en.txt", "04_attributions-veldmark.fr.txt"})]
    railway = found[frozenset({"02_railway-wiper-sandworm.en.txt", "04_attributions-veldmark.fr.txt",
                               "05_bahn-angriff-ermittlungen.de.txt"})]
    port = found[frozenset({"03_port-ddos-hijacked-accounts.en.html"})]
    return interior, railway, port


def test_too_early_to_say_attributes_nothing(cli):
    """ "it was too early to say whether the group had any link to APT29 or Sandworm" is speculation: kept as
    unconfirmed with its sentence, never as an attribution, and no state or conflict comes of it."""
    _, _, port = _claims_by_incident(cli)
    speculation = [c for c in port["claims"] if "too early to say" in c["evidence"]]
    assert speculation and all(c["stance"] == "unconfirmed" for c in speculation)
    assert not [c for c in port["claims"] if c["stance"] in {"attributes", "claims-responsibility"}]
    assert port["states"] == [] and port["conflicts"] == []


def test_the_embassy_denial_in_french_is_a_denial(cli):
    """ "L'ambassade du pays mis en cause a dénoncé des accusations « sans fondement »": the accused's embassy denies
    what the article accused, and the incident shows the clash with the attributions it answers."""
    interior, _, _ = _claims_by_incident(cli)
    denials = [c for c in interior["claims"] if c["stance"] == "denies" and "ambassade" in c["evidence"]]
    assert len(denials) == 1
    assert "APT29" in target_names(denials[0])
    assert any(conflict["kind"] == "denied" and denials[0] in conflict["claims"] for conflict in interior["conflicts"])


def test_a_split_attribution_gives_each_incident_its_own_actor(cli):
    """The French article's government accuses "APT29 et Sandworm", and names APT29 for the ministry and Sandworm for
    the railway: the ministry's incident holds the claims about APT29 only, the railway's about Sandworm only."""
    interior, railway, _ = _claims_by_incident(cli)
    french = "04_attributions-veldmark.fr.txt"

    def from_the_french_article(incident: dict) -> list[dict]:
        return [c for c in incident["claims"] if c["stance"] == "attributes" and c["document"].endswith(french)]

    assert {tuple(target_names(c)) for c in from_the_french_article(interior)} == {("APT29",)}
    assert {tuple(target_names(c)) for c in from_the_french_article(railway)} == {("Sandworm",)}
    government = [c for c in from_the_french_article(interior) + from_the_french_article(railway)
                  if c["claimant"] == "gouvernement"]
    assert len(government) == 2


def test_a_claim_names_its_actor_with_the_aliases_analysts_know_it_by(cli):
    """A claim's actor carries the knowledge base's aliases (as the incident's actors do), so that a reader who knows
    APT29 as Cozy Bear finds the claims that name it; a state is named by its ISO code and has none."""
    interior, _, _ = _claims_by_incident(cli)
    targets = [t for c in interior["claims"] for t in c["attributed_to"]]
    apt29 = [t for t in targets if t["name"] == "APT29"]
    assert apt29 and all(t["kind"] == "actor" and "Cozy Bear" in t["aliases"] for t in apt29)
    assert all("aliases" not in t and len(t["name"]) == 2 for t in targets if t["kind"] == "state")

"""Why a report joined its incident, in a sentence an analyst can check (`cybertrack incidents --explain`, the
incident page): what it shared with the incident's reports when it joined them (`model.Link`, as stored)."""

from __future__ import annotations


def explained(link: dict) -> str:
    """One stored link as a sentence: "B joined A by rules: victim BE/ministry:interior; sentences alike 0.74"."""
    shared = [f"{label} {', '.join(link[field])}" for field, label in (
        ("victims", "victim"), ("vulnerabilities", "CVE"), ("actors", "actor"), ("names", "names"))
        if link.get(field)]
    shared.append(f"sentences alike {link['similarity']:.2f}")
    if link.get("probability") is not None:
        shared.append(f"model's probability {link['probability']:.2f}")
    others = link.get("incident_reports", 0) - len(link["joined"])
    joined = ", ".join(link["joined"]) + (f" and {others} more" if others > 0 else "")
    return f"{link['document']} joined {joined} by {link['by']}: {'; '.join(shared)}"

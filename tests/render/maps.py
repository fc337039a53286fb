"""Maps the render tests draw: every kind of element, with their quirks."""

from __future__ import annotations

from pathlib import Path

import argmap


def every_element_map() -> argmap.ArgumentMap:
    """All 5 node kinds, all 5 link kinds, linked premises, an undercut, a concession, an editorial side."""
    b = argmap.MapBuilder("every-element", 'Every element: a <small> map & its "quirks"')
    b.side("pro", "Proponents", stances={"q": "for"})
    b.side("con", "Opponents", stances={"q": "against"})
    b.side("ed", "The editors", role="editorial")
    b.issue("q", "Should the town build a new bridge?", label="New bridge?")
    b.claim("traffic", "A second bridge halves the traffic on the old one.", held_by="pro")
    b.evidence(
        "count", "The 2023 count found 40,000 crossings a day.", held_by="pro", citation="Town survey 2023"
    )
    b.principle("safety", "Residents should be able to cross the river safely.", label="Safety first")
    b.counterclaim(
        "cost", "The bridge costs more than the town's yearly budget.", label="Too costly", held_by="con"
    )
    b.claim("loan", "A long-term loan spreads the cost over forty years.", held_by="pro")
    b.counterclaim("induced", "New roads attract new traffic (induced demand).", held_by="con")
    b.claim("same", "Building the bridge will not reduce congestion.", held_by="con")
    b.claim("balance", "The bridge is worth it only with a toll.", held_by="ed", tags=("synthesis",))
    b.claim("lonely", "Nobody links to this node.", tags=("stray",))
    b.supports(["traffic", "count"], "q", id="traffic+count")
    b.supports("safety", "q")
    b.attacks("cost", "q", held_by="con")
    b.attacks("loan", "cost", held_by="pro")
    b.undercuts("induced", "traffic+count", held_by="con")
    b.equivalent("induced", "same")
    b.contradicts("same", "traffic")
    b.supports("balance", "cost", held_by="ed", concession=True)
    return b.build()


def inferred_map() -> argmap.ArgumentMap:
    """Inferred nodes and an inferred link of every kind, beside stated ones (one a concession too)."""
    b = argmap.MapBuilder("inferred", "Bridge: what the source states and what the map's authors infer")
    b.side("pro", "Proponents", stances={"q": "for"})
    b.side("con", "Opponents", stances={"q": "against"})
    b.side("ed", "The article", role="editorial")
    b.issue("q", "Should the town build a new bridge?", label="New bridge?")
    b.claim("traffic", "A second bridge halves the traffic.", label="Halves traffic", held_by="pro")
    b.principle("mobility", "Residents should move freely.", inferred=True, note="an unstated premise")
    b.counterclaim("cost", "The bridge costs too much.", label="Too costly", held_by="con")
    b.claim("loan", "A loan spreads the cost.", held_by="pro")
    b.claim("toll", "A toll pays for it.", held_by="pro", inferred=True, note="implied, never said")
    b.counterclaim("induced", "New roads attract new traffic.", held_by="con")
    b.claim("same", "Congestion will not fall.", held_by="con")
    b.claim("balance", "Worth it only with a toll.", held_by="ed")
    b.supports("traffic", "q", id="stated")
    b.supports("mobility", "traffic", inferred=True, note="the article names no value")
    b.attacks("cost", "q", held_by="con", inferred=True, note="set side by side, not answered")
    b.attacks("loan", "cost", held_by="pro")
    b.supports(["loan", "toll"], "q", id="loan+toll", inferred=True, note="a joint reading")
    b.undercuts("induced", "stated", id="undercut", held_by="con", inferred=True, note="placed after it")
    b.equivalent("induced", "same", inferred=True, note="a paraphrase")
    b.contradicts("same", "traffic", inferred=True, note="opposite predictions")
    b.supports("balance", "cost", held_by="ed", concession=True, inferred=True, note="a grudging aside")
    return b.build()


def many_into_one_map() -> argmap.ArgumentMap:
    """Nine links into one claim (supports, attacks, linked premises, an undercut beside, a concession)."""
    return argmap.load(Path(__file__).parent / "many-into-one.yaml")

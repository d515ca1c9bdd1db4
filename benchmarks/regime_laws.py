#!/usr/bin/env python3
"""Counts findings whose rationale or answers name a law of a regime the document does not have.

Usage: benchmarks/regime_laws.py REPORT.json... (each written by `clausescan scan --format json`).
The document's regimes are read from its own text (document.path, which must still be readable),
independently of clausescan's sector detection: a law is
the document's when the document names it (or, for GDPR, the EEA/Member States/SCCs; for US
federal, the FAR/DFARS/agency clauses). Prints per document: findings, findings naming a
foreign law, and each such finding's line, the law and where it was named (rationale/answer)."""
import json, re, sys

# law -> (pattern in a finding's words, pattern that shows the regime in a document)
LAWS = {
    "GDPR": (r"(?<!UK )\bGDPR\b|\b2016/679\b|\bSCCs?\b|[Ss]tandard [Cc]ontractual [Cc]lauses|\b2021/914\b|\bArt(?:icle|s?\.) ?28\b",
             r"\bgdpr\b|\b2016/679\b|general data protection regulation|\beuropean economic area\b|\beea\b|\bmember states?\b|\b2021/914\b|standard contractual clauses"),
    "UK GDPR/ICO/IDTA": (r"\bUK GDPR\b|\bICO\b|\bIDTA\b|Data Protection Act 2018|Information Commissioner",
             r"\buk gdpr\b|data protection act 2018|\bico\b|information commissioner|\bidta\b|international data transfer"),
    "DORA": (r"\bDORA\b|2022/2554", r"\bdora\b|2022/2554|digital operational resilience"),
    "NYDFS": (r"\bNYDFS\b|\bNYCRR\b", r"\bnydfs\b|\bnycrr\b|department of financial services"),
    "HIPAA": (r"\bHIPAA\b|\b45 CFR\b|\bHHS\b", r"\bhipaa\b|45 c\.?f\.?r|protected health information"),
    "PCI DSS": (r"\bPCI[ -]DSS\b", r"\bpci\b|cardholder"),
    "CCPA": (r"\bCCPA\b|\bCPRA\b|California Consumer Privacy", r"\bccpa\b|\bcpra\b|california consumer privacy"),
    "FAR/FedRAMP/FISMA": (r"\bFAR\b|\b48 CFR\b|\bFedRAMP\b|\bFISMA\b",
             r"\bfar (?:52\.|(?:sub)?part\b)|\b48 c\.?f\.?r|\bfedramp\b|\bfisma\b|\b52\.2\d\d-\d+|\bcontracting officer"),
    "DFARS": (r"\bDFARS\b", r"\bdfars\b|\b252\.2\d\d-\d{4}\b"),
    "VAAR": (r"\bVAAR\b", r"\bvaar\b|\b852\.\d{3}-\d+"),
    "HSAR": (r"\bHSAR\b", r"\bhsar\b|\b3052\.\d{3}-\d+"),
}

def main(paths):
    total = foreign_total = 0
    for path in paths:
        report = json.load(open(path))
        reports = report.get("reports", [report])
        for r in reports:
            doc = open(r["document"]["path"], encoding="utf-8", errors="replace").read().lower()
            have = {law for law, (_, shows) in LAWS.items() if re.search(shows, doc)}
            n = len(r["findings"]); bad = []
            for f in r["findings"]:
                named = []
                rat = f.get("rationale") or {}
                where = [("rationale", rat.get("text", ""))] + [
                    ("source", s.get("title", "")) for s in rat.get("sources", [])] + [
                    ("answer", c) for c in f.get("considerations", [])]
                for kind, words in where:
                    for law, (pattern, _) in LAWS.items():
                        if law not in have and re.search(pattern, words):
                            named.append((law, kind, words))
                if named: bad.append((f["line"], f["rule"], named))
            total += n; foreign_total += len(bad)
            print(f"{r['document']['path'].rsplit('/',1)[-1]}: {len(bad)} of {n} findings name a foreign law (document has: {', '.join(sorted(have)) or 'none'})")
            for line, rule, named in bad:
                for law, kind, words in named[:3]:
                    print(f"   {line:5} {rule:40} {law:18} {kind}: {words[:150]}")
    print(f"TOTAL: {foreign_total} of {total} findings name a law of a regime the document does not have")

if __name__ == "__main__":
    main(sys.argv[1:])

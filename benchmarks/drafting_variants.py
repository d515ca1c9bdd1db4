#!/usr/bin/env python3
"""Which drafting shapes the pack loses (issue 11): the rules' own `ruleid` samples whose duty has
a party as its subject ("Supplier shall notify Customer ...") rewritten, mechanically, into the
shapes terms of use, API terms and SaaS terms are drafted in, each scanned alone:

  original     the sample as written (the baseline: it must hold)
  we           the supplier as "we", the customer as "you"/"your" ("We will notify you ...")
  we+preamble  the same after a preamble that says who "we" and "you" are (a provider's terms)
  you-supplier the supplier as "you", the customer as "we"/"us", after a preamble that makes
               "you" the supplier (a buyer's requirements for its vendors: "You must notify us")
  you-customer a customer's duty (rules of party: customer) with the customer as "you"
  passive      the duty's object as the subject, no agent: "Customer Data shall be encrypted ..."
  will-be      the same with "will be"
  present      the same in the present tense: "Customer Data is encrypted at rest"
  passive-you  the addressee of a notice as the subject: "You will be notified of ..."

A variant holds when the sample's rule fires on it, is caught by its category when another rule of
the category fires, and is lost otherwise. Samples a rewrite does not apply to are skipped (the
table counts what was rewritten). Only the rules' own samples are read: never a check document.

Usage: drafting_variants.py [--scanner PATH] [--rules DIR] [--lost VARIANT,...] [--per-category]
                            [--keep DIR]
"""
import argparse, json, os, re, subprocess, sys, tempfile
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VARIANTS = ["original", "we", "we+preamble", "you-supplier", "you-customer", "passive", "will-be",
            "present", "passive-you"]

PROVIDER_TERMS = ('These Terms of Service ("Terms") are an agreement between Acme Cloud Inc. '
                  '("Acme", "we", "us" or "our") and the customer that uses the Services ("you" '
                  'or "your").\n\n')
VENDOR_TERMS = ('These Supplier Security Requirements apply to every supplier ("you" or "your") '
                'that provides services to Acme Corp ("Acme", "we", "us" or "our").\n\n')

SUPPLIER = (r"(?:the |The )?(?:Service Provider|Supplier|Provider|Vendor|Processor|"
            r"Contractor|Licensor|Consultant|Seller|Business Associate|data importer|"
            r"Data Importer|Company|Recipient|Data Recipient)")
CUSTOMER = (r"(?:the |The )?(?:Customer|Client|Controller|Buyer|Licensee|Covered Entity|data exporter|"
            r"Data Exporter|Authority|Agency|Department|Purchaser|Acme|Company|Government|"
            r"Commonwealth|Principal|Subscriber)")
MODAL = r"(shall|will|must|agrees to|undertakes to)"
ADVERBS = r"((?:promptly|immediately|also|only|at all times|not|further|then) )*"

IRREGULAR = {"keep": "kept", "make": "made", "give": "given", "send": "sent", "hold": "held",
             "carry": "carried", "notify": "notified", "apply": "applied", "deny": "denied",
             "verify": "verified", "identify": "identified", "certify": "certified",
             "back": "backed", "set": "set", "put": "put", "run": "run", "take": "taken",
             "write": "written", "bear": "borne", "undergo": "undergone", "bind": "bound",
             "rotate": "rotated", "store": "stored", "dispose": "disposed", "remove": "removed",
             "retire": "retired", "review": "reviewed", "encrypt": "encrypted", "audit": "audited",
             "permit": "permitted", "submit": "submitted", "commit": "committed", "admit": "admitted",
             "transfer": "transferred", "refer": "referred", "purge": "purged"}
VERBS = set("""notify inform report encrypt delete destroy erase purge return maintain provide
implement keep make give send hold carry conduct perform restrict limit protect store process use
disclose retain remediate patch test audit allow permit submit train screen obtain procure deliver
furnish apply review monitor log back rotate remove revoke disable dispose certify verify document
update secure segregate separate isolate transfer host retain pay reimburse indemnify defend insure
alert tell advise apprise engage appoint list publish inform""".split())
BOUNDARY = re.compile(r"\s(?:within|of|at|in|by|upon|after|on|to|for|without|no|promptly|"
                      r"immediately|as|and|unless|using|with|that|which|from|prior|before|during|"
                      r"throughout|following|once|if|when|where|via|under|against|until|except|"
                      r"including|so)\b|[,;.:(]")


def participle(verb):
    if verb in IRREGULAR:
        return IRREGULAR[verb]
    if verb.endswith("e"):
        return verb + "d"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ied"
    return verb + "ed"


def third_to_base(word):
    return {"becomes": "become", "has": "have", "is": "are", "does": "do", "was": "were"}.get(
        word, re.sub(r"(?:(?<=[sxz])|(?<=ch)|(?<=sh))es$|s$", "", word))


VERB_3RD = r"(becomes|has|is|does|agrees|undertakes|(?!(?:this|thus|was|has|its|his|hers|yours|ours|less|unless|across|process|access|address|business|as)\b)[a-z]{2,}s)\b"
OWNED = (r"((?:Personal )?(?:Data|Information|Content|Materials|Systems|Confidential Information|"
         r"Personnel|Facilities|Premises|Sites?)|data|information|systems|personnel|employees|staff|"
         r"facilities|premises|content)\b")


def first_person(text, supplier_as, customer_as):
    """supplier_as/customer_as: ('we', 'us', 'our') or ('you', 'you', 'your')."""
    subj, obj, poss = supplier_as
    csubj, cobj, cposs = customer_as
    # the supplier
    text = re.sub(SUPPLIER + r"(?:'s|’s)", poss, text)
    text = re.sub(SUPPLIER + r" " + OWNED, lambda m: f"{poss} {m.group(1).lower()}", text)
    text = re.sub(r"^" + SUPPLIER + r" " + VERB_3RD,
                  lambda m: f"{subj.capitalize()} {third_to_base(m.group(1))}", text)
    text = re.sub(r"^" + SUPPLIER + r"\b", subj.capitalize(), text)
    text = re.sub(SUPPLIER + r" " + VERB_3RD,
                  lambda m: f"{subj} {third_to_base(m.group(1))}", text)
    text = re.sub(r"(?<=[.;,] )" + SUPPLIER + r"\b", subj, text)
    text = re.sub(r"\b" + SUPPLIER + r"\b", obj, text)
    # the customer
    text = re.sub(CUSTOMER + r"(?:'s|’s)", cposs, text)
    text = re.sub(CUSTOMER + r" " + OWNED, lambda m: f"{cposs} {m.group(1).lower()}", text)
    text = re.sub(r"^" + CUSTOMER + r" " + VERB_3RD,
                  lambda m: f"{csubj.capitalize()} {third_to_base(m.group(1))}", text)
    text = re.sub(r"^" + CUSTOMER + r"\b", csubj.capitalize(), text)
    text = re.sub(CUSTOMER + r" " + VERB_3RD,
                  lambda m: f"{csubj} {third_to_base(m.group(1))}", text)
    text = re.sub(r"\b" + CUSTOMER + r"\b", cobj, text)
    return text


def passive(text, mode):
    """The object of the opening duty as the subject: 'SUBJ shall VERB OBJ REST' -> 'OBJ shall be
    VERBed REST' (mode passive, will-be) or 'OBJ is/are VERBed REST' (present). None when the
    sentence has no such shape."""
    m = re.match(SUPPLIER + r" " + MODAL + r" " + ADVERBS + r"([a-z]+)(?: up)? (.+)$", text)
    if not m:
        return None
    modal, adverbs, verb, rest = m.group(1), (m.group(2) or ""), m.group(3), m.group(4)
    if verb not in VERBS or modal in ("agrees to", "undertakes to"):
        return None
    cut = BOUNDARY.search(" " + rest)
    obj = (" " + rest)[:cut.start()].strip() if cut else rest
    tail = (" " + rest)[cut.start():] if cut else ""
    if (not obj or len(obj.split()) > 10 or obj.lower() in ("it", "them", "that") or
            obj.split()[-1].endswith("ing")):
        return None
    part = participle(verb) + (" up" if verb == "back" else "")
    neg = "not " if "not" in adverbs.split() else ""
    adv = " ".join(w for w in adverbs.split() if w != "not")
    adv = (adv + " ") if adv else ""
    if mode == "present":
        plural = obj.endswith("s") and not obj.endswith("ss") or " and " in obj
        verb_be = ("are " if plural else "is ") + neg
    else:
        verb_be = ("shall" if mode == "passive" else "will") + " " + neg + "be "
    subject = obj[0].upper() + obj[1:]
    return f"{subject} {verb_be}{adv}{part}{tail}", obj


def variants_of(sentence, party):
    out = {"original": sentence}
    starts_supplier = re.match(SUPPLIER + r" " + MODAL + r"\b", sentence) and party != "customer"
    starts_customer = re.match(CUSTOMER + r" " + MODAL + r"\b", sentence) and party == "customer"
    if starts_supplier:
        we = first_person(sentence, ("we", "us", "our"), ("you", "you", "your"))
        out["we"] = we
        out["we+preamble"] = PROVIDER_TERMS + we
        out["you-supplier"] = VENDOR_TERMS + first_person(sentence, ("you", "you", "your"),
                                                          ("we", "us", "our"))
        for mode in ("passive", "will-be", "present"):
            p = passive(sentence, mode)
            if p:
                out[mode] = p[0]
        p = passive(sentence, "will-be")
        if p and re.fullmatch(CUSTOMER, p[1]):
            out["passive-you"] = first_person(p[0], ("we", "us", "our"), ("you", "you", "your"))
    if starts_customer:
        out["you-customer"] = PROVIDER_TERMS + first_person(sentence, ("we", "us", "our"),
                                                            ("you", "you", "your"))
    return out


def samples(rules_dir):
    """[(rule id, category, party, sentence)] of every ruleid sample."""
    party_of, category_of = {}, {}
    for dirpath, _, files in os.walk(rules_dir):
        for name in files:
            if name.endswith(".yaml") and not name.endswith(("playbook.yaml", "rationale.yaml")):
                text = open(os.path.join(dirpath, name), encoding="utf-8").read()
                rid = re.search(r"^id: (\S+)", text, re.M)
                if not rid:
                    continue
                party = re.search(r"^party: (\S+)", text, re.M)
                party_of[rid.group(1)] = party.group(1) if party else "any"
                category_of[rid.group(1)] = re.search(r"^category: (\S+)", text, re.M).group(1)
    out = []
    for dirpath, _, files in os.walk(rules_dir):
        for name in sorted(files):
            if not name.endswith(".test.txt"):
                continue
            lines = open(os.path.join(dirpath, name), encoding="utf-8").read().splitlines()
            for i, line in enumerate(lines[:-1]):
                m = re.match(r"# ruleid: (\S+)", line)
                if m and m.group(1) in party_of and not lines[i + 1].startswith("#"):
                    rid = m.group(1)
                    out.append((rid, category_of[rid], party_of[rid], lines[i + 1]))
    return out


def scan(scanner, folder):
    """{file name: [(rule id, category)]}"""
    run = subprocess.run([scanner, "scan", "--format", "jsonl", "--no-progress", folder],
                         capture_output=True, text=True)
    found = defaultdict(list)
    for line in run.stdout.splitlines():
        record = json.loads(line)
        name = os.path.basename(record.get("file") or record.get("document", {}).get("path", ""))
        for f in record.get("findings", []):
            rules = f.get("rules") or [f.get("rule")]
            for rid in rules:
                found[name].append((rid, f.get("category")))
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scanner", default=os.path.join(ROOT, "build", "clausescan"))
    ap.add_argument("--rules", default=os.path.join(ROOT, "rules"))
    ap.add_argument("--lost", default="", help="print the lost samples of these variants")
    ap.add_argument("--per-category", action="store_true")
    ap.add_argument("--keep", help="write the variant documents here")
    args = ap.parse_args()
    folder = args.keep or tempfile.mkdtemp(prefix="drafting-variants-")
    os.makedirs(folder, exist_ok=True)
    jobs = []
    for n, (rid, category, party, sentence) in enumerate(samples(args.rules)):
        for variant, text in variants_of(sentence, party).items():
            name = f"{n:05d}-{variant}.txt"
            with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                f.write(text + "\n")
            jobs.append((name, rid, category, variant, text))
    found = scan(args.scanner, folder)
    table, by_cat = defaultdict(Counter), defaultdict(Counter)
    lost = defaultdict(list)
    for name, rid, category, variant, text in jobs:
        hits = found.get(name, [])
        if any(r == rid for r, _ in hits):
            outcome = "rule"
        elif any(c == category for _, c in hits):
            outcome = "category"
        else:
            outcome = "lost"
            lost[variant].append((rid, text.split("\n\n")[-1]))
        table[variant][outcome] += 1
        by_cat[(variant, category)][outcome] += 1
    print(f"{'variant':14} {'n':>5} {'rule':>5} {'categ':>5} {'lost':>5} {'held':>6}")
    for v in VARIANTS:
        c = table[v]
        n = sum(c.values())
        if n:
            print(f"{v:14} {n:5} {c['rule']:5} {c['category']:5} {c['lost']:5} "
                  f"{(c['rule'] + c['category']) / n:6.3f}")
    if args.per_category:
        cats = sorted({c for _, c in by_cat})
        print(f"\n{'held/n':14}" + "".join(f" {c[:12]:>12}" for c in cats))
        for v in VARIANTS:
            cells = []
            for cat in cats:
                c = by_cat[(v, cat)]
                n = sum(c.values())
                cells.append(f" {c['rule'] + c['category']:5}/{n:<6}" if n else f" {'-':>12}")
            print(f"{v:14}" + "".join(cells))
    for v in [x for x in args.lost.split(",") if x]:
        print(f"\nlost, {v}:")
        for rid, text in lost[v]:
            print(f"{rid}\t{text}")


if __name__ == "__main__":
    main()

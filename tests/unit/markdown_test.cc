#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "clausescan/printers.h"
#include "report_samples.h"

namespace clausescan {
namespace {

std::string Markdown(const std::vector<Report>& reports) {
  std::ostringstream out;
  WriteMarkdown(reports, out);
  return out.str();
}

TEST(MarkdownPrinter, LiteralOutput) {
  EXPECT_EQ(Markdown({samples::MsaReport()}), R"(# Contract security review

1 finding (0 high, 1 medium, 0 low, 0 info) and 0 missing clauses in 1 document.

<a id="executive-summary"></a>

## Executive summary

| Risk | Findings | Missing clauses |
|---|---:|---:|
| **HIGH** | 0 | 0 |
| **MEDIUM** | 1 | 0 |
| LOW | 0 | 0 |
| INFO | 0 | 0 |

### Top issues

1. **MEDIUM** · Insurance · USD 5,000,000 cover, types: cyber · [line 3, section 14. Insurance](#f-1-1)

### Missing clauses

No expected clause is missing.

## Contents

- [Executive summary](#executive-summary)
- [Summary](#summary)
- [1. msa.txt](#doc-1): [Insurance](#doc-1-insurance)
- [Evidence pack](#evidence)

<a id="summary"></a>

## Summary

| Document | Worst risk | INS |
|---|---|:---:|
| [msa.txt](#doc-1) | **MEDIUM** | [**MEDIUM**](#doc-1-insurance) |

Columns: INS Insurance. Each cell is the worst risk of the category's clauses in the document; *missing* marks an expected clause that is absent, – a category the document does not address.

<a id="doc-1"></a>

## 1. msa.txt

Type msa, format txt, 512 bytes. 1 finding (0 high, 1 medium, 0 low, 0 info), 0 missing clauses; worst risk **MEDIUM**.

<a id="doc-1-insurance"></a>

### Insurance

<a id="f-1-1"></a>**MEDIUM** · Cyber insurance · line 3, column 1 · section “14. Insurance” · rule insurance.cyber

> Supplier shall maintain cyber insurance of at least USD 5,000,000.

- Parameters: amount = 5000000; currency = USD; types = cyber
- Party: supplier's duty
- Why: USD 5000000 is above the 2000000 a small supplier usually carries
- Annex A controls: A.5.20 Supplier agreements
- Evidence: Certificate of insurance

<a id="evidence"></a>

## Evidence pack

Documents to prepare before the buyer asks, most pressing first.

- [ ] **Certificate of insurance** (insurance-certificate), highest risk **MEDIUM**
  - Proof of cover.
  - Annex A controls: A.5.20 Supplier agreements
  - Called for by: msa.txt line 3 (medium)

## Considerations

What suppliers commonly propose instead, by category.

### Insurance

- Offer USD 2,000,000. (msa.txt:3)

---

Found by clausescan's pattern rules and judged against the playbook of a small supplier; a rule can miss or misread a clause, so check each quote against the contract.

clausescan is an aid to review, not legal advice.
)");  // issue 14 #3
}

TEST(MarkdownPrinter, MemoSections) {
  std::string md = Markdown(samples::TwoReports());
  std::vector<std::string> in_order = {
      "# Contract security review\n",
      "## Executive summary\n",
      "1. **HIGH** \u00B7 Security incident notification \u00B7 notice within 24 h of occurrence "
      "\u00B7 [contracts/dpa.md, line 12:5, section 7. Security Incidents](#f-1-1)\n"
      "2. **MEDIUM** \u00B7 Insurance \u00B7 USD 5,000,000 cover, types: cyber \u00B7 "
      "[msa.txt, line 3, section 14. Insurance](#f-2-1)\n",
      "- **MEDIUM** \u00B7 [Audit rights](#doc-1-missing) \u00B7 contracts/dpa.md: A DPA "
      "normally lets the customer audit.\n",
      "## Contents\n",
      "- [1. contracts/dpa.md](#doc-1): [Security incident notification]"
      "(#doc-1-incident_notification), [Return and deletion of data](#doc-1-data_deletion), "
      "[Missing clauses](#doc-1-missing)\n",
      "| [contracts/dpa.md](#doc-1) | **HIGH** | [**HIGH**](#doc-1-incident_notification) | "
      "[LOW](#doc-1-data_deletion) | [*missing* (medium)](#doc-1-missing) | \u2013 |\n",
      "| [msa.txt](#doc-2) | **MEDIUM** | \u2013 | \u2013 | \u2013 | "
      "[**MEDIUM**](#doc-2-insurance) |\n",
      "<a id=\"doc-1\"></a>\n\n## 1. contracts/dpa.md\n",
      "<a id=\"doc-1-incident_notification\"></a>\n\n",
      "### Security incident notification\n",
      "> Supplier shall notify Customer within twenty-four (24) hours of its occurrence.\n",
      "### Return and deletion of data\n",
      "### Missing clauses\n\n| Risk | Category | Why it matters |\n|---|---|---|\n"
      "| **MEDIUM** | Audit rights | A DPA normally lets the customer audit. |\n",
      "### Notes\n\n- Looks like a data processing agreement.\n",
      "## 2. msa.txt\n",
      "## Evidence pack\n",
      "- [ ] **Statement of Applicability excerpt** (soa-excerpt), highest risk **HIGH**\n"
      "  - The SoA rows.\n"
      "  - Annex A controls: A.5.9 Inventory of information; A.5.24 Incident management "
      "planning; A.5.26 Response to incidents; A.8.10 Information deletion\n"
      "  - Called for by: contracts/dpa.md lines 12 (high), 40 (low)\n",
      "## Considerations\n",
      "### Security incident notification\n\n- Start the clock at awareness. "
      "(contracts/dpa.md:12)\n",
  };
  std::size_t last = 0;
  for (const std::string& part : in_order) {
    std::size_t at = md.find(part, last);
    ASSERT_NE(at, std::string::npos) << part << "\n--- in ---\n" << md;
    last = at + part.size();
  }
}

TEST(MarkdownPrinter, ContractTextCannotBecomeMarkup) {
  Report r = samples::MsaReport();
  Finding& f = r.findings[0];
  f.text = "1. <script>alert(1)</script> *all* [link](x) | pipe `code` & more\n# not a heading";
  f.title = "Title | with pipe";
  f.reasons = {"- looks like a list"};
  f.section = "_Section_";
  r.document.path = "a|b.md";
  std::string md = Markdown({r});
  EXPECT_NE(md.find("> 1\\. \\<script\\>alert(1)\\</script\\> \\*all\\* \\[link\\](x) \\| pipe "
                    "\\`code\\` \\& more # not a heading\n"),
            std::string::npos)
      << md;
  EXPECT_EQ(md.find("<script>"), std::string::npos);
  EXPECT_NE(md.find("Title \\| with pipe"), std::string::npos);
  EXPECT_NE(md.find("- Why: - looks like a list\n"), std::string::npos) << md;
  EXPECT_NE(md.find("section \u201C\\_Section\\_\u201D"), std::string::npos);
  EXPECT_NE(md.find("| [a\\|b.md](#doc-1) |"), std::string::npos) << md;
}

TEST(MarkdownPrinter, LineStartsAreEscapedInLists) {
  Report r = samples::MsaReport();
  r.findings[0].reasons = {"- first", "2) second", "+ third"};
  r.findings[0].considerations = {"# heading?"};
  std::string md = Markdown({r});
  EXPECT_NE(md.find("- Why:\n  - \\- first\n  - 2\\) second\n  - \\+ third\n"), std::string::npos)
      << md;
  EXPECT_NE(md.find("- \\# heading? (msa.txt:3)\n"), std::string::npos) << md;
}

TEST(MarkdownPrinter, NoReports) {
  std::string md = Markdown({});
  EXPECT_NE(md.find("0 findings (0 high, 0 medium, 0 low, 0 info) and 0 missing clauses in 0 "
                    "documents."),
            std::string::npos);
  EXPECT_NE(md.find("No finding calls for evidence."), std::string::npos);
}

}  // namespace
}  // namespace clausescan

// The parties read from a contract's preamble and definitions, and the per-document lexicon
// (params/parties_in_text.h, params/party_role.h). Issue 15 #1.
#include "params/parties_in_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "params/party_role.h"
#include "params/second_person.h"

namespace clausescan::internal {
namespace {

struct PreambleCase {
  const char* text;
  // "Display=side" for each party in order, side as PartyName ("" unknown).
  std::vector<std::string> expected;
};

std::vector<std::string> Summary(const std::vector<NamedParty>& parties) {
  std::vector<std::string> out;
  for (const NamedParty& p : parties)
    out.push_back(p.Display() + "=" + std::string(PartyName(p.side)));
  return out;
}

const PreambleCase kPreambles[] = {
    {"This Agreement is made between Ehave, Inc. (\"Supplier\") and Acme Ltd (\"Customer\").",
     {"Supplier=supplier", "Customer=customer"}},
    {"This Agreement is entered into by Northwind GmbH, a German company (\xE2\x80\x9C"
     "Northwind\xE2\x80\x9D) and Tailspin LLC (hereinafter \"the Reseller\").",
     {"Northwind=supplier", "Reseller=customer"}},
    {"This Agreement is between Fabrikam Corp. (\"Company\") and Contoso Ltd (\"Provider\").",
     {"Company=customer", "Provider=supplier"}},
    {"THIS AGREEMENT is made BETWEEN:\nALPHA LIMITED, a company incorporated in England "
     "(\"Alpha\");\n- and BETA CORP, a company incorporated in Delaware (\"Beta\")\nAlpha grants "
     "Beta a licence to the Alpha Software. Beta resells the Alpha Software.",
     {"Alpha=supplier", "Beta=customer"}},
    {"\"Customer\" means the entity that signs the Order Form.\n\"Provider\" means Contoso Ltd.",
     {"Customer=customer", "Provider=supplier"}},
    {"This Agreement is made between Foo Inc. (\"Foo\") and Bar Inc. (\"Bar\").", {"Foo=", "Bar="}},
    // Plain-language drafting names its parties without quotes (Australian Commonwealth, UK
    // data sharing).
    {"This contract is between the Commonwealth, represented by the Office of Regional Grants "
     "(the Buyer), and Wattle Hosting Pty Ltd (the Seller).",
     {"Buyer=customer", "Seller=supplier"}},
    {"This agreement is between the Office for Rural Statistics (the Department) and Fenwick "
     "Analytics Ltd (the Data Recipient).",
     {"Department=customer", "Data Recipient=supplier"}},
    // The Crown as a party, named after its representative's name is cut off.
    {"This contract is between His Majesty the King in right of Canada, represented by the "
     "Minister of Supply (\"Canada\"), and Aurora Hosting Inc. (the \"Contractor\").",
     {"Canada=customer", "Contractor=supplier"}},
    // A representative of an earlier party is no part of the next party's name.
    {"This agreement is between Acme Ltd, represented by its director (\"Acme\"), and Beta "
     "Corp (the \"Supplier\").",
     {"Acme=customer", "Supplier=supplier"}},
    // An unquoted term that is no role word names no party.
    {"This agreement is between Acme Ltd and Beta Ltd under the Data Protection Act 2018 (the "
     "Act).",
     {}},
    // Defined terms that are not parties.
    {"This Data Processing Addendum (the \"DPA\") forms part of the Agreement (\"Agreement\").",
     {}},
    {"Supplier shall notify Customer within 24 hours (the \"Notice Period\").", {}},
};

// issue 12: an empty text (an empty document's) names no party and no person, read without
// compiling the readers' patterns; the same answer the readers give a text without names.
TEST(ReadParties, AnEmptyTextNamesNoPartyAndNoPerson) {
  EXPECT_TRUE(ReadParties("").empty());
  EXPECT_TRUE(ReadParties("Nothing here names a party.").empty());
  const PersonSides empty = ReadPersonSides("", PartyLexicon{});
  const PersonSides plain = ReadPersonSides("Nothing here names a person.", PartyLexicon{});
  for (const PersonSides* sides : {&empty, &plain}) {
    EXPECT_FALSE(sides->first_person);
    EXPECT_EQ(sides->we, Party::kUnknown);
    EXPECT_EQ(sides->you, Party::kUnknown);
    EXPECT_TRUE(sides->you_names.empty());
    EXPECT_EQ(sides->other, "");
  }
}

TEST(ReadParties, PreamblesAndDefinitions) {
  for (const PreambleCase& c : kPreambles) {
    EXPECT_EQ(Summary(ReadParties(c.text)), c.expected) << c.text;
  }
}

// issue 12 #3: a definition's body (cut in code now, not by the pattern) is the text after
// "means" up to the end of its line, at most 200 characters, and may start on the next line.
TEST(ReadParties, DefinitionBodyIsTheRestOfItsLine) {
  const std::string preamble =
      "This Agreement is made between Contoso Ltd (\"Contoso\") and Fabrikam Inc. "
      "(\"Fabrikam\").\n";
  EXPECT_EQ(Summary(ReadParties(preamble + "\"Provider\" means\n  Contoso Ltd, of London.")),
            (std::vector<std::string>{"Contoso=supplier", "Fabrikam=customer"}));
  // A body of more than 200 characters (some of two bytes) is cut, and the next line's
  // definition is still read.
  std::string long_body;
  for (int i = 0; i < 60; ++i) long_body += "\xC3\xA9t\xC3\xA9 ";
  EXPECT_EQ(
      Summary(ReadParties(preamble + "\"Customer\" means " + long_body +
                          "\n\"Provider\" means Contoso Ltd.")),
      (std::vector<std::string>{"Contoso=supplier", "Fabrikam=customer", "Customer=customer"}));
}

// issue 15 #2: a public body named with its initials in the preamble ("the Department for
// Rural Affairs (DRA)") is a party on the customer's side, known by its initials.
TEST(ReadParties, APublicBodyNamedByItsInitials) {
  const std::vector<NamedParty> parties = ReadParties(
      "# Data sharing agreement\n\nThis agreement covers records shared between the Department "
      "for Rural Affairs (DRA) and each farm survey contractor. The survey runs under the Rural "
      "Statistics Act (RSA).");
  ASSERT_EQ(parties.size(), 1u);
  EXPECT_EQ(parties[0].name, "Department for Rural Affairs");
  EXPECT_EQ(parties[0].terms, std::vector<std::string>{"DRA"});
  EXPECT_EQ(parties[0].side, Party::kCustomer);
}

// issue 15 #1 (FedRAMP playbook, CISA): a public body named with its initials alone on a line of
// a list of stakeholders, in a heading or in a table's cell is a body the document speaks of,
// not a party to it; named in a sentence it is still one.
TEST(ReadParties, APublicBodyNamedAloneInAListHeadingOrTableIsNoParty) {
  EXPECT_TRUE(ReadParties("# Incident reporting\n\nThe bodies that take part are:\n\n"
                          "- Cloud providers\n\n- National Cyber Security Agency (NCSA)\n\n"
                          "- Their clients\n\nProviders must report incidents to the NCSA "
                          "within one hour.\n")
                  .empty());
  EXPECT_TRUE(ReadParties("# Roles\n\n## Cyber Incident Authority (CIA)\n\nThe CIA "
                          "reviews each report.\n")
                  .empty());
  EXPECT_TRUE(ReadParties("| Body | Role |\n|---|---|\n| Federal Records Agency (FRA) | Keeps "
                          "the incident records |\n")
                  .empty());
  const std::vector<NamedParty> named = ReadParties(
      "1. Parties\n\n- This deed is made by the Water Services Authority (WSA) and the "
      "Contractor.\n");
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(named[0].terms, std::vector<std::string>{"WSA"});
}

// issue 15 #1 (BC Code With Us): the other side is named by a defined term that is no role
// word and that the preamble did not define ('"Issuer" means the Province ...', '"Province"
// means the Government of ...'): a definition whose body is a role word or another party's term
// puts the term on that side, in any order; a body that only mentions a side does not.
TEST(ReadParties, ADefinedTermMeaningARoleWordOrAPartyTakesItsSide) {
  const std::vector<NamedParty> parties = ReadParties(
      "# Supply terms\n\n"
      "\"Sponsor\" means the Crown or a Crown Agency, as applicable;\n"
      "\"Supplier\" means the person that signs the Statement of Work;\n"
      "\"Authorised Person\" means a Supplier employee named in the Statement of Work;\n"
      "\"Crown\" means the Government of Ontario;\n"
      "\"Host\" means the Crown;\n");
  EXPECT_EQ(Summary(parties), (std::vector<std::string>{"Supplier=supplier", "Crown=customer",
                                                        "Host=customer", "Sponsor=customer"}));
}

// issue 15 #1 (new-user review, GSA addendum): a defined term for a document or a thing whose
// body starts with a public body's name ('"X Guidance" means the Department of Labor (DOL)
// Guidance ...') names no party: the role word only qualifies the thing the term names, so the
// term must not become the customer's name ("the Government" shown as "DOL Guidance").
TEST(ReadParties, ARoleWordThatOnlyQualifiesTheDefinedThingNamesNoParty) {
  const std::vector<NamedParty> parties = ReadParties(
      "# Records terms\n\n"
      "\"Ministry Handbook\" means the Ministry of Health (MOH) Handbook entitled \"Keeping "
      "Records\", as amended.\n"
      "\"Agency Rules\" means the Agency for Transport Rules published in 2019.\n"
      "\"Audit Manual\" means the Authority of Ports (AOP) Manual.\n"
      "\"Crown\" means the Government of Ontario;\n"
      "\"Regulator\" means the Authority of Ports, or its successor.\n");
  EXPECT_EQ(Summary(parties), (std::vector<std::string>{"Crown=customer", "Regulator=customer"}));
}

TEST(ReadParties, KeepsTheLegalNameAsWritten) {
  const std::vector<NamedParty> parties = ReadParties(
      "This Agreement is made between Ehave, Inc., a company incorporated in Ontario "
      "(\"Ehave\") and Acme Ltd (\"Customer\").");
  ASSERT_EQ(parties.size(), 2u);
  EXPECT_EQ(parties[0].name, "Ehave, Inc.");
  EXPECT_EQ(parties[0].terms, std::vector<std::string>{"Ehave"});
  EXPECT_EQ(parties[0].side, Party::kSupplier);
}

// New-user review (issue 15 #1): the contract also defines a role word of a third person
// ("Customer" means a buyer of the products), so three parties were read and the contracting
// party without a role word stayed unknown; --party then judged it as the supplier too.
TEST(ReadParties, TheOtherOfTwoNamedPartiesTakesTheOtherSide) {
  const std::vector<NamedParty> parties = ReadParties(
      "This Outsourcing Agreement is made between Northwind Products, Inc. (\"Company\") and "
      "Harbor Logistics, LLC (\"Contractor\").\n\n\"Customer\" means any purchaser of the "
      "Products from Company.");
  ASSERT_EQ(parties.size(), 3u);
  EXPECT_EQ(parties[0].name, "Northwind Products, Inc.");
  EXPECT_EQ(parties[0].side, Party::kCustomer);
  EXPECT_EQ(parties[1].side, Party::kSupplier);
}

// Attack review D6: a party is chosen by the first words of its name and by its name with a
// trailing period; a prefix two names share chooses neither.
TEST(ResolveUserSide, FirstWordsOfANameAndATrailingPeriod) {
  const std::string text =
      "This Agreement is made between Corvid Logistics Inc. (\"Customer\") and Fernhill Data "
      "Systems LLC (\"Supplier\").";
  std::vector<NamedParty> parties = ReadParties(text);
  EXPECT_EQ(ResolveUserSide("Corvid", &parties), Party::kCustomer);
  EXPECT_EQ(ResolveUserSide("fernhill data", &parties), Party::kSupplier);
  EXPECT_EQ(ResolveUserSide("Fernhill Data Systems LLC.", &parties), Party::kSupplier);
  EXPECT_EQ(ResolveUserSide("Corv", &parties), std::nullopt);  // not a whole word
  std::vector<NamedParty> twins = ReadParties(
      "This Agreement is made between Acme Cloud Inc. (\"Supplier\") and Acme Retail Ltd "
      "(\"Customer\").");
  EXPECT_EQ(ResolveUserSide("Acme", &twins), std::nullopt);
  EXPECT_EQ(ResolveUserSide("Acme Retail", &twins), Party::kCustomer);
}

// Attack review D5: a table of contents longer than the first 8 KiB hid the preamble.
TEST(ReadParties, APreambleAfterALongTableOfContents) {
  std::string text = "TABLE OF CONTENTS\n";
  for (int i = 1; i <= 300; ++i) {
    text +=
        "Section " + std::to_string(i) + " ........................ " + std::to_string(i) + "\n";
  }
  text +=
      "\nThis Agreement is made between Corvid Logistics Inc. (\"Customer\") and Fernhill Data "
      "Systems LLC (\"Supplier\").";
  const std::vector<NamedParty> parties = ReadParties(text);
  ASSERT_EQ(parties.size(), 2u);
  EXPECT_EQ(parties[0].name, "Corvid Logistics Inc.");
  EXPECT_EQ(parties[1].side, Party::kSupplier);
}

// issue 15 #1 (review): a sentence giving words the meaning a law gives them names no party,
// whether the words sit in a list or open a definition line; the one party named then takes
// the side opposite the role word it is paired with in the preamble.
TEST(ReadParties, WordsTakingALawsMeaningAreNoParties) {
  const std::string text =
      "This Hosting Addendum forms part of the agreement between the Client and Larkspur Hosting "
      "Ltd (\"Larkspur\") for the hosting service.\n\n"
      "1. Interpretation. The words \"importer\", \"processor\" and \"controller\", in any "
      "case, carry the meanings given to them in the Data Protection Act.\n"
      "\"Sub-contractor\" means any hosting firm Larkspur engages.\n"
      "\"Processor\" has the meaning given to it in the UK GDPR.\n";
  EXPECT_EQ(Summary(ReadParties(text)),
            (std::vector<std::string>{"Larkspur=supplier", "Client=customer"}));
}

// Text converted from a PDF, or wrapped at a fixed width, breaks its sentences at the margin:
// the law that gives the quoted words their meaning, and a definition's law, may sit on the
// next line, and the words still name no party (seen failing: "processor" was read as the
// supplier and the named firm put on the customer's side).
TEST(ReadParties, WordsTakingALawsMeaningAcrossWrappedLinesAreNoParties) {
  const std::string text =
      "This Hosting Addendum forms part of the agreement between the Client and Larkspur Hosting\n"
      "Ltd (\"Larkspur\") for the hosting service. The words \"importer\", \"processor\" and\n"
      "\"controller\", in any case, carry the meanings given to them in the Data\n"
      "Protection Act. Larkspur shall host the service.\n\n"
      "\"Processor\" has the meaning given to it in\n"
      "the UK GDPR.\n";
  EXPECT_EQ(Summary(ReadParties(text)),
            (std::vector<std::string>{"Larkspur=supplier", "Client=customer"}));
}

// Wrapped at a fixed width, a list of quoted words given a law's meaning may put one of them at
// the start of a line: the sentence goes on across that line break (seen failing: "processor"
// was read as the supplier and the named firm lost its side), while a line that opens with
// quoted words it defines still starts the next entry of a list of definitions.
TEST(ReadParties, QuotedWordsTheMarginPutsAtALineStartGoOnWithTheSentence) {
  const std::string preamble =
      "This Hosting Addendum forms part of the agreement between the Client and Larkspur "
      "Hosting Ltd (\"Larkspur\") for the hosting service.\n\n";
  EXPECT_EQ(
      Summary(ReadParties(
          preamble + "Words used in this Addendum have the meaning set out in the agreement. The "
                     "terms \xE2\x80\x9Cimporter\xE2\x80\x9D, \xE2\x80\x9Cprocessor\xE2\x80\x9D,\n"
                     "\xE2\x80\x9Crecipient\xE2\x80\x9D and \xE2\x80\x9Ccontroller\xE2\x80\x9D, in "
                     "upper or lower case, carry the meanings given to them under the Data\n"
                     "Protection Act.\n")),
      (std::vector<std::string>{"Larkspur=supplier", "Client=customer"}));
  EXPECT_EQ(Summary(ReadParties(preamble + "\"Hosting Firm\" means Larkspur\n"
                                           "\"Buyer Group\" or \"Group\" means the Client\n")),
            (std::vector<std::string>{"Larkspur=supplier", "Client=customer"}));
}

// issue 15 #1 (review): with no role word beside it, the one named party that provides the
// service is the supplier.
TEST(ReadParties, OneNamedPartyProvidingTheServiceIsTheSupplier) {
  const std::string text =
      "These terms govern the use of the hosting service offered by Quillon Systems Ltd "
      "(\"Quillon\").\n\n1. Quillon shall provide the Service with reasonable care. Quillon "
      "provides the Service from data centres in the EU.\n";
  EXPECT_EQ(Summary(ReadParties(text)), (std::vector<std::string>{"Quillon=supplier"}));
}

TEST(RoleOfWord, SidesOfRoleWords) {
  EXPECT_EQ(RoleOfWord("Reseller"), Party::kCustomer);
  EXPECT_EQ(RoleOfWord("the Distributor"), Party::kCustomer);
  EXPECT_EQ(RoleOfWord("LICENSEE"), Party::kCustomer);
  EXPECT_EQ(RoleOfWord("Licensor"), Party::kSupplier);
  EXPECT_EQ(RoleOfWord("Processor"), Party::kSupplier);
  EXPECT_EQ(RoleOfWord("Company"), Party::kUnknown);
  // issue 15 #2: public bodies buy or receive the service; HIPAA names the two sides.
  EXPECT_EQ(RoleOfWord("the Agency"), Party::kCustomer);
  EXPECT_EQ(RoleOfWord("Department"), Party::kCustomer);
  EXPECT_EQ(RoleOfWord("Covered Entity"), Party::kCustomer);
  EXPECT_EQ(RoleOfWord("Business Associate"), Party::kSupplier);
}

TEST(ResolveUserSide, SidesNamesAndUnknownNames) {
  std::vector<NamedParty> parties =
      ReadParties("This Agreement is made between Foo Inc. (\"Foo\") and Bar Inc. (\"Bar\").");
  EXPECT_EQ(ResolveUserSide("SUPPLIER", &parties), Party::kSupplier);
  EXPECT_EQ(ResolveUserSide("customer", &parties), Party::kCustomer);
  EXPECT_EQ(ResolveUserSide("Acme", &parties), std::nullopt);
  // Roles unclear: the name the user gives is the supplier (the playbook's side).
  EXPECT_EQ(ResolveUserSide("bar", &parties), Party::kSupplier);
  EXPECT_EQ(parties[0].side, Party::kCustomer);
  EXPECT_EQ(parties[1].side, Party::kSupplier);
  // A legal name matches without its suffix.
  EXPECT_EQ(ResolveUserSide("foo", &parties), Party::kCustomer);
  EXPECT_EQ(DescribeParties(parties), "Foo (Foo Inc.), Bar (Bar Inc.)");
}

TEST(DocumentLexicon, NamesJoinTheirSideForThisDocumentOnly) {
  PartyLexicon base;
  base.supplier = {"supplier"};
  base.customer = {"customer", "company"};
  std::vector<NamedParty> parties = ReadParties(
      "This Agreement is between Fabrikam Corp. (\"Company\") and Contoso Ltd (\"Provider\").");
  // "Company" is the customer here, so it stays on the customer side.
  PartyLexicon lexicon = DocumentLexicon(base, parties);
  EXPECT_NE(std::find(lexicon.customer.begin(), lexicon.customer.end(), "fabrikam"),
            lexicon.customer.end());
  EXPECT_NE(std::find(lexicon.supplier.begin(), lexicon.supplier.end(), "contoso"),
            lexicon.supplier.end());
  EXPECT_NE(std::find(lexicon.supplier.begin(), lexicon.supplier.end(), "provider"),
            lexicon.supplier.end());
  EXPECT_EQ(DutyHolder("contoso shall notify fabrikam of any security incident", lexicon),
            Party::kSupplier);
  EXPECT_EQ(DutyHolder("contoso shall notify fabrikam of any security incident", base),
            Party::kUnknown);
}

struct RoleCase {
  const char* folded;
  Party duty_holder;
  Party party;
  bool right;
  const char* third_party;
};

const RoleCase kRoles[] = {
    {"acme may audit beta's facilities once a year", Party::kUnknown, Party::kSupplier, true, ""},
    {"acme shall have the right to audit beta", Party::kSupplier, Party::kSupplier, true, ""},
    {"beta shall provide acme any assistance they may require", Party::kCustomer, Party::kCustomer,
     false, ""},
    {"audits may be conducted once a year", Party::kUnknown, Party::kUnknown, false, ""},
    {"acme shall permit regulatory authorities to inspect its facilities", Party::kSupplier,
     Party::kSupplier, false, "regulatory authorities"},
    {"disputes shall be submitted to a firm of independent certified public accountants",
     Party::kUnknown, Party::kUnknown, false, "independent certified public accountants"},
    // An authority named only in an exception ("unless ...", "except ...", "other than ...") is
    // not the provision's actor; one in the main clause still is.
    {"audits are limited to one in any twelve months unless a supervisory authority requires "
     "another",
     Party::kUnknown, Party::kUnknown, false, ""},
    {"no more than one inspection a year may take place, except where a regulator so directs",
     Party::kUnknown, Party::kUnknown, false, ""},
    {"inspections other than those ordered by a competent authority shall be on 30 days' notice",
     Party::kUnknown, Party::kUnknown, false, ""},
    {"unless the law forbids it, the supervisory authority may audit the processing",
     Party::kUnknown, Party::kUnknown, false, "supervisory authority"},
    // A side that agrees (acknowledges, accepts) that the other may engage others authorises
    // sub-processing: the provision is the authorising side's, not a right of the other's; a
    // consent to another act stays the other's permission.
    {"beta further agrees that acme may engage its affiliates as subprocessors", Party::kUnknown,
     Party::kCustomer, false, ""},
    {"beta acknowledges and agrees that acme may appoint sub-processors outside the uk",
     Party::kUnknown, Party::kCustomer, false, ""},
    {"beta accepts that acme may use its group companies to process the data",
     Party::kUnknown, Party::kCustomer, false, ""},
    {"beta agrees that acme may transfer personal data outside the eea to provide the services",
     Party::kUnknown, Party::kSupplier, true, ""},
    {"acme may engage the subprocessors that beta agrees to", Party::kUnknown, Party::kSupplier,
     true, ""},
};

TEST(RoleInUnit, RightsAndThirdParties) {
  PartyLexicon lexicon;
  lexicon.supplier = {"acme"};
  lexicon.customer = {"beta"};
  for (const RoleCase& c : kRoles) {
    const PartyRole role = RoleInUnit(c.folded, c.duty_holder, lexicon);
    EXPECT_EQ(role.party, c.party) << c.folded;
    EXPECT_EQ(role.right, c.right) << c.folded;
    EXPECT_EQ(role.third_party, c.third_party) << c.folded;
  }
}

// issue 15 #2: a side's own exclusion names its people and its suppliers in a long list ("will
// Beta, or its affiliates, officers, directors, employees, agents, or suppliers be liable"): the
// exclusion is Beta's, not the supplier side's.
TEST(RoleInUnit, ExclusionListingItsOwnSuppliersIsTheNamedSides) {
  PartyLexicon lexicon;
  lexicon.supplier = {"acme", "supplier"};
  lexicon.customer = {"beta"};
  const PartyRole role = RoleInUnit(
      "under no circumstances will beta, or its affiliates, officers, directors, employees, "
      "agents, or suppliers be liable to acme for any indirect damages",
      Party::kUnknown, lexicon);
  EXPECT_EQ(role.party, Party::kCustomer);
  EXPECT_TRUE(role.limits_own_liability);
}

}  // namespace
}  // namespace clausescan::internal

// "you" and "we" name the sides a document gives them: the side opposite to "we" in a document
// that says who "we" are, no side when it does not say, the customer in a document that never
// writes as "we" (issue 11 #3, the second person).
#include "params/second_person.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clausescan/clausescan.h"
#include "scan_text.h"

namespace clausescan {
namespace {

Report Scan(const std::string& text) { return test_scan::ScanText(text, "contract.md"); }

using test_scan::On;

std::string Describe(const Report& report) {
  std::string out;
  for (const Finding& f : report.findings) {
    out += f.rule + " party=" + f.party + " | " + f.text.substr(0, 60) + "\n";
  }
  return out;
}

// A provider's addendum to its customers: "we" is the provider, "you" the customer.
const char kProviderAddendum[] =
    "# Data Processing Addendum\n\n"
    "This Data Processing Addendum is made between Lumen Cloud Ltd (\"Lumen\", \"we\", \"us\") "
    "and the organisation that accepts it (\"Customer\", \"you\").\n\n"
    "1. We will notify you without undue delay, and in any event within 48 hours, after we "
    "become aware of a Security Incident affecting Customer Personal Data.\n\n"
    "2. You must keep your account passwords confidential and you must encrypt any personal "
    "data you upload to the service.\n\n"
    "3. You may audit our compliance with this Addendum once a year on 30 days' notice.\n";

// A buyer's requirements for its vendors: "we" is the buyer, "you" the vendor.
const char kBuyerRequirements[] =
    "# Vendor Security Requirements\n\n"
    "These requirements apply to every company that processes data for Harbor Retail Group "
    "(\"Harbor\", \"we\", \"us\" or \"our\"). In these requirements \"you\" means the vendor "
    "that signs the purchase order.\n\n"
    "1. You must encrypt our personal data in transit and at rest using industry-standard "
    "encryption.\n\n"
    "2. You must notify us of any security incident affecting our data within 24 hours of "
    "becoming aware of it.\n\n"
    "3. We may audit your facilities and records once a year on 30 days' notice.\n";

// A document that never writes as "we": "you" stays the customer.
const char kNoFirstPerson[] =
    "# Hosting Terms\n\n"
    "These terms are between Acme Hosting Ltd (\"Provider\") and the organisation named in the "
    "order form (\"Customer\").\n\n"
    "1. Provider shall notify Customer within 48 hours after becoming aware of a Security "
    "Incident affecting Customer Personal Data.\n\n"
    "2. You must keep your account passwords confidential and you must encrypt any personal "
    "data you upload to the service.\n";

// issue 11 #3: the provider's addendum keeps today's reading.
TEST(SecondPerson, ProviderAddendumReadsWeAsTheProviderAndYouAsTheCustomer) {
  const Report report = Scan(kProviderAddendum);
  const std::vector<Finding> notice = On(report, "incident_notification", "We will notify you");
  ASSERT_EQ(notice.size(), 1u) << Describe(report);
  EXPECT_EQ(notice[0].party, "supplier");
  EXPECT_TRUE(On(report, "security_measures", "You must keep").empty()) << Describe(report);
  const std::vector<Finding> audit = On(report, "audit_rights", "You may audit");
  ASSERT_EQ(audit.size(), 1u) << Describe(report);
  EXPECT_EQ(audit[0].party, "customer");
}

// issue 11 #3: in a buyer's requirements the duties of "you" are the supplier's.
TEST(SecondPerson, BuyerRequirementsReadYouAsTheSupplier) {
  const Report report = Scan(kBuyerRequirements);
  const std::vector<Finding> encrypt = On(report, "security_measures", "You must encrypt");
  ASSERT_FALSE(encrypt.empty()) << Describe(report);
  EXPECT_EQ(encrypt[0].party, "supplier");
  const std::vector<Finding> notice = On(report, "incident_notification", "You must notify us");
  ASSERT_EQ(notice.size(), 1u) << Describe(report);
  EXPECT_EQ(notice[0].party, "supplier");
  EXPECT_EQ(notice[0].rule, "incident-notification.window");
  const std::vector<Finding> audit = On(report, "audit_rights", "We may audit");
  ASSERT_EQ(audit.size(), 1u) << Describe(report);
  EXPECT_EQ(audit[0].party, "customer");
}

// issue 11 #3: with no "we" in the document, "you" is the customer as before.
TEST(SecondPerson, DocumentWithoutWeKeepsYouAsTheCustomer) {
  const Report report = Scan(kNoFirstPerson);
  EXPECT_EQ(On(report, "incident_notification", "Provider shall notify").size(), 1u)
      << Describe(report);
  EXPECT_TRUE(On(report, "security_measures", "You must keep").empty()) << Describe(report);
}

// engine limits 2 #2: a buyer's requirements that say whom they address and never write as "we"
// put the duties of "you" on the supplier.
TEST(SecondPerson, RequirementsAddressedToTheSupplierReadYouAsTheSupplier) {
  const Report report = Scan(
      "Supplier Security Requirements\n\n"
      "These requirements apply to every supplier that handles Harbour Bank information.\n\n"
      "1. You must encrypt Harbour Bank information at rest and in transit.\n\n"
      "2. You must not engage a subcontractor to process Harbour Bank information without "
      "Harbour Bank's prior written consent.\n\n"
      "3. You must delete all Harbour Bank information within 30 days after the end of the "
      "contract.\n");
  for (const char* category : {"security_measures", "subprocessors", "data_deletion"}) {
    const std::vector<Finding> found = On(report, category, "You must");
    ASSERT_EQ(found.size(), 1u) << category << "\n" << Describe(report);
    EXPECT_EQ(found[0].party, "supplier") << category << "\n" << Describe(report);
  }
}

}  // namespace
namespace internal {
namespace {

// The base words of parties.yaml that matter here.
PartyLexicon Base() {
  PartyLexicon lexicon;
  lexicon.supplier = {"supplier", "provider", "vendor", "processor", "we"};
  lexicon.customer = {"customer", "client", "buyer", "licensee", "you"};
  return lexicon;
}

std::string Sides(const std::string& text) {
  const PersonSides sides = ReadPersonSides(text, Base());
  return "we=" + std::string(PartyName(sides.we)) + " you=" + std::string(PartyName(sides.you));
}

struct SidesCase {
  const char* text;
  const char* expected;
};

// issue 11 #3: how a document says who "we" and "you" are.
TEST(PersonSides, ReadFromTheWordsADocumentPutsBesideThePronouns) {
  const SidesCase kCases[] = {
      // the franchisor names itself "us", the franchisee is "you"
      {"Birchwood Bakeries LLC (\"Franchisor\", \"we\" or \"us\") and the person signing below "
       "(\"Franchisee\" or \"you\"). We license our marks to you.",
       "we=supplier you=customer"},
      // a definition of "you" by a role word
      {"In this code \"you\" means the supplier that accepts our order. We expect our suppliers "
       "to act with care.",
       "we=customer you=supplier"},
      // "Developer" or "You"
      {"\"Developer\" or \"You\" means the business that builds the app.",
       "we=customer you=supplier"},
      // a definition of "we" that ends on a role word
      {"In these terms \"we,\" \"us\" and \"our\" refer to Nimbus Data Inc., the processor. We "
       "act on your instructions.",
       "we=supplier you=customer"},
      // the role the text gives "you"
      {"If you are a vendor to our stores, we ask you to read these rules. We will check.",
       "we=customer you=supplier"},
      // a buyer that writes as "we" and pays its vendors: no definitions, only signs
      {"We will pay you within 30 days of receiving your invoice. Send your invoice to our "
       "accounts team, quoting our purchase order. Goods you supply must match our order; we "
       "may return them to you at our cost if they do not, and we will tell you why. Our "
       "buyers answer our questions and we thank you; write to us.",
       "we=customer you=supplier"},
      // a provider's terms: signs of its services and the fees the customer pays
      {"We provide you with our platform. Your use of our services is subject to these terms. "
       "You will pay us the fees in your account. We may update our terms; we will tell you "
       "first, and our notice will say when. Our staff answer our mail.",
       "we=supplier you=customer"},
      // a marketplace's terms for the sellers on it: "you" sell to buyers, "we" run it
      {"You register to sell to government buyers. We list the services you sell, and buyers "
       "read your listing and ask for your quotes. We check your listing; we may remove it, "
       "and our team will tell you why. Our rules bind us and we publish our decisions. We "
       "answer our mail and we thank you.",
       "we=customer you=supplier"},
      // the same signs in a document that does not write as "we": nothing read
      {"Your use of the platform is subject to these terms. You will pay the fees in your "
       "account. Your account is yours alone.",
       "we= you="},
      // no "we" and nothing said about "you": nothing read
      {"You must keep your password secret. The Provider shall notify the Customer.", "we= you="},
      // engine limits 2 #2: whom the document says it addresses, in a buyer's, a public body's
      // and a platform's words
      {"These requirements apply to every supplier that handles Harbour Bank information. You "
       "must encrypt it.",
       "we=customer you=supplier"},
      {"This policy applies to all vendors of the Department. You must report each incident.",
       "we=customer you=supplier"},
      {"These terms are addressed to the customer. You may cancel at any time.",
       "we=supplier you=customer"},
      // near misses: a possessive, a thing rather than a side
      {"This policy applies to the customer's use of the portal. You must keep your password "
       "secret.",
       "we= you="},
      {"These terms apply to the services. You must keep your password secret.", "we= you="},
  };
  for (const SidesCase& c : kCases) EXPECT_EQ(Sides(c.text), c.expected) << c.text;
}

// issue 11 (gen13): the role a document gives "you" in its own words, without quotes: a
// definition, "referred to as", a parenthetical after the role or after the pronoun
// (team-written, in the plain-language style of public-sector terms for sellers).
TEST(PersonSides, AnUnquotedRoleOfYouDecides) {
  const SidesCase kCases[] = {
      {"In these terms, you means the Seller and we means the Agency. We may end your listing.",
       "we=customer you=supplier"},
      {"In these terms the Seller is referred to as \"you\" and the Agency as \"we\". We set "
       "the rules.",
       "we=customer you=supplier"},
      {"Seller (you, your) means the business on the panel. We check every listing.",
       "we=customer you=supplier"},
      {"These terms apply between you (the Seller) and us (the Agency). We publish them.",
       "we=customer you=supplier"},
      {"These terms apply between you (the Customer) and us. We host the platform.",
       "we=supplier you=customer"},
      // near misses: no role word in the parenthetical, "you" as an object
      {"We will tell you (by email) when the terms change. We publish them.", "we= you="},
      {"The seller is known as a trusted partner to you. We check every listing.", "we= you="},
  };
  for (const SidesCase& c : kCases) EXPECT_EQ(Sides(c.text), c.expected) << c.text;
}

// issue 12 #3: quoted pronouns are still read in every way they may be written (curly quotes,
// capitals, a trailing full stop inside the quotes) now that texts without one skip the scan.
TEST(PersonSides, QuotedPronounsInEveryQuoteStyleStillDecide) {
  const SidesCase kCases[] = {
      {"Birchwood Bakeries LLC (\u201CFranchisor\u201D, \u201CWE\u201D or \u201CUs\u201D) "
       "and the person signing below.",
       "we=supplier you=customer"},
      {"In this code \"You.\" means the supplier that accepts our order.",
       "we=customer you=supplier"},
      {"Birchwood Bakeries LLC (\"Franchisor\") and the person signing below (\"Franchisee\").",
       "we= you="},
  };
  for (const SidesCase& c : kCases) EXPECT_EQ(Sides(c.text), c.expected) << c.text;
}

// issue 11 #3: a document that writes as "we" without saying who "we" are gives neither side.
TEST(PersonSides, FirstPersonWithoutBasisGivesNoSide) {
  const std::string text =
      "We and you agree to the following. We may change our rules and you must follow them. "
      "We will tell you when we do; our notice will say what changed and when we change it. "
      "We keep our records for a year; ask us for them.";
  const PersonSides sides = ReadPersonSides(text, Base());
  EXPECT_TRUE(sides.first_person);
  EXPECT_EQ(sides.we, Party::kUnknown);
  EXPECT_EQ(sides.you, Party::kUnknown);
  EXPECT_FALSE(ReadPersonSides("You must keep your password secret.", Base()).first_person);
}

// issue 11 #3: the lexicon moves "we" and "you" only in a document that writes as "we" or
// says who "you" are; a side the document does not give leaves the word on no side.
TEST(PersonSides, LexiconMovesThePronounsOnlyWhenTheDocumentSaysOrWritesAsWe) {
  PartyLexicon unchanged = Base();
  ApplyPersonSides(PersonSides{}, &unchanged);
  EXPECT_EQ(unchanged.supplier, Base().supplier);
  EXPECT_EQ(unchanged.customer, Base().customer);
  PartyLexicon buyer = Base();
  ApplyPersonSides(PersonSides{true, Party::kCustomer, Party::kSupplier}, &buyer);
  EXPECT_EQ(buyer.supplier,
            (std::vector<std::string>{"supplier", "provider", "vendor", "processor", "you"}));
  EXPECT_EQ(buyer.customer,
            (std::vector<std::string>{"customer", "client", "buyer", "licensee", "we"}));
  PartyLexicon none = Base();
  ApplyPersonSides(PersonSides{true, Party::kUnknown, Party::kUnknown}, &none);
  EXPECT_EQ(none.supplier,
            (std::vector<std::string>{"supplier", "provider", "vendor", "processor"}));
  EXPECT_EQ(none.customer, (std::vector<std::string>{"customer", "client", "buyer", "licensee"}));
}

// issue 15 #1: a document that addresses "you", never writes as "we" and names the side acting on
// "you" ("GitHub may suspend", "the Office is not liable") puts "you" on the side opposite to that
// name, the supplier, unless "you" pay; the names beside a quoted "you" are kept.
TEST(PersonSides, YouAddressedByANamedOtherSideIsTheSupplier) {
  const std::string text =
      "You connect your app to the feed. You must guard your key and your users' data. You "
      "will tell the Office of any leak from your app. Your staff follow your rules. The "
      "Office may suspend your key. The Office may audit your app. The Office is not liable "
      "for outages. The Office reserves the right to change the feed.";
  const PersonSides sides = ReadPersonSides(text, Base());
  EXPECT_FALSE(sides.first_person);
  EXPECT_EQ(sides.you, Party::kSupplier);
  EXPECT_EQ(sides.other, "Office");
  const std::string paying = text +
                             " You will pay the fees. You must pay us on time. Fees you "
                             "owe are due monthly.";
  EXPECT_EQ(ReadPersonSides(paying, Base()).you, Party::kUnknown);
  // issue 15 #1: terms that write in the passive and name no one: "you" still supply an app
  // and take the data.
  const std::string passive =
      "Your application must use the feed as documented. Data you receive through the feed "
      "must be kept secure by you. Your app must not resell it, and data you obtain must be "
      "deleted when your app stops using it. Your key may be revoked, and your access may be "
      "suspended, if you breach these terms; you will be told why.";
  EXPECT_EQ(ReadPersonSides(passive, Base()).you, Party::kSupplier);
  EXPECT_EQ(ReadPersonSides(passive, Base()).other, "");
  const PersonSides defined =
      ReadPersonSides("\"Developer\" or \"You\" means the business that builds the app.", Base());
  EXPECT_EQ(defined.you_names, (std::vector<std::string>{"Developer"}));
}

// issue 15 #1: a body that writes as "we" and gives "you" its data to use ("Our Information",
// "information obtained from the feed") binds the one who receives and processes the data: "you"
// is the supplier, even where the text speaks of "your use of" the body's service, unless "you"
// pay.
TEST(PersonSides, YouTakingOurDataIsTheSupplierUnlessYouPay) {
  const std::string text =
      "We run the Regional Lab Results Feed. We grant you a licence to use the feed and the "
      "information obtained from it for the approved purpose. Your use of the feed must follow "
      "the rules on our website, and your use of our services may be reviewed. Our Information "
      "remains ours: you must not pass Our Information or our data to anyone else, and you must "
      "delete information obtained from the feed when the purpose ends. Data you receive must "
      "be encrypted. We may suspend your "
      "access if you breach these rules; we will tell you why, and we may ask you to show us "
      "your records.";
  EXPECT_EQ(Sides(text), "we=customer you=supplier");
  const std::string paying =
      text +
      " You will pay the fees in your account. You must pay us monthly. Fees you owe "
      "are due in advance.";
  EXPECT_EQ(Sides(paying), "we=supplier you=customer");
}

}  // namespace
}  // namespace internal

}  // namespace clausescan

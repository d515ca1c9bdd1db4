// Tables of {input, expected} rows for DutyHolder and IsDefinition (params/party.h). Inputs
// are folded views (lower case, single spaces, folded quotes and dashes, no Markdown).
#include "params/party.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "params/party_role.h"

namespace clausescan::internal {
namespace {

PartyLexicon TestLexicon() {
  PartyLexicon lexicon;
  lexicon.supplier = {"supplier", "provider",   "service provider", "processor", "sub-processor",
                      "vendor",   "contractor", "licensor",         "we"};
  lexicon.customer = {"customer", "controller", "client", "buyer", "licensee", "you"};
  lexicon.mutual = {"each party", "either party", "both parties", "the parties", "neither party"};
  return lexicon;
}

TEST(PartyName, Names) {
  EXPECT_EQ(PartyName(Party::kSupplier), "supplier");
  EXPECT_EQ(PartyName(Party::kCustomer), "customer");
  EXPECT_EQ(PartyName(Party::kMutual), "mutual");
  EXPECT_EQ(PartyName(Party::kUnknown), "");
}

struct DutyCase {
  const char* text;
  Party expected;
};

const DutyCase kDutyCases[] = {
    {"supplier shall notify customer of any security incident within 24 hours", Party::kSupplier},
    {"customer shall notify supplier of any change of address", Party::kCustomer},
    {"if customer requests, provider will provide a copy of its soc 2 report", Party::kSupplier},
    {"the parties shall cooperate in good faith", Party::kMutual},
    {"each party will keep the other party's confidential information confidential",
     Party::kMutual},
    {"neither party shall disclose the terms of this agreement", Party::kMutual},
    {"either party may terminate for cause and both parties shall return all materials",
     Party::kMutual},
    {"supplier and customer shall meet once per quarter", Party::kMutual},
    {"the supplier and the customer will agree a plan", Party::kMutual},
    {"customer will be notified of any security incident", Party::kSupplier},
    {"the customer shall be notified by the supplier within 72 hours", Party::kSupplier},
    {"customer shall be invoiced monthly in arrears", Party::kSupplier},
    {"supplier shall be informed by customer of any change", Party::kCustomer},
    {"security incidents will be reported within 24 hours", Party::kUnknown},
    {"customer data will be deleted within 30 days", Party::kUnknown},
    {"processor shall notify the controller without undue delay", Party::kSupplier},
    {"we will notify you of any breach affecting your data", Party::kSupplier},
    {"you must notify us promptly of any unauthorised use", Party::kCustomer},
    {"provider's personnel shall be bound by confidentiality obligations", Party::kSupplier},
    {"the vendor's employees must complete security training", Party::kSupplier},
    {"customer personnel must follow the acceptable use policy", Party::kCustomer},
    {"supplier's obligations shall survive termination", Party::kUnknown},
    {"upon becoming aware of a security incident, the processor shall notify the controller",
     Party::kSupplier},
    {"in the event that customer will require additional support, vendor shall provide it",
     Party::kSupplier},
    {"the supplier will, upon request, provide evidence of its certification", Party::kSupplier},
    {"supplier, at its own cost, shall maintain insurance", Party::kSupplier},
    {"licensee agrees to notify licensor of any infringement", Party::kCustomer},
    {"the contractor is required to report incidents to the client", Party::kSupplier},
    {"provider undertakes to delete customer data", Party::kSupplier},
    {"the client is responsible for maintaining backups", Party::kCustomer},
    {"customer is solely responsible for complying with notification laws", Party::kCustomer},
    {"the service provider shall encrypt data at rest", Party::kSupplier},
    {"the buyer will pay all invoices within 30 days", Party::kCustomer},
    {"customers shall keep their credentials secret", Party::kCustomer},
    {"the vendors will maintain a list of sub-processors", Party::kSupplier},
    {"sub-processor shall be bound by the same obligations", Party::kSupplier},
    {"the sub-processors shall notify processor", Party::kSupplier},
    // Whole words only: "subprocessor" and "processing" are not "processor".
    {"subprocessor shall notify the customer", Party::kUnknown},
    {"processing shall be limited to the purposes", Party::kUnknown},
    {"the processor and its sub-processors shall delete the data", Party::kSupplier},
    {"in no event shall supplier be liable for indirect damages", Party::kSupplier},
    {"any data that customer will upload shall be encrypted by provider", Party::kSupplier},
    {"(a) supplier shall maintain an incident response plan", Party::kSupplier},
    {"9.2 vendor will notify client of any breach", Party::kSupplier},
    {"- the licensor shall provide updates", Party::kSupplier},
    {"supplier agrees that it will notify customer", Party::kSupplier},
    {"customer acknowledges that provider will notify customer of incidents", Party::kSupplier},
    {"customer will promptly notify provider if it suspects fraudulent activity", Party::kCustomer},
    {"customer will be deemed to have accepted the deliverable", Party::kCustomer},
    {"customer may include images, but they must be related to the project", Party::kUnknown},
    {"notices shall be in writing", Party::kUnknown},
    {"customer may audit supplier once per year", Party::kUnknown},
    {"employment at will is not affected", Party::kUnknown},
    // A pronoun stands for the party named as a subject, not one that owns something or
    // follows a preposition.
    {"in the event that the service provider is unable to comply with the customer's "
     "instructions, for example because of a conflict with applicable laws, it shall promptly "
     "notify the customer",
     Party::kSupplier},
    {"where the processor receives a request from the controller, it shall respond within 10 days",
     Party::kSupplier},
    {"to process the data only on behalf of the controller; if it cannot comply, it agrees to "
     "inform",
     Party::kUnknown},
    {"if the customer's systems are breached, it shall notify the provider", Party::kCustomer},
    {"if the customer asks for a copy of the provider's report, it will pay the fee",
     Party::kCustomer},
    // Coordination across an aside.
    {"the processor and, during transmission, also the controller shall implement measures",
     Party::kMutual},
    {"the vendor, during transmission, shall encrypt the data", Party::kSupplier},
    // issue 11 (gen15): a present-tense passive with a side as its subject is read like "shall
    // be": the side notified is not the one notifying; the agent after "by" is.
    {"the customer is notified within 24 hours of any security incident", Party::kSupplier},
    {"customers are informed of any data breach within 72 hours", Party::kSupplier},
    {"the controller is informed of new sub-processors by the processor", Party::kSupplier},
    {"the supplier is audited by the customer once a year", Party::kCustomer},
    // Not a passive duty: a state, a place, a responsibility (the side's own).
    {"the supplier is located in ireland", Party::kUnknown},
    {"the supplier is responsible for encrypting customer data", Party::kSupplier},
    {"the customer is entitled to a service credit", Party::kUnknown},
    // Beside a modal duty it is a condition, and the modal's subject owes the duty.
    {"in the event the contractor identifies such equipment, or the contractor is notified of such "
     "by a subcontractor, the contractor shall report it",
     Party::kSupplier},
    {"the supplier is prohibited from selling customer data", Party::kUnknown},
    {"", Party::kUnknown},
};

TEST(DutyHolder, Table) {
  const PartyLexicon lexicon = TestLexicon();
  for (const DutyCase& c : kDutyCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(PartyName(DutyHolder(c.text, lexicon)), PartyName(c.expected));
  }
}

// issue 11 #3: commitments ("will maintain", "has in place", "maintains") are duties of their
// subject; the verb phrases before a modal coordinate ("has implemented and will maintain").
const DutyCase kCommitmentCases[] = {
    {"supplier will maintain a security program that includes:", Party::kSupplier},
    {"customer will maintain a security program that includes:", Party::kCustomer},
    {"the processor will have in place appropriate technical measures", Party::kSupplier},
    {"provider shall establish, implement and maintain an information security program",
     Party::kSupplier},
    {"processor has implemented and will maintain appropriate measures", Party::kSupplier},
    {"the client has implemented and shall maintain a firewall", Party::kCustomer},
    {"vendor maintains a written information security program", Party::kSupplier},
    {"customer maintains its own backups of customer data", Party::kCustomer},
    {"provider has in place a business continuity plan", Party::kSupplier},
    {"supplier implements and maintains encryption of data at rest", Party::kSupplier},
    {"provider uses industry standard encryption", Party::kSupplier},
    {"we encrypt customer data in transit", Party::kSupplier},
    {"supplier represents and warrants that it has implemented measures", Party::kSupplier},
    {"provider ensures that its personnel are bound by confidentiality", Party::kSupplier},
    // Not commitments: a verb that states no duty, a noun after the party, a question of fact.
    {"customer data remains the property of customer", Party::kUnknown},
    {"provider systems are located in the united states", Party::kUnknown},
    {"the customer acknowledges the risks of the internet", Party::kUnknown},
    {"supplier means the party providing the services", Party::kUnknown},
};

TEST(DutyHolder, Commitments) {
  const PartyLexicon lexicon = TestLexicon();
  for (const DutyCase& c : kCommitmentCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(PartyName(DutyHolder(c.text, lexicon)), PartyName(c.expected));
  }
}

// issue 11 #3: "shall procure that", "X and, where relevant, Y shall", and pronouns that name
// the last subject rather than the last party named (an object is no subject).
const DutyCase kClauseCases[] = {
    {"supplier shall procure that each sub-processor shall notify customer", Party::kSupplier},
    {"the customer shall procure that its affiliates will comply", Party::kCustomer},
    {"customer shall procure that supplier is given access to the premises", Party::kCustomer},
    {"the processor and, where relevant, the controller shall cooperate with the authority",
     Party::kMutual},
    {"the provider and, where applicable, its sub-processors shall delete the data",
     Party::kSupplier},
    {"supplier shall notify the customer without undue delay and it shall provide all "
     "information",
     Party::kSupplier},
    {"supplier shall ensure that the customer is informed and it shall keep records",
     Party::kSupplier},
    {"where supplier notifies the customer of an incident, it shall describe the measures",
     Party::kSupplier},
    {"upon request, the vendor will give the client a copy and it will answer questions",
     Party::kSupplier},
};

TEST(DutyHolder, ProcureAsidesAndPronouns) {
  const PartyLexicon lexicon = TestLexicon();
  for (const DutyCase& c : kClauseCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(PartyName(DutyHolder(c.text, lexicon)), PartyName(c.expected));
  }
}

// issue 15 #1 (Supabase DPA, the customer's PHI duty): a modal right after "and" / "or" shares
// the subject of the verb before it ("X is not allowed to upload and shall not upload ..."); it
// is never lost, and never taken from an object of that verb.
const DutyCase kSharedSubjectCases[] = {
    {"despite the above, the customer is not allowed to upload and shall not upload payment card "
     "data to the platform",
     Party::kCustomer},
    {"the licensee has read the policy and will follow it when it uses the provider's systems",
     Party::kCustomer},
    {"vendor keeps a register of assets and must review it once a year", Party::kSupplier},
    {"the processor receives instructions from the controller and shall act on them",
     Party::kSupplier},
    {"data is sent to the customer and will be deleted after 30 days", Party::kUnknown},
};

TEST(DutyHolder, ModalAfterAndSharesTheEarlierSubject) {
  const PartyLexicon lexicon = TestLexicon();
  for (const DutyCase& c : kSharedSubjectCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(PartyName(DutyHolder(c.text, lexicon)), PartyName(c.expected));
  }
}

// issue 15 #1 (BC Code With Us): "be held liable" is being liable, no passive duty of the other
// side.
TEST(DutyHolder, HeldLiableIsTheSubjectsOwnLiability) {
  const PartyLexicon lexicon = TestLexicon();
  EXPECT_EQ(DutyHolder("the buyer will not be held liable for any error in the tender documents",
                       lexicon),
            Party::kCustomer);
  EXPECT_EQ(DutyHolder("the supplier shall be held responsible for its subcontractors", lexicon),
            Party::kSupplier);
  EXPECT_EQ(DutyHolder("the customer shall be held harmless by the supplier", lexicon),
            Party::kSupplier);
}

// issue 11 (engine limit, eng9): a side named inside the subject's noun phrase as the one that
// holds or receives its data ("records kept by the vendor", "files handed over to the processor")
// owes the passive duty about that data; a source ("supplied by"), an owner ("of") or the
// side's own people are read as before.
const DutyCase kHolderInSubjectCases[] = {
    {"customer records kept by the vendor shall be destroyed at the end of the term",
     Party::kSupplier},
    {"any personal data received by the processor must not be sold", Party::kSupplier},
    {"files disclosed to the contractor must be erased on request", Party::kSupplier},
    {"all information in the possession of the supplier shall be returned on termination",
     Party::kSupplier},
    {"account details stored by the provider must be encrypted at rest", Party::kSupplier},
    {"documents made available to the licensee must not be used for any other project",
     Party::kCustomer},
    {"all records in the vendor's possession must be returned within ten days", Party::kSupplier},
    {"copies in the processor's possession or control shall be destroyed", Party::kSupplier},
    // near-misses: the side is the source or the owner, or the subject's people
    {"figures supplied by the client must be complete and correct", Party::kCustomer},
    {"material provided by the customer shall be deleted after 30 days", Party::kSupplier},
    {"personal data of the controller must not be processed for other purposes", Party::kSupplier},
    {"notices given to the supplier must be signed", Party::kCustomer},
    {"keys in the customer's own hardware module shall be rotated yearly", Party::kUnknown},
    {"the vendor's employees must complete security training", Party::kSupplier},
};

TEST(DutyHolder, SideHoldingTheSubjectsDataOwesItsPassiveDuty) {
  const PartyLexicon lexicon = TestLexicon();
  for (const DutyCase& c : kHolderInSubjectCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(PartyName(DutyHolder(c.text, lexicon)), PartyName(c.expected));
  }
}

// issue 11 (engine limit, eng9): a side's people named with "of" ("employees of the vendor") are
// that side's, as "the vendor's employees" are: a passive duty about them is not the other
// side's, and the unit is read as the side's own.
TEST(DutyHolder, PeopleOfASideAreThatSidesAsItsPossessiveIs) {
  const PartyLexicon lexicon = TestLexicon();
  for (const char* text : {"employees of the contractor must be vetted before they start work",
                           "staff of the supplier shall be trained every year",
                           "the supplier's personnel must be vetted",
                           "all personnel of the vendor will be screened before access"}) {
    SCOPED_TRACE(text);
    const Party holder = DutyHolder(text, lexicon);
    EXPECT_NE(holder, Party::kCustomer);
    EXPECT_EQ(PartyName(RoleInUnit(text, holder, lexicon).party), "supplier");
  }
  // near-miss: the customer's people, and a notice to the supplier's staff, stay as before
  EXPECT_EQ(DutyHolder("users of the customer shall keep their passwords secret", lexicon),
            Party::kCustomer);
  EXPECT_EQ(DutyHolder("the customer must be told by the supplier's staff", lexicon),
            Party::kSupplier);
}

// issue 11 #3: every duty of a sentence's main clauses, with the text from its subject on.
TEST(DutyClauses, FindsTheSecondDutyOfASentence) {
  const PartyLexicon lexicon = TestLexicon();
  const std::string text =
      "customer shall provide the logs and provider shall notify customer of any incident";
  const std::vector<DutyClause> clauses = DutyClauses(text, lexicon);
  ASSERT_EQ(clauses.size(), 2u);
  EXPECT_EQ(clauses[0].party, Party::kCustomer);
  EXPECT_EQ(text.substr(clauses[0].begin, clauses[0].end - clauses[0].begin),
            "customer shall provide the logs and ");
  EXPECT_EQ(clauses[1].party, Party::kSupplier);
  EXPECT_EQ(text.substr(clauses[1].begin, clauses[1].end - clauses[1].begin),
            "provider shall notify customer of any incident");
  // Leading and relative clauses state no duty of their own.
  const std::string lead = "if customer requests, provider shall notify the client that it will";
  const std::vector<DutyClause> one = DutyClauses(lead, lexicon);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].party, Party::kSupplier);
  EXPECT_TRUE(DutyClauses("notices shall be in writing", lexicon).empty());
  // A pronoun names the last subject, not the party last named.
  for (const char* pronoun :
       {"supplier shall ensure that the customer is informed and it shall keep "
        "records",
        "supplier shall notify the customer and it shall provide details"}) {
    SCOPED_TRACE(pronoun);
    const std::vector<DutyClause> two = DutyClauses(pronoun, lexicon);
    ASSERT_EQ(two.size(), 2u);
    EXPECT_EQ(two[1].party, Party::kSupplier);
  }
}

TEST(DutyHolder, LexiconIsAParameter) {
  PartyLexicon lexicon = TestLexicon();
  EXPECT_EQ(DutyHolder("github shall notify customer", lexicon), Party::kUnknown);
  lexicon.supplier.push_back("github");
  EXPECT_EQ(DutyHolder("github shall notify customer", lexicon), Party::kSupplier);
  lexicon.supplier.push_back("Subprocessor");  // terms are matched case-insensitively
  EXPECT_EQ(DutyHolder("subprocessor shall notify the customer", lexicon), Party::kSupplier);
  EXPECT_EQ(DutyHolder("customer shall notify supplier", PartyLexicon{}), Party::kUnknown);
}

struct DefinitionCase {
  const char* text;
  bool expected;
};

const DefinitionCase kDefinitionCases[] = {
    {"\"security incident\" means any breach of security leading to loss of data", true},
    {"security incident means any breach of security leading to loss of data", true},
    {"\"business day\" shall mean a day other than a saturday or sunday", true},
    {"\"gdpr\" has the meaning given in section 1", true},
    {"\"affiliate\" refers to any entity that controls a party", true},
    {"security incident: means any unauthorised access to customer data", true},
    {"\"personal data\" includes any information relating to a data subject", true},
    {"1.1 \"customer data\" means all data submitted by customer", true},
    {"(a) \"services\" means the services described in the order form", true},
    {"- \"sub-processor\" means any processor engaged by vendor", true},
    {"'confidential information' means all non-public information", true},
    {"the terms \"controller\", \"processor\" and \"personal data\" shall have the meanings given "
     "in the gdpr",
     true},
    {"as used in this dpa, \"security incident\" means a personal data breach", true},
    {"\"sub-processor\": any processor engaged by vendor", true},
    {"\"security incident\" (or \"incident\") means a breach", true},
    {"personal data breach has the meaning given in article 4 of the gdpr", true},
    {"this data processing agreement (the \"dpa\") forms part of the agreement", true},
    {"acme inc. (\"supplier\") and foo ltd (\"customer\")", true},
    {"supplier shall notify customer, which means the customer can act quickly", false},
    {"supplier shall notify customer of any security incident within 72 hours, which means "
     "within 72 hours of awareness",
     false},
    {"customer shall notify supplier of any change of address", false},
    {"this means that the supplier must act", false},
    {"the supplier will provide the services (the \"services\") as agreed", false},
    {"processor shall ensure that every person it engages means to comply", false},
    {"the customer can terminate by notice, which means the agreement ends", false},
    // issue 11 engine limits #2: "means" as a noun ("by means of", "within its means") in a
    // sentence that states a duty or a fact is no definition; the defined term is a noun phrase.
    {"the supplier protects customer data by means of encryption in transit and at rest", false},
    {"supplier supports the customer within its means in responding to data subject requests",
     false},
    {"the contractor shall, by appropriate technical means, restrict access to personal data",
     false},
    {"provider encrypts backups using industry-standard means", false},
    {"the processor assists the controller by all reasonable means", false},
    {"each party will communicate incidents through secure means", false},
    {"electronic means means any email or portal notice", true},
    {"approved means of transfer means a transfer under the standard contractual clauses", true},
    {"", false},
    {"\"", false},
    {"((((", false},
};

TEST(IsDefinition, Table) {
  for (const DefinitionCase& c : kDefinitionCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(IsDefinition(c.text), c.expected);
  }
}

TEST(Party, NeverCrash) {
  const PartyLexicon lexicon = TestLexicon();
  std::vector<std::string> inputs = {"",
                                     "shall",
                                     "will",
                                     ",",
                                     ", shall",
                                     "it shall",
                                     "be shall be",
                                     "\xFF\xC2",
                                     std::string(5000, '(')};
  std::string modals;
  for (int i = 0; i < 5000; ++i) modals += "supplier, it shall be notified by, ";
  inputs.push_back(modals);
  std::string quotes;
  for (int i = 0; i < 5000; ++i) quotes += "\"x\" and ";
  inputs.push_back(quotes + "means");
  for (const std::string& text : inputs) {
    SCOPED_TRACE(text.substr(0, 40));
    DutyHolder(text, lexicon);
    DutyHolder(text, PartyLexicon{});
    IsDefinition(text);
  }
}

}  // namespace
}  // namespace clausescan::internal

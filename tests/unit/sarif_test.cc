#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "clausescan/printers.h"
#include "report_samples.h"

namespace clausescan {
namespace {

using nlohmann::json;

std::string Sarif(const std::vector<Report>& reports) {
  std::ostringstream out;
  WriteSarif(reports, out);
  return out.str();
}

// Fails when `object` has a key outside `allowed` (the property names the SARIF 2.1.0 schema
// lists for that object; every object there has additionalProperties: false).
void ExpectKeys(const json& object, const std::set<std::string>& allowed,
                const std::string& where) {
  ASSERT_TRUE(object.is_object()) << where;
  for (const auto& item : object.items()) {
    EXPECT_TRUE(allowed.count(item.key()) > 0) << where << " has key " << item.key();
  }
}

TEST(SarifPrinter, LiteralOutput) {
  EXPECT_EQ(Sarif({samples::MsaReport()}), R"({
  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "version": "2.1.0",
  "runs": [
    {
      "tool": {
        "driver": {
          "name": "clausescan",
          "rules": [
            {
              "id": "insurance.cyber",
              "name": "InsuranceCyber",
              "shortDescription": {
                "text": "Cyber insurance"
              },
              "fullDescription": {
                "text": "Cyber insurance (category: Insurance). ISO/IEC 27001:2022 Annex A: A.5.20 Supplier agreements. Evidence to prepare: Certificate of insurance."
              },
              "help": {
                "text": "Cyber insurance\n\nConsider:\n- Offer USD 2,000,000.",
                "markdown": "**Cyber insurance**\n\nConsider:\n\n- Offer USD 2,000,000."
              },
              "properties": {
                "category": "insurance",
                "tags": [
                  "contract",
                  "security",
                  "insurance"
                ]
              }
            }
          ]
        }
      },
      "artifacts": [
        {
          "location": {
            "uri": "msa.txt"
          },
          "length": 512,
          "properties": {
            "format": "txt",
            "type": "msa"
          }
        }
      ],
      "columnKind": "unicodeCodePoints",
      "results": [
        {
          "ruleId": "insurance.cyber",
          "ruleIndex": 0,
          "level": "warning",
          "message": {
            "text": "insurance (medium risk): USD 5000000 is above the 2000000 a small supplier usually carries"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "msa.txt",
                  "index": 0
                },
                "region": {
                  "startLine": 3,
                  "startColumn": 1,
                  "endLine": 3,
                  "endColumn": 67,
                  "byteOffset": 10,
                  "byteLength": 60,
                  "snippet": {
                    "text": "Supplier shall maintain cyber insurance of at least USD 5,000,000."
                  }
                }
              }
            }
          ],
          "properties": {
            "risk": "medium",
            "category": "insurance",
            "section": "14. Insurance",
            "party": "supplier",
            "party_name": "",
            "side": "",
            "holds": "",
            "parameters": {
              "amount": 5000000,
              "currency": "USD",
              "types": [
                "cyber"
              ]
            },
            "controls": [
              "A.5.20"
            ],
            "evidence": [
              "insurance-certificate"
            ]
          }
        }
      ]
    }
  ]
}
)");
}

TEST(SarifPrinter, VersionSchemaAndRules) {
  json log = json::parse(Sarif(samples::TwoReports()));
  EXPECT_EQ(log["version"], "2.1.0");
  EXPECT_EQ(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  ASSERT_EQ(log["runs"].size(), 1u);
  const json& run = log["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "clausescan");
  std::vector<std::string> ids;
  for (const json& rule : run["tool"]["driver"]["rules"]) ids.push_back(rule["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"data-deletion.end-of-contract",
                                           "incident-notification.window", "insurance.cyber",
                                           "missing/audit_rights"}));
  const json& notice = run["tool"]["driver"]["rules"][1];
  EXPECT_EQ(notice["name"], "IncidentNotificationWindow");
  EXPECT_EQ(notice["shortDescription"]["text"], "Security incident notification");
  EXPECT_EQ(notice["help"]["text"],
            "Security incident notification\n\nConsider:\n- Start the clock at awareness.");
  const json& missing = run["tool"]["driver"]["rules"][3];
  EXPECT_EQ(missing["shortDescription"]["text"], "Missing clause: Audit rights");
  EXPECT_EQ(missing["help"]["text"],
            "Missing clause: Audit rights\n\nWhy it matters:\n- A DPA normally lets the customer "
            "audit.");
}

TEST(SarifPrinter, LevelsFromRisk) {
  json run = json::parse(Sarif(samples::TwoReports()))["runs"][0];
  std::vector<std::string> levels;
  for (const json& result : run["results"]) levels.push_back(result["level"]);
  // high -> error, low -> note, the medium missing clause -> warning, medium -> warning.
  EXPECT_EQ(levels, (std::vector<std::string>{"error", "note", "warning", "warning"}));
  Report info = samples::MsaReport();
  info.findings[0].risk = Risk::kInfo;
  EXPECT_EQ(json::parse(Sarif({info}))["runs"][0]["results"][0]["level"], "note");
}

TEST(SarifPrinter, RegionsAndRuleIndexes) {
  json run = json::parse(Sarif(samples::TwoReports()))["runs"][0];
  const json& rules = run["tool"]["driver"]["rules"];
  for (const json& result : run["results"]) {
    EXPECT_EQ(rules[result["ruleIndex"].get<int>()]["id"], result["ruleId"]);
  }
  // The notice clause spans two lines: it ends after "occurrence." on line 13.
  const json& notice = run["results"][0];
  EXPECT_EQ(notice["message"]["text"],
            "incident_notification (high risk): the clock starts at occurrence (position "
            "notify-from-occurrence)");
  const json& location = notice["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"]["uri"], "contracts/dpa.md");
  EXPECT_EQ(location["artifactLocation"]["index"], 0);
  const json& region = location["region"];
  EXPECT_EQ(region["startLine"], 12);
  EXPECT_EQ(region["startColumn"], 5);
  EXPECT_EQ(region["endLine"], 13);
  EXPECT_EQ(region["endColumn"], 25);  // "hours of its occurrence." is 24 characters
  EXPECT_EQ(region["byteOffset"], 120);
  EXPECT_EQ(region["byteLength"], 85);
  EXPECT_EQ(region["snippet"]["text"], samples::NoticeFinding().text);
  // A missing clause has a location without a region.
  const json& missing = run["results"][2];
  EXPECT_EQ(missing["ruleId"], "missing/audit_rights");
  EXPECT_FALSE(missing["locations"][0]["physicalLocation"].contains("region"));
  EXPECT_EQ(missing["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "contracts/dpa.md");
  EXPECT_EQ(run["results"][3]["locations"][0]["physicalLocation"]["artifactLocation"]["index"], 1);
}

TEST(SarifPrinter, ColumnsCountCharactersAndOffsetsOnlyForFileBytes) {
  Report r = samples::MsaReport();
  r.document.format = "pdf";  // offsets are in the extracted text, not the file
  r.findings[0].text = "\u00c9t\u00e9 \u20ac";
  r.findings[0].page = 2;
  json result = json::parse(Sarif({r}))["runs"][0]["results"][0];
  const json& region = result["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region["endColumn"], 6);  // 5 characters from column 1
  EXPECT_FALSE(region.contains("byteOffset"));
  EXPECT_FALSE(region.contains("byteLength"));
  EXPECT_EQ(result["properties"]["page"], 2);
}

TEST(SarifPrinter, UrisArePercentEncoded) {
  Report relative = samples::MsaReport();
  relative.document.path = "contracts/Acme MSA #2 (final).txt";
  Report absolute = samples::MsaReport();
  absolute.document.path = "/srv/contr\u00e4cte/msa.txt";
  json run = json::parse(Sarif({relative, absolute}))["runs"][0];
  EXPECT_EQ(run["artifacts"][0]["location"]["uri"],
            "contracts/Acme%20MSA%20%232%20%28final%29.txt");
  EXPECT_EQ(run["artifacts"][1]["location"]["uri"], "file:///srv/contr%C3%A4cte/msa.txt");
}

TEST(SarifPrinter, OnlyKeysTheSchemaAllows) {
  json log = json::parse(Sarif(samples::TwoReports()));
  ExpectKeys(log, {"$schema", "version", "runs", "inlineExternalProperties", "properties"}, "log");
  const json& run = log["runs"][0];
  ExpectKeys(run,
             {"tool",
              "invocations",
              "conversion",
              "language",
              "versionControlProvenance",
              "originalUriBaseIds",
              "artifacts",
              "logicalLocations",
              "graphs",
              "results",
              "automationDetails",
              "runAggregates",
              "baselineGuid",
              "redactionTokens",
              "defaultEncoding",
              "defaultSourceLanguage",
              "newlineSequences",
              "columnKind",
              "externalPropertyFileReferences",
              "threadFlowLocations",
              "taxonomies",
              "addresses",
              "translations",
              "policies",
              "webRequests",
              "webResponses",
              "specialLocations",
              "properties"},
             "run");
  EXPECT_TRUE(run["columnKind"] == "unicodeCodePoints" || run["columnKind"] == "utf16CodeUnits");
  for (const json& rule : run["tool"]["driver"]["rules"]) {
    ExpectKeys(rule,
               {"id", "deprecatedIds", "guid", "deprecatedGuids", "name", "deprecatedNames",
                "shortDescription", "fullDescription", "messageStrings", "defaultConfiguration",
                "helpUri", "help", "relationships", "properties"},
               "rule");
    ExpectKeys(rule["help"], {"text", "markdown", "properties"}, "help");
  }
  for (const json& artifact : run["artifacts"]) {
    ExpectKeys(
        artifact,
        {"description", "location", "parentIndex", "offset", "length", "roles", "mimeType",
         "contents", "encoding", "sourceLanguage", "hashes", "lastModifiedTimeUtc", "properties"},
        "artifact");
  }
  for (const json& result : run["results"]) {
    ExpectKeys(result,
               {"ruleId",
                "ruleIndex",
                "rule",
                "kind",
                "level",
                "message",
                "analysisTarget",
                "locations",
                "guid",
                "correlationGuid",
                "occurrenceCount",
                "partialFingerprints",
                "fingerprints",
                "stacks",
                "codeFlows",
                "graphs",
                "graphTraversals",
                "relatedLocations",
                "suppressions",
                "baselineState",
                "rank",
                "attachments",
                "hostedViewerUri",
                "workItemUris",
                "provenance",
                "fixes",
                "taxa",
                "webRequest",
                "webResponse",
                "properties"},
               "result");
    EXPECT_TRUE(result["message"].contains("text"));
    const json& physical = result["locations"][0]["physicalLocation"];
    ExpectKeys(physical, {"address", "artifactLocation", "region", "contextRegion", "properties"},
               "physicalLocation");
    ExpectKeys(physical["artifactLocation"],
               {"uri", "uriBaseId", "index", "description", "properties"}, "artifactLocation");
    if (physical.contains("region")) {
      ExpectKeys(physical["region"],
                 {"startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength",
                  "byteOffset", "byteLength", "snippet", "message", "sourceLanguage", "properties"},
                 "region");
    }
  }
}

// issue 16 review #6: a report's notes (an empty document, findings cut at the limit) reach
// SARIF as tool execution notifications located at their document; without notes there are no
// invocations.
TEST(SarifPrinter, NotesBecomeToolExecutionNotifications) {
  Report empty;
  empty.document.path = "empty.md";
  empty.document.format = "md";
  empty.document.type = "other";
  empty.notes = {"the document is empty: nothing was scanned"};
  json log = json::parse(Sarif({samples::MsaReport(), empty}));
  const json& run = log["runs"][0];
  ASSERT_EQ(run["invocations"].size(), 1u);
  const json& invocation = run["invocations"][0];
  ExpectKeys(invocation, {"executionSuccessful", "toolExecutionNotifications"}, "invocation");
  EXPECT_EQ(invocation["executionSuccessful"], true);
  ASSERT_EQ(invocation["toolExecutionNotifications"].size(), 1u);
  const json& notification = invocation["toolExecutionNotifications"][0];
  ExpectKeys(notification, {"locations", "message", "level"}, "notification");
  EXPECT_EQ(notification["level"], "warning");
  EXPECT_EQ(notification["message"]["text"], "the document is empty: nothing was scanned");
  EXPECT_EQ(notification["locations"][0]["physicalLocation"]["artifactLocation"],
            json({{"uri", "empty.md"}, {"index", 1}}));
  EXPECT_FALSE(json::parse(Sarif({samples::MsaReport()}))["runs"][0].contains("invocations"));
}

TEST(SarifPrinter, NoReportsIsAValidEmptyRun) {
  json log = json::parse(Sarif({}));
  EXPECT_TRUE(log["runs"][0]["results"].empty());
  EXPECT_TRUE(log["runs"][0]["tool"]["driver"]["rules"].empty());
}

}  // namespace
}  // namespace clausescan

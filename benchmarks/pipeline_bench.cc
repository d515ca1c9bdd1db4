// Micro-benchmarks of each scan stage on real contracts (a slice of ../shared/corpus/cuad).
// Throughput is reported as bytes/s of document text; compare stages against each other and
// against the end-to-end run of benchmarks/throughput.py, not against absolute numbers.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "clausescan/clausescan.h"
#include "extract/document.h"
#include "match/matcher.h"
#include "params/quantities.h"
#include "rules/model.h"
#include "structure/outline.h"
#include "text/normalize.h"

namespace {

namespace fs = std::filesystem;
using namespace clausescan;

// The files of ../shared/corpus/SUBDIR, as bytes, in path order.
std::vector<std::string> SharedCorpusFiles(const char* subdir) {
  fs::path dir = fs::path(CLAUSESCAN_SOURCE_DIR) / ".." / "shared" / "corpus" / subdir;
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(dir)) paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> files;
  for (const fs::path& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    files.push_back(buffer.str());
  }
  return files;
}

// The first 4 MB of the CUAD corpus, file after file.
const std::string& CorpusSlice() {
  static const std::string* text = [] {
    auto* out = new std::string;
    for (const std::string& file : SharedCorpusFiles("cuad")) {
      *out += file;
      *out += "\n\n";
      if (out->size() > (4u << 20)) break;
    }
    return out;
  }();
  return *text;
}

// Every PDF of ../shared/corpus/pdf, as bytes.
const std::vector<std::string>& CorpusPdfs() {
  static const std::vector<std::string>* pdfs =
      new std::vector<std::string>(SharedCorpusFiles("pdf"));
  return *pdfs;
}

const RuleSet& Rules() {
  static const RuleSet* rules = new RuleSet(*RuleSet::Builtin());
  return *rules;
}

void BM_Normalize(benchmark::State& state) {
  const std::string& doc = CorpusSlice();
  for (auto _ : state) {
    benchmark::DoNotOptimize(internal::Normalize(doc, {}));
  }
  state.SetBytesProcessed(state.iterations() * doc.size());
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

void BM_Segment(benchmark::State& state) {
  const std::string& doc = CorpusSlice();
  internal::NormalizedText text = internal::Normalize(doc, {});
  for (auto _ : state) {
    benchmark::DoNotOptimize(internal::Segment(text));
  }
  state.SetBytesProcessed(state.iterations() * doc.size());
}
BENCHMARK(BM_Segment)->Unit(benchmark::kMillisecond);

void BM_Match(benchmark::State& state) {
  const std::string& doc = CorpusSlice();
  internal::NormalizedText text = internal::Normalize(doc, {});
  internal::Outline outline = internal::Segment(text);
  const internal::Matcher& matcher = *Rules().data().matcher;
  for (auto _ : state) {
    benchmark::DoNotOptimize(matcher.Match(text, outline));
  }
  state.SetBytesProcessed(state.iterations() * doc.size());
}
BENCHMARK(BM_Match)->Unit(benchmark::kMillisecond);

void BM_ScanEndToEnd(benchmark::State& state) {
  const std::string& doc = CorpusSlice();
  Scanner scanner(Rules());
  for (auto _ : state) {
    benchmark::DoNotOptimize(scanner.ScanBytes(doc, "corpus.txt"));
  }
  state.SetBytesProcessed(state.iterations() * doc.size());
}
BENCHMARK(BM_ScanEndToEnd)->Unit(benchmark::kMillisecond);

// Reading every corpus PDF with poppler in this process (0) and in a child process under the
// time limit (1), as scans do: the ratio is the cost of the isolation.
void BM_ReadPdfs(benchmark::State& state) {
  internal::ReadOptions options;
  options.pdf_limits.time = std::chrono::milliseconds(state.range(0) ? 60000 : 0);
  std::size_t bytes = 0;
  for (const std::string& pdf : CorpusPdfs()) bytes += pdf.size();
  for (auto _ : state) {
    for (const std::string& pdf : CorpusPdfs()) {
      benchmark::DoNotOptimize(internal::ReadDocument(pdf, "corpus.pdf", options));
    }
  }
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_ReadPdfs)->Arg(0)->Arg(1)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_FindDurations(benchmark::State& state) {
  const std::string sentence =
      "supplier shall notify customer without undue delay and in any event within seventy-two "
      "(72) hours after becoming aware of a personal data breach, and shall provide a written "
      "report within ten (10) business days.";
  for (auto _ : state) {
    benchmark::DoNotOptimize(internal::FindDurations(sentence));
  }
  state.SetBytesProcessed(state.iterations() * sentence.size());
}
BENCHMARK(BM_FindDurations);

}  // namespace

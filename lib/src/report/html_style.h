// The style sheet of the HTML report, inlined into every file so the report needs nothing else.
#ifndef CLAUSESCAN_REPORT_HTML_STYLE_H_
#define CLAUSESCAN_REPORT_HTML_STYLE_H_

#include <string_view>

namespace clausescan::internal {

// Risk colours (text on tint, with a strong accent for borders) meet WCAG AA contrast for
// normal text; every coloured mark also says its risk in words.
inline constexpr std::string_view kHtmlStyle = R"css(
:root {
  --ink: #1d2433; --muted: #5b6475; --line: #d9dde5; --paper: #ffffff; --panel: #f6f7f9;
  --accent: #23408e;
  --high: #9b1c1c; --high-bg: #fde4e2; --high-edge: #d92d20;
  --medium: #854a0e; --medium-bg: #fff0d4; --medium-edge: #f59e0b;
  --low: #1b6b3a; --low-bg: #ddf4e4; --low-edge: #22a55b;
  --info: #454f61; --info-bg: #eceff4; --info-edge: #98a2b3;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--ink); background: var(--paper);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--paper); padding: .5rem; z-index: 1; }
.page { max-width: 1080px; margin: 0 auto; padding: 2rem 2.5rem 3rem; }
.page-header { border-bottom: 3px solid var(--accent); padding-bottom: 1rem; margin-bottom: 1.5rem; }
.page-header h1 { margin: 0 0 .25rem; font-size: 1.9rem; letter-spacing: -.01em; }
.page-header .totals { margin: 0; color: var(--muted); }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .75rem; padding-bottom: .3rem;
     border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
h3 { font-size: 1.08rem; margin: 1.75rem 0 .6rem; color: var(--accent); }
h4 { font-size: 1rem; margin: 0; display: inline; }
a { color: var(--accent); }
code { font: .85em/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
       background: var(--panel); border: 1px solid var(--line); border-radius: 4px;
       padding: 0 .3em; }
nav.toc { background: var(--panel); border: 1px solid var(--line); border-radius: 8px;
          padding: .75rem 1.25rem; }
nav.toc h2 { border: 0; margin: 0 0 .3rem; padding: 0; font-size: .8rem; text-transform: uppercase;
             letter-spacing: .06em; color: var(--muted); }
nav.toc ol { margin: 0; padding-left: 1.25rem; columns: 2; column-gap: 2rem; }
nav.toc li { break-inside: avoid; overflow-wrap: anywhere; }
nav.toc .toc-cats { display: block; margin: 0 0 .3rem; padding: 0; list-style: none;
                    font-size: .8rem; }
nav.toc .toc-cats li { display: inline; }
nav.toc .toc-cats li + li::before { content: "\00B7"; margin: 0 .4em; color: var(--muted); }
.counts { width: auto; min-width: 22rem; }
.counts td:nth-child(n+2), .counts th:nth-child(n+2) { text-align: right; }
.top-issues { padding-left: 2rem; margin: 0; }
.top-issues li { margin: .2rem 0; overflow-wrap: anywhere; }
.top-issues .cat { font-weight: 700; margin-right: .2rem; }
.missing-list { list-style: none; padding: 0; margin: 0; }
.missing-list li { margin: .25rem 0; overflow-wrap: anywhere; }
a.badge { text-decoration: none; }
.badge { display: inline-block; min-width: 4.6em; padding: .05em .5em; border-radius: 999px;
         font-size: .75rem; font-weight: 700; text-align: center; letter-spacing: .03em;
         text-transform: uppercase; border: 1px solid transparent; white-space: nowrap; }
.badge.missing { background: var(--paper); border-style: dashed; }
.risk-high .badge, .badge.risk-high { color: var(--high); background: var(--high-bg); border-color: var(--high-edge); }
.risk-medium .badge, .badge.risk-medium { color: var(--medium); background: var(--medium-bg); border-color: var(--medium-edge); }
.risk-low .badge, .badge.risk-low { color: var(--low); background: var(--low-bg); border-color: var(--low-edge); }
.risk-info .badge, .badge.risk-info { color: var(--info); background: var(--info-bg); border-color: var(--info-edge); }
.badge.missing { background: var(--paper); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
caption { text-align: left; color: var(--muted); font-size: .85rem; padding-bottom: .4rem; }
th, td { border-bottom: 1px solid var(--line); padding: .45rem .5rem; vertical-align: top; }
thead th { background: var(--panel); font-size: .78rem; text-align: left; }
.matrix th, .matrix td { padding: .4rem .25rem; }
.matrix td, .matrix thead th.cat { text-align: center; }
.matrix tbody th { text-align: left; font-weight: 600; min-width: 11rem; max-width: 22rem;
                   padding-left: .5rem; overflow-wrap: anywhere; font-size: .82rem; }
.matrix tbody tr:hover { background: var(--panel); }
.matrix .badge { min-width: 3.3em; padding: .05em .35em; font-size: .7rem; }
.matrix .none { color: var(--muted); }
abbr[title] { text-decoration: none; cursor: help; }
.legend { display: flex; flex-wrap: wrap; gap: .2rem 1.25rem; margin: .75rem 0 0; padding: 0;
          font-size: .82rem; color: var(--muted); }
.legend div { display: flex; gap: .35rem; }
.legend dt { font-weight: 700; color: var(--ink); }
.legend dd { margin: 0; }
.note { font-size: .85rem; color: var(--muted); }
.meta { color: var(--muted); margin: 0 0 1rem; }
.docnum { display: inline-block; min-width: 1.8em; height: 1.8em; line-height: 1.8em;
          margin-right: .4rem; border-radius: 50%; background: var(--accent); color: #fff;
          text-align: center; font-size: .85rem; vertical-align: .15em; }
.finding { border: 1px solid var(--line); border-left: 5px solid var(--info-edge);
           border-radius: 6px; padding: .8rem 1rem .6rem; margin: 0 0 1rem; background: var(--paper); }
.finding.risk-high { border-left-color: var(--high-edge); }
.finding.risk-medium { border-left-color: var(--medium-edge); }
.finding.risk-low { border-left-color: var(--low-edge); }
.finding > header { display: flex; flex-wrap: wrap; align-items: baseline; gap: .3rem .6rem; }
.finding .where { margin: 0; color: var(--muted); font-size: .85rem; flex-basis: 100%; }
.clause { margin: .7rem 0; padding: .6rem .9rem; background: var(--panel); border-radius: 4px;
          font-family: Georgia, "Times New Roman", serif; font-size: .98rem; line-height: 1.6; }
.clause p { margin: 0; }
.ctx { color: var(--muted); }
mark { color: inherit; padding: .05em .1em; border-radius: 2px; }
mark.risk-high { background: var(--high-bg); box-shadow: inset 0 -2px 0 var(--high-edge); }
mark.risk-medium { background: var(--medium-bg); box-shadow: inset 0 -2px 0 var(--medium-edge); }
mark.risk-low { background: var(--low-bg); box-shadow: inset 0 -2px 0 var(--low-edge); }
mark.risk-info { background: var(--info-bg); box-shadow: inset 0 -2px 0 var(--info-edge); }
.facts { display: grid; grid-template-columns: 9.5rem 1fr; gap: .3rem 1rem; margin: 0; font-size: .9rem; }
.facts dt { font-weight: 600; color: var(--muted); }
.facts dd { margin: 0; }
.facts ul { margin: 0; padding: 0; list-style: none; }
.facts ul.bullets { padding-left: 1.1rem; list-style: disc; }
.facts ul.inline { display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
.ctl { font-weight: 600; font-variant-numeric: tabular-nums; margin-right: .3rem; }
.checklist { list-style: none; padding: 0; margin: 0; }
.need { display: flex; gap: .75rem; border: 1px solid var(--line); border-radius: 6px;
        padding: .7rem 1rem; margin-bottom: .6rem; }
.need input { width: 1.15rem; height: 1.15rem; margin-top: .2rem; flex: none; accent-color: var(--accent); }
.need label { font-weight: 700; }
.need p { margin: .25rem 0 0; font-size: .9rem; }
.need .refs, .need .soa { color: var(--muted); }
.refdocs { list-style: none; margin: .2rem 0 0; padding: 0; font-size: .85rem; }
.refdocs li { margin: .15rem 0; }
.refdoc { font-weight: 600; margin-right: .2rem; overflow-wrap: anywhere; }
.chip { display: inline-block; min-width: 2.2em; margin: 0 .15rem .15rem 0; padding: 0 .35em;
        border-radius: 4px; border: 1px solid var(--info-edge); background: var(--info-bg);
        color: var(--info); text-align: center; text-decoration: none;
        font-variant-numeric: tabular-nums; font-size: .8rem; }
.chip.risk-high { color: var(--high); background: var(--high-bg); border-color: var(--high-edge); }
.chip.risk-medium { color: var(--medium); background: var(--medium-bg); border-color: var(--medium-edge); }
.chip.risk-low { color: var(--low); background: var(--low-bg); border-color: var(--low-edge); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
      white-space: nowrap; }
footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--line);
         color: var(--muted); font-size: .82rem; }
@media (max-width: 700px) {
  .page { padding: 1rem; }
  .facts { grid-template-columns: 1fr; }
  nav.toc ol { columns: 1; }
}
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  @page { margin: 14mm 12mm; }
  body { font-size: 10pt; }
  .page { max-width: none; padding: 0 2px; }
  .table-wrap { overflow: visible; }
  .matrix { font-size: 8pt; }
  .matrix tbody th { min-width: 7rem; }
  .matrix .badge { min-width: 0; padding: 0 .3em; font-size: 6.5pt; }
  nav.toc, .skip { display: none; }
  a { color: inherit; text-decoration: none; }
  h2, h3 { break-after: avoid; }
  .finding, .need, tr { break-inside: avoid; }
  section.document { break-before: page; }
}
)css";

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_REPORT_HTML_STYLE_H_

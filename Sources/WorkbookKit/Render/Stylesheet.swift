/// The one stylesheet of the workbook, written as `output/style.css`.
/// System fonts with Japanese fallbacks, light and dark following
/// `prefers-color-scheme`, a single column that fits a phone, and print rules.
enum Stylesheet {
    static let css = #"""
:root {
  color-scheme: light dark;
  --fg: #1d1f23; --muted: #5b6270; --bg: #ffffff; --panel: #f5f6f8; --border: #d9dce1;
  --accent: #0b5cad; --error-bg: #fdecec; --error-fg: #8a1c1c; --code-bg: #f3f4f6; --shadow: rgba(0, 0, 0, .22);
  --tok-keyword: #a626a4; --tok-type: #0b6e99; --tok-string: #2f7d32; --tok-number: #b35900;
  --tok-comment: #6a737d; --tok-key: #0b5cad; --tok-attr: #8a5a00; --tok-punct: #5b6270;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic", Meiryo, sans-serif;
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", "Noto Sans Mono CJK JP", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e4e6ea; --muted: #a3a9b4; --bg: #16181c; --panel: #1f2227; --border: #363a42;
    --accent: #7cb7ff; --error-bg: #3a1d1f; --error-fg: #ffb4b4; --code-bg: #1f2227; --shadow: rgba(255, 255, 255, .28);
    --tok-keyword: #d68cf0; --tok-type: #6cc4e8; --tok-string: #8fd18f; --tok-number: #f0a95c;
    --tok-comment: #8b93a1; --tok-key: #7cb7ff; --tok-attr: #e3c26b; --tok-punct: #a3a9b4;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font-family: var(--font); font-size: 17px; line-height: 1.65; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem 1.25rem 4rem; }
a { color: var(--accent); }
.topbar { display: flex; justify-content: space-between; align-items: center; gap: 1rem; flex-wrap: wrap;
  padding: .6rem 1.25rem; border-bottom: 1px solid var(--border); background: var(--panel); font-size: .95rem; }
.topbar .home { font-weight: 600; text-decoration: none; color: var(--fg); }
.topbar nav a { margin-left: 1rem; }
h1, h2, h3, h4 { line-height: 1.3; margin: 2rem 0 .75rem; }
h1 { font-size: 2rem; margin-top: .5rem; }
h2 { font-size: 1.45rem; border-bottom: 1px solid var(--border); padding-bottom: .25rem; }
h3 { font-size: 1.2rem; }
.anchor { margin-left: .4rem; color: var(--muted); text-decoration: none; opacity: 0; font-weight: normal; }
h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, .anchor:focus { opacity: 1; }
.chapter-number { margin: 1.5rem 0 0; color: var(--muted); text-transform: uppercase; letter-spacing: .08em; font-size: .85rem; }
.summary { color: var(--muted); font-size: 1.05rem; }
.toc { background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: .5rem 1.25rem; margin: 1.25rem 0 2rem; }
.toc h2 { font-size: 1rem; border: 0; margin: .5rem 0; }
.toc ol { margin: 0 0 .5rem; padding-left: 1.25rem; }
.toc .toc-2 { margin-left: 1rem; list-style: circle; }
code, pre { font-family: var(--mono); font-size: .88em; }
:not(pre) > code { background: var(--code-bg); padding: .1em .3em; border-radius: 4px; }
pre { border: 1px solid var(--border); border-radius: 8px; padding: .75rem 1rem; overflow-x: auto; line-height: 1.45;
  /* A code line longer than the block shows a shadow at the edge it continues past (see .table-wrap). */
  background: linear-gradient(to right, var(--code-bg) 40%, transparent) left / 2rem 100% no-repeat local,
    linear-gradient(to left, var(--code-bg) 40%, transparent) right / 2rem 100% no-repeat local,
    linear-gradient(to right, var(--shadow), transparent) left / .9rem 100% no-repeat scroll,
    linear-gradient(to left, var(--shadow), transparent) right / .9rem 100% no-repeat scroll, var(--code-bg); }
/* Local OpenType math fonts (with a MATH table) give proper large operators and
   limits under sums; nothing is fetched from the network. */
math { font-size: 1.1em; font-family: "STIX Two Math", "Latin Modern Math", "Cambria Math", "TeX Gyre Termes Math", "DejaVu Math TeX Gyre", math; }
math[display="block"] { display: block math; margin: 1rem 0; overflow-x: auto; overflow-y: hidden; }
.math-error { color: var(--error-fg); background: var(--error-bg); font-family: var(--mono); }
figure.cell { margin: 1.5rem 0; border: 1px solid var(--border); border-radius: 10px; overflow: hidden; }
.cell-header { display: flex; justify-content: space-between; gap: 1rem; padding: .35rem .9rem; background: var(--panel);
  border-bottom: 1px solid var(--border); font-family: var(--mono); font-size: .8rem; color: var(--muted); }
.cell-directive { font-weight: 600; color: var(--fg); }
/* Parameters wrap: a long caption is read, not cut. */
.cell-params { margin: 0; border: 0; border-radius: 0; border-bottom: 1px solid var(--border); white-space: pre-wrap; overflow-wrap: anywhere; }
.cell-outputs { padding: .75rem .9rem; overflow-x: auto; }
.cell-error { padding: .5rem .9rem; background: var(--error-bg); color: var(--error-fg); }
.cell-error pre { background: transparent; border: 0; color: inherit; margin: .25rem 0; padding: 0; white-space: pre-wrap; }
figcaption { padding: .5rem .9rem; border-top: 1px solid var(--border); font-size: .95rem; }
.figure-number { font-weight: 600; }
dl.values { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: .4rem 1.25rem; margin: 0 0 .75rem; }
dl.values div { display: flex; flex-direction: column; }
dl.values dt { color: var(--muted); font-size: .85rem; }
dl.values dd { margin: 0; font-family: var(--mono); font-size: .95rem; overflow-wrap: anywhere; }
.numbers { font-size: .9rem; margin: .3rem 0; overflow-wrap: anywhere; }
.numbers .name { color: var(--muted); }
/* What scrolls shows it: a shadow at an edge with more content behind it
   (the covers scroll with the content, the shadows stay; no script; where nothing
   scrolls the covers hide the shadows). A figure's own background is see-through
   on the page, so the shadow shows behind it. */
.table-wrap, .plot.wide { overflow-x: auto; margin: .5rem 0 .75rem; }
.table-wrap, .plot, math[display="block"] {
  background: linear-gradient(to right, var(--bg) 40%, transparent) left / 2rem 100% no-repeat local,
    linear-gradient(to left, var(--bg) 40%, transparent) right / 2rem 100% no-repeat local,
    linear-gradient(to right, var(--shadow), transparent) left / .9rem 100% no-repeat scroll,
    linear-gradient(to left, var(--shadow), transparent) right / .9rem 100% no-repeat scroll; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--border); padding: .3rem .7rem; text-align: left; vertical-align: top; }
th { vertical-align: bottom; }
td.num { font-family: var(--mono); text-align: right; white-space: nowrap; }
/* A number: the reading value, and under it, smaller, the exact digits. */
data { font-variant-numeric: tabular-nums; }
.exact { display: block; font-family: var(--mono); font-size: .72rem; line-height: 1.35; color: var(--muted); overflow-wrap: anywhere; }
td.num .exact { white-space: nowrap; }
.reference td.meaning { min-width: 16rem; }
.book-ref { margin-left: .5rem; font-size: .7em; font-weight: normal; color: var(--muted); white-space: nowrap; }
figcaption .book-ref { font-size: .85em; margin-left: .3rem; }
.plot { position: relative; margin: .5rem 0; }
.plot .wbp-bg { fill: transparent; }
/* Figures take the card's width (the SVG scales with its viewBox, or keeps its
   aspect-ratio when it carries a narrow layout). */
.plot > svg { display: block; width: 100%; max-width: 100%; height: auto; }
.plot-file { position: absolute; top: 0; right: 0; font-size: .75rem; color: var(--muted); }
.note { color: var(--muted); font-size: .9rem; margin: .5rem 0 0; }
.source-origin { font-size: .8rem; color: var(--muted); font-family: var(--mono); overflow-wrap: anywhere; }
.broken-ref { color: var(--error-fg); background: var(--error-bg); }
.pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--border); }
.pager .next { margin-left: auto; text-align: right; }
.pager kbd { font-size: .75em; color: var(--muted); border: 1px solid var(--border); border-radius: 3px; padding: 0 .25em; margin: 0 .3em; }
.chapter-errors { color: var(--error-fg); background: var(--error-bg); border-radius: 4px; padding: 0 .4em; margin-left: .5rem; font-size: .85rem; }
table.book-map td, table.book-map th { padding: .2rem .6rem; }
ol.chapters > li { margin: 1rem 0; }
.chapter-link { font-size: 1.2rem; font-weight: 600; }
ol.chapters p { margin: .2rem 0; color: var(--muted); }
ul.sections { margin: .2rem 0; padding-left: 1.2rem; font-size: .95rem; }
.tok-keyword { color: var(--tok-keyword); } .tok-type { color: var(--tok-type); } .tok-string { color: var(--tok-string); }
.tok-number { color: var(--tok-number); } .tok-comment { color: var(--tok-comment); font-style: italic; }
.tok-key { color: var(--tok-key); } .tok-attr { color: var(--tok-attr); } .tok-punct { color: var(--tok-punct); }
/* Editions: the language switch in the top bar, and Japanese pages — Japanese
   fonts first (so kanji get Japanese shapes), strict kinsoku line breaking, and
   long unbreakable runs (code, numbers) allowed to wrap rather than overflow a phone. */
.topbar .home { margin-right: auto; }
.topbar .languages a, .topbar .languages span { margin-left: .75rem; }
.topbar .languages span[aria-current] { font-weight: 600; }
.cell-error-heading { margin: 0 0 .35rem; font-weight: 600; }
html:lang(ja) { --font: "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic", Meiryo, system-ui, sans-serif; }
:lang(ja) { line-break: strict; word-break: normal; }
:lang(ja) :is(p, li, dd, dt, td, th, figcaption, h1, h2, h3, h4, .summary, .note) { overflow-wrap: anywhere; }
@media (max-width: 600px) {
  body { font-size: 16px; }
  main { padding: .75rem .8rem 3rem; }
  h1 { font-size: 1.6rem; }
  .cell-header { flex-direction: column; gap: 0; }
  .plot-file { position: static; display: block; text-align: right; }
  .cell-outputs { padding: .6rem .5rem; }
  table { font-size: .82rem; }
  th, td { padding: .25rem .45rem; }
  th:first-child { white-space: nowrap; }
  /* The exact digits wrap under the reading value, so a table of numbers fits the width. */
  td.num .exact { white-space: normal; overflow-wrap: anywhere; min-width: 6ch; }
  /* A table of five or more columns reflows: each row a block of "column: value"
     lines, so no column (often the answer) is out of sight. */
  .cell-outputs table:has(th:nth-child(5)) thead { display: none; }
  .cell-outputs table:has(th:nth-child(5)), .cell-outputs table:has(th:nth-child(5)) tbody,
  .cell-outputs table:has(th:nth-child(5)) tr { display: block; }
  .cell-outputs table:has(th:nth-child(5)) tr { border-bottom: 1px solid var(--border); padding: .3rem 0; }
  .cell-outputs table:has(th:nth-child(5)) td { display: grid; grid-template-columns: 1fr auto; column-gap: .75rem;
    border: 0; padding: .05rem .2rem; text-align: right; }
  .cell-outputs table:has(th:nth-child(5)) td::before { content: attr(data-label); grid-row: span 2; text-align: left;
    color: var(--muted); font-family: var(--font); }
  .cell-outputs table:has(th:nth-child(5)) td .exact { white-space: nowrap; }
  /* A figure wider than a phone's column carries a narrow layout drawn for it
     (SVGPlot: panels stacked, 380 px wide, so its text is about 10 px): show that
     one, in its own shape. */
  .plot > svg.wbp-responsive, .plot.wide > svg.wbp-responsive { aspect-ratio: var(--wbp-narrow-aspect); width: 100%; max-width: 100%;
    min-width: var(--wbp-narrow-min-width, 0); }
  .plot > svg.wbp-responsive > svg.wbp-wide { display: none; }
  .plot > svg.wbp-responsive > svg.wbp-narrow { display: inline; }
  /* Any other figure shrinks only down to the width at which its smallest text is 9 px
     (SVGPlot's --wbp-min-width), then scrolls sideways, with the shadow cue. */
  .plot.wide > svg { width: auto; max-width: none; }
  .plot > svg { min-width: var(--wbp-min-width, 0); }
  .plot { overflow-x: auto; }
  /* The directive reference: each parameter a small block, the meaning in full width. */
  .reference table, .reference tbody, .reference tr, .reference td { display: block; }
  .reference thead { display: none; }
  .reference tr { border-bottom: 1px solid var(--border); padding: .4rem 0; }
  .reference td { border: 0; padding: .05rem 0; }
  .reference td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-size: .85em; }
  .reference .table-wrap { background: none; }
}
/* Print: a chapter as a book chapter. A cell may break between its parts
   (a whole cell is often taller than a page, and keeping it whole left pages
   near-empty); a plot, a table, a value and a caption never break, the caption
   stays with what it captions, code wraps instead of being cut. Figures print at
   most 80 mm tall, centred, as a book's do: at full width a 640 × 400 plot took
   half a page, and one that did not fit left that half empty (and pushed a
   caption apart from its figure); type is 9.5 pt, code 7.8 pt. */
@media print {
  @page { size: A4; margin: 13mm 13mm 14mm; }
  :root { --fg: #000; --muted: #444; --bg: #fff; --panel: #f4f4f4; --border: #bbb; --code-bg: #f6f6f6; --accent: #000; }
  body { font-size: 9.5pt; line-height: 1.4; }
  .topbar, .pager, .anchor, .plot-file, .toc, .cell-location { display: none; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 18pt; } h2 { font-size: 13pt; margin: 1.1rem 0 .4rem; } h3 { font-size: 11pt; margin: .9rem 0 .3rem; }
  p { margin: .5rem 0; }
  h1, h2, h3, h4, .cell-header, .source-origin, .chapter-number { break-after: avoid; }
  figure.cell { break-inside: auto; margin: .7rem 0; overflow: visible; }
  .cell-outputs { padding: .4rem .7rem; }
  .plot, table, tr, dl.values > div, .numbers, .note, math[display="block"] { break-inside: avoid; }
  figcaption { break-before: avoid; break-inside: avoid; padding: .3rem .7rem; }
  p, li { orphans: 3; widows: 3; }
  pre { padding: .4rem .6rem; font-size: 7.8pt; line-height: 1.35; }
  .cell-params { font-size: 7.5pt; }
  pre, pre code { white-space: pre-wrap; overflow-wrap: anywhere; }
  pre, .cell-outputs, .table-wrap, .plot, math[display="block"] { overflow: visible; background-image: none; }
  .plot > svg, .plot.wide > svg { width: auto; height: auto; max-width: 100%; max-height: 80mm; min-width: 0; margin: 0 auto; }
  table { font-size: 8.5pt; }
  .exact { font-size: 6.5pt; }
  a { color: inherit; text-decoration: none; }
  /* The directive reference prints as one run of tables (7 pages, not one per
     directive): rows may break between them, and the parameters every directive
     takes are listed once, under the first. */
  .reference table { break-inside: auto; width: 100%; font-size: 8pt; }
  .reference th, .reference td { padding: .1rem .35rem; }
  .reference td.meaning { min-width: 0; }
  .reference h2 { font-size: 12pt; margin: 1rem 0 .3rem; }
  .reference pre { font-size: 7.5pt; padding: .3rem .6rem; }
  .reference section + section tr.common { display: none; }
}
"""#
}

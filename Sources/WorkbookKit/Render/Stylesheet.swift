/// The one stylesheet of the workbook, written as `output/style.css`.
/// System fonts with Japanese fallbacks, light and dark following
/// `prefers-color-scheme`, a single column that fits a phone, and print rules.
enum Stylesheet {
    static let css = #"""
:root {
  color-scheme: light dark;
  --fg: #1d1f23; --muted: #5b6270; --bg: #ffffff; --panel: #f5f6f8; --border: #d9dce1;
  --accent: #0b5cad; --error-bg: #fdecec; --error-fg: #8a1c1c; --code-bg: #f3f4f6;
  --tok-keyword: #a626a4; --tok-type: #0b6e99; --tok-string: #2f7d32; --tok-number: #b35900;
  --tok-comment: #6a737d; --tok-key: #0b5cad; --tok-attr: #8a5a00; --tok-punct: #5b6270;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic", Meiryo, sans-serif;
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", "Noto Sans Mono CJK JP", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e4e6ea; --muted: #a3a9b4; --bg: #16181c; --panel: #1f2227; --border: #363a42;
    --accent: #7cb7ff; --error-bg: #3a1d1f; --error-fg: #ffb4b4; --code-bg: #1f2227;
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
pre { background: var(--code-bg); border: 1px solid var(--border); border-radius: 8px; padding: .75rem 1rem; overflow-x: auto; line-height: 1.45; }
/* Local OpenType math fonts (with a MATH table) give proper large operators and
   limits under sums; nothing is fetched from the network. */
math { font-size: 1.1em; font-family: "STIX Two Math", "Latin Modern Math", "Cambria Math", "TeX Gyre Termes Math", "DejaVu Math TeX Gyre", math; }
math[display="block"] { display: block math; margin: 1rem 0; overflow-x: auto; overflow-y: hidden; }
.math-error { color: var(--error-fg); background: var(--error-bg); font-family: var(--mono); }
figure.cell { margin: 1.5rem 0; border: 1px solid var(--border); border-radius: 10px; overflow: hidden; }
.cell-header { display: flex; justify-content: space-between; gap: 1rem; padding: .35rem .9rem; background: var(--panel);
  border-bottom: 1px solid var(--border); font-family: var(--mono); font-size: .8rem; color: var(--muted); }
.cell-directive { font-weight: 600; color: var(--fg); }
.cell-params { margin: 0; border: 0; border-radius: 0; border-bottom: 1px solid var(--border); }
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
.table-wrap { overflow-x: auto; margin: .5rem 0 .75rem; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--border); padding: .3rem .7rem; text-align: left; vertical-align: top; }
td.num { font-family: var(--mono); text-align: right; white-space: nowrap; }
.plot { position: relative; margin: .5rem 0; }
.plot svg { display: block; max-width: 100%; height: auto; }
.plot-file { position: absolute; top: 0; right: 0; font-size: .75rem; color: var(--muted); }
.note { color: var(--muted); font-size: .9rem; margin: .5rem 0 0; }
.source-origin { font-size: .8rem; color: var(--muted); font-family: var(--mono); }
.broken-ref { color: var(--error-fg); background: var(--error-bg); }
.pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--border); }
.pager .next { margin-left: auto; text-align: right; }
ol.chapters > li { margin: 1rem 0; }
.chapter-link { font-size: 1.2rem; font-weight: 600; }
ol.chapters p { margin: .2rem 0; color: var(--muted); }
ul.sections { margin: .2rem 0; padding-left: 1.2rem; font-size: .95rem; }
.tok-keyword { color: var(--tok-keyword); } .tok-type { color: var(--tok-type); } .tok-string { color: var(--tok-string); }
.tok-number { color: var(--tok-number); } .tok-comment { color: var(--tok-comment); font-style: italic; }
.tok-key { color: var(--tok-key); } .tok-attr { color: var(--tok-attr); } .tok-punct { color: var(--tok-punct); }
@media (max-width: 600px) {
  body { font-size: 16px; }
  main { padding: .75rem .8rem 3rem; }
  h1 { font-size: 1.6rem; }
  .cell-header { flex-direction: column; gap: 0; }
  .plot-file { position: static; display: block; text-align: right; }
}
@media print {
  :root { --fg: #000; --bg: #fff; --panel: #fff; --code-bg: #f6f6f6; }
  .topbar, .pager, .anchor, .plot-file, .toc { display: none; }
  main { max-width: none; padding: 0; }
  figure.cell, pre, table { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""#
}

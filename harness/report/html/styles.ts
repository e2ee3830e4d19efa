/**
 * Inline CSS of trust-matrix.html. Verdict colours are dark text on a light tint (contrast >= 4.5:1, WCAG AA),
 * and every verdict also carries an icon and a word, so print and colour-blind readers lose nothing.
 */
export const TRUST_MATRIX_CSS = `
:root { --fg:#1f2328; --muted:#57606a; --line:#d0d7de; --soft:#f6f8fa; --accent:#0969da;
  --pass-fg:#116329; --pass-bg:#dafbe1; --fail-fg:#a40e26; --fail-bg:#ffebe9; --error-fg:#7d4e00; --error-bg:#fff8c5; }
* { box-sizing: border-box; }
body { margin:0; color:var(--fg); background:#fff; font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif; }
code, pre, .json { font-family: ui-monospace,SFMono-Regular,"DejaVu Sans Mono",Menlo,Consolas,monospace; font-size:12.5px; }
a { color:var(--accent); }
h1 { font-size:22px; margin:0; } h2 { font-size:18px; margin:32px 0 12px; } h3 { font-size:15px; margin:20px 0 8px; }
h4 { font-size:13px; margin:14px 0 6px; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); } h5 { font-size:12px; margin:4px 0; color:var(--muted); }
.page-header { padding:20px 32px 16px; border-bottom:1px solid var(--line); background:var(--soft); }
.title-row { display:flex; align-items:center; gap:12px; flex-wrap:wrap; }
.meta { display:flex; flex-wrap:wrap; gap:4px 28px; margin:10px 0 0; }
.meta div { display:flex; gap:6px; } .meta dt { color:var(--muted); } .meta dd { margin:0; font-weight:600; }
.totals { display:flex; gap:10px; margin-top:14px; flex-wrap:wrap; }
.total { min-width:110px; padding:8px 14px; border:1px solid var(--line); border-radius:8px; background:#fff; }
.total b { display:block; font-size:22px; line-height:1.2; } .total span { color:var(--muted); }
.total.t-passed b { color:var(--pass-fg); } .total.t-failed b, .total.t-lint b, .total.t-probe b { color:var(--fail-fg); } .total.t-error b { color:var(--error-fg); }
nav { position:sticky; top:0; z-index:2; display:flex; align-items:center; justify-content:space-between; gap:16px; flex-wrap:wrap;
  padding:8px 32px; background:#fff; border-bottom:1px solid var(--line); }
nav ul { list-style:none; display:flex; gap:16px; margin:0; padding:0; flex-wrap:wrap; }
.filter { display:flex; align-items:center; gap:6px; font-weight:600; cursor:pointer; }
.filter input { width:16px; height:16px; }
button { font:inherit; font-size:12.5px; padding:3px 10px; border:1px solid var(--line); border-radius:6px; background:var(--soft); color:var(--fg); cursor:pointer; }
button:hover { background:#eaeef2; } .toolbar { display:flex; align-items:center; gap:8px; } .toolbar .filter { margin-right:8px; }
main { padding:0 32px 40px; max-width:1400px; }
.verdict { display:inline-flex; align-items:center; gap:4px; padding:1px 8px; border-radius:999px; font-size:12px; font-weight:700; letter-spacing:.03em; border:1px solid currentColor; white-space:nowrap; }
.verdict-passed { color:var(--pass-fg); background:var(--pass-bg); }
.verdict-failed { color:var(--fail-fg); background:var(--fail-bg); }
.verdict-error { color:var(--error-fg); background:var(--error-bg); }
.verdict-none { color:var(--muted); background:var(--soft); }
.counts { font-weight:400; color:var(--muted); font-size:13px; }
.grid-wrap { overflow-x:auto; }
table { border-collapse:collapse; width:100%; margin:8px 0; }
caption { text-align:left; color:var(--muted); padding:4px 0 8px; }
th, td { border:1px solid var(--line); padding:6px 8px; text-align:left; vertical-align:top; }
thead th { background:var(--soft); font-weight:600; }
.grid th[scope=row] { min-width:260px; max-width:380px; font-weight:400; background:#fff; }
.grid th[scope=row] > span { display:block; } .grid .sub code { font-weight:600; word-break:break-all; }
.grid .aud { color:var(--muted); font-size:12px; }
.tamper { display:inline-block; margin-top:2px; font-size:12px; font-weight:600; color:var(--error-fg); }
.grid td { min-width:190px; padding:4px; }
.grid td.empty { color:var(--muted); text-align:center; vertical-align:middle; }
.cell-case { display:block; padding:6px 8px; margin:2px 0; border-radius:6px; border:1px solid var(--line); color:var(--fg); text-decoration:none; border-left-width:4px; }
.cell-case:hover, .cell-case:focus { background:var(--soft); outline:2px solid var(--accent); outline-offset:1px; }
.cell-case[data-status=passed] { border-left-color:var(--pass-fg); } .cell-case[data-status=failed] { border-left-color:var(--fail-fg); } .cell-case[data-status=error] { border-left-color:var(--error-fg); }
.cell-case > span { display:block; } .cell-case > .verdict { display:inline-flex; }
.cell-name { font-size:12px; color:var(--muted); overflow:hidden; text-overflow:ellipsis; white-space:nowrap; max-width:260px; margin-top:2px; }
.eo { font-size:12.5px; } .eo .k { display:inline-block; width:62px; color:var(--muted); }
.eo.differs { font-weight:700; color:var(--fail-fg); } .eo.differs .k { font-weight:400; color:var(--muted); } .reads { font-size:12px; color:var(--muted); }
.failure-list { margin:0; padding-left:0; list-style:none; } .failure-list li { margin:6px 0; }
.failure-list a { font-weight:600; text-decoration:none; } .failure-list a:hover { text-decoration:underline; }
details.case, details.role { border:1px solid var(--line); border-radius:8px; margin:6px 0; background:#fff; }
details > summary { cursor:pointer; padding:8px 12px; list-style-position:outside; }
details[open] > summary { border-bottom:1px solid var(--line); background:var(--soft); border-radius:8px 8px 0 0; }
details.case:target { outline:2px solid var(--accent); } details.case, section { scroll-margin-top:56px; }
.case-name { font-weight:600; } .case-brief { display:block; color:var(--muted); font-size:12.5px; margin-left:2px; }
.case-body, .role-body { padding:4px 16px 12px; }
.differs { color:var(--fail-fg); font-weight:700; }
.sr-tag, .visually-hidden { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
pre.aws-error { background:var(--soft); border:1px solid var(--line); border-radius:6px; padding:8px 10px; white-space:pre-wrap; word-break:break-word; margin:0; }
.note { color:var(--muted); margin:4px 0; }
.token-parts, .policies { display:grid; grid-template-columns:repeat(auto-fit,minmax(320px,1fr)); gap:12px; }
.json { background:var(--soft); border:1px solid var(--line); border-radius:6px; padding:8px 10px; overflow-x:auto; white-space:pre-wrap; word-break:break-word; }
.j-block { padding-left:2ch; } .j-key { color:#0550ae; } .j-str { color:#0a3069; } .j-num, .j-lit { color:#8250df; }
.j-row.hl-deciding, .j-row.hl-nearmiss { background:#fff8c5; border-left:4px solid #9a6700; margin-left:-6px; padding:2px 4px; border-radius:3px; }
.j-row.hl-cond-fail { background:#ffebe9; outline:1px dashed var(--fail-fg); border-radius:3px; }
.j-row.hl-cond-ok { background:#dafbe1; border-radius:3px; }
.j-mark { display:inline-block; margin-right:8px; padding:0 6px; border-radius:4px; font-family:system-ui,sans-serif; font-size:11.5px; font-weight:700; background:#fff; border:1px solid currentColor; }
.hl-deciding > .j-mark, .hl-nearmiss > .j-mark { color:#7d4e00; } .hl-cond-fail > .j-mark { color:var(--fail-fg); } .hl-cond-ok > .j-mark { color:var(--pass-fg); }
.j-row.hl-pattern { background:#fff; outline:2px solid #9a6700; border-radius:3px; font-weight:700; } .hl-pattern > .j-mark { color:#7d4e00; }
mark.decided { background:#fff8c5; outline:1px solid #9a6700; color:inherit; border-radius:2px; }
.decision { margin:4px 0 8px; }
tr.cond-fail td:nth-child(4) { color:var(--fail-fg); font-weight:700; } tr.cond-ok td:nth-child(4) { color:var(--pass-fg); font-weight:700; }
.severity { font-weight:700; white-space:nowrap; } .severity-error { color:var(--fail-fg); } .severity-warning { color:var(--error-fg); } .severity-info { color:var(--muted); }
.admitted-ids { margin:4px 0 0; padding-left:18px; } .admitted-ids li { margin:4px 0; }
.claims { display:grid; grid-template-columns:max-content 1fr; gap:0 8px; margin:2px 0 0; } .claims > div { display:contents; } .claims dt { color:var(--muted); } .claims dd { margin:0; }
.checks { list-style:none; padding:0; margin:0 0 8px; }
.tag-unexpected { display:inline-block; padding:0 6px; border-radius:4px; font-size:12px; font-weight:700; color:var(--fail-fg); background:var(--fail-bg); border:1px solid currentColor; white-space:nowrap; }
tr.unexpected > th, tr.unexpected > td { background:var(--fail-bg); }
footer { padding:16px 32px; color:var(--muted); border-top:1px solid var(--line); font-size:12px; }
.only-failures .case[data-status=passed], .only-failures tr[data-has-failure=false], .only-failures .cell-case[data-status=passed],
.only-failures .scenario[data-has-failure=false], .only-failures .failure-free-note { display:none; }
@media print { nav { position:static; } .toolbar { display:none; } details { break-inside:avoid; } .page-header { background:#fff; } }
`;

package relation

import "html/template"

// htmlTemplate is the page of [WriteHTML]. html/template escapes every value
// for its context (text, attribute, URL).
var htmlTemplate = template.Must(template.New("page").Parse(htmlPageSource))

const htmlPageSource = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsgraph">
<title>{{.Title}}</title>
<style>
:root{--ink:#1e293b;--muted:#64748b;--line:#e2e8f0;--paper:#f8fafc;--card:#fff;--accent:#0f172a}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--paper)}
header{display:flex;flex-wrap:wrap;align-items:baseline;gap:.4rem 1.5rem;padding:.9rem 1.5rem;background:var(--accent);color:#f1f5f9}
header h1{margin:0;font-size:1.15rem;font-weight:650;letter-spacing:.01em}
header h1 span{color:#94a3b8;font-weight:400}
header .stats{color:#cbd5e1;font-size:.9rem}
.legend{display:flex;flex-wrap:wrap;gap:.4rem;margin-left:auto}
.chip{display:inline-flex;align-items:center;gap:.35rem;padding:.1rem .55rem;border-radius:999px;font-size:.82rem;background:var(--bg);color:var(--c);border:1px solid color-mix(in srgb,var(--c) 35%,transparent);text-decoration:none;cursor:pointer}
.chip i{width:.6rem;height:.6rem;border-radius:50%;background:var(--c)}
.chip b{font-weight:600}
.t-person{--c:#2563eb;--bg:#dbeafe}
.t-country{--c:#047857;--bg:#d1fae5}
.t-organization{--c:#c2410c;--bg:#ffedd5}
.t-location{--c:#7c3aed;--bg:#ede9fe}
.t-group{--c:#0e7490;--bg:#cffafe}
.t-other{--c:#475569;--bg:#e2e8f0}
.notes{margin:.8rem 1.5rem 0;padding:.5rem .8rem;border-left:3px solid #f59e0b;background:#fffbeb;color:#92400e;font-size:.88rem}
.notes p{margin:0}
main{display:grid;grid-template-columns:minmax(0,1.75fr) minmax(320px,1fr);gap:1rem;padding:1rem 1.5rem;align-items:start}
.col{display:flex;flex-direction:column;gap:1rem;min-width:0}
.panel{background:var(--card);border:1px solid var(--line);border-radius:10px;box-shadow:0 1px 2px rgb(0 0 0 / .04)}
.panel h2{margin:0;padding:.65rem 1rem;font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);border-bottom:1px solid var(--line)}
.graph svg{display:block;width:100%;height:auto}
.graph .hint{margin:0;padding:.4rem 1rem .6rem;color:var(--muted);font-size:.82rem}
.node{cursor:pointer}
.node circle{fill:var(--c);stroke:#fff;stroke-width:2}
.node text{font-size:12.5px;fill:#0f172a;font-weight:550;paint-order:stroke;stroke:#fff;stroke-width:4px;stroke-linejoin:round;text-anchor:middle}
.edge{cursor:pointer}
.edge path{fill:none;stroke:#94a3b8;stroke-width:1.6}
.edge path.hit{stroke:transparent;stroke-width:12}
.edge.negated path:not(.hit){stroke:#dc2626;stroke-dasharray:6 4}
.edge.modal path:not(.hit){stroke:#64748b;stroke-dasharray:2 3}
.edge text{font-size:10.5px;fill:#334155;paint-order:stroke;stroke:#fff;stroke-width:3.5px;stroke-linejoin:round;text-anchor:middle;letter-spacing:.02em}
.edge.negated text{fill:#b91c1c}
.edge:hover path:not(.hit),.edge.hl path:not(.hit){stroke:#0f172a;stroke-width:2.6}
.edge.hl text{font-weight:700}
.node.hl circle{stroke:#0f172a;stroke-width:3}
body.focus .node:not(.hl),body.focus .edge:not(.hl){opacity:.18}
body.focus .rel:not(.hl){opacity:.45}
.relations{display:flex;flex-direction:column;max-height:calc(100vh - 2rem);position:sticky;top:1rem}
.relations ol{list-style:none;margin:0;padding:.3rem 0;overflow:auto}
.rel{border-bottom:1px solid var(--line)}
.rel:last-child{border-bottom:0}
.rel summary{display:flex;flex-wrap:wrap;align-items:center;gap:.3rem .4rem;padding:.45rem 1rem;cursor:pointer;list-style:none}
.rel summary::-webkit-details-marker{display:none}
.rel summary:hover{background:#f1f5f9}
.rel.hl summary{background:#eef2ff}
.who{font-weight:600;color:var(--c)}
.type{font:600 .74rem/1.4 ui-monospace,SFMono-Regular,Menlo,monospace;padding:.05rem .4rem;border-radius:4px;background:#e2e8f0;color:#0f172a}
.rel.negated .type{background:#fee2e2;color:#b91c1c}
.rel.modal .type{background:#f1f5f9;color:#475569;outline:1px dashed #94a3b8}
.count{font-size:.78rem;color:var(--muted)}
.ev{margin:0 1rem .6rem;padding:.45rem .7rem;border-left:3px solid #cbd5e1;background:#f8fafc;border-radius:0 6px 6px 0;font-size:.9rem}
.ev q{quotes:none}
.ev .meta{display:block;margin-top:.25rem;color:var(--muted);font-size:.78rem}
.ev .cue{font-weight:600;color:#0f172a;background:#fef9c3;padding:0 .25rem;border-radius:3px}
.more{margin:0 1rem .6rem;color:var(--muted);font-size:.8rem}
.entities .list{display:flex;flex-wrap:wrap;gap:.35rem;padding:.7rem 1rem}
.entities h3{margin:0;padding:.2rem 1rem 0;font-size:.78rem;color:var(--muted);font-weight:500}
.chip.hl{outline:2px solid var(--c)}
.docs{display:flex;flex-direction:column;gap:1rem}
.doc{padding:0 0 .4rem}
.doc h2 small{font-weight:400;text-transform:none;letter-spacing:0}
.doc .text{margin:0;padding:.8rem 1.1rem;white-space:pre-wrap;overflow-wrap:anywhere;font-size:1rem;line-height:1.75}
.m{background:var(--bg);border-bottom:2px solid var(--c);border-radius:3px;padding:0 .1rem;color:inherit;text-decoration:none}
a.m{cursor:pointer}
.m.hl{background:var(--c);color:#fff}
.cut{margin:0 1.1rem .6rem;color:#92400e;font-size:.85rem}
footer{padding:0 1.5rem 1.5rem;color:var(--muted);font-size:.8rem}
@media (max-width:900px){main{grid-template-columns:1fr}.relations{max-height:none}}
</style>
</head>
<body>
<header>
<h1>newsgraph <span>· {{with .Docs}}{{if eq (len $.Docs) 1}}{{(index $.Docs 0).ID}}{{else}}{{$.DocsTotal}} documents{{end}}{{else}}no documents{{end}}</span></h1>
<div class="stats">{{len .Entities}} entities · {{.EdgesTotal}} relations</div>
<div class="legend">{{range .Legend}}<span class="chip {{.Class}}"><i></i>{{.Name}} <b>{{.Count}}</b></span>{{end}}</div>
</header>
{{with .Notes}}<div class="notes" id="notes">{{range .}}<p>{{.}}</p>{{end}}</div>{{end}}
<main>
<div class="col">
<section class="panel graph" aria-label="Graph">
<h2>Graph</h2>
<svg id="graph" viewBox="0 0 {{.Width}} {{.Height}}" role="img" aria-label="Graph of {{len .Drawn}} entities and {{len .DrawnEdges}} relations">
<defs>
<marker id="arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#94a3b8"/></marker>
<marker id="arrow-negated" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#dc2626"/></marker>
<marker id="arrow-modal" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#64748b"/></marker>
</defs>
<g class="edges">{{range .DrawnEdges}}
<g class="edge{{with .Style}} {{.}}{{end}}" data-edge="{{.Key}}" data-ends="{{.Source.Key}} {{.Target.Key}}"><title>{{.Source.Label}} {{.Label}} {{.Target.Label}} ({{.Edge.Count}})</title><path class="hit" d="{{.Path}}"/><path d="{{.Path}}"{{if .Directed}} marker-end="url(#arrow{{with .Style}}-{{.}}{{end}})"{{end}}/><text x="{{.LabelX}}" y="{{.LabelY}}" dy="-3">{{.Label}}</text></g>{{end}}
</g>
<g class="nodes">{{range .Drawn}}
<g class="node {{.Class}}" data-node="{{.Key}}" id="{{.Key}}" transform="translate({{.X}} {{.Y}})"><title>{{.Label}}{{with .Node.Title}}, {{.}}{{end}} · {{.Node.Type}}{{with .Node.Code}} · {{.}}{{end}} · mentioned {{.Node.Mentions}}×</title><circle r="{{.R}}"/><text y="{{.R}}" dy="15">{{.Label}}</text></g>{{end}}
</g>
</svg>
<p class="hint">Click an entity to follow it, an edge to read its evidence; Esc clears. Dashed red: negated; dotted: alleged, requested, intended, denied or reported.</p>
</section>
<div class="docs">{{range .Docs}}
<article class="panel doc" id="{{.Key}}">
<h2>{{.ID}} <small>· {{.Mentions}} mentions of entities</small></h2>
<p class="text">{{range .Segments}}{{template "seg" .}}{{end}}</p>{{with .Cut}}
<p class="cut">The rest of this document ({{.}} bytes) is not shown.</p>{{end}}
</article>{{end}}
</div>
</div>
<div class="col">
<section class="panel entities" aria-label="Entities">
<h2>Entities ({{len .Entities}})</h2>
<div class="list">{{range .Entities}}<a class="chip {{.Class}}" data-node="{{.Key}}" href="#{{.Key}}" title="{{.Node.ID}}{{with .Node.Code}} · {{.}}{{end}}{{with .Node.Aliases}} · also {{range $i, $a := .}}{{if $i}}, {{end}}{{$a}}{{end}}{{end}}">{{.Label}} <b>{{.Node.Mentions}}</b></a>{{end}}</div>
{{with .Isolated}}<h3>Not drawn, in no relation: {{len .}}</h3>{{end}}
</section>
<section class="panel relations" aria-label="Relations">
<h2>Relations ({{len .Edges}}{{if ne (len .Edges) .EdgesTotal}} of {{.EdgesTotal}}{{end}})</h2>
<ol>{{range .Edges}}
<li><details class="rel{{with .Style}} {{.}}{{end}}" id="{{.Key}}" data-edge="{{.Key}}" data-ends="{{.Source.Key}} {{.Target.Key}}">
<summary><span class="who {{.Source.Class}}">{{.Source.Label}}</span> <span class="type" title="{{with .PLOVER}}PLOVER {{.}} · {{end}}confidence {{.Confidence}}">{{.Label}}</span> <span class="who {{.Target.Class}}">{{.Target.Label}}</span><span class="count">{{.Edge.Count}}×</span></summary>
{{range .Evidence}}<div class="ev"><q>{{range .Segments}}{{template "seg" .}}{{end}}</q><span class="meta">cue <span class="cue">{{.Cue}}</span> · {{if .DocKey}}<a href="#{{.DocKey}}">{{.Doc}}</a>{{else}}{{.Doc}}{{end}} · bytes {{.Start}}–{{.End}}</span></div>
{{end}}{{with .MoreEvidence}}<p class="more">and {{.}} more pieces of evidence</p>{{end}}</details></li>{{end}}
</ol>
</section>
</div>
</main>
<footer>Made by newsgraph. Entities, relations and evidence are machine-read; check the evidence.</footer>
<script>
(function () {
  "use strict";
  var body = document.body;
  function all(sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); }
  function clear() {
    all(".hl").forEach(function (e) { e.classList.remove("hl"); });
    body.classList.remove("focus");
    body.removeAttribute("data-focus");
  }
  function mark(sel) { all(sel).forEach(function (e) { e.classList.add("hl"); }); }
  function focusNode(key) {
    clear();
    body.classList.add("focus");
    body.setAttribute("data-focus", key);
    mark('[data-node="' + key + '"]');
    all('[data-ends~="' + key + '"]').forEach(function (e) {
      e.classList.add("hl");
      e.getAttribute("data-ends").split(" ").forEach(function (k) { mark('.node[data-node="' + k + '"]'); });
    });
  }
  function focusEdge(key, open) {
    clear();
    body.classList.add("focus");
    body.setAttribute("data-focus", key);
    mark('[data-edge="' + key + '"]');
    var d = document.getElementById(key);
    if (d) {
      d.getAttribute("data-ends").split(" ").forEach(function (k) { mark('.node[data-node="' + k + '"]'); });
      if (open) { d.open = true; d.scrollIntoView({block: "nearest"}); }
    }
  }
  document.addEventListener("click", function (ev) {
    var n = ev.target.closest("[data-node]");
    if (n) {
      ev.preventDefault();
      var key = n.getAttribute("data-node");
      if (body.getAttribute("data-focus") === key) { clear(); } else { focusNode(key); }
      return;
    }
    var e = ev.target.closest("[data-edge]");
    if (e) {
      var k = e.getAttribute("data-edge");
      if (e.tagName === "DETAILS") {
        if (ev.target.closest("summary")) { focusEdge(k, false); }
        return;
      }
      focusEdge(k, true);
    }
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { clear(); } });
  // A link to the page can name an entity (#n3) or a relation (#e7) to show.
  var hash = decodeURIComponent(location.hash.slice(1));
  if (/^n[0-9]+$/.test(hash) && document.querySelector('[data-node="' + hash + '"]')) {
    focusNode(hash);
  } else if (/^e[0-9]+$/.test(hash) && document.getElementById(hash)) {
    focusEdge(hash, true);
  }
  body.setAttribute("data-ready", all(".node").length + " nodes, " + all(".edge").length + " edges");
})();
</script>
</body>
</html>
{{define "seg"}}{{if .Node}}<a class="m {{.Class}}" data-node="{{.Node}}" href="#{{.Node}}" title="{{.Title}}">{{.Text}}</a>{{else if .Class}}<span class="m {{.Class}}" title="{{.Title}}">{{.Text}}</span>{{else}}{{.Text}}{{end}}{{end}}`

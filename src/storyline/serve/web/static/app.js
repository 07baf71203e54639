// Storyline's web page: map and timeline of events, event, story, article and compare pages.
// Every piece of data reaches the page as a text node or an attribute value set through the DOM:
// report text is never parsed as HTML, so markup in a report shows as the characters it is.
"use strict";

(function () {
  const view = document.getElementById("view");
  const TYPE_COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9",
    "Riots": "#16a085",
    "Strategic developments": "#7f8c8d",
  };
  const FIELD_LABELS = {
    event_type: "type", sub_event_type: "sub-type", actor1: "actor 1", actor2: "actor 2", place: "place",
    time: "time", fatalities: "killed", injuries: "injured", victims: "victims",
  };
  let map = null;  // the Leaflet map of the map page, kept while that page is shown
  let markers = null;
  let countries = null;

  // -- DOM helpers ---------------------------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "onclick" || name === "onchange" || name === "onsubmit" || name === "oninput") {
        node.addEventListener(name.slice(2), value);
      } else {
        node.setAttribute(name, value === true ? "" : String(value));
      }
    }
    append(node, children);
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (name === "onclick") node.addEventListener("click", value);
      else if (value !== null && value !== undefined) node.setAttribute(name, String(value));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  function show(...children) {
    if (map) { map.remove(); map = null; markers = null; }
    view.replaceChildren(...children.filter(Boolean));
  }

  function link(href, ...children) { return el("a", { href }, ...children); }

  // Text with spans marked: spans [{start, end, cls, title, attrs}] over text offsets [start, end).
  // Overlapping spans split the text at every boundary; a piece covered by several gets them all.
  function highlighted(text, spans, offset) {
    offset = offset || 0;
    const cuts = new Set([0, text.length]);
    for (const s of spans) {
      cuts.add(Math.max(0, Math.min(text.length, s.start - offset)));
      cuts.add(Math.max(0, Math.min(text.length, s.end - offset)));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const fragment = document.createDocumentFragment();
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i], to = points[i + 1];
      const piece = text.slice(from, to);
      const covering = spans.filter((s) => s.start - offset <= from && s.end - offset >= to);
      if (!covering.length) { fragment.appendChild(document.createTextNode(piece)); continue; }
      const classes = [...new Set(covering.map((s) => s.cls))].join(" ");
      const title = [...new Set(covering.map((s) => s.title).filter(Boolean))].join("; ");
      const attrs = Object.assign({ class: classes, title }, ...covering.map((s) => s.attrs || {}));
      fragment.appendChild(el("mark", attrs, piece));
    }
    return fragment;
  }

  // -- data ----------------------------------------------------------------------------------------

  async function api(path, params) {
    const query = params ? "?" + new URLSearchParams(params).toString() : "";
    const response = await fetch("/api" + path + query, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({ detail: response.statusText }));
    if (!response.ok) throw new Error(body.detail || response.statusText);
    return body;
  }

  function errorBox(error) { return el("p", { class: "error", role: "alert" }, String(error.message || error)); }

  function dateText(time) {
    if (!time || !time.start) return time && time.text ? `(${time.text})` : "undated";
    return time.end && time.end !== time.start ? `${time.start} – ${time.end}` : time.start;
  }

  function figureText(figure) {
    if (!figure) return "—";
    const { low, best, high } = figure;
    if (best === null && low === null) return `“${figure.text}”`;
    return `${low ?? "?"} / ${best ?? "?"} / ${high ?? "?"}`;
  }

  function placeText(place) {
    return [place.location, place.admin1, place.country].filter(Boolean).join(", ") || "unresolved";
  }

  function reportName(report) {
    return report.outlet || report.title || report.external_id || report.id;
  }

  function reportDate(report) {
    if (report.published) return report.published;
    if (report.published_inferred) return `${report.published_inferred} (inferred)`;
    return "undated";
  }

  // -- routing -------------------------------------------------------------------------------------

  function route() {
    const hash = location.hash.replace(/^#\/?/, "");
    const [path, query] = hash.split("?");
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    const params = new URLSearchParams(query || "");
    const pages = { event: eventPage, story: storyPage, stories: storiesPage, article: articlePage,
                    compare: comparePage, framing: framingPage };
    const page = pages[parts[0]];
    document.body.dataset.page = parts[0] || "map";
    if (!page) return mapPage(params);
    return page(parts.slice(1), params);
  }

  window.addEventListener("hashchange", () => { route().catch((e) => show(errorBox(e))); });

  // -- map page ------------------------------------------------------------------------------------

  const FILTERS = ["q", "country", "event_type", "sub_event_type", "date_from", "date_to", "min_fatalities",
                   "min_sources"];

  async function mapPage(params) {
    if (map && document.getElementById("filters")) return refreshMap(params);
    const facets = await api("/events/facets");
    const option = (value, label) => el("option", { value }, label);
    const select = (name, label, values, names) => el("label", {}, label,
      el("select", { name }, option("", "any"),
         values.map(([value, count]) => option(value, `${(names && names[value]) || value} (${count})`))));
    const input = (name, label, type, extra) => el("label", {}, label, el("input", Object.assign({ name, type }, extra || {})));
    const form = el("form", { id: "filters", class: "filters", onsubmit: (e) => { e.preventDefault(); applyFilters(); },
                              onchange: () => applyFilters() },
      input("q", "Words", "search", { placeholder: "drone, Khatlon…" }),
      select("country", "Country", facets.country_iso, facets.country_names),
      select("event_type", "Event type", facets.event_type),
      select("sub_event_type", "Sub-event type", facets.sub_event_type),
      input("date_from", "From", "date", { min: facets.first_date, max: facets.last_date }),
      input("date_to", "To", "date", { min: facets.first_date, max: facets.last_date }),
      input("min_fatalities", "Killed at least", "number", { min: 0 }),
      input("min_sources", "Independent sources at least", "number", { min: 0 }),
      el("div", { class: "buttons" }, el("button", { type: "submit" }, "Apply"),
         el("button", { type: "button", onclick: () => { location.hash = "#/"; } }, "Clear")));
    const mapBox = el("div", { id: "map", class: "map" });
    const summary = el("p", { id: "summary", class: "summary" });
    const timeline = el("div", { id: "timeline", class: "timeline" });
    const list = el("div", { id: "event-list" });
    show(el("div", { class: "map-page" }, el("aside", {}, el("h2", {}, "Filters"), form),
            el("section", { class: "map-main" }, summary, mapBox, el("h3", {}, "Timeline"), timeline, list)));
    map = L.map(mapBox, { worldCopyJump: true, minZoom: 1, maxZoom: 10, zoomSnap: 0.25 }).setView([20, 30], 2);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Borders: Natural Earth via world-atlas");
    if (!countries) {
      const topo = await fetch("/static/vendor/world-atlas/countries-50m.json").then((r) => r.json());
      countries = topojson.feature(topo, topo.objects.countries);
    }
    L.geoJSON(countries, { style: { color: "#8a9bab", weight: 0.6, fillColor: "#eef2f5", fillOpacity: 1 },
                           interactive: false }).addTo(map);
    markers = L.layerGroup().addTo(map);
    return refreshMap(params);
  }

  function applyFilters() {
    const form = document.getElementById("filters");
    const params = new URLSearchParams();
    for (const name of FILTERS) {
      const value = form.elements[name].value.trim();
      if (value) params.set(name, value);
    }
    const target = "#/" + (params.toString() ? "?" + params.toString() : "");
    if (location.hash !== target) location.hash = target;
  }

  async function allEvents(params) {
    const found = [];
    let cursor = null, total = null;
    do {
      const query = Object.assign({}, params, { limit: 1000, sort: "date" }, cursor ? { cursor } : { total: "true" });
      const page = await api("/events", query);
      if (page.total !== null && page.total !== undefined) total = page.total;
      found.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor && found.length < 20000);
    return { events: found, total };
  }

  async function refreshMap(params) {
    const form = document.getElementById("filters");
    const query = {};
    for (const name of FILTERS) {
      const value = params.get(name) || "";
      form.elements[name].value = value;
      if (value) query[name] = value;
    }
    const summary = document.getElementById("summary");
    let result;
    try {
      result = await allEvents(query);
    } catch (error) {
      summary.replaceChildren(errorBox(error));
      return;
    }
    const { events, total } = result;
    markers.clearLayers();
    const points = [];
    for (const event of events) {
      if (event.place.latitude === null || event.place.longitude === null) continue;
      const killed = event.fatalities ? (event.fatalities.best ?? event.fatalities.low ?? 0) : 0;
      const colour = TYPE_COLOURS[event.event_type] || "#34495e";
      const marker = L.circleMarker([event.place.latitude, event.place.longitude], {
        radius: Math.min(28, 5 + 3 * Math.log2(1 + killed)), color: colour, fillColor: colour, fillOpacity: 0.55, weight: 1.5,
        className: "event-marker",
      });
      marker.bindTooltip(el("span", {}, `${event.sub_event_type}, ${placeText(event.place)}, ${dateText(event.time)}: ${killed} killed`));
      marker.on("click", () => { location.hash = "#/event/" + encodeURIComponent(event.id); });
      marker.addTo(markers);
      const path = marker.getElement();
      if (path) { path.setAttribute("data-event-id", event.id); path.setAttribute("data-event-type", event.event_type); }
      points.push([event.place.latitude, event.place.longitude]);
    }
    if (points.length) map.fitBounds(points, { padding: [40, 40], maxZoom: 6 });
    const located = points.length;
    summary.replaceChildren(
      el("span", { id: "event-count", "data-count": events.length }, `${total ?? events.length} events`),
      ` match (${located} on the map). Marker size: people killed; colour: event type.`,
      el("span", { class: "legend" }, Object.entries(TYPE_COLOURS).map(([type, colour]) =>
        el("span", { class: "legend-item" }, el("span", { class: "swatch", "data-colour": colour }), type))));
    for (const swatch of summary.querySelectorAll(".swatch")) swatch.style.background = swatch.dataset.colour;
    drawTimeline(events, query);
    drawEventList(events);
  }

  // Events per week (or month, over long spans), as bars; a click on a bar filters to that period.
  function drawTimeline(events, query) {
    const box = document.getElementById("timeline");
    const dated = events.filter((e) => e.time.start);
    if (!dated.length) { box.replaceChildren(el("p", { class: "muted" }, "No dated events.")); return; }
    const day = (s) => Date.parse(s + "T00:00:00Z") / 86400000;
    const first = Math.min(...dated.map((e) => day(e.time.start)));
    const last = Math.max(...dated.map((e) => day(e.time.start)));
    const monthly = last - first > 370;
    const bucketOf = (s) => monthly ? s.slice(0, 7) : weekStart(s);
    const counts = new Map();
    for (const e of dated) counts.set(bucketOf(e.time.start), (counts.get(bucketOf(e.time.start)) || 0) + 1);
    const buckets = [];
    for (let d = first; d <= last + (monthly ? 31 : 7); d += monthly ? 28 : 7) {
      const key = bucketOf(new Date(d * 86400000).toISOString().slice(0, 10));
      if (!buckets.includes(key)) buckets.push(key);
    }
    const width = 800, height = 120, pad = 24;
    const step = (width - 2 * pad) / buckets.length;
    const top = Math.max(...counts.values());
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "timeline-chart", role: "img",
                               "aria-label": "Events over time" });
    buckets.forEach((key, i) => {
      const count = counts.get(key) || 0;
      const barHeight = count ? Math.max(2, (height - 2 * pad) * count / top) : 0;
      const [from, to] = monthly ? monthRange(key) : [key, addDays(key, 6)];
      const bar = svg("rect", {
        x: pad + i * step + 1, y: height - pad - barHeight, width: Math.max(1, step - 2), height: barHeight,
        class: "timeline-bar", "data-from": from, "data-to": to, "data-count": count,
        onclick: () => {
          const params = new URLSearchParams(Object.assign({}, query, { date_from: from, date_to: to }));
          location.hash = "#/?" + params.toString();
        },
      }, svg("title", {}, `${from} – ${to}: ${count} events`));
      chart.appendChild(bar);
    });
    chart.appendChild(svg("text", { x: pad, y: height - 6, class: "axis" }, buckets[0]));
    chart.appendChild(svg("text", { x: width - pad, y: height - 6, class: "axis", "text-anchor": "end" }, buckets[buckets.length - 1]));
    box.replaceChildren(chart);
  }

  function weekStart(iso) {
    const date = new Date(iso + "T00:00:00Z");
    date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
    return date.toISOString().slice(0, 10);
  }
  function addDays(iso, days) {
    const date = new Date(iso + "T00:00:00Z");
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
  }
  function monthRange(month) {
    const [y, m] = month.split("-").map(Number);
    return [`${month}-01`, new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)];
  }

  function drawEventList(events) {
    const rows = events.slice().reverse().slice(0, 500).map((e) => el("tr", { "data-event-id": e.id },
      el("td", {}, dateText(e.time)),
      el("td", {}, link("#/event/" + encodeURIComponent(e.id), e.sub_event_type)),
      el("td", {}, placeText(e.place)),
      el("td", { class: "number" }, e.fatalities ? figureText(e.fatalities) : "—"),
      el("td", { class: "number" }, `${e.independent_sources} / ${e.report_count}`)));
    document.getElementById("event-list").replaceChildren(el("table", { class: "events" },
      el("thead", {}, el("tr", {}, el("th", {}, "When"), el("th", {}, "What"), el("th", {}, "Where"),
         el("th", {}, "Killed (low / best / high)"), el("th", {}, "Independent sources / reports"))),
      el("tbody", {}, rows)));
  }

  // -- event page ----------------------------------------------------------------------------------

  async function eventPage([id]) {
    const event = await api("/events/" + encodeURIComponent(id));
    const actor = (a) => a ? `${a.text}${a.canonical && a.canonical !== a.text ? ` → ${a.canonical}` : ""}${a.category ? ` (${a.category})` : ""}` : "—";
    const row = (label, ...value) => el("tr", {}, el("th", {}, label), el("td", {}, ...value));
    const place = event.place;
    const fields = el("table", { class: "fields" }, el("tbody", {},
      row("Event type", `${event.event_type} / ${event.sub_event_type}`),
      row("PLOVER / CAMEO", `${event.plover_type || "—"} ${event.plover_mode || ""} / ${event.cameo_root || "—"}`),
      row("Actor 1", actor(event.actor1)),
      row("Actor 2", actor(event.actor2)),
      row("Place", placeText(place), place.latitude !== null ? ` (${place.latitude.toFixed(3)}, ${place.longitude.toFixed(3)}; precision ${place.precision})` : ""),
      row("When", dateText(event.time), ` (precision ${event.time.precision}${event.time.text ? `; “${event.time.text}”` : ""})`),
      row("Killed (low / best / high)", el("span", { class: "figure", id: "fatalities" }, figureText(event.fatalities)),
          event.fatalities ? ` — as written: “${event.fatalities.text}”` : ""),
      row("Injured (low / best / high)", figureText(event.injuries), event.injuries ? ` — as written: “${event.injuries.text}”` : ""),
      row("ACLED-style fatalities", String(event.acled_fatalities)),
      row("Victims", event.victims || "—"),
      row("Aggregate", event.is_aggregate ? `yes: ${event.incident_count || "several"} incidents told together` : "no"),
      row("Confidence", event.confidence.toFixed(2))));
    const sources = el("p", { id: "sources", class: "sources" },
      el("strong", {}, String(event.independent_sources)), ` independent source${event.independent_sources === 1 ? "" : "s"} among `,
      el("strong", {}, String(event.report_count)), ` report${event.report_count === 1 ? "" : "s"}`,
      event.report_count > event.independent_sources ? " (rewrites of one report count once)" : "");
    const reports = el("ol", { class: "reports" }, event.reports.map((r, i) => el("li", {},
      link("#/article/" + encodeURIComponent(r.id), reportName(r)), ` — ${reportDate(r)}`,
      i > 0 ? [" · ", link(`#/compare?a=${encodeURIComponent(event.reports[0].id)}&b=${encodeURIComponent(r.id)}`, "compare with the first")] : "")));
    const disagreements = event.disagreements.length
      ? el("table", { class: "disagreements", id: "disagreements" },
          el("thead", {}, el("tr", {}, el("th", {}, "Field"), el("th", {}, "Value"), el("th", {}, "Reports"), el("th", {}, "Independent sources"))),
          el("tbody", {}, event.disagreements.flatMap((d) => d.values.map((c, i) => el("tr", {},
            el("td", {}, i === 0 ? (FIELD_LABELS[d.field] || d.field) : ""), el("td", {}, c.value),
            el("td", {}, c.reports.length), el("td", {}, c.independent_sources))))))
      : el("p", { class: "muted", id: "disagreements" }, "The reports agree on every field.");
    show(el("article", { class: "event-page", "data-event-id": event.id },
      el("h1", {}, `${event.sub_event_type}: ${placeText(place)}, ${dateText(event.time)}`),
      fields, el("h2", {}, "Sources"), sources, reports,
      el("h2", {}, "Disagreements"), disagreements,
      el("h2", {}, "Evidence"), evidenceBlocks(event.evidence, event.reports)));
  }

  // Evidence grouped by report and sentence; each sentence shown with its spans marked.
  function evidenceBlocks(evidence, reports) {
    const names = Object.fromEntries(reports.map((r) => [r.id, r]));
    const byReport = new Map();
    for (const item of evidence) {
      if (!byReport.has(item.article_id)) byReport.set(item.article_id, new Map());
      const sentences = byReport.get(item.article_id);
      const key = item.sentence ? `${item.sentence.start}` : `${item.start}`;
      if (!sentences.has(key)) sentences.set(key, { sentence: item.sentence, items: [] });
      sentences.get(key).items.push(item);
    }
    const blocks = [];
    for (const [articleId, sentences] of byReport) {
      const report = names[articleId] || { id: articleId };
      blocks.push(el("section", { class: "evidence-report", "data-article-id": articleId },
        el("h3", {}, link("#/article/" + encodeURIComponent(articleId), reportName(report)), ` — ${reportDate(report)}`),
        [...sentences.values()].sort((a, b) => (a.sentence ? a.sentence.start : 0) - (b.sentence ? b.sentence.start : 0))
          .map(({ sentence, items }) => {
            const spans = items.map((i) => ({ start: i.start, end: i.end, cls: "evidence", title: FIELD_LABELS[i.field] || i.field,
                                              attrs: { "data-field": i.field } }));
            const text = sentence ? sentence.text : items[0].text;
            return el("blockquote", { class: "evidence-sentence" },
              highlighted(text, spans, sentence ? sentence.start : items[0].start),
              el("span", { class: "fields-used" }, [...new Set(items.map((i) => FIELD_LABELS[i.field] || i.field))].join(", ")));
          })));
    }
    return el("div", { id: "evidence" }, blocks);
  }

  // -- stories -------------------------------------------------------------------------------------

  async function storiesPage() {
    const stories = await api("/stories");
    show(el("section", {}, el("h1", {}, "Stories"),
      el("table", { class: "stories" },
        el("thead", {}, el("tr", {}, el("th", {}, "Story"), el("th", {}, "Reports"), el("th", {}, "Independent sources"), el("th", {}, "Published"))),
        el("tbody", {}, stories.map((s) => el("tr", {},
          el("td", {}, link("#/story/" + encodeURIComponent(s.id), s.title || s.id)),
          el("td", { class: "number" }, s.report_count), el("td", { class: "number" }, s.independent_sources),
          el("td", {}, s.first_published ? `${s.first_published} – ${s.last_published}` : "undated")))))));
  }

  async function storyPage([id]) {
    const story = await api("/stories/" + encodeURIComponent(id));
    const reports = el("ol", { class: "reports", id: "story-reports" }, story.reports.map((r) => el("li", { "data-article-id": r.id },
      el("span", { class: "date" }, reportDate(r)), " ", link("#/article/" + encodeURIComponent(r.id), reportName(r)),
      r.title && r.outlet ? ` — ${r.title}` : "")));
    const derivations = el("ul", { class: "derivations" }, story.derivations.map((d) => el("li", {},
      `${short(story, d.derived)} ${RELATION_VERBS[d.relation] || d.relation} ${short(story, d.source)} `,
      `(confidence ${d.confidence.toFixed(2)}) · `,
      link(`#/compare?a=${encodeURIComponent(d.source)}&b=${encodeURIComponent(d.derived)}`, "compare"))));
    show(el("article", { class: "story-page" },
      el("h1", {}, story.title || story.id),
      el("p", { class: "sources" }, `${story.report_count} reports, ${story.independent_sources} independent sources`),
      el("h2", {}, "Reports in time order"), reports,
      el("h2", {}, "Who rewrote whom"), derivationGraph(story), derivations,
      el("h2", {}, "Framing: the terms each outlet used"), framingTable(story.framing),
      story.events.length ? [el("h2", {}, "Events"), el("ul", {}, story.events.map((e) => el("li", {}, link("#/event/" + encodeURIComponent(e), e))))] : ""));
  }

  const RELATION_VERBS = { derived: "rewrote", update: "updated", duplicate: "duplicates",
                           common_source: "shares a missing source with", same_story: "independently reports the story of" };

  function short(story, id) {
    const report = story.reports.find((r) => r.id === id);
    return report ? reportName(report) : id;
  }

  // One row per independent source, holding the reports that descend from it (its lineage); reports left
  // to right in time order across rows; an arrow from each source to the report that rewrote it.
  function derivationGraph(story) {
    const width = 820, rowHeight = 76, left = 120;
    const lineage = (r) => (story.lineages && story.lineages[r.id]) || r.id;
    const roots = [...new Set(story.reports.map(lineage))];
    const n = story.reports.length;
    const height = 50 + rowHeight * roots.length;
    const position = {};
    story.reports.forEach((r, i) => {
      const x = left + (n === 1 ? (width - left) / 2 - 30 : i * (width - left - 60) / (n - 1));
      position[r.id] = [x, 70 + roots.indexOf(lineage(r)) * rowHeight];
    });
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "derivation-graph", role: "img",
                               "aria-label": `Derivation graph: ${roots.length} independent sources` },
      svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 8,
                                      markerHeight: 8, orient: "auto-start-reverse" },
                          svg("path", { d: "M 0 0 L 10 5 L 0 10 z", class: "arrow-head" }))));
    roots.forEach((root, row) => {
      chart.appendChild(svg("text", { x: 10, y: 74 + row * rowHeight, class: "lineage-label" }, `source ${row + 1}`));
    });
    for (const d of story.derivations) {
      const from = position[d.source], to = position[d.derived];
      if (!from || !to) continue;
      const dx = to[0] - from[0], dy = to[1] - from[1], length = Math.hypot(dx, dy) || 1;
      const trim = 34;
      const x1 = from[0] + dx * trim / length, y1 = from[1] + dy * trim / length;
      const x2 = to[0] - dx * trim / length, y2 = to[1] - dy * trim / length;
      // within a row, arc over the reports in between
      const bend = dy === 0 ? Math.min(50, 18 + 0.1 * Math.abs(dx)) : 0, lift = bend ? 12 : 0;
      chart.appendChild(svg("path", {
        d: `M ${x1} ${y1 - lift} Q ${(x1 + x2) / 2} ${(y1 + y2) / 2 - bend} ${x2} ${y2 - lift}`,
        class: `derivation-edge relation-${d.relation}`, "marker-end": "url(#arrow)",
        "data-source": d.source, "data-derived": d.derived,
      }, svg("title", {}, `${short(story, d.derived)}: ${d.relation} of ${short(story, d.source)} (${d.confidence.toFixed(2)})`)));
    }
    for (const r of story.reports) {
      const [x, y] = position[r.id];
      chart.appendChild(svg("g", { class: lineage(r) === r.id ? "report-node root" : "report-node",
                                   "data-article-id": r.id, "data-lineage": lineage(r),
                                   onclick: () => { location.hash = "#/article/" + encodeURIComponent(r.id); } },
        svg("circle", { cx: x, cy: y, r: 30 }),
        svg("text", { x, y: y - 2, "text-anchor": "middle" }, reportName(r).slice(0, 16)),
        svg("text", { x, y: y + 13, "text-anchor": "middle", class: "small" }, reportDate(r).slice(0, 10))));
    }
    return chart;
  }

  function framingTable(rows) {
    if (!rows.length) return el("p", { class: "muted" }, "No term substitutions found.");
    return el("table", { class: "framing" },
      el("thead", {}, el("tr", {}, el("th", {}, "Outlet"), el("th", {}, "Source's term"), el("th", {}, "Its term"), el("th", {}, "Times"))),
      el("tbody", {}, rows.map((r) => el("tr", {}, el("td", {}, r.outlet), el("td", {}, el("del", {}, r.source_term)),
        el("td", {}, el("ins", {}, r.derived_term)), el("td", { class: "number" }, r.count)))));
  }

  async function framingPage() {
    const rows = await api("/framing");
    show(el("section", {}, el("h1", {}, "Framing"),
      el("p", {}, "Terms that a rewrite put in place of its source's, by the rewriting outlet."), framingTable(rows)));
  }

  // -- article page --------------------------------------------------------------------------------

  async function articlePage([id]) {
    const article = await api("/articles/" + encodeURIComponent(id));
    const spans = article.spans.map((s) => ({ start: s.start, end: s.end, cls: `span span-${s.mention_type}`,
                                              title: `${s.mention_type} ${FIELD_LABELS[s.field] || s.field}`,
                                              attrs: { "data-field": s.field } }));
    const body = el("div", { class: "article-text", id: "article-text" }, highlighted(article.text, spans));
    show(el("article", { class: "article-page", "data-article-id": article.id },
      el("h1", { id: "article-title" }, article.title || `Report ${article.id}`),
      el("p", { class: "meta" }, [article.outlet, article.byline, reportDate(article), `version ${article.version}`,
                                  article.url].filter(Boolean).join(" · ")),
      article.events.length ? el("p", {}, "Events: ", article.events.map((e, i) => [i ? ", " : "", link("#/event/" + encodeURIComponent(e), e)])) : "",
      article.derivations.length ? el("ul", { class: "derivations" }, article.derivations.map((d) => {
        const other = d.source === article.id ? d.derived : d.source;
        return el("li", {}, d.source === article.id ? `${d.relation === "derived" ? "rewritten" : d.relation} by ` : `${d.relation} of `,
          link("#/article/" + encodeURIComponent(other), other), " · ",
          link(`#/compare?a=${encodeURIComponent(d.source)}&b=${encodeURIComponent(d.derived)}`, "compare"));
      })) : "",
      el("p", { class: "legend" }, el("mark", { class: "span span-event" }, "event fields"), " ",
         el("mark", { class: "span span-statement" }, "statement fields")),
      body));
  }

  // -- compare page --------------------------------------------------------------------------------

  async function comparePage(_parts, params) {
    const a = params.get("a"), b = params.get("b");
    const picker = await comparePicker(a, b);
    if (!a || !b) return show(el("section", {}, el("h1", {}, "Compare two reports"), picker));
    const result = await api("/compare", { a, b });
    const subsA = result.substitutions.map((s) => ({ start: s.source_start, end: s.source_end, cls: "substitution",
      title: `${s.source} → ${s.derived}`, attrs: { "data-source-term": s.source, "data-derived-term": s.derived } }));
    const subsB = result.substitutions.map((s) => ({ start: s.derived_start, end: s.derived_end, cls: "substitution",
      title: `${s.source} → ${s.derived}`, attrs: { "data-source-term": s.source, "data-derived-term": s.derived } }));
    // Words copied inside a sentence; a link stored before these were kept has none.
    const copied = result.copied || [];
    const copiedA = copied.map((c) => ({ start: c.source_start, end: c.source_end, cls: "copied", title: "copied" }));
    const copiedB = copied.map((c) => ({ start: c.derived_start, end: c.derived_end, cls: "copied", title: "copied" }));
    const marksA = copiedA.concat(subsA), marksB = copiedB.concat(subsB);
    const passage = (text, start, end, marks) => start === null ? el("span", { class: "muted" }, "—")
      : highlighted(text.slice(start, end), marks.filter((s) => s.start < end && s.end > start), start);
    // A passage aligned with several on the other side is shown once, its cell spanning their rows.
    const rows = [];
    let lastA = null, lastB = null;
    for (const x of result.alignments) {
      const row = el("tr", { class: `passage passage-${x.kind}`, "data-kind": x.kind });
      const keyA = x.source_start === null ? null : `${x.source_start}:${x.source_end}`;
      const keyB = x.derived_start === null ? null : `${x.derived_start}:${x.derived_end}`;
      if (keyA !== null && lastA && lastA.key === keyA) lastA.cell.rowSpan += 1;
      else {
        const cell = el("td", { class: "side side-a" }, passage(result.a.text, x.source_start, x.source_end, marksA));
        row.appendChild(cell);
        lastA = { key: keyA, cell };
      }
      row.appendChild(el("td", { class: "kind" }, el("span", { class: `badge badge-${x.kind}` }, x.kind === "rewrite" ? "rewritten" : x.kind),
         x.kind !== "new" ? el("span", { class: "score" }, x.score.toFixed(2)) : ""));
      if (keyB !== null && lastB && lastB.key === keyB) lastB.cell.rowSpan += 1;
      else {
        const cell = el("td", { class: "side side-b" }, passage(result.b.text, x.derived_start, x.derived_end, marksB));
        row.appendChild(cell);
        lastB = { key: keyB, cell };
      }
      rows.push(row);
    }
    const heading = (r, role) => el("th", {}, link("#/article/" + encodeURIComponent(r.id), reportName(r)), ` (${reportDate(r)}) `, el("span", { class: "muted" }, role));
    show(el("section", { class: "compare-page" },
      el("h1", {}, "Compare"), picker,
      el("p", { class: "relation", id: "relation" }, result.relation
        ? `${result.relation === "derived" ? "B rewrote A" : result.relation.replace("_", " ")} (confidence ${result.confidence.toFixed(2)}): ${result.evidence.join("; ")}`
        : "No stored link between these reports; aligned just now."),
      el("p", { class: "legend", id: "compare-legend" }, el("mark", { class: "copied" }, "copied words"), " ",
         el("mark", { class: "substitution" }, "substituted term"), " ",
         el("span", { class: "badge badge-verbatim" }, "verbatim"), " ", el("span", { class: "badge badge-rewrite" }, "rewritten"),
         " ", el("span", { class: "badge badge-new" }, "new")),
      el("table", { class: "compare", id: "compare" },
        el("thead", {}, el("tr", {}, heading(result.a, result.relation ? "source" : "A"), el("th", {}, ""),
                           heading(result.b, result.relation ? "derived" : "B"))),
        el("tbody", {}, rows)),
      el("h2", {}, "Substitutions"),
      result.substitutions.length ? el("ul", { id: "substitutions" }, result.substitutions.map((s) =>
        el("li", {}, el("del", {}, s.source), " → ", el("ins", {}, s.derived)))) : el("p", { class: "muted" }, "None.")));
  }

  async function comparePicker(a, b) {
    const articles = await api("/articles", { limit: 500 });
    const choose = (name, current) => el("select", { name },
      el("option", { value: "" }, "choose a report"),
      articles.map((r) => el("option", { value: r.id, selected: r.id === current || null },
        `${reportDate(r)} · ${reportName(r)} · ${r.id}`)));
    return el("form", { class: "picker", onsubmit: (e) => {
      e.preventDefault();
      const form = e.target;
      location.hash = `#/compare?a=${encodeURIComponent(form.elements.a.value)}&b=${encodeURIComponent(form.elements.b.value)}`;
    } }, el("label", {}, "A ", choose("a", a)), el("label", {}, "B ", choose("b", b)), el("button", { type: "submit" }, "Compare"));
  }

  route().catch((e) => show(errorBox(e)));
})();

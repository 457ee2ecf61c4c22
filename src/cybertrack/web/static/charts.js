// The list page's two pictures: incidents per year (Chart.js) and actors -> victims (Cytoscape).
// Data comes from a JSON script element, never from markup, so names taken from articles stay text.
(function () {
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  const timeline = document.getElementById("timeline-chart");
  if (timeline && window.Chart && data.timeline.length) {
    new Chart(timeline, {
      type: "bar",
      data: {
        labels: data.timeline.map((d) => d.year),
        datasets: [{ label: "incidents first seen", data: data.timeline.map((d) => d.count), backgroundColor: "#4a7bb7" }],
      },
      options: { animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }
  const graph = document.getElementById("actor-graph");
  if (graph && window.cytoscape && data.graph.length) {
    const nodes = new Map();
    const edges = [];
    data.graph.forEach((edge, i) => {
      nodes.set("a:" + edge.actor, { data: { id: "a:" + edge.actor, label: edge.actor, kind: "actor" } });
      nodes.set("v:" + edge.victim, { data: { id: "v:" + edge.victim, label: edge.victim, kind: "victim" } });
      edges.push({ data: { id: "e" + i, source: "a:" + edge.actor, target: "v:" + edge.victim, weight: edge.incidents } });
    });
    cytoscape({
      container: graph,
      elements: [...nodes.values(), ...edges],
      layout: { name: "cose", animate: false },
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 10, "background-color": "#2e86c1" } },
        { selector: "node[kind = 'actor']", style: { "background-color": "#c0392b", shape: "diamond" } },
        { selector: "edge", style: { width: "mapData(weight, 1, 5, 1, 5)", "line-color": "#aab", "target-arrow-shape": "triangle", "curve-style": "bezier" } },
      ],
    });
  }
})();

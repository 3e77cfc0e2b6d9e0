// The /report form: posts JSON to /api/reports (no cookies, no third-party assets).
(function () {
  "use strict";
  var form = document.getElementById("report");
  var result = document.getElementById("result");
  var position = document.getElementById("position");
  var coords = null;

  document.getElementById("observed_at").value = new Date(Date.now() - new Date().getTimezoneOffset() * 60000)
    .toISOString().slice(0, 16);

  document.getElementById("locate").addEventListener("click", function () {
    if (!navigator.geolocation) { position.hidden = false; position.textContent = "Position not available."; return; }
    navigator.geolocation.getCurrentPosition(function (p) {
      // rounded here already; the server rounds again to its own (coarser) cell
      coords = { lat: Math.round(p.coords.latitude * 10) / 10, lon: Math.round(p.coords.longitude * 10) / 10 };
      position.hidden = false;
      position.textContent = "Approximate position added (" + coords.lat + ", " + coords.lon + ").";
    }, function () { position.hidden = false; position.textContent = "Position not shared."; },
    { enableHighAccuracy: false, maximumAge: 600000, timeout: 10000 });
  });

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var body = {
      text: form.text.value.trim(),
      observed_at: form.observed_at.value,
    };
    if (form.place.value.trim()) body.place = form.place.value.trim();
    if (coords) { body.lat = coords.lat; body.lon = coords.lon; }
    if (form.category.value) body.category = form.category.value;
    result.className = ""; result.textContent = "Sending…";
    fetch("/api/reports", {
      method: "POST", credentials: "omit", referrerPolicy: "no-referrer",
      headers: { "Content-Type": "application/json" }, body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (data) { return { status: r.status, data: data }; });
    }).then(function (res) {
      if (res.status === 202) {
        result.textContent = "Thank you. Receipt: " + res.data.receipt;
        form.reset(); coords = null; position.hidden = true;
      } else {
        result.className = "error"; result.textContent = res.data.error || ("Error " + res.status);
      }
    }).catch(function () { result.className = "error"; result.textContent = "Could not send; check your connection."; });
  });
})();

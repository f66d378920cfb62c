(function () {
  var base = {{ base|tojson }}, version = document.body.getAttribute("data-v");
  if (location.search) { history.replaceState(null, "", base + location.hash); }
  function typing() {
    var area = document.querySelector("textarea");
    return area && (area.value || document.activeElement === area);
  }
  var form = document.getElementById("slip"), remembered = "oplaeg-column" + base;
  if (form) {
    try {
      var last = sessionStorage.getItem(remembered);
      var radio = /^[0-9]+$/.test(last || "") &&
        form.querySelector('input[name="column"][value="' + last + '"]');
      if (radio) { radio.checked = true; }
    } catch (e) {}
    form.addEventListener("submit", function () {
      var chosen = form.querySelector('input[name="column"]:checked');
      try { if (chosen) { sessionStorage.setItem(remembered, chosen.value); } } catch (e) {}
    });
  }
  setInterval(function () {
    if (document.hidden || typing()) { return; }
    fetch(base + "/status", {cache: "no-store", credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) { if (s && s.v !== version) { location.replace(base); } })
      .catch(function () {});
  }, {{ interval }});
})();

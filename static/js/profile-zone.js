/* The profile's time zone, proposed (no framework, no inline script: CSP-friendly).
   - A zone not chosen yet (the select carries data-propose) becomes the browser's own zone.
   - Choosing a country with one zone selects that zone, until the person picks one by hand.
   Without JavaScript the form still works: the server proposes the country's zone. */
(function () {
  "use strict";
  var zone = document.getElementById("id_time_zone");
  if (!zone) { return; }
  var country = document.getElementById("id_country");
  var data = document.getElementById("country-zones");
  var chosenByHand = false;

  function select(value) {
    if (!value) { return; }
    var known = false;
    for (var i = 0; i < zone.options.length; i += 1) {
      if (zone.options[i].value === value) { known = true; break; }
    }
    if (!known) { zone.add(new Option(value.replace(/_/g, " "), value)); }
    zone.value = value;
  }

  zone.addEventListener("change", function () { chosenByHand = true; });

  if (zone.hasAttribute("data-propose")) {
    try {
      select(Intl.DateTimeFormat().resolvedOptions().timeZone);
    } catch (error) { /* an old browser: the server's proposal stays */ }
  }

  if (country && data) {
    var singleZone = JSON.parse(data.textContent);
    country.addEventListener("change", function () {
      if (!chosenByHand && singleZone[country.value]) { select(singleZone[country.value]); }
    });
  }
}());

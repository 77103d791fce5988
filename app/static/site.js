/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  var d = document;
  d.documentElement.className += " js";
  var exit = d.querySelector("[data-exit]");
  // Exit this page: pressing Shift on its own three times leaves, as on GOV.UK.
  // Shift used to type a capital letter does not count.
  var shifts = 0, alone = false, timer;
  d.addEventListener("keydown", function (e) {
    if (e.key === "Shift") { alone = true; return; }
    alone = false; shifts = 0;
  });
  d.addEventListener("keyup", function (e) {
    if (e.key !== "Shift" || !alone || !exit) return;
    alone = false; shifts += 1; clearTimeout(timer);
    timer = setTimeout(function () { shifts = 0; }, 5000);
    if (shifts >= 3) { window.location.replace(exit.href); }
  });
  // A form is sent once, however many times the button is pressed.
  Array.prototype.forEach.call(d.querySelectorAll("form"), function (f) {
    f.addEventListener("submit", function (e) {
      if (f.getAttribute("data-sent")) { e.preventDefault(); return; }
      f.setAttribute("data-sent", "1");
    });
  });
  // Error summary takes focus so screen readers hear it first.
  var summary = d.getElementById("error-summary");
  if (summary) { summary.focus(); }
  // Characters left under long answers.
  Array.prototype.forEach.call(d.querySelectorAll("textarea[data-max]"), function (t) {
    var max = +t.getAttribute("data-max"), out = d.createElement("p");
    out.className = "hint"; out.setAttribute("aria-live", "polite");
    t.parentNode.insertBefore(out, t.nextSibling);
    var words = t.getAttribute("data-left") || "{n}";
    function show() { out.textContent = words.replace("{n}", String(max - t.value.length)); }
    t.addEventListener("input", show); show();
  });
  // Listen: read the question and its options aloud where the browser can.
  var listen = d.querySelector("[data-listen]");
  if (listen && window.speechSynthesis && window.SpeechSynthesisUtterance) {
    var label = listen.textContent;
    listen.hidden = false;
    listen.addEventListener("click", function () {
      var synth = window.speechSynthesis;
      if (synth.speaking) { synth.cancel(); listen.textContent = label; return; }
      var main = d.querySelector("main form");
      var parts = Array.prototype.map.call(
        main.querySelectorAll("legend, h1, .hint, label"), function (el) { return el.textContent.trim(); });
      var say = new window.SpeechSynthesisUtterance(parts.join(". "));
      say.lang = d.documentElement.lang;
      say.onend = function () { listen.textContent = label; };
      listen.textContent = listen.getAttribute("data-stop");
      synth.speak(say);
    });
  }
}());

// The officers' desk. Without this script the form works all the same;
// with it, the error summary takes the focus (as autofocus also asks),
// choosing a crime whose victims need a discreet leaflet ticks "Discreet
// leaflet" (unless the officer has set the box), with a warning while it
// is not ticked, and an officer who ticks "Remember my details on this
// device" finds their own details filled in next time.
//
// Only the fields named in OFFICER are ever read or stored: nothing about
// the victim (crime reference, name, language, crime, dates, cover) is.
(function () {
  "use strict";
  var KEY = "victimsite-desk-officer";
  var OFFICER = ["officer-name", "officer-rank", "collar", "officer-phone", "officer-email",
    "station", "promise-method", "promise-every"];

  var summary = document.querySelector(".govuk-error-summary");
  if (summary) {
    summary.focus();
  }

  suggestDiscreet();

  var form = document.getElementById("leaflet-form");
  var remember = document.getElementById("remember");
  var group = document.getElementById("remember-group");
  if (!form || !remember || !group) {
    return;
  }
  var store;
  try {
    store = window.localStorage;
    store.getItem(KEY);
  } catch (e) {
    return; // storage is off in this browser: leave the box hidden
  }
  group.hidden = false;

  var saved = null;
  try {
    saved = JSON.parse(store.getItem(KEY));
  } catch (e) {
    saved = null;
  }
  if (saved && typeof saved === "object") {
    remember.checked = true;
    // A form shown again with errors keeps exactly what was sent.
    if (!summary) {
      OFFICER.forEach(function (name) {
        var field = form.elements[name];
        if (field && field.value === "" && typeof saved[name] === "string") {
          field.value = saved[name];
        }
      });
    }
  }

  function save() {
    try {
      if (!remember.checked) {
        store.removeItem(KEY);
        return;
      }
      var officer = {};
      OFFICER.forEach(function (name) {
        var field = form.elements[name];
        if (field) {
          officer[name] = field.value;
        }
      });
      store.setItem(KEY, JSON.stringify(officer));
    } catch (e) {
      // a full or refused store loses the convenience, not the leaflet
    }
  }
  remember.addEventListener("change", save);
  form.addEventListener("submit", save);

  // suggestDiscreet ticks the discreet box when a crime marked
  // data-discreet is chosen, and shows the warning while such a crime's
  // leaflet is not discreet.
  function suggestDiscreet() {
    var crime = document.getElementById("crime");
    var discreet = document.getElementById("discreet");
    var notice = document.getElementById("discreet-notice");
    if (!crime || !discreet || !notice) {
      return;
    }
    var touched = false; // the officer set the box: leave it as they set it
    function suggested() {
      var option = crime.options[crime.selectedIndex];
      return !!option && option.hasAttribute("data-discreet");
    }
    function update() {
      notice.hidden = !(suggested() && !discreet.checked);
    }
    crime.addEventListener("change", function () {
      if (suggested() && !touched) {
        discreet.checked = true;
      }
      update();
    });
    discreet.addEventListener("change", function () {
      touched = true;
      update();
    });
    update();
  }
})();

/** Inline JS of trust-matrix.html: the failure filter and opening a case's details when it is linked to. */
export const TRUST_MATRIX_JS = `
(function () {
  var box = document.getElementById('only-failures');
  function applyFilter() { document.body.classList.toggle('only-failures', box.checked); }
  box.addEventListener('change', applyFilter);
  applyFilter();
  function openCase(id) {
    var el = id && document.getElementById(id);
    if (el && el.tagName === 'DETAILS') el.open = true;
  }
  window.addEventListener('hashchange', function () { openCase(decodeURIComponent(location.hash.slice(1))); });
  openCase(decodeURIComponent(location.hash.slice(1)));
  document.addEventListener('click', function (ev) {
    var link = ev.target.closest && ev.target.closest('a[href^="#case-"]');
    if (link) openCase(link.getAttribute('href').slice(1));
  });
  document.querySelectorAll('[data-toggle-all]').forEach(function (button) {
    button.addEventListener('click', function () {
      var open = button.getAttribute('data-toggle-all') === 'open';
      document.querySelectorAll('details.case').forEach(function (d) { d.open = open; });
    });
  });
})();
`;

// Parley's command-queue stub (docs/widget.md): `parley(...)` calls made before
// the widget has loaded are queued and run, in order, once it has. It lives in a
// file of its own so the pages need no inline script (strict CSP friendly).
window.parley = window.parley || function () { (window.parley.q = window.parley.q || []).push(arguments); };

// Buttons with data-parley-open open the chat, e.g. "Ask us" on the contact page.
document.addEventListener('click', (event) => {
  const opener = event.target instanceof Element ? event.target.closest('[data-parley-open]') : null;
  if (!opener) return;
  event.preventDefault();
  window.parley('open');
});

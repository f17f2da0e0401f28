// Added to every page before its own scripts run (Playwright add_init_script).
//
// 1. Time to interactive. The page is interactive at the first moment when
//    (a) its first control (the first input, button, select or textarea inside
//        #rendered_cells, in document order) is attached, has a size, is not
//        hidden and is not disabled, and
//    (b) a websocket to the page's kernel (/api/kernels/<id>/channels) is open and
//        has received at least one message, so a click on the control reaches Python.
//    On a static page there is no kernel; only (a) applies.
//    The moment is stored as window.__kitInteractive (ms since navigation start,
//    performance.now()), checked every 16 ms (one frame), so it is at most a frame late.
//
// 2. Feedback latency. window.__kitArm(element) returns nothing and starts a
//    measurement: the next click anywhere (capture phase) starts the clock, and
//    the first change of element's visible text ends it; the time of the next
//    animation frame after that change is taken as "on screen".
//    window.__kitResult() resolves to {clickAt, changedAt, paintedAt, lastKeyAt}.
(() => {
  const kernelSockets = [];
  const Native = window.WebSocket;
  class KitSocket extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      this.__kitMessages = 0;
      if (String(url).includes('/channels')) {
        kernelSockets.push(this);
        this.addEventListener('message', () => { this.__kitMessages += 1; });
      }
    }
  }
  window.WebSocket = KitSocket;
  window.__kitState = () => ({
    cells: Boolean(document.getElementById('rendered_cells')),
    control: firstControl() ? firstControl().outerHTML.slice(0, 120) : null,
    sockets: kernelSockets.map((ws) => [ws.readyState, ws.__kitMessages]),
  });

  function firstControl() {
    const root = document.getElementById('rendered_cells');
    return root ? root.querySelector('input:not([type=hidden]), button, select, textarea') : null;
  }

  function usable(el) {
    if (!el || !el.isConnected || el.disabled) { return false; }
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) { return false; }
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none' && style.pointerEvents !== 'none';
  }

  function kernelConnected() {
    return kernelSockets.some((ws) => ws.readyState === 1 && ws.__kitMessages > 0);
  }

  window.__kitStatic = false;
  function check() {
    if (window.__kitInteractive !== undefined) { return; }
    if (usable(firstControl()) && (window.__kitStatic || kernelConnected())) {
      window.__kitInteractive = performance.now();
      const el = firstControl();
      window.__kitFirstControl = el.tagName.toLowerCase() + (el.type ? '[' + el.type + ']' : '');
    }
  }
  const timer = setInterval(() => { check(); if (window.__kitInteractive !== undefined) { clearInterval(timer); } }, 16);

  // feedback latency
  let lastKeyAt = null;
  document.addEventListener('input', () => { lastKeyAt = performance.now(); }, true);
  let pending = null;
  window.__kitArm = (element) => {
    const before = element.innerText;
    let clickAt = null;
    const onClick = () => { if (clickAt === null) { clickAt = performance.now(); } };
    document.addEventListener('click', onClick, true);
    pending = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        const now = element.innerText;
        if (now === before || now.trim() === '') { return; }
        const changedAt = performance.now();
        observer.disconnect();
        document.removeEventListener('click', onClick, true);
        requestAnimationFrame(() => resolve({ clickAt, changedAt, paintedAt: performance.now(), lastKeyAt, text: now.slice(0, 200) }));
      });
      observer.observe(element, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  };
  window.__kitResult = () => pending;
})();

/**
 * Ends every page the build wrote (src/build/prerender.ts), whose text is readable without any
 * script: it starts the app (the module named by the root's `data-entry`) only once the browser has
 * reported the first contentful paint, so no script is fetched, compiled or run before the page shows (issue
 * 11, "First paint at the physical limit"). A hidden document (a background tab, a prerender) paints
 * nothing until shown, so there the app starts at once; a browser without paint timing starts it
 * after the next frame. The last timer is only a net: the app (and with it the quick exit) must
 * start even if no paint is ever reported. The CSP allows exactly this text by its hash.
 */
export const APP_LOADER_SCRIPT =
  `(function(){var r=document.getElementById("root"),e=r&&r.getAttribute("data-entry"),d=0;if(!e)return;` +
  `function go(){if(d)return;d=1;var s=document.createElement("script");s.type="module";s.crossOrigin="";s.src=e;document.head.appendChild(s)}` +
  `function later(){setTimeout(go)}` +
  `if(document.visibilityState==="hidden")return go();setTimeout(go,3000);` +
  `var P=window.PerformanceObserver;if(P&&P.supportedEntryTypes&&P.supportedEntryTypes.indexOf("paint")>=0)` +
  `new P(function(l){if(l.getEntriesByName("first-contentful-paint").length)later()}).observe({type:"paint",buffered:true});else requestAnimationFrame(later)})()`

/** The CSP source for APP_LOADER_SCRIPT: base64 SHA-256 of its text. */
export const APP_LOADER_SCRIPT_HASH = "'sha256-R53Qiet1Nm0Zq2aBsNesW1kdFYKSUF46U8juT+peVBk='"

// Client-side routing over the History API. Every same-origin link (including links inside CMS
// rich text, which point at FRONTEND_BASE_URL) navigates without a page load.
import { languageOf } from "./i18n.js";

/** What a URL shows: the preview, a front-end-only view (members, search) or a CMS page. */
export function resolve(url) {
  const path = decodeURIComponent(url.pathname);
  if (path === "/preview/" || path === "/preview") return { kind: "preview" };
  const language = languageOf(url.pathname);
  if (!language) return path === "/" ? { kind: "root" } : { kind: "page", language: null, path };
  const rest = path.slice(language.length + 1);
  if (rest === "/members/") return { kind: "members", language };
  if (rest === "/search/") return { kind: "search", language };
  return { kind: "page", language, path: path.endsWith("/") ? path : `${path}/` };
}

export function startRouter(render) {
  document.addEventListener("click", (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest("a[href]");
    if (!link || link.target || link.hasAttribute("download")) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin) return;
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash, {}, render);
  });
  window.addEventListener("popstate", () => render(new URL(location.href), { restore: true }));
  return render(new URL(location.href), { initial: true });
}

export function navigate(target, options = {}, render) {
  const url = new URL(target, location.href);
  if (options.replace) history.replaceState({}, "", url);
  else history.pushState({}, "", url);
  return render(url, options);
}

// The reference front end: resolves the URL, reads the page from the delivery API, renders the
// site chrome (from /api/v2/site/) and one view per page kind.
import { api, ApiError } from "./api.js";
import { h } from "./dom.js";
import { DEFAULT_LANGUAGE, LANGUAGES, strings } from "./i18n.js";
import { navigate as go, resolve, startRouter } from "./router.js";
import { renderHome } from "./views/home.js";
import { renderInFocus } from "./views/infocus.js";
import { renderListing, SECTION_OF_TYPE } from "./views/listing.js";
import { renderMembers } from "./views/members.js";
import { renderNews } from "./views/news.js";
import { loadPreview, previewBanner, previewRejected } from "./views/preview.js";
import { renderSearch } from "./views/search.js";
import { renderCampaign, renderStandard } from "./views/standard.js";
import { renderStatement } from "./views/statement.js";
import { renderError, renderNotFound } from "./views/status.js";

const PAGE_VIEWS = {
  "pages.HomePage": renderHome,
  "pages.NewsPage": renderNews,
  "pages.StatementPage": renderStatement,
  "pages.InFocusPage": renderInFocus,
  "pages.StandardPage": renderStandard,
  "pages.CampaignPage": renderCampaign,
  ...Object.fromEntries(Object.keys(SECTION_OF_TYPE).map((type) => [type, renderListing])),
};
const CONSENT_KEY = "coalition-cookie-consent";

const root = document.getElementById("app");
let controller = null;
const navigationCache = new Map();

function preferredLanguage() {
  const wanted = (navigator.languages || []).map((tag) => tag.slice(0, 2));
  return wanted.find((code) => LANGUAGES.includes(code)) || DEFAULT_LANGUAGE;
}

function navigate(target, options = {}) {
  return go(target, options, render);
}

async function render(url, options = {}) {
  controller?.abort();
  controller = new AbortController();
  const { signal } = controller;
  const route = resolve(url);
  if (route.kind === "root") return navigate(`/${preferredLanguage()}/`, { replace: true });

  document.body.dataset.state = "loading";
  root.querySelector("main")?.setAttribute("aria-busy", "true");
  let language = route.language || DEFAULT_LANGUAGE;
  let doc = null;
  let content;
  let site = null;
  const ctx = { url, navigate, signal };
  let state = "ready";
  try {
    if (route.kind === "preview") {
      try {
        doc = await loadPreview(url, signal);
      } catch (error) {
        if (!(error instanceof ApiError) || ![400, 403, 404].includes(error.status)) throw error;
        Object.assign(ctx, { language, t: strings(language) });
        content = previewRejected(ctx, error);
      }
      if (doc) language = doc.locale;
    } else if (route.kind === "page") {
      try {
        doc = await api.page(route.path, { signal });
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 404) throw error;
      }
      if (doc?.type === "redirect") {
        const target = new URL(doc.location, location.href);
        return navigate(target.origin === location.origin ? target.pathname + target.search : doc.location, { replace: true });
      }
      if (doc) language = doc.locale;
    }
    site = await api.site(language, { signal });
    Object.assign(ctx, { language, t: strings(language), site });
    if (!content) {
      if (route.kind === "members") content = await renderMembers(ctx);
      else if (route.kind === "search") content = await renderSearch(ctx);
      else if (!doc) content = renderNotFound(ctx);
      else {
        const view = PAGE_VIEWS[doc.type] || renderStandard;
        content = await view(doc, ctx);
        if (doc.preview) content = [previewBanner(doc), content];
      }
    }
    if (route.kind === "page" && !doc) state = "not-found";
  } catch (error) {
    if (error.name === "AbortError") return;
    console.error(error);
    Object.assign(ctx, { language, t: strings(language) });
    content = renderError(ctx, error);
    state = "error";
  }
  if (signal.aborted) return;
  await paint(ctx, site, doc, route, content);
  if (signal.aborted) return;
  // Set once the page is on screen: tests and assistive tech can rely on it.
  document.body.dataset.state = state;
  if (!options.initial) focusAfterNavigation(options.focus);
}

async function navigationFor(ctx, site) {
  if (site?.navigation?.length) return site.navigation.map((page) => ({ title: page.title, path: page.path }));
  // The site's menu is empty until editors tick "Show in menus": fall back to the sections.
  if (!navigationCache.has(ctx.language)) {
    const pending = api
      .sections(ctx.language)
      .then((data) =>
        data.items.map((item) => ({ title: item.title, path: decodeURIComponent(new URL(item.meta.html_url).pathname) })),
      )
      .catch(() => []);
    navigationCache.set(ctx.language, pending);
  }
  return navigationCache.get(ctx.language);
}

async function paint(ctx, site, doc, route, content) {
  const { language, t } = ctx;
  const dir = doc?.dir || site?.dir || (language === "ar" ? "rtl" : "ltr");
  document.documentElement.lang = language;
  document.documentElement.dir = dir;
  const siteName = site?.home?.title || t.siteName;
  const title = doc?.meta?.seo_title || doc?.title || (route.kind === "members" ? t.members : route.kind === "search" ? t.search : null);
  document.title = title && title !== siteName ? `${title} · ${siteName}` : siteName;
  const description = document.querySelector('meta[name="description"]');
  if (description) description.content = doc?.meta?.search_description || "";

  const nav = site ? await navigationFor(ctx, site) : [];
  const current = decodeURIComponent(location.pathname);
  const navItems = [
    ...nav,
    { title: t.members, path: `/${language}/members/` },
    { title: t.search, path: `/${language}/search/` },
  ];
  const translations = new Map((doc?.translations || []).map((tr) => [tr.locale, tr.path]));
  const languageLinks = (site?.locales || []).map((locale) => {
    const path = locale.code === language ? current : translations.get(locale.code) || locale.home_path;
    return h(
      "li",
      {},
      h(
        "a",
        { href: path, lang: locale.code, hreflang: locale.code, "aria-current": locale.code === language ? "true" : null },
        locale.name,
      ),
    );
  });

  const header = h(
    "header",
    { class: "site-header" },
    h(
      "div",
      { class: "site-header__inner" },
      h("a", { class: "brand", href: `/${language}/` }, siteName),
      languageLinks.length ? h("nav", { class: "language-nav", "aria-label": t.languages }, h("ul", {}, languageLinks)) : null,
    ),
    h(
      "nav",
      { class: "main-nav", "aria-label": t.mainNav },
      h(
        "ul",
        {},
        navItems.map((item) =>
          h("li", {}, h("a", { href: item.path, "aria-current": current === item.path ? "page" : current.startsWith(item.path) ? "true" : null }, item.title)),
        ),
      ),
    ),
  );
  const main = h("main", { id: "main", tabindex: "-1" }, content);
  const footer = site
    ? h(
        "footer",
        { class: "site-footer" },
        site.footer?.text ? h("p", {}, site.footer.text) : null,
        site.social_links?.length
          ? h(
              "nav",
              { "aria-label": t.followUs },
              h("ul", { class: "social-links" }, site.social_links.map((link) => h("li", {}, h("a", { href: link.url }, link.label || link.platform)))),
            )
          : null,
        site.footer?.copyright ? h("p", { class: "copyright" }, site.footer.copyright) : null,
      )
    : null;
  root.replaceChildren(
    h("a", { class: "skip-link", href: "#main" }, t.skip),
    header,
    main,
    footer,
    // An editor previewing a draft is not a visitor to ask about cookies.
    doc?.preview ? null : cookieNotice(site, ctx),
  );
  root.querySelector(".skip-link").addEventListener("click", (event) => {
    event.preventDefault();
    main.focus();
  });
}

function cookieNotice(site, ctx) {
  const notice = site?.cookie_notice;
  if (!notice?.text) return null;
  try {
    if (localStorage.getItem(CONSENT_KEY)) return null;
  } catch {
    // Storage refused (private mode): ask every time.
  }
  const { t } = ctx;
  const choose = (value) => () => {
    try {
      localStorage.setItem(CONSENT_KEY, value);
    } catch {
      // Not remembered; the notice is still dismissed for this page.
    }
    box.remove();
    document.getElementById("main")?.focus();
  };
  const box = h(
    "section",
    { class: "cookie-notice", "aria-labelledby": "cookie-heading" },
    h("h2", { id: "cookie-heading", class: "cookie-notice__title" }, t.cookieTitle),
    h("p", {}, notice.text, " ", notice.policy ? h("a", { href: notice.policy.path }, t.cookiePolicy) : null),
    h(
      "div",
      { class: "cookie-notice__actions" },
      h("button", { type: "button", class: "button", onclick: choose("analytics") }, t.cookieAccept),
      h("button", { type: "button", class: "button button--secondary", onclick: choose("necessary") }, t.cookieReject),
    ),
  );
  return box;
}

function focusAfterNavigation(target) {
  const element =
    (target && document.getElementById(target)) || document.querySelector("main h1") || document.getElementById("main");
  element?.focus();
  if (!target) window.scrollTo(0, 0);
}

startRouter(render);

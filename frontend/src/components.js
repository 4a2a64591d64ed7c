// Pieces shared by the views: images, cards, breadcrumbs, term lists, "Load more".
import { h } from "./dom.js";
import { choice, formatDate } from "./i18n.js";

const RENDITION_ORDER = {
  hero: ["hero", "full", "card", "thumbnail"],
  body: ["full", "card", "hero", "thumbnail"],
  card: ["card", "thumbnail", "hero", "full"],
  thumbnail: ["thumbnail", "card"],
};

/** An image from the API as <picture>: WebP first, the JPEG/PNG rendition as the fallback. */
export function picture(image, use = "body", { eager = false } = {}) {
  if (!image?.renditions) return null;
  const key = RENDITION_ORDER[use].find((name) => image.renditions[name]);
  if (!key) return null;
  const rendition = image.renditions[key];
  return h(
    "picture",
    {},
    rendition.webp ? h("source", { type: "image/webp", srcset: rendition.webp }) : null,
    h("img", {
      src: rendition.url,
      alt: image.alt || "",
      width: rendition.width,
      height: rendition.height,
      loading: eager ? "eager" : "lazy",
      decoding: "async",
    }),
  );
}

/** An image with its caption and credit. */
export function figure(image, use = "body", options = {}) {
  const pic = picture(image, use, options);
  if (!pic) return null;
  const caption = [image.caption, image.credit].filter(Boolean);
  return h(
    "figure",
    { class: `figure figure--${use}` },
    pic,
    caption.length
      ? h(
          "figcaption",
          {},
          image.caption ? h("span", { class: "caption" }, image.caption) : null,
          image.credit ? h("span", { class: "credit" }, image.credit) : null,
        )
      : null,
  );
}

export function time(language, iso, precision) {
  if (!iso) return null;
  return h("time", { datetime: iso }, formatDate(language, iso, precision));
}

export function teaser(text, words = 40) {
  const parts = (text || "").split(/\s+/).filter(Boolean);
  return parts.length > words ? `${parts.slice(0, words).join(" ")}…` : parts.join(" ");
}

/** A listing card: {title, path, date, summary, kind, image, lines_of_effort, hashtags}. */
export function card(item, ctx, { level = 3, image = true } = {}) {
  return h(
    "article",
    { class: "card", dataset: { type: item.type || "" } },
    image ? picture(item.image, "card") : null,
    h(
      "div",
      { class: "card__body" },
      h(`h${level}`, { class: "card__title" }, h("a", { href: item.path }, item.title)),
      h(
        "p",
        { class: "card__meta" },
        item.kind ? h("span", { class: "kind" }, choice(ctx.language, "kinds", item.kind)) : null,
        item.kind && item.date ? " · " : null,
        time(ctx.language, item.date),
      ),
      item.summary ? h("p", { class: "card__summary" }, teaser(item.summary)) : null,
    ),
  );
}

export function cardList(items, ctx, options) {
  return h(
    "ul",
    { class: "cards", role: "list" },
    items.map((item) => h("li", {}, card(item, ctx, options))),
  );
}

export function breadcrumbs(doc, ctx) {
  if (!doc.breadcrumbs?.length) return null;
  return h(
    "nav",
    { class: "breadcrumbs", "aria-label": ctx.t.breadcrumbs },
    h(
      "ol",
      {},
      doc.breadcrumbs.map((crumb) => h("li", {}, h("a", { href: crumb.path }, crumb.title))),
      h("li", {}, h("span", { "aria-current": "page" }, doc.title)),
    ),
  );
}

export function hashtagList(tags, ctx) {
  if (!tags?.length) return null;
  return h(
    "ul",
    { class: "tags", "aria-label": ctx.t.hashtags },
    tags.map((tag) => h("li", {}, `#${tag}`)),
  );
}

export function termList(terms, label) {
  if (!terms?.length) return null;
  return h("ul", { class: "terms", "aria-label": label }, terms.map((term) => h("li", {}, term.name)));
}

/**
 * A "Load more" button under a list: fetches the next page with the cursor, appends the new
 * items, moves focus to the first of them (so keyboard users carry on from there) and
 * announces how many arrived.
 */
export function loadMore({ ctx, list, next, fetchPage, renderItem, label }) {
  const status = h("p", { class: "visually-hidden", role: "status", "aria-live": "polite" });
  const button = h("button", { type: "button", class: "button load-more" }, label || ctx.t.loadMore);
  let cursor = next;
  const wrapper = h("div", { class: "load-more-wrapper" }, button, status);
  if (!cursor) button.hidden = true;
  button.addEventListener("click", async () => {
    if (!cursor || button.getAttribute("aria-disabled") === "true") return;
    button.setAttribute("aria-disabled", "true");
    button.textContent = ctx.t.loadingMore;
    try {
      const page = await fetchPage(cursor);
      const items = page.items.map((item) => {
        const li = h("li", { tabindex: "-1" }, renderItem(item));
        list.append(li);
        return li;
      });
      cursor = page.items.length ? page.next : null;
      status.textContent = ctx.t.loadedMore(items.length);
      if (items.length) items[0].focus();
      if (!cursor) {
        button.hidden = true;
        status.textContent += ` ${ctx.t.noMore}`;
      }
    } catch (error) {
      status.textContent = ctx.t.errorText;
      console.error(error);
    } finally {
      button.removeAttribute("aria-disabled");
      button.textContent = label || ctx.t.loadMore;
    }
  });
  return wrapper;
}

// StreamField blocks from the API ({"type", "value", "id"}) as markup: one renderer per block
// type that cms/blocks.py defines. An unknown type is skipped (and logged), never fatal.
import { embedPlayer, h, richText } from "./dom.js";
import { figure, time } from "./components.js";

export function fileSize(bytes, language) {
  if (!bytes && bytes !== 0) return "";
  const units = ["B", "KB", "MB", "GB"];
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: unit ? 1 : 0 }).format(size);
  return `${number} ${units[unit]}`;
}

export function documentLink(doc, ctx) {
  if (!doc) return null;
  const details = [doc.file_type?.toUpperCase(), fileSize(doc.file_size, ctx.language)]
    .filter(Boolean)
    .join(", ");
  return h(
    "a",
    { class: "document-link", href: doc.url, download: true },
    h("span", { class: "document-link__title" }, doc.title),
    details ? h("span", { class: "document-link__details" }, ` (${details})`) : null,
  );
}

const RENDERERS = {
  heading: (value) => h(value.level === "h3" ? "h3" : "h2", { class: "block-heading" }, value.text),

  paragraph: (value) => richText(value),

  image: (value) => figure(value, "body"),

  pull_quote: (value) =>
    h(
      "figure",
      { class: "pull-quote" },
      h("blockquote", {}, h("p", {}, value.quote)),
      value.attribution || value.role
        ? h(
            "figcaption",
            {},
            value.attribution ? h("span", { class: "pull-quote__who" }, value.attribution) : null,
            value.role ? h("span", { class: "pull-quote__role" }, value.role) : null,
          )
        : null,
    ),

  gallery: (value, ctx) =>
    h(
      "figure",
      { class: "gallery", "aria-label": value.title || ctx.t.gallery },
      value.title ? h("figcaption", { class: "gallery__title" }, value.title) : null,
      h(
        "ul",
        { class: "gallery__images", role: "list" },
        (value.images || []).filter(Boolean).map((image) => h("li", {}, figure(image, "body"))),
      ),
    ),

  video: (value, ctx) =>
    h(
      "figure",
      { class: "video" },
      embedPlayer(value.video, value.caption || ctx.t.video),
      value.caption ? h("figcaption", {}, value.caption) : null,
      value.transcript
        ? h("details", { class: "transcript" }, h("summary", {}, ctx.t.transcript), richText(value.transcript))
        : null,
    ),

  stat: (value) =>
    h(
      "p",
      { class: "stat" },
      h("strong", { class: "stat__value" }, value.value),
      " ",
      h("span", { class: "stat__label" }, value.label),
      value.source ? h("small", { class: "stat__source" }, value.source) : null,
    ),

  timeline_entry: (value, ctx) =>
    h(
      "div",
      { class: "timeline-entry" },
      h("p", { class: "timeline-entry__date" }, time(ctx.language, value.date, value.date_precision)),
      h("p", { class: "timeline-entry__title" }, h("strong", {}, value.title)),
      value.text ? richText(value.text) : null,
    ),

  call_to_action: (value) =>
    h(
      "aside",
      { class: "call-to-action", "aria-label": value.heading },
      h("p", { class: "call-to-action__heading" }, value.heading),
      value.text ? h("p", {}, value.text) : null,
      value.link?.url ? h("a", { class: "button", href: value.link.url }, value.link.label) : null,
    ),

  document: (value, ctx) => h("p", { class: "document" }, documentLink(value, ctx)),
};

export function renderBlocks(blocks, ctx) {
  return h(
    "div",
    { class: "stream" },
    (blocks || []).map((block) => {
      const render = RENDERERS[block.type];
      if (!render) {
        console.warn(`No renderer for block type “${block.type}”`);
        return null;
      }
      if (block.value === null || block.value === undefined) return null;
      const node = render(block.value, ctx);
      if (node) node.dataset.block = block.type;
      return node;
    }),
  );
}

export const BLOCK_TYPES = Object.keys(RENDERERS);

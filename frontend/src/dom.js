// Small DOM helpers: elements from data (text is always text), and rich text from the CMS
// cleaned to the tags its editor can produce.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      el.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === "dataset") {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(name, "");
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false || child === "") continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

// What Wagtail's rich text (RICH_TEXT_FEATURES in cms/blocks.py) and oEmbed players can contain.
const RICH_TAGS = new Set([
  "P", "BR", "B", "STRONG", "I", "EM", "A", "UL", "OL", "LI", "H2", "H3", "H4", "H5", "H6",
  "BLOCKQUOTE", "SPAN", "DIV", "FIGURE", "FIGCAPTION", "HR", "SUB", "SUP",
]);
const RICH_ATTRS = new Set(["href", "title", "lang", "dir"]);

/** A fragment from CMS rich text: unknown tags unwrapped, scripts, styles and handlers gone. */
export function richText(html) {
  const template = document.createElement("template");
  template.innerHTML = html || "";
  clean(template.content);
  const wrapper = h("div", { class: "rich-text" });
  wrapper.append(template.content);
  return wrapper;
}

function clean(node) {
  for (const child of [...node.childNodes]) {
    if (child.nodeType === Node.COMMENT_NODE) {
      child.remove();
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      if (["SCRIPT", "STYLE", "IFRAME", "OBJECT", "EMBED", "TEMPLATE"].includes(child.tagName)) {
        child.remove();
        continue;
      }
      clean(child);
      if (!RICH_TAGS.has(child.tagName)) {
        child.replaceWith(...child.childNodes);
        continue;
      }
      for (const attr of [...child.attributes]) {
        const keep = RICH_ATTRS.has(attr.name) && !(attr.name === "href" && !safeUrl(attr.value));
        if (!keep) child.removeAttribute(attr.name);
      }
    }
  }
}

export function safeUrl(url) {
  try {
    return ["http:", "https:", "mailto:"].includes(new URL(url, location.href).protocol);
  } catch {
    return false;
  }
}

/** An oEmbed player (YouTube, Vimeo) as an iframe we build ourselves, titled for screen readers. */
export function embedPlayer(video, fallbackTitle) {
  if (!video) return null;
  const template = document.createElement("template");
  template.innerHTML = video.html || "";
  const source = template.content.querySelector("iframe");
  const src = source && source.getAttribute("src");
  const title = video.title || fallbackTitle;
  if (!src || !safeUrl(src) || !src.startsWith("https:")) {
    return h("p", { class: "video-link" }, h("a", { href: video.url }, title || video.url));
  }
  const ratio = video.width && video.height ? `${video.width} / ${video.height}` : "16 / 9";
  return h("iframe", {
    class: "video-frame",
    src,
    title,
    style: `aspect-ratio: ${ratio}`,
    loading: "lazy",
    allow: "encrypted-media; picture-in-picture; fullscreen",
    referrerpolicy: "strict-origin-when-cross-origin",
  });
}
